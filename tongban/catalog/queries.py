"""Reads of ``catalog``: access helpers, admin scoping, public search and listings, version diff."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from tongban.catalog.choices import (
    DeliveryMode,
    EnterpriseTopic,
    HandlingForm,
    PersonTopic,
    ServiceObject,
    VersionStatus,
)
from tongban.catalog.models import Faq, Fee, FlowTemplate, Implementation, ItemVersion, Material
from tongban.catalog.search import clean_query, segment_query
from tongban.core.errors import NOT_FOUND
from tongban.core.validators import parse_implementation_code
from tongban.organizations.choices import RegionLevel
from tongban.organizations.models import Region

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# --- scoping and access -----------------------------------------------------------------------------------------


def _catalog_admin_grants(user: Any) -> list[Any]:
    """The user's catalog-administrator grants (role grants with department and region loaded)."""
    from tongban.accounts.choices import Role
    from tongban.accounts.permissions import get_grants

    if not getattr(user, "is_active", False):
        return []
    return [grant for grant in get_grants(user) if grant.role == Role.CATALOG_ADMIN]


def is_catalog_admin(user: Any) -> bool:
    """True for an active superuser or a holder of any catalog-administrator grant."""
    return bool(getattr(user, "is_superuser", False) and user.is_active) or bool(_catalog_admin_grants(user))


def _grant_scope(grant: Any, *, readable: bool) -> Q:
    """Implementations one grant covers.

    A city-level grant edits implementations whose region IS the city (county lists belong to the county) but
    may read everything below it; a county (or lower) grant edits its region and below. A department in the
    grant narrows it to that department.
    """
    q = Q()
    region = grant.region or (grant.department.region if grant.department_id else None)
    if region is not None:
        if region.level == RegionLevel.CITY and not readable:
            q &= Q(region=region)
        else:
            q &= Q(region__path__startswith=region.path)
    if grant.department_id:
        q &= Q(department_id=grant.department_id)
    return q


def _admin_q(user: Any, *, readable: bool) -> Q | None:
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    grants = _catalog_admin_grants(user)
    if not grants:
        return None
    q = Q(pk__in=[])
    for grant in grants:
        if grant.department_id is None and grant.region_id is None:
            return Q()  # a platform-wide grant
        q |= _grant_scope(grant, readable=readable)
    return q


def fetch_implementations_for_admin(user: Any, *, readable: bool = False) -> QuerySet[Implementation]:
    """Implementations ``user`` may edit as catalog administrator (or, with ``readable``, may view in the admin)."""
    q = _admin_q(user, readable=readable)
    qs = Implementation.objects.select_related("item", "department", "region", "current_version", "parent")
    if q is None:
        return qs.none()
    return qs.filter(q)


def user_can_edit_implementation(user: Any, implementation: Implementation) -> bool:
    """The ``catalog.edit_implementation`` rule: the implementation lies in one of the user's admin scopes."""
    return fetch_implementations_for_admin(user).filter(pk=implementation.pk).exists()


def access_implementation_for_edit(user: Any, code: str) -> Implementation:
    """The implementation with 实施编码 ``code`` if ``user`` may edit it; the same NOT_FOUND when missing or forbidden."""
    parsed = parse_implementation_code(code)
    implementation = fetch_implementations_for_admin(user).filter(code=parsed).first() if parsed else None
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def access_implementation_for_view(user: Any, code: str) -> Implementation:
    """Like :func:`access_implementation_for_edit`, but also the read-only scope of a city administrator."""
    parsed = parse_implementation_code(code)
    implementation = (
        fetch_implementations_for_admin(user, readable=True).filter(code=parsed).first() if parsed else None
    )
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def access_version_for_edit(user: Any, pk: Any) -> ItemVersion:
    """The guide version ``pk`` if its implementation is editable by ``user``; NOT_FOUND otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NOT_FOUND.error() from None
    version = (
        ItemVersion.objects.filter(pk=pk, implementation__in=fetch_implementations_for_admin(user))
        .select_related(
            "implementation__item",
            "implementation__department",
            "implementation__region",
            "implementation__parent__current_version",
            "flow_template",
        )
        .first()
    )
    if version is None:
        raise NOT_FOUND.error()
    return version


def access_version_for_view(user: Any, pk: Any) -> ItemVersion:
    """The guide version ``pk`` if its implementation is in ``user``'s readable admin scope; NOT_FOUND otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NOT_FOUND.error() from None
    version = (
        ItemVersion.objects.filter(
            pk=pk, implementation__in=fetch_implementations_for_admin(user, readable=True)
        )
        .select_related("implementation__item", "implementation__department", "implementation__region")
        .first()
    )
    if version is None:
        raise NOT_FOUND.error()
    return version


def fetch_items_addable_for_admin(user: Any) -> list[tuple[Any, Any, Any]]:
    """City implementations a county administrator can implement in their county: (city impl, county dept, region).

    For each county grant: city-published implementations of items the county does not implement yet whose
    city department has a counterpart of the same category in that county.
    """
    from tongban.organizations.models import Department

    result = []
    for grant in _catalog_admin_grants(user):
        region = grant.region or (grant.department.region if grant.department_id else None)
        if region is None or region.level == RegionLevel.CITY:
            continue
        city_code = region.path.strip("/").split("/")[0]
        departments = {
            d.category: d
            for d in Department.objects.filter(region=region, is_active=True).exclude(category="")
            if not grant.department_id or d.pk == grant.department_id
        }
        implemented = set(Implementation.objects.filter(region=region).values_list("item_id", flat=True))
        city_impls = (
            Implementation.objects.filter(
                region__code=city_code, current_version__status=VersionStatus.PUBLISHED, is_active=True
            )
            .exclude(item_id__in=implemented)
            .select_related("item", "department")
            .order_by("item__name")
        )
        for impl in city_impls:
            dept = departments.get(impl.department.category)
            if dept is not None:
                result.append((impl, dept, region))
    return result


# --- public reads -----------------------------------------------------------------------------------------------


# The catalog's publish revision (a cache key part): a new random value whenever a version is published.
PUBLISH_REVISION_KEY = "catalog:publish-revision"


def publish_revision() -> str:
    """The current publish revision; caches of what is published key on it (``bump_publish_revision``)."""
    revision = cache.get(PUBLISH_REVISION_KEY)
    if revision is None:
        cache.add(PUBLISH_REVISION_KEY, uuid.uuid4().hex, None)
        revision = cache.get(PUBLISH_REVISION_KEY) or ""
    return str(revision)


def bump_publish_revision() -> None:
    """Start a new publish revision, now and again after the surrounding transaction commits.

    The second bump drops anything a concurrent reader cached from the old data under the first new revision.
    """
    from django.db import transaction

    def bump() -> None:
        cache.set(PUBLISH_REVISION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def _published() -> QuerySet[Implementation]:
    return Implementation.objects.filter(
        is_active=True, current_version__status=VersionStatus.PUBLISHED
    ).select_related("current_version", "item", "department", "region")


@dataclass
class SearchPage:
    """One page of search results; ``results`` have current version, item, department and region loaded."""

    count: int = 0
    results: list[Implementation] = field(default_factory=list)
    page: int = 1
    num_pages: int = 1
    page_size: int = 20
    query: str = ""


def _candidates(cleaned: str, tokens: list[str], mode: str) -> RawSQL:
    """Ids of implementations matching the query, from the search index alone (no join, no OR across tables).

    ``words``: the index holds every token, or the (short) name contains the query. ``text``: the indexed text
    contains the query (3+ characters; only tried when ``words`` found nothing). ``any``: the index holds any
    token, or the name contains the query (several tokens, when the two above found nothing).
    """
    name_like = f"%{cleaned}%"  # clean_query leaves word characters only: no LIKE wildcards to escape
    if connection.vendor == "postgresql":
        if mode == "text":
            return RawSQL(
                "SELECT implementation_id FROM catalog_searchentry WHERE text ILIKE %s", [name_like]
            )
        if mode == "any":
            match, param = "search_vector @@ to_tsquery('simple', %s)", " | ".join(tokens)
        else:
            match, param = "search_vector @@ plainto_tsquery('simple', %s)", " ".join(tokens)
        # ILIKE on the bare column (not UPPER(name)) so the name's trigram index can serve 3+ characters.
        sql = (
            f"SELECT implementation_id FROM catalog_searchentry WHERE {match} "
            "UNION SELECT implementation_id FROM catalog_searchentry WHERE name ILIKE %s"
        )
        return RawSQL(sql, [param, name_like])
    if mode == "text":
        return RawSQL("SELECT implementation_id FROM catalog_searchentry WHERE text LIKE %s", [name_like])
    # Tokens hold word characters only (clean_query), so double-quoting makes each a literal FTS5 string.
    param = (" OR " if mode == "any" else " ").join(f'"{t}"' for t in tokens)
    sql = (
        "SELECT rowid FROM catalog_search_fts WHERE catalog_search_fts MATCH %s "
        "UNION SELECT implementation_id FROM catalog_searchentry WHERE name LIKE %s"
    )
    return RawSQL(sql, [param, name_like])


class _SearchRank(TypedDict):
    """The annotations :func:`_ranked` adds to each implementation."""

    name_rank: int
    search_total: int


def _ranked(
    matched: QuerySet[Implementation], cleaned: str, tokens: list[str]
) -> QuerySet[WithAnnotations[Implementation, _SearchRank]]:
    """``matched`` in rank order, each row carrying ``search_total`` (the size of the whole match)."""
    name_words = Q()
    for token in tokens:
        name_words &= Q(search_entry__name_terms__contains=f" {token} ")
    return matched.annotate(
        name_rank=Case(
            When(item__name=cleaned, then=Value(0)),
            When(item__name__icontains=cleaned, then=Value(1)),
            When(name_words, then=Value(2)),  # every query word is a word (or alias) of the name: 低保, 驾照
            default=Value(3),
            output_field=IntegerField(),
        ),
        search_total=Window(Count("pk")),
    ).order_by("name_rank", "level", "item__name", "code")


def search_published(
    q: str = "",
    *,
    department: Any = None,
    region: Any = None,
    item_type: str | None = None,
    level: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> SearchPage:
    """Search published implementations (decision record 0006); junk or empty input gives an empty page.

    Ranking: exact name, then name contains the query, then every query word is a word or alias of the name,
    then other matches (department, materials, conditions).
    Filters: ``level`` (行使层级), ``region`` (code; that region and below), ``department`` (credit code or id),
    ``item_type``. Candidates come from the index alone: the FTS5 / tsvector match plus a LIKE on the short name
    column; the long ``text`` is only scanned when that finds nothing (3+ characters). One query per attempt
    (ids of the page with the total in a window count), then the page's rows by id; a page past the end adds a
    count.
    """
    page_size = max(1, min(int(page_size or 20), 100))
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    cleaned = clean_query(q)
    result = SearchPage(page=page, page_size=page_size, query=cleaned)
    if not cleaned:
        return result
    qs = _published()
    if level:
        qs = qs.filter(level=str(level)[:1])
    if item_type:
        qs = qs.filter(item__item_type=str(item_type)[:2])
    if region:
        region_obj = Region.objects.filter(code=str(region)[:12]).only("path").first()
        if region_obj is None:
            return result
        qs = qs.filter(region__path__startswith=region_obj.path)
    if department:
        dept = str(department)[:18]
        qs = (
            qs.filter(department_id=int(dept))
            if dept.isdigit() and len(dept) < 18
            else qs.filter(department__credit_code=dept.upper())
        )
    tokens = segment_query(cleaned)
    modes = ["words"]
    if len(cleaned) >= 3:
        modes.append("text")  # substrings the segmenter split differently
    if len(tokens) > 1:
        modes.append("any")
    start = (page - 1) * page_size
    count, rows = 0, []
    for mode in modes:
        matched = qs.filter(pk__in=_candidates(cleaned, tokens, mode))
        # Narrow rows (id, total) are ranked and cut to the page; a common word can match most of the catalog.
        rows = list(
            _ranked(matched, cleaned, tokens).values_list("pk", "search_total")[start : start + page_size]
        )
        # The page carries the total; only a page past the end needs a separate count.
        count = rows[0][1] if rows else (matched.count() if page > 1 else 0)
        if count:
            break
    result.count = count
    result.num_pages = max(1, math.ceil(count / page_size))
    if rows:
        ids = [pk for pk, _total in rows]
        by_id = {impl.pk: impl for impl in _published().filter(pk__in=ids)}
        result.results = [by_id[pk] for pk in ids if pk in by_id]
    return result


def get_published_implementation(code: str) -> Implementation:
    """The published implementation ``code`` with its current version's materials, fees and FAQs prefetched."""
    parsed = parse_implementation_code(code)
    if parsed is None:
        raise NOT_FOUND.error()
    implementation = (
        _published()
        .select_related("current_version__flow_template", "parent")
        .prefetch_related(
            "current_version__materials",
            "current_version__fees",
            "current_version__faqs",
            "current_version__review_departments",
        )
        .filter(code=parsed)
        .first()
    )
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def fetch_published(*, region: str | None = None, level: str | None = None) -> QuerySet[Implementation]:
    """Every published implementation, optionally in a region subtree or at one level, by name."""
    qs = _published()
    if region:
        qs = qs.filter(region__path__contains=f"/{region}/")
    if level:
        qs = qs.filter(level=level)
    return qs.order_by("item__name", "code")


Group = tuple[str, str, list[Implementation]]


def fetch_published_by_department(*, region: str | None = None, level: str | None = None) -> list[Group]:
    """Published implementations grouped by department (label, credit code, implementations), in department order."""
    groups: dict[int, Group] = {}
    rows = fetch_published(region=region, level=level).order_by(
        "department__region__level", "department__sort_order", "department__name", "item__name", "code"
    )
    for impl in rows:
        group = groups.setdefault(impl.department_id, (impl.department.name, impl.department.credit_code, []))
        group[2].append(impl)
    return list(groups.values())


def _by_topic(topic_enum: Any, attribute: str, region: str | None, level: str | None) -> list[Group]:
    buckets: dict[str, list[Implementation]] = {value: [] for value in topic_enum.values}
    # JSON containment is not portable to SQLite; the published catalog is small enough to bucket in Python.
    for impl in fetch_published(region=region, level=level):
        for topic in getattr(impl.current_version, attribute) or []:
            if topic in buckets:
                buckets[topic].append(impl)
    return [(str(topic_enum(value).label), value, impls) for value, impls in buckets.items() if impls]


def fetch_published_by_person_topic(*, region: str | None = None, level: str | None = None) -> list[Group]:
    """Published implementations grouped by 自然人 life-event topic, in ``PersonTopic`` order; empty topics left out."""
    return _by_topic(PersonTopic, "person_topics", region, level)


def fetch_published_by_enterprise_topic(
    *, region: str | None = None, level: str | None = None
) -> list[Group]:
    """Published implementations grouped by 法人 lifecycle topic, in ``EnterpriseTopic`` order; empty topics left out."""
    return _by_topic(EnterpriseTopic, "enterprise_topics", region, level)


# --- display and diff -------------------------------------------------------------------------------------------

_CODE_LISTS = {
    "service_objects": ServiceObject,
    "handling_forms": HandlingForm,
    "delivery_modes": DeliveryMode,
    "person_topics": PersonTopic,
    "enterprise_topics": EnterpriseTopic,
}


def display_value(model: Any, name: str, value: Any) -> str:
    """A guide element's value as the text an administrator reads (labels for codes, 是/否 for flags)."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if name in _CODE_LISTS and isinstance(value, list):
        enum = _CODE_LISTS[name]
        labels = dict(enum.choices)
        return "、".join(str(labels.get(v, v)) for v in value)
    if name == "legal_basis" and isinstance(value, list):
        return "；".join(
            " ".join(str(b.get(k, "")) for k in ("name", "doc_number", "article") if b.get(k))
            if isinstance(b, dict)
            else str(b)
            for b in value
        )
    if isinstance(value, bool):
        return _("是") if value else _("否")
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        return str(value)
    if getattr(model_field, "choices", None):
        return str(dict(model_field.choices).get(value, value))
    if hasattr(value, "name") and not isinstance(value, str):
        return value.name or ""
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


@dataclass(frozen=True)
class Change:
    """One difference between two versions: element key, Chinese label, before and after as display text."""

    element: str
    label: str
    before: str
    after: str


def _part_text(model: Any, obj: Any, names: list[str]) -> str:
    parts = []
    for name in names:
        shown = display_value(model, name, getattr(obj, name))
        if shown:
            parts.append(f"{getattr(model._meta.get_field(name), 'verbose_name', name)}：{shown}")
    return "；".join(parts)


def _diff_parts(
    element: str, title: str, model: Any, key: str, a_rows: list[Any], b_rows: list[Any]
) -> list[Change]:
    names = [f.name for f in model._meta.concrete_fields if f.name not in ("id", "version", "order", key)]
    a_map = {getattr(r, key).strip(): r for r in a_rows}
    b_map = {getattr(r, key).strip(): r for r in b_rows}
    changes = []
    for name in list(a_map) + [n for n in b_map if n not in a_map]:
        before, after = a_map.get(name), b_map.get(name)
        label = f"{title}“{name}”"
        if before is None:
            changes.append(Change(element, label, "", _part_text(model, after, names) or _("（新增）")))
        elif after is None:
            changes.append(Change(element, label, _part_text(model, before, names) or _("（删除）"), ""))
        else:
            diff = [
                n
                for n in names
                if display_value(model, n, getattr(before, n)) != display_value(model, n, getattr(after, n))
            ]
            if diff:
                changes.append(
                    Change(element, label, _part_text(model, before, diff), _part_text(model, after, diff))
                )
    return changes


def diff_versions(a: ItemVersion, b: ItemVersion) -> list[Change]:
    """What changed from ``a`` to ``b``: scalar elements, then materials, fees and FAQs matched by name."""
    changes = []
    for name in [*ItemVersion.guide_field_names(), "deviation_reasons"]:
        before = display_value(ItemVersion, name, getattr(a, name))
        after = display_value(ItemVersion, name, getattr(b, name))
        if before != after:
            changes.append(
                Change(
                    name, str(getattr(ItemVersion._meta.get_field(name), "verbose_name", name)), before, after
                )
            )
    a_depts = "、".join(sorted(d.name for d in a.review_departments.all()))
    b_depts = "、".join(sorted(d.name for d in b.review_departments.all()))
    if a_depts != b_depts:
        changes.append(
            Change(
                "review_departments",
                str(getattr(ItemVersion._meta.get_field("review_departments"), "verbose_name", "")),
                a_depts,
                b_depts,
            )
        )
    changes += _diff_parts(
        "materials", _("申请材料"), Material, "name", list(a.materials.all()), list(b.materials.all())
    )
    changes += _diff_parts("fees", _("收费项目"), Fee, "name", list(a.fees.all()), list(b.fees.all()))
    changes += _diff_parts("faqs", _("常见问题"), Faq, "question", list(a.faqs.all()), list(b.faqs.all()))
    return changes


def get_last_return_reason(version: ItemVersion) -> str:
    """Why ``version`` was last sent back (from the ledger), or '' if it never was."""
    from tongban.core.models import LedgerEntry

    entry = (
        LedgerEntry.objects.filter(
            action="catalog.version_returned", object_type="catalog.itemversion", object_id=str(version.pk)
        )
        .order_by("-seq")
        .only("data")
        .first()
    )
    return str(entry.data.get("reason", "")) if entry is not None else ""


def fetch_flow_templates() -> dict[str, FlowTemplate]:
    """The stored review-flow templates by key (the shipped ones once ``ensure_flow_templates`` has run)."""
    return {template.key: template for template in FlowTemplate.objects.all()}


def get_version_for_application(
    version_pk: int | None, implementation_code: str | None
) -> ItemVersion | None:
    """The published version to apply for: ``version_pk``, else the current version of an active implementation
    ``implementation_code``; with its item, department and region joined. ``None`` when nothing is published."""
    if version_pk is None:
        parsed = parse_implementation_code(implementation_code)
        implementation = (
            Implementation.objects.filter(code=parsed, is_active=True).only("current_version_id").first()
            if parsed
            else None
        )
        version_pk = implementation.current_version_id if implementation is not None else None
    if version_pk is None:
        return None
    return (
        ItemVersion.objects.select_related(
            "implementation__item", "implementation__department", "implementation__region"
        )
        .filter(pk=version_pk, status=VersionStatus.PUBLISHED)
        .first()
    )


def get_version_material(version: ItemVersion, material_id: Any) -> Material | None:
    """The catalog material ``material_id`` of ``version``, or ``None`` (unknown, or another version's)."""
    try:
        pk = int(material_id)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    return Material.objects.filter(pk=pk, version=version).first()


# --- the enumerable catalog (``GET /api/v1/catalog/items``) ------------------------------------------------------
# Kept apart from search_published: listing the whole catalog is a different read (no query needed, more
# filters), and the search above stays the portal's.

# 服务对象 groups an integrator filters by: 自然人, or 法人和其他组织 (every other GB/T 39046 A.4 code).
SERVICE_OBJECT_GROUPS: dict[str, tuple[str, ...]] = {
    "person": (ServiceObject.NATURAL_PERSON.value,),
    "legal_person": tuple(v for v in ServiceObject.values if v != ServiceObject.NATURAL_PERSON),
}


def _json_list_has(field_name: str, values: tuple[str, ...]) -> Q:
    """Rows whose JSON list ``field_name`` holds one of ``values`` (codes of word characters only).

    A match on the list's JSON text (``"value"`` with its quotes) works alike on SQLite and PostgreSQL, where
    JSON containment does not; the quotes keep ``"1"`` from matching ``"10"``.
    """
    condition = Q(pk__in=[])
    for value in values:
        condition |= Q(**{f"current_version__{field_name}__icontains": f'"{value}"'})
    return condition


def fetch_published_page(
    *,
    q: str = "",
    department: str | None = None,
    region: str | None = None,
    item_type: str | None = None,
    level: str | None = None,
    service_object: str | None = None,
    topic: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> SearchPage:
    """One page of the published catalog, filtered, in a stable order (every published item can be reached).

    Without ``q`` every published implementation matching the filters, by item name then 实施编码; with ``q``
    the search matches among them in rank order (as :func:`search_published`; a query of junk alone matches
    nothing). Filters: ``department`` (credit code or id), ``region`` (code; that region and below, an unknown
    code matches nothing), ``item_type``, ``level``, ``service_object`` (a 服务对象 code, or ``person`` /
    ``legal_person``), ``topic`` (a 自然人 or 法人 topic). Two queries: the count and the page.
    """
    page_size = max(1, min(int(page_size), 100))
    page = max(1, int(page))
    result = SearchPage(page=page, page_size=page_size)
    qs = _published()
    if level:
        qs = qs.filter(level=level)
    if item_type:
        qs = qs.filter(item__item_type=item_type)
    if region:
        region_obj = Region.objects.filter(code=str(region)[:12]).only("path").first()
        if region_obj is None:
            return result
        qs = qs.filter(region__path__startswith=region_obj.path)
    if department:
        dept = str(department)[:18]
        qs = (
            qs.filter(department_id=int(dept))
            if dept.isdigit() and len(dept) < 18
            else qs.filter(department__credit_code=dept.upper())
        )
    if service_object:
        codes = SERVICE_OBJECT_GROUPS.get(service_object, (service_object,))
        qs = qs.filter(_json_list_has("service_objects", codes))
    if topic:
        qs = qs.filter(
            _json_list_has("person_topics", (topic,)) | _json_list_has("enterprise_topics", (topic,))
        )
    start = (page - 1) * page_size
    if not q.strip():
        ordered = qs.order_by("item__name", "code")
        result.count = ordered.count()
        result.results = list(ordered[start : start + page_size]) if start < result.count else []
    else:
        cleaned = clean_query(q)
        result.query = cleaned
        if not cleaned:
            return result
        tokens = segment_query(cleaned)
        modes = ["words"] + (["text"] if len(cleaned) >= 3 else []) + (["any"] if len(tokens) > 1 else [])
        for mode in modes:
            matched = qs.filter(pk__in=_candidates(cleaned, tokens, mode))
            rows = list(_ranked(matched, cleaned, tokens)[start : start + page_size])
            result.count = rows[0].search_total if rows else (matched.count() if page > 1 else 0)
            if result.count:
                result.results = list(rows)
                break
    result.num_pages = max(1, math.ceil(result.count / page_size))
    return result
