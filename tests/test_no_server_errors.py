"""No page of Tongban answers a server error (ARCHITECTURE §5.7), whoever asks and whatever they send.

With the demo city loaded once for the module, every URL pattern of the project (see ``tests/matrix.py``) is
fetched as an anonymous visitor and as each demo persona, and POSTed an empty body as an anonymous visitor, a
citizen and the staff who may act on the walked objects (so the empty POST reaches the forms, not only the 404s).
Path parameters come from real demo objects; a new page whose parameters have no demo value fails
``test_every_url_parameter_has_a_value`` until a provider is added to ``URL_PARAMETERS``.

Every demo case is also opened, in every state, on the applicant and staff pages and through its file downloads.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from tests.matrix import (
    ALLOWED_STATUSES,
    ANONYMOUS,
    POST_PERSONAS,
    WALK_PERSONAS,
    loaded_demo,
    missing_parameters,
    page_url,
    walk_url_patterns,
)

PAGES = walk_url_patterns()

# Known server errors, each written down in the QA report: {(URL name, persona, method): reason}. The cases stay
# in the walk as strict xfails, so the suite turns red (XPASS) as soon as a fix lands and the entry can go.
KNOWN_BUGS: dict[tuple[str, str, str], str] = {}


# PostgreSQL refuses text containing NUL (0x00) bytes with a DataError; SQLite stores it. Values that reach a
# query unchecked therefore answer 500 on PostgreSQL only: {(URL name, parameter or "?query"): reason}.
# The eight found on 2026-11-23 (guide pages, apply, catalog admin, supervision ?state=) were fixed by the core
# middleware that answers 400 to NUL in a path or query (5e60987) and the portal's own check (6d108b2).
NUL_BUGS_ON_POSTGRES: dict[tuple[str, str], str] = {}
# Huge numbers (past 64 bits once multiplied) in the query string: {URL name: reason}, on every database.
# The one found on 2026-11-23 (cases:disclosure ?page=) was fixed by clamping the page in fetch_public_disclosure.
HUGE_NUMBER_BUGS: dict[str, str] = {}
NUL = "\x00"
HUGE = "99999999999999999999"
HOSTILE_PERSONAS = (ANONYMOUS, "citizen", "clerk", "supervisor", "catalog_xiangfu")
# Every query parameter a view reads (grep request.GET in tongban/*/views.py), each set to a NUL byte.
HOSTILE_QUERY = "&".join(
    f"{name}=%00"
    for names in (
        "q page status sort state level region department",
        "base as next number code kind topic item type",
    )
    for name in names.split(" ")
)


def _on_postgres(reason: str | None) -> list[object]:
    if not reason:
        return []
    return [
        pytest.mark.xfail(
            settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason=reason, strict=True
        )
    ]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
    yield from loaded_demo(django_db_blocker, tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(autouse=True)
def _demo_settings(_test_settings, settings, demo, db):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = demo.media_root  # the demo's uploaded materials live there
    cache.clear()  # login failure counters and the like must not leak between requests


def _cases(method: str, personas: tuple[str, ...]) -> list[object]:
    params = []
    for page in PAGES:
        for persona in personas:
            marks = []
            bug = KNOWN_BUGS.get((page.name, persona, method))
            if bug:
                marks.append(pytest.mark.xfail(strict=True, reason=bug))
            params.append(pytest.param(page, persona, marks=marks, id=f"{page.name}-{persona}"))
    return params


def _sign_in(client, demo, persona: str) -> None:  # type: ignore[no-untyped-def]
    if persona != ANONYMOUS:
        client.force_login(demo.user(persona))


def test_the_walk_covers_the_pages_of_every_app() -> None:
    names = {page.name.split(":")[0] for page in PAGES}
    assert {"accounts", "cases", "catalog", "portal", "admin"} <= names
    assert len(PAGES) >= 50


def test_every_url_parameter_has_a_value() -> None:
    missing = missing_parameters(PAGES)
    assert not missing, (
        "these URL parameters have no demo value; add a provider to URL_PARAMETERS in tests/matrix.py: "
        + "; ".join(missing)
    )


@pytest.mark.parametrize(("pattern", "persona"), _cases("GET", WALK_PERSONAS))
def test_get_never_fails(client, demo, pattern, persona) -> None:  # type: ignore[no-untyped-def]
    url = page_url(pattern, demo)
    _sign_in(client, demo, persona)
    response = client.get(url)
    assert response.status_code in ALLOWED_STATUSES, f"GET {url} as {persona}: {response.status_code}"


@pytest.mark.parametrize(("pattern", "persona"), _cases("POST", POST_PERSONAS))
def test_an_empty_post_never_fails(client, demo, pattern, persona) -> None:  # type: ignore[no-untyped-def]
    url = page_url(pattern, demo)
    _sign_in(client, demo, persona)
    response = client.post(url)
    assert response.status_code < 500, f"POST {url} as {persona}: {response.status_code}"


# --- hostile values ----------------------------------------------------------------------------------------------------


def _text_parameters() -> list[object]:
    return [
        pytest.param(
            page,
            param,
            marks=_on_postgres(NUL_BUGS_ON_POSTGRES.get((page.name, param))),
            id=f"{page}-{param}",
        )
        for page in PAGES
        for param in page.params
    ]


@pytest.mark.parametrize(("pattern", "param"), _text_parameters())
def test_a_nul_byte_or_a_huge_number_in_a_path_parameter_is_not_a_server_error(
    client, demo, pattern, param
) -> None:  # type: ignore[no-untyped-def]
    url = page_url(pattern, demo, **{param: NUL if param in pattern.text_params else HUGE})
    for persona in HOSTILE_PERSONAS:
        client.logout()
        _sign_in(client, demo, persona)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code < 500, f"{url} as {persona}: {response.status_code}"


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(p, marks=_on_postgres(NUL_BUGS_ON_POSTGRES.get((p.name, "?query"))), id=str(p))
        for p in PAGES
    ],
)
def test_nul_bytes_in_the_query_string_are_not_a_server_error(client, demo, pattern) -> None:  # type: ignore[no-untyped-def]
    url = f"{page_url(pattern, demo)}?{HOSTILE_QUERY}"
    for persona in HOSTILE_PERSONAS:
        client.logout()
        _sign_in(client, demo, persona)
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} as {persona}: {response.status_code}"


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(p, marks=[pytest.mark.xfail(reason=HUGE_NUMBER_BUGS[p.name], strict=True)], id=str(p))
        if p.name in HUGE_NUMBER_BUGS
        else pytest.param(p, id=str(p))
        for p in PAGES
    ],
)
def test_huge_numbers_in_the_query_string_are_not_a_server_error(client, demo, pattern) -> None:  # type: ignore[no-untyped-def]
    url = f"{page_url(pattern, demo)}?{HOSTILE_QUERY.replace('%00', '999999999999999999')}"
    for persona in HOSTILE_PERSONAS:
        client.logout()
        _sign_in(client, demo, persona)
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} as {persona}: {response.status_code}"


# --- every demo case, in every state --------------------------------------------------------------------------------

DEMO_CASES = [
    "draft",
    "submitted",
    "correction",
    "review",
    "review_other",
    "parallel",
    "special",
    "decided",
    "closed",
    "not_accepted",
    "withdrawn",
    "commitment",
]


STAFF_VIEWERS = ("clerk", "reviewer_scjg", "reviewer_ga", "supervisor")


def _case_requests(demo, case) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(persona, URL) pairs that render the case the way each side sees it, in the case's current state."""
    applicants = {u.username for u in (case.applicant_user, case.agent, case.created_by) if u is not None}
    downloads = [reverse("cases:material_download", args=[case.ref, m.pk]) for m in case.materials.all()]
    downloads += [reverse("cases:notice_download", args=[case.ref, n.pk]) for n in case.notices.all()]
    if case.number is None:
        own = [reverse("cases:draft_edit", args=[case.ref]), reverse("cases:case_detail", args=[case.ref])]
        return [(who, url) for who in sorted(applicants) for url in own + downloads]
    own = [reverse("cases:case_detail", args=[case.ref]), reverse("cases:submitted", args=[case.number])]
    staff = [reverse("cases:staff_case", args=[case.number]), reverse("cases:pre_review", args=[case.number])]
    return [(who, url) for who in sorted(applicants) for url in own + downloads] + [
        (who, url) for who in STAFF_VIEWERS for url in staff + (downloads if who == "supervisor" else [])
    ]


@pytest.mark.parametrize("which", DEMO_CASES)
def test_every_demo_case_opens_for_its_applicant_and_staff(client, demo, which) -> None:  # type: ignore[no-untyped-def]
    case = getattr(demo, which)
    client.raise_request_exception = False  # collect every failure of the case, not only the first
    failures, rendered, current = [], set(), None
    for persona, url in _case_requests(demo, case):
        if persona != current:
            client.logout()
            _sign_in(client, demo, persona)
            current = persona
        response = client.get(url)
        if response.status_code not in ALLOWED_STATUSES:
            exc = getattr(response, "exc_info", None)
            error = repr(exc[1]) if exc else ""
            failures.append(f"GET {url} as {persona}: {response.status_code} {error}")
        elif response.status_code == 200:
            rendered.add((persona, url))
    assert not failures, "\n".join(failures)
    # The applicant and at least one staff member really saw the case (not only redirects and 404s).
    main = reverse("cases:draft_edit" if case.number is None else "cases:case_detail", args=[case.ref])
    assert any(url == main for _who, url in rendered), f"no applicant could open {main}"
    if case.number:
        staff_page = reverse("cases:staff_case", args=[case.number])
        assert any(url == staff_page for _who, url in rendered), f"no staff member could open {staff_page}"
