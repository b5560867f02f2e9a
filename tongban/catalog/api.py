"""API endpoints of ``catalog``: the public, read-only published catalog (``/api/v1/catalog``)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from ninja import Field, Query, Router, Schema

from tongban.catalog.choices import EnterpriseTopic, ItemType, PersonTopic, ServiceObject
from tongban.catalog.models import Implementation, ItemVersion
from tongban.catalog.queries import fetch_published_page, get_published_implementation
from tongban.catalog.services import FAQ_FIELDS, FEE_FIELDS, MATERIAL_FIELDS
from tongban.core.api_schemas import PUBLIC_ERROR_RESPONSES, ErrorSchema
from tongban.organizations.choices import ExerciseLevel

router = Router(tags=["catalog"])

# 服务对象 filter values: the two groups an integrator lists by, then every GB/T 39046 A.4 code.
ServiceObjectFilter = enum.Enum(  # type: ignore[misc]
    "ServiceObjectFilter",
    {"PERSON": "person", "LEGAL_PERSON": "legal_person", **{f"CODE_{v}": v for v in ServiceObject.values}},
    type=str,
)


def guide_url(code: str) -> str:
    """Absolute path of the public guide page of an implementation."""
    try:
        return reverse("portal:guide", args=[code])
    except NoReverseMatch:
        return f"/guide/{code}/"


class ItemSummarySchema(Schema):
    """One published implementation in a list: 实施编码, name, type, body, region, level and time limits.

    ``name_en`` is the item's English name ("" when none); ``disclose_cases`` whether its cases are listed on
    the public 办件公示 page.
    """

    code: str
    name: str
    name_en: str
    disclose_cases: bool
    type: str
    department: str
    region: str
    level: str
    promised_days: int | None
    legal_days: int | None
    url: str


class ItemListSchema(Schema):
    """A page of published implementations: ``count`` is the total over every page."""

    count: int
    page: int
    size: int
    num_pages: int
    items: list[ItemSummarySchema]


class ItemListFilters(Schema):
    """Search text and filters (all optional); without ``q`` every published item matching the filters."""

    q: str = ""
    department: str | None = Field(None, max_length=18)  # the body's 统一社会信用代码
    region: str | None = Field(None, max_length=12)  # a region code: that region and every region below it
    type: ItemType | None = None
    level: ExerciseLevel | None = None
    service_object: ServiceObjectFilter | None = None
    topic: PersonTopic | EnterpriseTopic | None = None
    size: int = Field(20, ge=1, le=100)
    page: int = Field(1, ge=1, le=100000)


class CatalogMaterialSchema(Schema):
    """An application material with every attribute of reference §2.1; ``id`` identifies it in this version."""

    id: int
    order: int
    name: str
    material_type: str
    source: str
    source_note: str
    originals: int
    copies: int
    material_format: str
    paper_spec: str
    necessity: str
    blank_form: str
    sample: str
    fill_notes: str
    accept_standard: str
    basis: str
    exempt_if_shared: bool
    license_type_code: str  # an electronic licence of this type replaces the material (免证可办); "" none
    generated_from_form: (
        bool  # the platform renders the submitted online form as this material: never upload it
    )


class CatalogFeeSchema(Schema):
    """A fee item."""

    order: int
    name: str
    standard: str
    basis: str
    reducible: bool
    reduction_basis: str


class CatalogFaqSchema(Schema):
    """A frequently asked question."""

    order: int
    question: str
    answer: str


class ItemDetailSchema(ItemSummarySchema):
    """Every element of the published guide of one implementation."""

    base_code: str
    handle_item_code: str
    department_credit_code: str
    region_code: str
    version: int
    published_at: datetime | None
    flow: str | None
    review_departments: list[str]
    countersign_mode: str
    guide: dict[str, Any]
    materials: list[CatalogMaterialSchema]
    fees: list[CatalogFeeSchema]
    faqs: list[CatalogFaqSchema]


def _summary(impl: Implementation) -> dict[str, Any]:
    version = impl.current_version
    assert version is not None  # only published implementations reach the API
    return {
        "code": impl.code,
        "name": impl.item.name,
        "name_en": impl.item.name_en,
        "disclose_cases": version.disclose_cases,
        "type": impl.item.item_type,
        "department": impl.department.name,
        "region": impl.region.name,
        "level": impl.level,
        "promised_days": version.promised_days,
        "legal_days": version.legal_days,
        "url": guide_url(impl.code),
    }


def _file_name(value: Any) -> str:
    return getattr(value, "name", "") or ""


@router.get(
    "/items/{implementation_code}",
    response={200: ItemDetailSchema, 404: ErrorSchema},
    summary="已发布办事指南的全部要素",
)
def get_item(request: HttpRequest, implementation_code: str) -> dict[str, Any]:
    impl = get_published_implementation(implementation_code)
    version = impl.current_version
    assert version is not None  # get_published_implementation guarantees it
    guide = {}
    for name in ItemVersion.guide_field_names():
        if name in ("flow_template", "form_schema"):
            continue
        value = getattr(version, name)
        guide[name] = _file_name(value) if name == "result_sample" else value
    guide["form_schema"] = version.form_schema
    guide["deviation_reasons"] = version.deviation_reasons
    return {
        **_summary(impl),
        "base_code": impl.item.base_code,
        "handle_item_code": impl.handle_item_code,
        "department_credit_code": impl.department.credit_code,
        "region_code": impl.region.code,
        "version": version.number,
        "published_at": version.published_at,
        "flow": version.flow_template.key if version.flow_template else None,
        "review_departments": [d.credit_code for d in version.review_departments.all()],
        "countersign_mode": version.countersign_mode,
        "guide": guide,
        "materials": [
            {
                "id": m.pk,
                **{
                    f: (_file_name(getattr(m, f)) if f in ("blank_form", "sample") else getattr(m, f))
                    for f in MATERIAL_FIELDS
                },
            }
            for m in version.materials.all()
        ],
        "fees": [{f: getattr(x, f) for f in FEE_FIELDS} for x in version.fees.all()],
        "faqs": [{f: getattr(x, f) for f in FAQ_FIELDS} for x in version.faqs.all()],
    }


# --- the enumerable catalog --------------------------------------------------------------------------------------


@router.get(
    "/items",
    response={200: ItemListSchema, **PUBLIC_ERROR_RESPONSES},
    summary="列出已发布的事项（可检索、筛选、分页）",
    description=(
        "不带 q 时列出全部已发布事项（按事项名称、实施编码排序）；带 q 时按相关度检索（支持两个字的词，如“护照”“低保”）。"
        "可按实施主体（统一社会信用代码）、区划（含下级）、事项类型、行使层级、服务对象（person 自然人、legal_person "
        "法人和其他组织，或 GB/T 39046 服务对象代码）和主题筛选；size 每页条数（1–100，默认 20），page 页码；"
        "count 为符合条件的总数。"
    ),
)
def list_published_items(request: HttpRequest, filters: Query[ItemListFilters]) -> dict[str, Any]:
    """Every published item, a page at a time; the filters narrow it, ``q`` searches within it."""
    topic = filters.topic.value if filters.topic is not None else None
    page = fetch_published_page(
        q=filters.q,
        department=filters.department,
        region=filters.region,
        item_type=filters.type.value if filters.type is not None else None,
        level=filters.level.value if filters.level is not None else None,
        service_object=filters.service_object.value if filters.service_object is not None else None,
        topic=topic,
        page=filters.page,
        page_size=filters.size,
    )
    return {
        "count": page.count,
        "page": page.page,
        "size": page.page_size,
        "num_pages": page.num_pages,
        "items": [_summary(impl) for impl in page.results],
    }
