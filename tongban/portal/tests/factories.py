"""Published catalog data for portal tests, built through the catalog's real services (STYLE §11).

Only what the public pages read: departments and implementations with a published current version that passes
the catalog's quality gate, so search (which needs the index the publish service writes) works as in production.
"""

from __future__ import annotations

import itertools
from typing import Any

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_department as make_accounts_department
from tongban.accounts.testing import make_staff
from tongban.catalog.models import Implementation
from tongban.catalog.services import (
    do_create_implementation,
    do_create_item,
    do_publish_version,
    do_submit_version,
    do_update_draft,
)
from tongban.organizations.models import Department

_seq = itertools.count(1)


def make_department(name: str = "开封市公安局", category: str = "公安") -> Department:
    """A city department (idempotent by name)."""
    return make_accounts_department(name, category)


def guide_fields(**overrides: Any) -> dict[str, Any]:
    """Guide elements that pass the catalog quality gate."""
    fields: dict[str, Any] = {
        "legal_basis": [{"name": "中华人民共和国行政许可法", "article": "第二十九条"}],
        "service_objects": ["1"],
        "acceptance_conditions": "申请人为本市户籍居民。",
        "legal_days": 20,
        "promised_days": 7,
        "handling_forms": ["1", "2"],
        "handling_flow": "申请→受理→审查→决定→送达",
        "result_name": "准予许可决定书",
        "consult_phone": "0371-22222222",
        "complaint_phone": "0371-33333333",
        "office_address": "开封市市民之家",
        "office_hours": "工作日 9:00-17:00",
    }
    fields.update(overrides)
    return fields


def passport_details() -> dict[str, Any]:
    """Every optional element filled in, the way the 普通护照签发 guide looks."""
    return {
        "fields": {
            "legal_basis": [
                {
                    "name": "中华人民共和国护照法",
                    "doc_number": "主席令第50号",
                    "article": "第五条",
                    "content": "公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的，"
                    "申请普通护照。",
                }
            ],
            "prohibited_conditions": "被判处刑罚正在服刑的，不予签发。",
            "is_fee": True,
            "commitment": True,
            "commitment_text": "本人承诺所填信息真实有效。",
            "tolerance": True,
            "one_visit": True,
            "delivery_modes": ["window", "post"],
            "office_address": "开封市市民之家二楼出入境窗口",
            "special_procedures": "无",
            "result_name": "中华人民共和国普通护照",
        },
        "materials": [
            {
                "name": "居民身份证",
                "material_type": "1",
                "necessity": "1",
                "originals": 1,
                "copies": 1,
                "fill_notes": "在有效期内",
                "accept_standard": "原件清晰",
                "basis": "护照法第六条",
                "exempt_if_shared": True,
            },
            {"name": "近期免冠照片", "necessity": "3", "originals": 1},
        ],
        "fees": [{"name": "护照工本费", "standard": "120元/本", "basis": "发改价格〔2017〕1186号"}],
        "faqs": [{"question": "护照有效期多久？", "answer": "未满16周岁5年，16周岁以上10年。"}],
    }


def publisher_for(impl: Implementation) -> Any:
    """A catalog administrator of the implementation's region: the second pair of eyes that publishes (双人复核)."""
    return make_staff(f"t_publisher_{impl.region.code}", Role.CATALOG_ADMIN, region=impl.region)


def make_published(
    name: str = "普通护照签发",
    *,
    department: Department | None = None,
    item_type: str = "01",
    publish: bool = True,
    with_details: bool = False,
    **field_overrides: Any,
) -> Implementation:
    """An implementation whose current version is published (or with only an open draft when ``publish`` is False)."""
    department = department or make_department()
    n = next(_seq)
    item = do_create_item(base_code=f"00{item_type}{n:05d}000", name=name, item_type=item_type, actor=None)
    impl = do_create_implementation(item, department, actor=None)
    draft = impl.versions.get()
    details = (
        passport_details() if with_details else {"fields": {}, "materials": None, "fees": None, "faqs": None}
    )
    fields = guide_fields(**details["fields"])
    fields.update(field_overrides)
    do_update_draft(
        draft,
        actor=None,
        fields=fields,
        materials=details["materials"] or [{"name": "申请书", "necessity": "1", "originals": 1}],
        fees=details["fees"] or [],
        faqs=details["faqs"] or [],
    )
    if publish:
        do_submit_version(draft, actor=None)
        do_publish_version(draft, actor=publisher_for(impl))
    impl.refresh_from_db()
    return impl
