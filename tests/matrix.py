"""Shared pieces of the whole-site walks (``test_no_server_errors``, ``test_access_matrix``).

* :func:`loaded_demo` loads the demo city once per test module inside one transaction that is rolled back when
  the module ends, so each test still runs in its own savepoint and other modules never see the demo rows.
* :func:`walk_url_patterns` lists every page of the project (the API, ``i18n`` and the Django admin's internals
  are left to their own tests).
* :data:`URL_PARAMETERS` fills every path parameter of every page from a real demo object. A new page with a
  parameter that is not in the table fails ``test_every_url_parameter_has_a_value`` with a message saying what to
  add, so no page can escape the walks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.shortcuts import resolve_url
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import StringConverter

DEMO_PASSWORD = "tongban-demo"
ANONYMOUS = "anonymous"

# Everyone the GET walk signs in as (plus anonymous visitors).
WALK_PERSONAS = (
    ANONYMOUS,
    "citizen",
    "citizen2",
    "agent",
    "clerk",
    "clerk_township",
    "reviewer_scjg",
    "reviewer_ga",
    "supervisor",
    "catalog_city",
    "catalog_lankao",
    "approver_scjg",
    "data_admin",
    "sysadmin",
)
# The empty-POST walk: outsiders, plus the staff who may use the walked objects (the city window clerk, the
# 市场监督管理局 reviewer on the case in review, the supervisor, the 祥符区 catalog administrator on their draft).
POST_PERSONAS = (ANONYMOUS, "citizen", "clerk", "reviewer_scjg", "supervisor", "catalog_xiangfu")
ALLOWED_STATUSES = frozenset({200, 301, 302, 303, 400, 403, 404, 405})

# Route prefixes not walked here: the API (schemathesis covers it), language switching, the Django admin's
# internals (only its index is walked) and static files.
SKIPPED_PREFIXES = ("api/", "i18n/", "django-admin/", "static/", "media/")
EXTRA_NAMES = ("admin:index",)

SCJG = "开封市市场监督管理局"
GA = "开封市公安局"
WENLV = "开封市文化广电和旅游局"
XIANGFU = "410212"


# --- the demo city -------------------------------------------------------------------------------------------------


@dataclass
class Demo:
    """The demo objects the walks and the matrix address, picked by state, applicant and department."""

    users: dict[str, Any]
    draft: Any  # citizen's draft (居住证申领, 公安局)
    submitted: Any  # citizen's submitted case (普通护照签发, 公安局), waiting for pre-review
    correction: Any  # citizen's case in 补正 (户口迁移, 公安局)
    review: Any  # citizen's case in review at 市场监督管理局 (yellow), one open review task
    review_other: Any  # citizen2's case in review at 市场监督管理局 (red)
    parallel: Any  # the agent's enterprise case in parallel review (文旅 lead, 公安局 countersigns)
    special: Any  # an enterprise's case taken in at the window, in a special procedure (公安局)
    decided: Any  # citizen's decided case awaiting pickup (公安局)
    closed: Any  # the enterprise agent's closed case (市场监督管理局, delivered electronically)
    not_accepted: Any
    withdrawn: Any
    review_task: Any  # the open review task of ``review``
    extension: Any  # a pending extension request on ``review``
    citizen_message: Any  # an in-app message of ``citizen``
    citizen_token: Any  # an API token of ``citizen``
    codes: dict[
        str, str
    ]  # one-time code challenges: registration, password reset, window confirmation (clerk)
    guide: Any  # a published city implementation (普通护照签发)
    xiangfu_implementation: Any  # a 祥符区 implementation with an open draft
    xiangfu_draft: Any
    city_implementation: Any  # a city implementation with an open draft
    city_draft: Any
    commitment: Any  # the agent's 告知承诺 case, decided, with an open verification task
    media_root: str = ""
    licence: Any = None  # one of citizen's electronic licences (issued by a demo approval)
    stock_import: Any = None  # the demo's stock import of the licence library
    seal: Any = None  # the city approval seal

    def user(self, username: str) -> Any:
        if username == ANONYMOUS:
            return None
        if username in self.users:
            return self.users[username]
        from tongban.accounts.models import User

        return User.objects.get(username=username)  # e.g. a passwordless applicant taken in at the window


def demo_case(**filters: Any) -> Any:
    """The one demo case matching ``filters``; fails loudly when the demo no longer has exactly one."""
    from tongban.cases.models import Case

    # The cases demo's own cases (keys "demo-…"); the licences demo adds more of its own ("licences-demo-…").
    cases = list(
        Case.objects.filter(idempotency_key__startswith="demo-", **filters).select_related("department")[:2]
    )
    assert len(cases) == 1, (
        f"the demo city should have exactly one case with {filters}, found {len(cases)}; "
        "update tests/matrix.py (Demo) to the demo cases in tongban/cases/demo.py"
    )
    return cases[0]


def _build_demo() -> Demo:
    from tongban.accounts.models import User
    from tongban.accounts.services import do_issue_api_token
    from tongban.cases import services
    from tongban.cases.choices import CaseState, TaskState
    from tongban.catalog.models import Implementation
    from tongban.catalog.services import do_start_draft
    from tongban.notifications.models import InboxMessage
    from tongban.notifications.services import deliver_pending

    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    review = demo_case(state=CaseState.IN_REVIEW, applicant_user__username="citizen", department__name=SCJG)
    extension = services.do_request_extension(
        review, actor=users["reviewer_scjg"], days=3, reason="需要补充现场核查（矩阵测试）"
    )
    deliver_pending(1000)  # the demo's notifications become in-app messages
    message = InboxMessage.objects.filter(user=users["citizen"]).order_by("id").first()
    assert message is not None, "the demo should leave citizen at least one in-app message"
    _raw, token = do_issue_api_token(users["citizen"])
    from tongban.accounts.services import (
        check_start_password_reset,
        check_start_registration,
        check_start_window_confirmation,
    )

    codes = {
        "registration": check_start_registration(
            None, username="matrix-visitor", password="Huanghe-2026-ok", real_name="张三",
            id_number="410212202001010015", phone="13600009999",
        ).challenge,
        "password_reset": check_start_password_reset(None, identifier="citizen", channel="sms").challenge,
        "window": check_start_window_confirmation(
            actor=users["clerk"], id_number=users["citizen"].id_number, name=users["citizen"].real_name
        ).challenge,
    }  # fmt: skip

    def with_draft(implementation: Any, actor: Any) -> Any:
        from tongban.catalog.services import OPEN_STATUSES

        draft = implementation.versions.filter(status__in=OPEN_STATUSES).first()
        return draft or do_start_draft(implementation, actor=actor)

    published = Implementation.objects.filter(current_version__isnull=False).select_related("item")
    xiangfu = published.filter(region__code=XIANGFU).order_by("code").first()
    city = published.filter(region__level=1).exclude(item__name="普通护照签发").order_by("code").first()
    return Demo(
        users=users,
        draft=demo_case(state=CaseState.DRAFT, applicant_user__username="citizen"),
        submitted=demo_case(state=CaseState.SUBMITTED, applicant_user__username="citizen"),
        correction=demo_case(state=CaseState.CORRECTION_REQUESTED, applicant_user__username="citizen"),
        review=review,
        review_other=demo_case(
            state=CaseState.IN_REVIEW, applicant_user__username="citizen2", department__name=SCJG
        ),
        parallel=demo_case(state=CaseState.IN_REVIEW, department__name=WENLV),
        special=demo_case(state=CaseState.SPECIAL_PROCEDURE),
        decided=demo_case(state=CaseState.DECIDED, applicant_user__username="citizen"),
        closed=demo_case(state=CaseState.CLOSED, enterprise__isnull=False),
        not_accepted=demo_case(state=CaseState.NOT_ACCEPTED),
        withdrawn=demo_case(state=CaseState.WITHDRAWN),
        review_task=review.tasks.get(state=TaskState.OPEN),
        extension=extension,
        citizen_message=message,
        citizen_token=token,
        codes=codes,
        guide=published.get(item__name="普通护照签发", region__level=1),
        xiangfu_implementation=xiangfu,
        xiangfu_draft=with_draft(xiangfu, users["catalog_xiangfu"]),
        city_implementation=city,
        city_draft=with_draft(city, users["catalog_city"]),
        commitment=demo_case(state=CaseState.DECIDED, commitment_signed_at__isnull=False),
        licence=_demo_licence(users["citizen"]),
        stock_import=_first_row("licenses", "StockImport"),
        seal=_first_row("signing", "Seal"),
    )


def _demo_licence(citizen: Any) -> Any:
    from tongban.licenses.models import License

    licence = License.objects.filter(holder_id_number=citizen.id_number, source_case__isnull=False).first()
    assert licence is not None, "the demo should give citizen a licence from an approved case"
    return licence


def _first_row(app_label: str, model_name: str) -> Any:
    from django.apps import apps

    row = apps.get_model(app_label, model_name).objects.order_by("pk").first()
    assert row is not None, f"the demo should have a {app_label}.{model_name}"
    return row


def loaded_demo(django_db_blocker: Any, media_root: Path) -> Iterator[Demo]:
    """Load the demo city (plus the few objects the demo lacks) in a transaction rolled back afterwards.

    Use from a module-scoped fixture that also requests ``django_db_setup``. Uploaded demo files go to
    ``media_root``; tests must point ``settings.MEDIA_ROOT`` there too (the root conftest gives each test its own).
    """
    from django.core.cache import cache

    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(TONGBAN_DEMO=True, MEDIA_ROOT=str(media_root), PASSWORD_HASHERS=fast),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            demo = _build_demo()
            demo.media_root = str(media_root)
            yield demo
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


# --- every page of the project --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One named URL pattern: ``name`` as reversed (``app:name``), its route and its path parameters."""

    name: str
    route: str
    params: tuple[str, ...]
    text_params: tuple[str, ...] = ()  # the parameters any text can fill (``str`` converters)

    def __str__(self) -> str:
        return self.name


def _params(pattern: Any) -> tuple[str, ...]:
    converters = getattr(pattern, "converters", None)
    if converters is not None:
        return tuple(converters)
    return tuple(pattern.regex.groupindex)


def _text_params(pattern: Any) -> tuple[str, ...]:
    converters = getattr(pattern, "converters", {})
    return tuple(name for name, converter in converters.items() if isinstance(converter, StringConverter))


def walk_url_patterns(
    patterns: list[Any] | None = None,
    prefix: str = "",
    namespace: str = "",
    params: tuple[str, ...] = (),
    text: tuple[str, ...] = (),
) -> list[Page]:
    """Every named page of the project outside :data:`SKIPPED_PREFIXES`, plus :data:`EXTRA_NAMES`."""
    top = patterns is None
    pages: list[Page] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            pages += walk_url_patterns(
                entry.url_patterns,
                route,
                full_ns,
                params + _params(entry.pattern),
                text + _text_params(entry.pattern),
            )
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            if name in EXTRA_NAMES or not route.startswith(SKIPPED_PREFIXES):
                pages.append(
                    Page(
                        name or f"<unnamed {route}>",
                        route,
                        params + _params(entry.pattern),
                        text + _text_params(entry.pattern),
                    )
                )
    if top:
        names = [p.name for p in pages]
        assert len(names) == len(set(names)), (
            f"duplicate URL names: {sorted(n for n in names if names.count(n) > 1)}"
        )
    return pages


# --- a real demo value for every path parameter ----------------------------------------------------------------------

Provider = Callable[[Demo], Any]


def _first_material(case: Any) -> Any:
    return case.materials.order_by("id").first()


def _first_notice(case: Any) -> Any:
    return case.notices.order_by("id").first()


# (URL name, parameter) → the demo value used by the walks. Pick the object the page is about for its owner, so the
# walk reaches the page itself (not only its 404) for at least one persona.
URL_PARAMETERS: dict[tuple[str, str], Provider] = {
    # accounts
    ("accounts:token_revoke", "token_id"): lambda d: d.citizen_token.pk,
    ("accounts:profile_of", "username"): lambda d: "citizen",
    ("accounts:register_confirm", "challenge"): lambda d: d.codes["registration"],
    ("accounts:password_reset_confirm", "challenge"): lambda d: d.codes["password_reset"],
    ("accounts:window_confirmation_code", "challenge"): lambda d: d.codes["window"],
    # catalog (the 祥符区 draft: catalog_xiangfu edits it, catalog_city only reads it)
    ("catalog:version_edit", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:version_quality", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:version_submit", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:version_return", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:version_publish", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:version_diff", "pk"): lambda d: d.xiangfu_draft.pk,
    ("catalog:implementation_detail", "code"): lambda d: d.xiangfu_implementation.code,
    ("catalog:draft_start", "code"): lambda d: d.xiangfu_implementation.code,
    ("catalog:item_names_update", "code"): lambda d: d.city_draft.implementation.code,
    # cases: applicant pages
    ("cases:apply", "code"): lambda d: d.guide.code,
    ("cases:draft_edit", "ref"): lambda d: d.draft.ref,
    ("cases:submitted", "number"): lambda d: d.submitted.number,
    ("cases:case_detail", "ref"): lambda d: d.correction.ref,
    ("cases:correction_upload", "ref"): lambda d: d.correction.ref,
    ("cases:correction_upload", "index"): lambda d: 0,
    ("cases:supplement_upload", "ref"): lambda d: d.correction.ref,
    ("cases:supplement_upload", "material_id"): lambda d: _first_material(d.correction).material_id,
    ("cases:resubmit", "ref"): lambda d: d.correction.ref,
    ("cases:withdraw", "ref"): lambda d: d.submitted.ref,
    ("cases:case_choose_delivery", "ref"): lambda d: d.decided.ref,
    ("cases:material_download", "ref"): lambda d: d.review.ref,
    ("cases:material_download", "material_id"): lambda d: _first_material(d.review).pk,
    ("cases:notice_download", "ref"): lambda d: d.review.ref,
    ("cases:notice_download", "notice_id"): lambda d: _first_notice(d.review).pk,
    # cases: staff pages
    ("cases:pre_review", "number"): lambda d: d.submitted.number,
    ("cases:task_claim", "task_id"): lambda d: d.review_task.pk,
    ("cases:task_complete", "task_id"): lambda d: d.review_task.pk,
    ("cases:task_transfer", "task_id"): lambda d: d.review_task.pk,
    ("cases:task_add_signer", "task_id"): lambda d: d.review_task.pk,
    ("cases:staff_case", "number"): lambda d: d.review.number,
    ("cases:special_start", "number"): lambda d: d.review.number,
    ("cases:special_finish", "number"): lambda d: d.special.number,
    ("cases:extension_request", "number"): lambda d: d.review.number,
    ("cases:deliver", "number"): lambda d: d.decided.number,
    ("cases:decide_on_the_spot", "number"): lambda d: d.review.number,
    ("cases:send_pickup_code", "number"): lambda d: d.decided.number,
    ("cases:draft_delete", "ref"): lambda d: d.draft.ref,
    ("cases:terminate", "number"): lambda d: d.review.number,
    ("cases:extension_decide", "extension_id"): lambda d: d.extension.pk,
    ("cases:message_open", "message_id"): lambda d: d.citizen_message.pk,
    # portal (the demo guides carry no files, so guide_file / result-sample answer 404)
    ("portal:guide", "code"): lambda d: d.guide.code,
    ("portal:guide_pdf", "code"): lambda d: d.guide.code,
    ("portal:guide_file", "code"): lambda d: d.guide.code,
    ("portal:guide_file", "kind"): lambda d: "blank_form",
    ("portal:guide_file", "material_id"): lambda d: (
        d.guide.current_version.materials.order_by("id").first().pk
    ),
    ("portal:guide_result_sample", "code"): lambda d: d.guide.code,
    # licences (citizen's licence; the approver of its department manages it) and the stock import
    ("licenses:license_detail", "identifier"): lambda d: d.licence.identifier,
    ("licenses:license_pdf", "identifier"): lambda d: d.licence.identifier,
    ("licenses:license_present", "identifier"): lambda d: d.licence.identifier,
    ("licenses:manage_detail", "identifier"): lambda d: d.licence.identifier,
    ("licenses:manage_action", "identifier"): lambda d: d.licence.identifier,
    ("licenses:manage_action", "action"): lambda d: "suspend",
    ("licenses:stock_import_detail", "pk"): lambda d: d.stock_import.pk,
    ("licenses:stock_import_resume", "pk"): lambda d: d.stock_import.pk,
    ("licenses:stock_import_rejected", "pk"): lambda d: d.stock_import.pk,
    # signing
    ("signing:seal_certificate", "pk"): lambda d: d.seal.pk,
}


def missing_parameters(pages: list[Page]) -> list[str]:
    """``"name: param"`` for every path parameter without a provider in :data:`URL_PARAMETERS`."""
    return [
        f"{page.name}: {param}"
        for page in pages
        for param in page.params
        if (page.name, param) not in URL_PARAMETERS
    ]


def page_url(page: Page, demo: Demo, **override: Any) -> str:
    """The page's URL with every parameter filled from the demo (fails with instructions when one is unknown)."""
    import pytest
    from django.urls import reverse

    missing = missing_parameters([page])
    if missing:
        pytest.fail(
            f"no demo value for {', '.join(missing)} (route {page.route!r}); add a provider for it to "
            "URL_PARAMETERS in tests/matrix.py so the walks cover the new page"
        )
    kwargs = {param: URL_PARAMETERS[(page.name, param)](demo) for param in page.params}
    return reverse(page.name, kwargs={**kwargs, **override})


def is_login_redirect(response: Any) -> bool:
    """A redirect to the sign-in page (with ``?next=``)."""
    return response.status_code == 302 and str(response["Location"]).startswith(
        resolve_url(settings.LOGIN_URL)
    )
