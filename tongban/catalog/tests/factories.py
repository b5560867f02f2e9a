"""Test data for ``catalog``: a complete guide that passes the quality gate, and published implementations
built through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_citizen, make_department, make_region_tree, make_staff
from tongban.catalog.models import Implementation, Item
from tongban.catalog.services import (
    do_create_implementation,
    do_create_item,
    do_publish_version,
    do_submit_version,
    do_update_draft,
)


def complete_guide(**overrides: Any) -> dict[str, Any]:
    """Guide fields that pass every error rule of the quality check (and every warning)."""
    guide: dict[str, Any] = {
        "legal_basis": [{"name": "《中华人民共和国食品安全法》", "article": "第三十五条"}],
        "service_objects": ["1", "2"],
        "acceptance_conditions": "申请人具有与申请事项相适应的场所和条件。",
        "legal_days": 20,
        "promised_days": 10,
        "handling_forms": ["1", "2"],
        "result_name": "食品经营许可证",
        "consult_phone": "0371-23200000",
        "complaint_phone": "12345",
        "office_address": "开封市市民之家二楼",
        "office_hours": "工作日 9:00-17:00",
    }
    guide.update(overrides)
    return guide


def complete_parts() -> dict[str, list[dict[str, Any]]]:
    return {
        "materials": [
            {"name": "申请书", "necessity": "1", "originals": 1},
            {"name": "营业执照复印件", "necessity": "1", "copies": 1},
        ],
        "fees": [],
        "faqs": [{"question": "需要现场核查吗？", "answer": "首次申请需要现场核查。"}],
    }


@dataclass
class CatalogWorld:
    """Regions, departments, administrators and one published city implementation."""

    tree: Any
    city_dept: Any
    xiangfu_dept: Any
    lankao_dept: Any
    admin_city: Any
    admin_xiangfu: Any
    admin_lankao: Any
    admin_city2: Any  # the second city administrator (publishes what admin_city drafted)
    admin_xiangfu2: Any
    citizen: Any
    item: Item
    city_impl: Implementation


def second_admin(implementation: Implementation) -> Any:
    """A catalog administrator of the implementation's region who did not author its drafts (the publisher)."""
    return make_staff(
        f"t_publisher_{implementation.region.code}", Role.CATALOG_ADMIN, region=implementation.region
    )


def submit_and_publish(draft: Any, actor: Any) -> Any:
    """Submit ``draft`` as ``actor`` and publish it as a second administrator of the same scope (双人复核)."""
    do_submit_version(draft, actor=actor)
    return do_publish_version(draft, actor=second_admin(draft.implementation))


def publish(implementation: Implementation, actor: Any, **fields: Any) -> Any:
    """Fill, submit and publish the open draft of ``implementation`` with a complete guide."""
    draft = implementation.versions.get(status="draft")
    parts = complete_parts()
    do_update_draft(draft, actor=actor, fields=complete_guide(**fields), **parts)
    return submit_and_publish(draft, actor)


def make_item(base_code: str = "000117003000", name: str = "食品经营许可", item_type: str = "01") -> Item:
    item = Item.objects.filter(base_code=base_code).first()
    return item or do_create_item(base_code=base_code, name=name, item_type=item_type, actor=None)


def make_world() -> CatalogWorld:
    tree = make_region_tree()
    city_dept = make_department("开封市市场监督管理局", "市场监管", tree.city)
    xiangfu_dept = make_department("祥符区市场监督管理局", "市场监管", tree.xiangfu)
    lankao_dept = make_department("兰考县市场监督管理局", "市场监管", tree.lankao)
    admin_city = make_staff("t_catalog_city", Role.CATALOG_ADMIN, region=tree.city)
    admin_xiangfu = make_staff("t_catalog_xiangfu", Role.CATALOG_ADMIN, region=tree.xiangfu)
    admin_lankao = make_staff("t_catalog_lankao", Role.CATALOG_ADMIN, region=tree.lankao)
    admin_city2 = make_staff("t_catalog_city2", Role.CATALOG_ADMIN, region=tree.city)
    admin_xiangfu2 = make_staff("t_catalog_xiangfu2", Role.CATALOG_ADMIN, region=tree.xiangfu)
    citizen = make_citizen()
    item = make_item()
    city_impl = do_create_implementation(item, city_dept, actor=admin_city)
    publish(city_impl, admin_city)
    city_impl.refresh_from_db()
    return CatalogWorld(
        tree,
        city_dept,
        xiangfu_dept,
        lankao_dept,
        admin_city,
        admin_xiangfu,
        admin_lankao,
        admin_city2,
        admin_xiangfu2,
        citizen,
        item,
        city_impl,
    )
