"""Public portal pages: home, search, service guide (HTML and PDF) and the elderly-mode switch.

Views are thin: parse the request, read through ``tongban.portal.queries`` (which consumes the catalog's queries),
render. Every page works without JavaScript; HTMX requests to the search get only the results partial.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tongban.catalog import queries as catalog_queries
from tongban.catalog.choices import ItemType
from tongban.core.errors import DomainError
from tongban.organizations.choices import ExerciseLevel
from tongban.portal import queries
from tongban.portal.forms import SearchForm, parse_page
from tongban.portal.middleware import ELDERLY_COOKIE
from tongban.portal.pdf import get_guide_pdf

if TYPE_CHECKING:
    from tongban.catalog.models import Implementation, ItemVersion

ELDERLY_COOKIE_MAX_AGE = 365 * 24 * 3600
SEARCH_PAGE_SIZE = 20
# Queries a citizen can try when a search finds nothing (everyday services every city publishes).
SEARCH_SUGGESTIONS = ["护照", "婚姻", "低保", "身份证", "社保"]


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The portal home page: search box, services by department / life event / enterprise stage, popular ones."""
    regions = queries.fetch_home_regions()
    wanted = request.GET.get("region", "")
    region = next((r for r in regions if r.code == wanted), None)  # anything else: the whole city
    code = region.code if region else None
    page = queries.fetch_home_page(region=code)
    context = {
        "by_person": page.by_person,
        "by_enterprise": page.by_enterprise,
        "by_department": page.by_department,
        "popular": page.popular,
        "total_published": page.total,
        "regions": regions,
        "region": region,
        "hot_words": SEARCH_SUGGESTIONS,
    }
    return render(request, "portal/home.html", context)


# The filter dropdowns (departments and regions with published services) change only when something is
# published; the TTL bounds staleness from other changes (a department renamed, an implementation deactivated).
FILTER_OPTIONS_TTL = 60


def _filter_options() -> queries.FilterOptions:
    """``fetch_filter_options`` with its department and region lists cached per catalog publish revision."""
    key = f"portal:filter-options:{catalog_queries.publish_revision()}"
    cached = cache.get(key)
    if cached is None:
        options = queries.fetch_filter_options()
        cache.set(key, (options.departments, options.regions), FILTER_OPTIONS_TTL)
        return options
    departments, regions = cached
    # Item types and levels are translated labels: built per request, in the request's language.
    return queries.FilterOptions(
        departments=departments,
        regions=regions,
        item_types=[(value, str(label)) for value, label in ItemType.choices],
        levels=[(value, str(label)) for value, label in ExerciseLevel.choices],
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search published guides, one result per item (the searcher's county first); HTMX gets the results partial.

    ``near`` (a region code) orders each item's implementations; without it a signed-in person's 户籍 county
    from their ID number is used.
    """
    options = _filter_options()
    form = SearchForm(request.GET, options=options)
    criteria = form.criteria()
    page = parse_page(request.GET.get("page"))
    near = queries.searcher_region(request.GET.get("near"), request.user)
    result = queries.search_published(**criteria, near=near, page=page, page_size=SEARCH_PAGE_SIZE)
    if result.count and not result.groups and page > 1:
        # A page past the end (an old link, a hand-edited URL) shows the last page instead of "nothing found".
        result = queries.search_published(
            **criteria, near=near, page=result.num_pages, page_size=SEARCH_PAGE_SIZE
        )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "criteria": criteria,
        "result": result,
        "has_filters": any(criteria[key] for key in ("department", "region", "item_type", "level")),
        "base_query": params.urlencode(),
        "suggestions": SEARCH_SUGGESTIONS,
        "near": near,
    }
    is_partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    template = "portal/_partials/search_results.html" if is_partial else "portal/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _get_implementation_or_404(code: str, *, for_page: bool = False) -> Implementation:
    if not code.isprintable():
        # A NUL or control character can never be part of a 实施编码, and PostgreSQL refuses NUL in a query.
        raise Http404
    read = queries.get_published_for_page if for_page else queries.get_published_implementation
    try:
        return read(code)
    except DomainError as exc:
        if exc.status == 404:
            raise Http404(str(exc.message)) from exc
        raise


def _current_version(impl: Implementation) -> ItemVersion:
    # get_published_implementation only returns implementations with a published current version.
    if impl.current_version is None:
        raise Http404
    return impl.current_version


def _apply_url(code: str) -> str | None:
    # The case app's application page may not exist in this build; the guide must render either way.
    try:
        return reverse("cases:apply", args=[code])
    except NoReverseMatch:
        return None


@require_GET
def guide(request: HttpRequest, code: str) -> HttpResponse:
    """The service guide (办事指南) of one implementation's current published version, every element shown."""
    impl = _get_implementation_or_404(code, for_page=True)
    context = {
        "impl": impl,
        "version": impl.current_version,
        "apply_url": _apply_url(impl.code),
        "other_places": queries.fetch_other_places(impl),
    }
    return render(request, "portal/guide.html", context)


@require_GET
def guide_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The guide as an A4 PDF download (rendered once per published version and language)."""
    impl = _get_implementation_or_404(code)
    data = get_guide_pdf(impl)
    response = HttpResponse(data, content_type="application/pdf")
    filename = quote(f"{impl.item.name}-办事指南.pdf")
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"guide-{impl.code}.pdf\"; filename*=UTF-8''{filename}"
    )
    response.headers["Cache-Control"] = "public, max-age=600"
    return response


MATERIAL_FILE_KINDS = ("blank_form", "sample")


def _file_response(field: FieldFile | None) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=PurePosixPath(field.name or "file").name)


@require_GET
def guide_file(request: HttpRequest, code: str, kind: str, material_id: int) -> FileResponse:
    """A material's blank form (空白表格) or filled-in sample (示例样表) from the published guide; public."""
    impl = _get_implementation_or_404(code)
    if kind not in MATERIAL_FILE_KINDS:
        raise Http404
    version = _current_version(impl)
    material = next((m for m in version.materials.all() if m.pk == material_id), None)
    return _file_response(getattr(material, kind) if material else None)


@require_GET
def guide_result_sample(request: HttpRequest, code: str) -> FileResponse:
    """The result sample (结果样本) of the published guide; public."""
    impl = _get_implementation_or_404(code)
    return _file_response(_current_version(impl).result_sample)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.headers.get("Referer") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("portal:home")


@require_POST
def elderly_toggle(request: HttpRequest) -> HttpResponse:
    """Switch 大字版 on or off (``mode=on|off``; without it, flip the current state) and go back."""
    mode = request.POST.get("mode")
    turn_on = (mode == "on") if mode in ("on", "off") else not getattr(request, "elderly_mode", False)
    response = HttpResponseRedirect(_safe_next(request), status=303)
    if turn_on:
        response.set_cookie(
            ELDERLY_COOKIE,
            "1",
            max_age=ELDERLY_COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(ELDERLY_COOKIE, samesite="Lax")
    return response
