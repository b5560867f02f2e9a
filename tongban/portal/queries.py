"""Reads the public portal needs, on top of the catalog's published-guide queries.

The portal only consumes: text search, the guide and the home-page groupings come from
``tongban.catalog.queries``. What is added here is presentation-level: browsing by filters without a query
(the catalog search needs words), the 热门服务 list and the choices of the search filters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tongban.catalog import queries as catalog_queries
from tongban.catalog.choices import ItemType
from tongban.catalog.models import Implementation
from tongban.organizations.choices import ExerciseLevel
from tongban.organizations.models import Department, Region

POPULAR_LIMIT = 8

# Re-exported so views read everything through this module.
get_published_implementation = catalog_queries.get_published_implementation
fetch_published_by_department = catalog_queries.fetch_published_by_department
fetch_published_by_person_topic = catalog_queries.fetch_published_by_person_topic
fetch_published_by_enterprise_topic = catalog_queries.fetch_published_by_enterprise_topic


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
    page: int = 1,
    page_size: int = 20,
) -> catalog_queries.SearchPage:
    """Published implementations matching ``q`` and the filters; without ``q``, every one the filters allow.

    ``region`` is a region code (that region and below); ``department`` a department id.
    """
    if q:
        return catalog_queries.search_published(
            q,
            department=department,
            region=region,
            item_type=item_type,
            level=level,
            page=page,
            page_size=page_size,
        )
    # Browsing (筛选 without words): the catalog's published listing narrowed by the same filters.
    qs = catalog_queries.fetch_published(region=region, level=level)
    if department:
        qs = qs.filter(department_id=department)
    if item_type:
        qs = qs.filter(item__item_type=item_type)
    count = qs.count()
    result = catalog_queries.SearchPage(count=count, page=page, page_size=page_size)
    result.num_pages = max(1, math.ceil(count / page_size))
    if page <= result.num_pages:
        start = (page - 1) * page_size
        result.results = list(qs[start : start + page_size])
    return result


def fetch_popular_implementations(limit: int = POPULAR_LIMIT) -> list[Implementation]:
    """Services shown as 热门服务: fully online and 一次办妥 ones first (there is no usage statistic yet)."""
    return list(
        catalog_queries.fetch_published().order_by(
            "-current_version__online_depth", "-current_version__one_visit", "item__name", "code"
        )[:limit]
    )


def fetch_filter_options() -> FilterOptions:
    """Departments and regions that have published services, plus item types and exercise levels."""
    published = catalog_queries.fetch_published().order_by()
    departments = list(
        Department.objects.filter(id__in=published.values("department_id")).order_by(
            "region__level", "sort_order", "name"
        )
    )
    regions = list(
        Region.objects.filter(id__in=published.values("region_id")).order_by("level", "sort_order", "code")
    )
    return FilterOptions(
        departments=departments,
        regions=regions,
        item_types=[(value, str(label)) for value, label in ItemType.choices],
        levels=[(value, str(label)) for value, label in ExerciseLevel.choices],
    )
