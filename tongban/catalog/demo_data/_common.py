"""Shared building blocks for the demonstration catalog: codes, contacts, material and guide helpers.

Everything here is demonstration data: addresses and phone numbers are plausible placeholders for Kaifeng, not
real service channels.
"""

from __future__ import annotations

from typing import Any

from tongban.catalog.demo_data.english import NAME_EN, default_disclose
from tongban.catalog.demo_data.examples import add_examples

# Two-digit central guiding-department codes used in positions 5–6 of the 12-character 基本编码 (standards-cn
# §1.2). They are consistent per category but made up for the demo; a real deployment loads the national
# basic directory instead.
DEPT_CODES: dict[str, str] = {
    "发展改革": "05",
    "教育": "07",
    "公安": "10",
    "民政": "12",
    "司法": "13",
    "人社": "15",
    "自然资源": "16",
    "市场监管": "17",
    "生态环境": "18",
    "住建": "19",
    "交通": "20",
    "水利": "21",
    "商务": "23",
    "文旅": "24",
    "卫健": "25",
    "退役军人": "26",
    "医保": "28",
    "烟草": "35",
    "公积金": "39",
    "残联": "40",
    "政务服务": "44",
}

COUNTY_CODES = ("410212", "410225", "410221")  # 祥符区, 兰考县, 杞县
COUNTY_CATEGORIES = frozenset(
    {"市场监管", "民政", "人社", "公安", "教育", "卫健", "住建", "交通", "医保", "残联", "政务服务"}
)

CITIZEN_HALL = "开封市市民之家（开封市龙亭区宋城路与晋安路交叉口）"
COUNTY_HALLS = {
    "410212": "开封市祥符区政务服务中心",
    "410225": "兰考县政务服务中心",
    "410221": "杞县政务服务中心",
}
OFFICE_HOURS = "周一至周五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）"
OFFICE_HOURS_SUMMER = "周一至周五 上午9:00-12:00，下午13:00-17:00（夏季作息下午15:00-18:00；法定节假日除外）"

# Demo consultation phones and the window each city department staffs (placeholders).
CONTACTS: dict[str, tuple[str, str]] = {
    "发展改革": ("0371-23386501", f"{CITIZEN_HALL}三楼投资项目审批窗口"),
    "教育": ("0371-23386512", f"{CITIZEN_HALL}二楼教育窗口"),
    "公安": ("0371-23386520", f"{CITIZEN_HALL}一楼公安综合窗口"),
    "民政": ("0371-23386531", f"{CITIZEN_HALL}二楼民政窗口"),
    "司法": ("0371-23386545", f"{CITIZEN_HALL}二楼司法行政窗口"),
    "人社": ("0371-23386550", f"{CITIZEN_HALL}一楼人力资源和社会保障窗口"),
    "自然资源": ("0371-23386566", f"{CITIZEN_HALL}三楼自然资源和规划窗口"),
    "市场监管": ("0371-23386578", f"{CITIZEN_HALL}一楼市场监管窗口"),
    "生态环境": ("0371-23386583", f"{CITIZEN_HALL}三楼生态环境窗口"),
    "住建": ("0371-23386590", f"{CITIZEN_HALL}三楼住房和城乡建设窗口"),
    "交通": ("0371-23386602", f"{CITIZEN_HALL}二楼交通运输窗口"),
    "水利": ("0371-23386615", f"{CITIZEN_HALL}三楼水利窗口"),
    "商务": ("0371-23386623", f"{CITIZEN_HALL}三楼商务窗口"),
    "文旅": ("0371-23386636", f"{CITIZEN_HALL}二楼文化广电和旅游窗口"),
    "卫健": ("0371-23386648", f"{CITIZEN_HALL}二楼卫生健康窗口"),
    "退役军人": ("0371-23386655", f"{CITIZEN_HALL}二楼退役军人事务窗口"),
    "医保": ("0371-23386661", f"{CITIZEN_HALL}一楼医疗保障窗口"),
    "烟草": ("0371-23386677", f"{CITIZEN_HALL}一楼烟草专卖窗口"),
    "公积金": ("0371-23386689", f"{CITIZEN_HALL}一楼住房公积金窗口"),
    "残联": ("0371-23386693", f"{CITIZEN_HALL}二楼残疾人服务窗口"),
    "政务服务": ("0371-23386700", f"{CITIZEN_HALL}一楼综合受理窗口（帮办代办服务台）"),
}

COMPLAINT = "12345政务服务便民热线；开封市政务服务“好差评”系统"

WINDOW_NAMES = {
    "发展改革": "投资项目审批窗口",
    "教育": "教育窗口",
    "公安": "公安综合窗口",
    "民政": "民政窗口",
    "司法": "司法行政窗口",
    "人社": "人力资源和社会保障窗口",
    "自然资源": "自然资源和规划窗口",
    "市场监管": "市场监管窗口",
    "生态环境": "生态环境窗口",
    "住建": "住房和城乡建设窗口",
    "交通": "交通运输窗口",
    "水利": "水利窗口",
    "商务": "商务窗口",
    "文旅": "文化广电和旅游窗口",
    "卫健": "卫生健康窗口",
    "退役军人": "退役军人事务窗口",
    "医保": "医疗保障窗口",
    "烟草": "烟草专卖窗口",
    "公积金": "住房公积金窗口",
    "残联": "残疾人服务窗口",
    "政务服务": "综合受理窗口",
}


def base_code(category: str, item_type: str, seq: int, sub: str = "000") -> str:
    """00 (national) + type + department code + 3-digit sequence + sub-item code."""
    return f"00{item_type}{DEPT_CODES[category]}{seq:03d}{sub}"


def law(name: str, doc_number: str, article: str, content: str) -> dict[str, str]:
    return {"name": name, "doc_number": doc_number, "article": article, "content": content}


def mat(
    name: str,
    *,
    material_type: str = "3",
    source: str = "applicant",
    source_note: str = "",
    originals: int = 1,
    copies: int = 0,
    material_format: str = "3",
    paper_spec: str = "A4",
    necessity: str = "1",
    fill_notes: str = "",
    accept_standard: str = "",
    basis: str = "",
    exempt_if_shared: bool = False,
    generated_from_form: bool = False,
) -> dict[str, Any]:
    return {
        "name": name,
        "material_type": material_type,
        "source": source,
        "source_note": source_note,
        "originals": originals,
        "copies": copies,
        "material_format": material_format,
        "paper_spec": paper_spec,
        "necessity": necessity,
        "fill_notes": fill_notes,
        "accept_standard": accept_standard,
        "basis": basis,
        "exempt_if_shared": exempt_if_shared,
        "generated_from_form": generated_from_form,
    }


def form_doc(
    name: str, basis: str, fill_notes: str = "", accept_standard: str = "", **kw: Any
) -> dict[str, Any]:
    """An application form (申请表格文书) filled by the applicant; the online form replaces the paper one.

    Online, the platform renders the submitted form as this material at submission (``generated_from_form``).
    """
    return mat(
        name,
        material_type="2",
        generated_from_form=True,
        fill_notes=fill_notes
        or "网上申请时由系统根据在线填报内容自动生成，无需另行上传；窗口申请的现场填写并签字。",
        accept_standard=accept_standard or "内容填写完整、准确，申请人签字（单位加盖公章）",
        basis=basis,
        **kw,
    )


def id_card(basis: str, who: str = "申请人", **kw: Any) -> dict[str, Any]:
    return mat(
        f"{who}居民身份证",
        material_type="1",
        source="government",
        source_note="公安机关核发",
        fill_notes="在有效期内；网上申请经实名认证后通过电子证照共享获取，无需上传",
        accept_standard="证件真实有效，与申请人信息一致",
        basis=basis,
        exempt_if_shared=True,
        **kw,
    )


def business_licence(basis: str, **kw: Any) -> dict[str, Any]:
    return mat(
        "营业执照",
        material_type="1",
        source="government",
        source_note="市场监管部门核发",
        fill_notes="通过电子营业执照或市场主体登记信息共享获取，无需提交",
        accept_standard="登记状态为存续，名称与申请单位一致",
        basis=basis,
        exempt_if_shared=True,
        **kw,
    )


def photo(spec: str, basis: str, count: int = 1, **kw: Any) -> dict[str, Any]:
    return mat(
        spec,
        material_type="3",
        originals=count,
        material_format="3",
        paper_spec="",
        fill_notes="窗口可现场免费采集；网上申请上传符合要求的数码照片",
        accept_standard="近6个月内拍摄，免冠，背景颜色和尺寸符合要求",
        basis=basis,
        **kw,
    )


def fee(
    name: str, standard: str, basis: str, reducible: bool = False, reduction_basis: str = ""
) -> dict[str, Any]:
    return {
        "name": name,
        "standard": standard,
        "basis": basis,
        "reducible": reducible,
        "reduction_basis": reduction_basis,
    }


def faq(question: str, answer: str) -> dict[str, str]:
    return {"question": question, "answer": answer}


DEFAULT_GUIDE: dict[str, Any] = {
    "power_source": "1",
    "subject_nature": "1",
    "prohibited_conditions": "",
    "legal_days_note": "",
    "promised_days_note": "",
    "acceptance_days": 5,
    "case_kind": "2",
    "handling_forms": ["1", "2", "3"],
    "online_depth": "3",
    "visits": 1,
    "visits_reason": "",
    "delivery_modes": ["window", "post", "electronic"],
    "special_procedures": "",
    "supports_appointment": True,
    "supports_online_payment": False,
    "supports_express": True,
    "supports_kiosk": False,
    "in_hall": True,
    "handle_area": "全市通办",
    "is_fee": False,
    "complaint_phone": COMPLAINT,
    "office_hours": OFFICE_HOURS,
    "one_visit": True,
    "commitment": False,
    "commitment_text": "",
    "tolerance": False,
    "intermediary": False,
    "intermediary_note": "",
    "accept_on_receipt": False,
    "person_topics": [],
    "enterprise_topics": [],
    "fees": [],
}


def county_impls(
    *codes: str,
    overrides: dict[str, dict[str, Any]] | None = None,
    reasons: dict[str, dict[str, str]] | None = None,
    category: str = "",
) -> dict[str, dict[str, Any]]:
    """County implementations: each county window is in its own 政务服务中心 (office_address is not core)."""
    overrides = overrides or {}
    reasons = reasons or {}
    out: dict[str, dict[str, Any]] = {}
    for code in codes or COUNTY_CODES:
        ov: dict[str, Any] = {}
        if category:
            ov["office_address"] = f"{COUNTY_HALLS[code]}{WINDOW_NAMES[category]}"
        ov.update(overrides.get(code, {}))
        out[code] = {"overrides": ov, "deviation_reasons": dict(reasons.get(code, {}))}
    return out


def make_item(
    *,
    seq: int,
    name: str,
    item_type: str,
    category: str,
    guide: dict[str, Any],
    flow: str = "single",
    review_categories: list[str] | None = None,
    countersign_mode: str = "all",
    counties: dict[str, dict[str, Any]] | None = None,
    sub: str = "000",
) -> dict[str, Any]:
    """Assemble one item dict in the loader's format, filling the guide's common defaults."""
    phone, address = CONTACTS[category]
    full = dict(DEFAULT_GUIDE)
    full["consult_phone"] = phone
    full["office_address"] = address
    full.update(guide)
    if full.get("case_kind") == "1" and "acceptance_days" not in guide:
        full["acceptance_days"] = 1
    full.setdefault("disclose_cases", default_disclose(name, full.get("service_objects") or []))
    if isinstance(full.get("form_schema"), dict):
        add_examples(full["form_schema"])
    return {
        "base_code": base_code(category, item_type, seq, sub),
        "name": name,
        "name_en": NAME_EN.get(name, ""),
        "item_type": item_type,
        "category": category,
        "guide": full,
        "flow": flow,
        "review_categories": list(review_categories or []),
        "countersign_mode": countersign_mode,
        "counties": counties or {},
    }
