"""Reads the public portal needs, on top of the catalog's published-guide queries.

The portal only consumes: text search, the guide and the home-page groupings come from
``tongban.catalog.queries``. What is added here is presentation-level: browsing by filters without a query
(the catalog search needs words), the 热门服务 list and the choices of the search filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tongban.catalog import queries as catalog_queries
from tongban.catalog.choices import EnterpriseTopic, ItemType, PersonTopic
from tongban.core.errors import NOT_FOUND
from tongban.core.validators import parse_implementation_code
from tongban.organizations.choices import ExerciseLevel, RegionLevel
from tongban.organizations.queries import all_departments, all_regions

if TYPE_CHECKING:
    from tongban.catalog.models import Implementation
    from tongban.organizations.models import Department, Region

POPULAR_LIMIT = 8

# Re-exported so views read everything through this module.
get_published_implementation = catalog_queries.get_published_implementation


def get_published_for_page(code: str) -> Implementation:
    """The published implementation ``code`` with item, department, region and current version, in one query.

    The guide page caches its rendered body per published version, so materials, fees and FAQs are only read
    (lazily, by the template) when that fragment is rendered; the PDF uses the fully prefetched
    ``get_published_implementation``. NOT_FOUND when the code is unknown or not published.
    """
    parsed = parse_implementation_code(code)
    implementation = catalog_queries.fetch_published().filter(code=parsed).first() if parsed else None
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


@dataclass
class FilterOptions:
    """Choices for the search filters: departments and regions that publish something, types and levels."""

    departments: list[Department] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    item_types: list[tuple[str, str]] = field(default_factory=list)
    levels: list[tuple[str, str]] = field(default_factory=list)


def search_published(
    q: str = "",
    *,
    department: int | None = None,
    region: str | None = None,
    item_type: str | None = None,
    level: str | None = None,
    near: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> catalog_queries.ItemSearchPage:
    """Published items matching ``q`` and the filters, one result per item; without ``q``, every one allowed.

    ``region`` is a region code (that region and below); ``department`` a department id; ``near`` the searcher's
    region code, whose implementation of an item is listed first.
    """
    criteria: dict[str, Any] = {
        "department": department,
        "region": region,
        "item_type": item_type,
        "level": level,
        "near": near,
    }
    if q:
        return catalog_queries.search_published_items(q, **criteria, page=page, page_size=page_size)
    # Browsing (筛选 without words): every published item the filters allow.
    return catalog_queries.browse_published_items(**criteria, page=page, page_size=page_size)


def searcher_region(request_region: str | None, user: Any) -> str | None:
    """The region whose implementations come first: an explicit choice, else a signed-in person's 户籍 county.

    The first six digits of a 居民身份证号码 are the GB/T 2260 code of the county of household registration.
    """
    chosen = "".join(ch for ch in str(request_region or "") if ch.isdigit())[:12]
    if len(chosen) in (6, 12):
        return chosen
    id_number = str(getattr(user, "id_number", "") or "") if getattr(user, "is_authenticated", False) else ""
    return id_number[:6] if len(id_number) >= 6 and id_number[:6].isdigit() else None


@dataclass
class ServiceEntry:
    """One service as the home page lists it: an item shown once, however many places implement it.

    ``impl`` is the implementation a single link leads to (the highest level, i.e. the city's); ``places`` is how
    many implementing bodies publish the item, so the page can send the citizen to a list of them instead.
    """

    impl: Implementation
    places: int = 1


def collapse_by_item(implementations: list[Implementation]) -> list[ServiceEntry]:
    """The implementations as one entry per item, in first-seen order, the highest-level one representing it."""
    entries: dict[int, ServiceEntry] = {}
    for impl in implementations:
        entry = entries.get(impl.item_id)
        if entry is None:
            entries[impl.item_id] = ServiceEntry(impl)
            continue
        entry.places += 1
        # ExerciseLevel codes grow downwards (3 city, 4 county), so the smaller code is the higher level.
        if (impl.level, impl.region.code) < (entry.impl.level, entry.impl.region.code):
            entry.impl = impl
    return list(entries.values())


HomeGroup = tuple[str, str, list[ServiceEntry]]


def fetch_home_regions() -> list[Region]:
    """Counties (districts) that publish services: the choices of the home page's 办事地区 switch.

    The city itself is the default view (the city and every county below it), so it is not a choice.
    """
    published = catalog_queries.fetch_published().order_by()
    return list(
        all_regions()
        .filter(id__in=published.values("region_id"), level=RegionLevel.COUNTY)
        .order_by("sort_order", "code")
    )


# What the home page shows of each implementation; the guide's long texts and JSON stay in the database.
_HOME_FIELDS = (
    "code",
    "level",
    "item",
    "item__name",
    "department",
    "department__name",
    "department__credit_code",
    "region",
    "region__code",
    "region__name",
    "current_version",
    "current_version__online_depth",
    "current_version__one_visit",
    "current_version__commitment",
    "current_version__tolerance",
    "current_version__case_kind",
    "current_version__person_topics",
    "current_version__enterprise_topics",
)


@dataclass
class HomePage:
    """Everything the home page lists, read in one pass over the published implementations."""

    by_person: list[HomeGroup]
    by_enterprise: list[HomeGroup]
    by_department: list[HomeGroup]
    popular: list[ServiceEntry]
    total: int


def _by_topic(rows: list[Implementation], topics: Any, attribute: str) -> list[HomeGroup]:
    buckets: dict[str, list[Implementation]] = {value: [] for value in topics.values}
    for impl in rows:
        for topic in getattr(impl.current_version, attribute) or []:
            if topic in buckets:
                buckets[topic].append(impl)
    return [
        (
            str(topics(value).label),
            value,
            collapse_by_item(sorted(impls, key=lambda i: (i.item.name, i.code))),
        )
        for value, impls in buckets.items()
        if impls
    ]


def _popularity(impl: Implementation) -> tuple[Any, ...]:
    version = impl.current_version  # always set for a published implementation
    depth = int(version.online_depth) if version else 0
    one_visit = bool(version and version.one_visit)
    return (-depth, not one_visit, impl.item.name, impl.level, impl.code)


def fetch_home_page(region: str | None = None, *, popular_limit: int = POPULAR_LIMIT) -> HomePage:
    """The home page's groupings (life event, enterprise stage, department) and 热门服务, in one query.

    The same groupings as the catalog's ``fetch_published_by_*`` (whose order and labels they follow), built
    from one read of the published listing instead of three, with only the columns the page shows: the home
    page is the most visited page. ``region`` (a region code) narrows everything to that region and below.
    """
    rows = list(
        catalog_queries.fetch_published(region=region)
        .only(*_HOME_FIELDS)
        .order_by(
            "department__region__level", "department__sort_order", "department__name", "item__name", "code"
        )
    )
    by_department: dict[int, HomeGroup] = {}
    for impl in rows:
        group = by_department.setdefault(
            impl.department_id, (impl.department.name, impl.department.credit_code, [])
        )
        group[2].append(ServiceEntry(impl))
    return HomePage(
        by_person=_by_topic(rows, PersonTopic, "person_topics"),
        by_enterprise=_by_topic(rows, EnterpriseTopic, "enterprise_topics"),
        by_department=list(by_department.values()),
        popular=collapse_by_item(sorted(rows, key=_popularity))[:popular_limit],
        total=len(rows),
    )


def fetch_other_places(implementation: Implementation) -> list[Implementation]:
    """The same item's other published implementations (another county, the city), for "办理地点切换"."""
    return list(
        catalog_queries.fetch_published()
        .filter(item_id=implementation.item_id)
        .exclude(pk=implementation.pk)
        .order_by("level", "region__sort_order", "region__code")
    )


def fetch_filter_options() -> FilterOptions:
    """Departments and regions that have published services, plus item types and exercise levels."""
    published = catalog_queries.fetch_published().order_by()
    departments = list(
        all_departments()
        .filter(id__in=published.values("department_id"))
        .order_by("region__level", "sort_order", "name")
    )
    regions = list(
        all_regions().filter(id__in=published.values("region_id")).order_by("level", "sort_order", "code")
    )
    return FilterOptions(
        departments=departments,
        regions=regions,
        item_types=[(value, str(label)) for value, label in ItemType.choices],
        levels=[(value, str(label)) for value, label in ExerciseLevel.choices],
    )
