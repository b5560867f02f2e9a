"""Services for base-directory items and implementation lists (事项与实施清单), and copying a version."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tongban.catalog.choices import VersionStatus
from tongban.catalog.errors import (
    BASE_CODE_INVALID,
    IMPLEMENTATION_CODE_INVALID,
    IMPLEMENTATION_EXISTS,
    ITEM_EXISTS,
    PARENT_NOT_CITY,
)
from tongban.catalog.events import CatalogAction
from tongban.catalog.models import Faq, Fee, Implementation, Item, ItemVersion, Material
from tongban.catalog.services._base import FAQ_FIELDS, FEE_FIELDS, MATERIAL_FIELDS, plain, user_or_none
from tongban.core.errors import VALIDATION_ERROR
from tongban.core.services import append_ledger_entry
from tongban.core.validators import is_valid_base_code, is_valid_implementation_code
from tongban.organizations.choices import ExerciseLevel, RegionLevel

NAME_EN_MAX = Item._meta.get_field("name_en").max_length or 300


def implementation_code_for(item: Item, department: Any) -> str:
    """The 31-character 实施编码: credit code + 行使层级 + 基本编码 (reference §1.1)."""
    return f"{department.credit_code}{department.level}{item.base_code}"


def _clean_name_en(name_en: str) -> str:
    name_en = " ".join(str(name_en or "").split())
    if len(name_en) > NAME_EN_MAX or not name_en.isprintable():
        raise VALIDATION_ERROR.error(
            fields={"name_en": [_("英文名称最多 %(n)s 个字符，不能含控制字符。") % {"n": NAME_EN_MAX}]}
        )
    return name_en


def do_create_item(
    *,
    base_code: str,
    name: str,
    item_type: str,
    actor: Any,
    guiding_department: str = "",
    description: str = "",
    name_en: str = "",
) -> Item:
    """Create a base-directory item (基本目录事项); refuses an invalid or already used 基本编码."""
    base_code = (base_code or "").strip().upper()
    if not is_valid_base_code(base_code):
        raise BASE_CODE_INVALID.error(fields={"base_code": [str(BASE_CODE_INVALID.message)]})
    name_en = _clean_name_en(name_en)
    with transaction.atomic():
        if Item.objects.filter(base_code=base_code).exists():
            raise ITEM_EXISTS.error()
        item = Item.objects.create(
            base_code=base_code,
            name=name.strip(),
            name_en=name_en,
            item_type=item_type,
            guiding_department=guiding_department,
            description=description,
        )
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.ITEM_CREATED,
            obj=item,
            data={"base_code": base_code, "name": item.name, "name_en": name_en},
        )
    return item


def do_update_item_names(item: Item, *, actor: Any, name_en: str) -> Item:
    """Set the English name of an item (shown on the English UI, indexed for English search); re-indexes it."""
    from tongban.catalog.services.index import update_search_entry

    name_en = _clean_name_en(name_en)
    with transaction.atomic():
        item = Item.objects.select_for_update().get(pk=item.pk)
        before = item.name_en
        if before == name_en:
            return item
        item.name_en = name_en
        item.save(update_fields=["name_en", "updated_at"])
        for implementation in item.implementations.filter(current_version__isnull=False):
            update_search_entry(implementation)
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.ITEM_NAMES_UPDATED,
            obj=item,
            data={"base_code": item.base_code, "before": before, "after": name_en},
        )
    return item


def find_city_implementation(item: Item, region: Any) -> Implementation | None:
    """The city-level implementation of ``item`` in the city that ``region`` lies in, if any."""
    city_code = region.path.strip("/").split("/")[0]
    return (
        Implementation.objects.filter(item=item, region__code=city_code, region__level=RegionLevel.CITY)
        .select_related("current_version")
        .order_by("id")
        .first()
    )


def do_create_implementation(
    item: Item, department: Any, *, actor: Any, parent: Implementation | None = None
) -> Implementation:
    """Create an implementation-list entry (实施清单事项) of ``item`` by ``department`` with its first draft.

    Region and level come from the department; ``code`` is built and validated. A county (or lower)
    implementation gets the city implementation of the same item as ``parent``; its first draft is a copy of
    the parent's published version (materials, fees and FAQs included), so the county inherits the elements and
    overrides only what differs. Returns the implementation; the draft is ``implementation.versions.get()``.
    """
    code = implementation_code_for(item, department)
    if not is_valid_implementation_code(code):
        raise IMPLEMENTATION_CODE_INVALID.error(fields={"code": [code]})
    region = department.region
    with transaction.atomic():
        if Implementation.objects.filter(item=item, department=department).exists():
            raise IMPLEMENTATION_EXISTS.error()
        if parent is None and region.level != RegionLevel.CITY:
            parent = find_city_implementation(item, region)
        if parent is not None and (parent.item_id != item.pk or parent.level != ExerciseLevel.CITY):
            raise PARENT_NOT_CITY.error()
        implementation = Implementation.objects.create(
            item=item, department=department, region=region, level=department.level, code=code, parent=parent
        )
        source = None
        if parent is not None:
            source = (
                Implementation.objects.select_related("current_version").get(pk=parent.pk).current_version
            )
        if source is not None:
            draft = copy_version(source, implementation, number=1, actor=actor, keep_deviation_reasons=False)
        else:
            draft = ItemVersion.objects.create(
                implementation=implementation, number=1, created_by=user_or_none(actor)
            )
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.IMPLEMENTATION_CREATED,
            obj=implementation,
            data={
                "code": code,
                "item": item.base_code,
                "department": department.credit_code,
                "parent": parent.code if parent else None,
                "draft": draft.number,
                "inherited_from": source.pk if source else None,
            },
        )
    return implementation


def copy_version(
    source: ItemVersion,
    implementation: Implementation,
    *,
    number: int,
    actor: Any,
    keep_deviation_reasons: bool,
) -> ItemVersion:
    """A new DRAFT of ``implementation`` with every guide element, material, fee and FAQ of ``source``."""
    values = {
        name: plain(getattr(source, name))
        for name in ItemVersion.guide_field_names()
        if name != "flow_template"
    }
    values["flow_template_id"] = source.flow_template_id
    draft = ItemVersion.objects.create(
        implementation=implementation,
        number=number,
        status=VersionStatus.DRAFT,
        created_by=user_or_none(actor),
        deviation_reasons=dict(source.deviation_reasons) if keep_deviation_reasons else {},
        **values,
    )
    draft.review_departments.set(source.review_departments.all())
    # bulk_create skips the per-row editability check, which is fine: the target is the draft just created.
    Material.objects.bulk_create(
        [
            Material(version=draft, **{f: plain(getattr(m, f)) for f in MATERIAL_FIELDS})
            for m in source.materials.all()
        ]
    )
    Fee.objects.bulk_create(
        [Fee(version=draft, **{f: getattr(x, f) for f in FEE_FIELDS}) for x in source.fees.all()]
    )
    Faq.objects.bulk_create(
        [Faq(version=draft, **{f: getattr(x, f) for f in FAQ_FIELDS}) for x in source.faqs.all()]
    )
    return draft
