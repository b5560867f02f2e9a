"""Public search over the published catalog (decision record 0006): candidates, ranking, grouping by item.

Two shapes share one candidate set and one ranking: :func:`search_published` pages over implementations (the
API's list), :func:`search_published_items` pages over items with every matching implementation of an item
grouped under it, the one in the searcher's region first (the portal's results page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Value, When, Window
from django.db.models.expressions import RawSQL

from tongban.catalog.choices import ServiceObject
from tongban.catalog.models import Implementation, Item
from tongban.catalog.queries.published import _published
from tongban.catalog.search import clean_query, segment_query
from tongban.organizations.queries import get_region

# Ranks of a match (``name_rank``): the first three are matches of the item's name.
RANK_EXACT_NAME = 0  # the query is the name (Chinese or English)
RANK_NAME_CONTAINS = 1  # the name contains the query
RANK_NAME_WORDS = 2  # every query word is a word or alias of the name: 低保, 驾照, passport
RANK_RESULT = 3  # the result is named so: 营业执照 for 企业设立登记
RANK_BODY = 4  # department, materials, conditions


@dataclass
class SearchPage:
    """One page of search results; ``results`` have current version, item, department and region loaded."""

    count: int = 0
    results: list[Implementation] = field(default_factory=list)
    page: int = 1
    num_pages: int = 1
    page_size: int = 20
    query: str = ""


@dataclass
class ItemGroup:
    """One item in the grouped results: its implementations (the searcher's region first) and how it matched."""

    item: Item
    implementations: list[Implementation]
    rank: int

    @property
    def first(self) -> Implementation:
        """The implementation the result leads to: the searcher's region's, else the highest level's."""
        return self.implementations[0]

    @property
    def others(self) -> list[Implementation]:
        """The item's other matching implementations (other counties, the city)."""
        return self.implementations[1:]

    @property
    def name_match(self) -> bool:
        """True when the item's name (or its result's name) matched, False when only its guide text did."""
        return self.rank < RANK_BODY


@dataclass
class ItemSearchPage:
    """One page of grouped search results: ``count`` items, ``groups`` on this page."""

    count: int = 0
    groups: list[ItemGroup] = field(default_factory=list)
    page: int = 1
    num_pages: int = 1
    page_size: int = 20
    query: str = ""

    @property
    def name_groups(self) -> list[ItemGroup]:
        """The groups whose item's name matched (listed first)."""
        return [g for g in self.groups if g.name_match]

    @property
    def body_groups(self) -> list[ItemGroup]:
        """The groups that matched only in their guide text (materials, conditions …), under their own heading."""
        return [g for g in self.groups if not g.name_match]


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


def _rank_expression(cleaned: str, tokens: list[str]) -> Case:
    name_words = Q()
    for token in tokens:
        name_words &= Q(search_entry__name_terms__contains=f" {token} ")
    return Case(
        When(Q(item__name=cleaned) | Q(item__name_en__iexact=cleaned), then=Value(RANK_EXACT_NAME)),
        When(
            Q(item__name__icontains=cleaned) | Q(item__name_en__icontains=cleaned),
            then=Value(RANK_NAME_CONTAINS),
        ),
        When(name_words, then=Value(RANK_NAME_WORDS)),
        When(current_version__result_name__icontains=cleaned, then=Value(RANK_RESULT)),
        default=Value(RANK_BODY),
        output_field=IntegerField(),
    )


def _filtered(
    *, department: Any, region: Any, item_type: str | None, level: str | None
) -> QuerySet[Implementation] | None:
    """Published implementations narrowed by the filters; ``None`` when a filter names nothing (empty page)."""
    qs = _published()
    if level:
        qs = qs.filter(level=str(level)[:1])
    if item_type:
        qs = qs.filter(item__item_type=str(item_type)[:2])
    if region:
        region_obj = get_region(str(region)[:12])
        if region_obj is None:
            return None
        qs = qs.filter(region__path__startswith=region_obj.path)
    if department:
        dept = str(department)[:18]
        qs = (
            qs.filter(department_id=int(dept))
            if dept.isdigit() and len(dept) < 18
            else qs.filter(department__credit_code=dept.upper())
        )
    return qs


def _modes(cleaned: str, tokens: list[str]) -> list[str]:
    modes = ["words"]
    if len(cleaned) >= 3:
        modes.append("text")  # substrings the segmenter split differently
    if len(tokens) > 1:
        modes.append("any")
    return modes


def _page_number(page: Any, page_size: Any) -> tuple[int, int]:
    page_size = max(1, min(int(page_size or 20), 100))
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    return page, page_size


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

    Ranking: exact name (Chinese or English), then the name contains the query, then every query word is a word
    or alias of the name, then the result's name contains it, then other matches (department, materials,
    conditions); then level, name, code.
    Filters: ``level`` (行使层级), ``region`` (code; that region and below), ``department`` (credit code or id),
    ``item_type``. Candidates come from the index alone: the FTS5 / tsvector match plus a LIKE on the short name
    column; the long ``text`` is only scanned when that finds nothing (3+ characters). One query per attempt
    (ids of the page with the total in a window count), then the page's rows by id; a page past the end adds a
    count.
    """
    page, page_size = _page_number(page, page_size)
    cleaned = clean_query(q)
    result = SearchPage(page=page, page_size=page_size, query=cleaned)
    qs = (
        _filtered(department=department, region=region, item_type=item_type, level=level) if cleaned else None
    )
    if qs is None:
        return result
    return _ranked_page(qs, cleaned, result)


def _ranked_page(qs: QuerySet[Implementation], cleaned: str, result: SearchPage) -> SearchPage:
    """Fill ``result`` with the page of ``qs`` that matches ``cleaned``, in rank order (see search_published)."""
    tokens = segment_query(cleaned)
    start = (result.page - 1) * result.page_size
    count, rows = 0, []
    for mode in _modes(cleaned, tokens):
        matched = qs.filter(pk__in=_candidates(cleaned, tokens, mode))
        # Narrow rows (id, total) are ranked and cut to the page; a common word can match most of the catalog.
        ranked = matched.annotate(
            name_rank=_rank_expression(cleaned, tokens), search_total=Window(Count("pk"))
        ).order_by("name_rank", "level", "item__name", "code")
        rows = list(ranked.values_list("pk", "search_total")[start : start + result.page_size])
        # The page carries the total; only a page past the end needs a separate count.
        count = rows[0][1] if rows else (matched.count() if result.page > 1 else 0)
        if count:
            break
    result.count = count
    result.num_pages = max(1, math.ceil(count / result.page_size))
    if rows:
        ids = [pk for pk, _total in rows]
        by_id = {impl.pk: impl for impl in _published().filter(pk__in=ids)}
        result.results = [by_id[pk] for pk in ids if pk in by_id]
    return result


# --- the enumerable catalog (``GET /api/v1/catalog/items``) ------------------------------------------------------
# Listing the whole catalog is a different read from the portal's search: no query needed, more filters, and
# every published implementation reachable in a stable order.

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
    page, page_size = _page_number(page, page_size)
    result = SearchPage(page=page, page_size=page_size)
    qs = _filtered(department=department, region=region, item_type=item_type, level=level)
    if qs is None:
        return result
    if service_object:
        qs = qs.filter(
            _json_list_has("service_objects", SERVICE_OBJECT_GROUPS.get(service_object, (service_object,)))
        )
    if topic:
        qs = qs.filter(
            _json_list_has("person_topics", (topic,)) | _json_list_has("enterprise_topics", (topic,))
        )
    if q.strip():
        result.query = clean_query(q)
        return _ranked_page(qs, result.query, result) if result.query else result
    start = (page - 1) * page_size
    ordered = qs.order_by("item__name", "code")
    result.count = ordered.count()
    result.results = list(ordered[start : start + page_size]) if start < result.count else []
    result.num_pages = max(1, math.ceil(result.count / page_size))
    return result


def _place_key(near: str | None) -> Any:
    """Sort key of an item's implementations: in the ``near`` region (or below it) first, then by level."""

    def key(impl: Implementation) -> tuple[Any, ...]:
        local = bool(near) and f"/{near}/" in impl.region.path
        return (0 if local else 1, impl.level, impl.region.sort_order, impl.region.code, impl.code)

    return key


def _grouped_page(
    matched: QuerySet[Implementation], rank: Any, result: ItemSearchPage, near: str | None
) -> bool:
    """Fill ``result`` with one page of ``matched`` grouped by item; False when this page is empty.

    Two queries: the page's item ids with their best rank and the total (a window count over the grouped rows),
    then the implementations of those items.
    """
    start = (result.page - 1) * result.page_size
    grouped = (
        matched.order_by()
        .values("item_id")
        .annotate(rank=Min(rank), name=Min("item__name"))
        .annotate(total=Window(Count("item_id")))
        .order_by("rank", "name", "item_id")
    )
    rows = list(grouped.values_list("item_id", "rank", "total")[start : start + result.page_size])
    count = rows[0][2] if rows else (matched.values("item_id").distinct().count() if result.page > 1 else 0)
    result.count = count
    result.num_pages = max(1, math.ceil(count / result.page_size))
    if not rows:
        return bool(count)
    ranks = {item_id: item_rank for item_id, item_rank, _total in rows}
    by_item: dict[int, list[Implementation]] = {}
    for impl in matched.filter(item_id__in=list(ranks)):
        by_item.setdefault(impl.item_id, []).append(impl)
    key = _place_key(near)
    result.groups = []
    for item_id, item_rank in ranks.items():
        impls = sorted(by_item.get(item_id, []), key=key)
        if impls:
            result.groups.append(ItemGroup(impls[0].item, impls, item_rank))
    return True


def _near(near: Any) -> str | None:
    return "".join(ch for ch in str(near or "") if ch.isdigit())[:12] or None


def search_published_items(
    q: str = "",
    *,
    department: Any = None,
    region: Any = None,
    item_type: str | None = None,
    level: str | None = None,
    near: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> ItemSearchPage:
    """Search like :func:`search_published`, one result per item with its matching implementations grouped.

    Items are ranked by their best-matching implementation (exact name first, guide-text matches last), then by
    name. Within an item the implementation in ``near`` (a region code: the searcher's county) or below it comes
    first, then the others by level (the city before the counties). Two queries per attempt.
    """
    page, page_size = _page_number(page, page_size)
    cleaned = clean_query(q)
    result = ItemSearchPage(page=page, page_size=page_size, query=cleaned)
    qs = (
        _filtered(department=department, region=region, item_type=item_type, level=level) if cleaned else None
    )
    if qs is None:
        return result
    tokens = segment_query(cleaned)
    for mode in _modes(cleaned, tokens):
        matched = qs.filter(pk__in=_candidates(cleaned, tokens, mode))
        if _grouped_page(matched, _rank_expression(cleaned, tokens), result, _near(near)):
            break
    return result


def browse_published_items(
    *,
    department: Any = None,
    region: Any = None,
    item_type: str | None = None,
    level: str | None = None,
    near: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> ItemSearchPage:
    """Every published item the filters allow (no words), grouped like :func:`search_published_items`, by name."""
    page, page_size = _page_number(page, page_size)
    result = ItemSearchPage(page=page, page_size=page_size)
    qs = _filtered(department=department, region=region, item_type=item_type, level=level)
    if qs is not None:
        _grouped_page(qs, Value(RANK_EXACT_NAME), result, _near(near))
    return result
