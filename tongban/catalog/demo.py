"""Demo loader of ``catalog``: publishes the demonstration catalog THROUGH the real services.

Every item goes draft → submit → publish, so the quality gate runs on the demo data; an item that fails raises
with its name and the issues. County implementations inherit the city guide, apply their ``overrides`` with the
``deviation_reasons`` and are published the same way. Idempotent: what is already published is skipped.

Publishing follows the four-eyes rule (双人复核, decision record 0005): ``catalog_city`` drafts and submits the
city guides, ``catalog_city2`` publishes them. 祥符区 and 兰考县 have one catalog administrator each, so the loader
gives them a publishing rule without a second administrator; 杞县 has none, so the city drafts its guides and the
system administrator publishes them.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from tongban.catalog.access import can_publish_version
from tongban.catalog.choices import (
    COMMITMENT_FLOW,
    PARALLEL_REVIEW_FLOW,
    SINGLE_DEPARTMENT_FLOW,
    VersionStatus,
)
from tongban.catalog.errors import GUIDE_QUALITY_FAILED
from tongban.catalog.flows import ensure_flow_templates
from tongban.catalog.models import Implementation, Item, PublishingRule
from tongban.catalog.services import (
    do_create_implementation,
    do_create_item,
    do_publish_version,
    do_set_publishing_rule,
    do_submit_version,
    do_update_draft,
    do_update_item_names,
    implementation_code_for,
)
from tongban.core.errors import DomainError
from tongban.organizations.choices import RegionLevel

logger = logging.getLogger(__name__)

FLOW_KEYS = {
    "single": SINGLE_DEPARTMENT_FLOW,
    "parallel": PARALLEL_REVIEW_FLOW,
    "commitment": COMMITMENT_FLOW,
}
PART_KEYS = ("materials", "fees", "faqs")
COUNTY_ADMINS = {"410212": "catalog_xiangfu", "410225": "catalog_lankao"}
# Who may publish what the drafter submitted, in order of preference (the first one the four-eyes rule allows).
PUBLISHERS = ("catalog_city2", "catalog_city", *COUNTY_ADMINS.values(), "sysadmin")


class DemoCatalogError(RuntimeError):
    """A demo item failed the quality gate or names something that does not exist."""


def _flow_templates() -> dict[str, Any]:
    return ensure_flow_templates()


def _split(guide: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    fields = {k: v for k, v in guide.items() if k not in PART_KEYS}
    parts = {k: guide[k] for k in PART_KEYS if k in guide}
    return fields, parts


def _publisher(draft: Any, users: dict[str, Any], name: str) -> Any:
    for username in PUBLISHERS:
        user = users.get(username)
        if user is not None and can_publish_version(user, draft):
            return user
    raise DemoCatalogError(
        f"演示事项“{name}”（{draft.implementation.code}）：没有可以发布它的第二名事项管理员"
        "（请先加载 accounts 演示数据）"
    )


def _single_admin_rules(regions: dict[str, Any], actor: Any) -> None:
    """祥符区 and 兰考县 have one catalog administrator each in the demo: publishing needs no second one there."""
    for code, username in COUNTY_ADMINS.items():
        region = regions.get(code)
        if region is None or PublishingRule.objects.filter(region=region).exists():
            continue
        do_set_publishing_rule(
            actor=actor,
            region=region,
            second_admin_required=False,
            note=f"{region.name}只有一名事项管理员（{username}），由其本人核对发布。",
        )


def _publish(
    implementation: Implementation,
    name: str,
    fields: dict[str, Any],
    parts: dict[str, Any],
    actor: Any,
    users: dict[str, Any],
) -> None:
    draft = implementation.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).first()
    if draft is None:
        raise DemoCatalogError(f"{name}（{implementation.code}）没有可发布的草稿")
    try:
        if draft.status == VersionStatus.DRAFT:
            do_update_draft(draft, actor=actor, fields=fields, **parts)
            do_submit_version(draft, actor=actor)
        do_publish_version(draft, actor=_publisher(draft, users, name))
    except DomainError as exc:
        if exc.code == GUIDE_QUALITY_FAILED.code:
            issues = "；".join(f"{i['element']}: {i['message']}" for i in exc.fields.get("issues", []))
            raise DemoCatalogError(
                f"演示事项“{name}”（{implementation.code}）未通过质量检查：{issues}"
            ) from exc
        raise DemoCatalogError(
            f"演示事项“{name}”（{implementation.code}）：{exc.code} {exc.message} {exc.fields}"
        ) from exc


def load(items: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """Publish ``items`` (default ``tongban.catalog.demo_data.ITEMS``); returns counts of what was created."""
    from tongban.accounts.models import User
    from tongban.organizations.models import Department, Region

    if items is None:
        from tongban.catalog.demo_data import ITEMS as items
    users = {u.username: u for u in User.objects.filter(username__in=["catalog_city", *PUBLISHERS])}
    city_actor = users.get("catalog_city")
    published = set(
        Implementation.objects.filter(current_version__isnull=False).values_list("code", flat=True)
    )
    existing_items = {i.base_code: i for i in Item.objects.all()}
    city = Region.objects.filter(level=RegionLevel.CITY).order_by("sort_order", "code").first()
    if city is None:
        raise DemoCatalogError("请先加载行政区划和部门（organizations 演示数据）")
    departments = {
        (d.region.code, d.category): d
        for d in Department.objects.filter(is_active=True).select_related("region")
    }
    regions = {r.code: r for r in Region.objects.filter(level=RegionLevel.COUNTY)}
    _single_admin_rules(regions, users.get("sysadmin") or city_actor)
    flows: dict[str, Any] | None = None
    counts = {"items": 0, "city": 0, "county": 0}

    for spec in items or []:
        name = spec["name"]
        city_dept = departments.get((city.code, spec["category"]))
        if city_dept is None:
            raise DemoCatalogError(f"演示事项“{name}”：{city.name}没有“{spec['category']}”类部门")
        item = existing_items.get(spec["base_code"])
        if item is not None and spec.get("name_en") and item.name_en != spec["name_en"]:
            item = do_update_item_names(item, actor=city_actor, name_en=spec["name_en"])
        counties = spec.get("counties") or {}
        city_code = f"{city_dept.credit_code}{city_dept.level}{spec['base_code']}"
        county_codes = {}
        for county_code in counties:
            dept = departments.get((county_code, spec["category"]))
            if dept is None:
                raise DemoCatalogError(f"演示事项“{name}”：区划 {county_code} 没有“{spec['category']}”类部门")
            county_codes[county_code] = dept
        if city_code in published and all(
            f"{d.credit_code}{d.level}{spec['base_code']}" in published for d in county_codes.values()
        ):
            continue  # fast path: everything of this item is already published
        if flows is None:
            flows = _flow_templates()
        with transaction.atomic():
            if item is None:
                item = do_create_item(
                    base_code=spec["base_code"],
                    name=name,
                    item_type=spec["item_type"],
                    actor=city_actor,
                    name_en=spec.get("name_en", ""),
                )
                existing_items[item.base_code] = item
                counts["items"] += 1
            fields, parts = _split(spec.get("guide") or {})
            flow = flows.get(FLOW_KEYS.get(spec.get("flow") or "", spec.get("flow") or ""))
            if flow is not None:
                fields["flow_template"] = flow
            review = [
                departments[(city.code, c)]
                for c in spec.get("review_categories") or []
                if (city.code, c) in departments
            ]
            if review:
                fields["review_departments"] = review
            if spec.get("countersign_mode"):
                fields["countersign_mode"] = spec["countersign_mode"]
            if implementation_code_for(item, city_dept) not in published:
                city_impl = Implementation.objects.filter(item=item, department=city_dept).first()
                if city_impl is None:
                    city_impl = do_create_implementation(item, city_dept, actor=city_actor)
                _publish(city_impl, name, fields, parts, city_actor, users)
                counts["city"] += 1
            for county_code, county_spec in counties.items():
                dept = county_codes[county_code]
                if implementation_code_for(item, dept) in published:
                    continue
                actor = users.get(COUNTY_ADMINS.get(county_code, ""), city_actor)
                impl = Implementation.objects.filter(item=item, department=dept).first()
                if impl is None:
                    impl = do_create_implementation(item, dept, actor=actor)
                county_fields, county_parts = _split((county_spec or {}).get("overrides") or {})
                reasons = (county_spec or {}).get("deviation_reasons") or {}
                if reasons:
                    county_fields["deviation_reasons"] = dict(reasons)
                _publish(
                    impl,
                    f"{name}（{regions[county_code].name if county_code in regions else county_code}）",
                    county_fields,
                    county_parts,
                    actor,
                    users,
                )
                counts["county"] += 1
    logger.info("catalog demo: %s", counts)
    return counts
