"""Public API of ``organizations``: regions and departments (mounted at ``/api/v1/``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from tongban.core.api_schemas import PUBLIC_ERROR_RESPONSES
from tongban.organizations.models import Department, Region
from tongban.organizations.queries import fetch_departments, fetch_regions, get_region

router = Router(tags=["organizations"])


class RegionSchema(Schema):
    """An administrative region (行政区划)."""

    code: str
    name: str
    level: int
    parent_code: str | None
    has_national_code: bool


class DepartmentSchema(Schema):
    """A department (部门) with its 统一社会信用代码."""

    name: str
    short_name: str
    credit_code: str
    region_code: str
    level: str
    category: str


def _region_out(region: Region) -> RegionSchema:
    return RegionSchema(
        code=region.code,
        name=region.name,
        level=region.level,
        parent_code=region.parent.code if region.parent is not None else None,
        has_national_code=region.has_national_code,
    )


@router.get(
    "/regions",
    response={200: list[RegionSchema], **PUBLIC_ERROR_RESPONSES},
    summary="行政区划列表",
    auth=None,
)
def list_regions(request: HttpRequest, parent: str = "", level: int | None = None) -> list[RegionSchema]:
    """Regions, optionally the direct children of ``parent`` (a code) and/or one ``level`` (1 市 … 4 村)."""
    parent_region = None
    if parent:
        parent_region = get_region(parent)
        if parent_region is None:
            return []
    return [_region_out(r) for r in fetch_regions(parent=parent_region, level=level)]


@router.get(
    "/departments",
    response={200: list[DepartmentSchema], **PUBLIC_ERROR_RESPONSES},
    summary="部门列表",
    auth=None,
)
def list_departments(request: HttpRequest, region: str = "", category: str = "") -> list[DepartmentSchema]:
    """Active departments, optionally of one region (code) and/or one category (业务领域)."""
    region_obj = None
    if region:
        region_obj = get_region(region)
        if region_obj is None:
            return []
    departments: list[Department] = list(fetch_departments(region_obj, category=category))
    return [
        DepartmentSchema(
            name=d.name,
            short_name=d.short_name,
            credit_code=d.credit_code,
            region_code=d.region.code,
            level=d.level,
            category=d.category,
        )
        for d in departments
    ]
