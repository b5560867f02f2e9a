"""Self-check of the demonstration catalog: the format the loader expects and the guide-quality rules it enforces.

``validate_items(ITEMS)`` returns a list of human-readable problems (empty when everything is fine).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from django.db import models

from tongban.catalog import choices

MIN_ITEMS = 60
MIN_CATEGORIES = 15
# The mix the demo needs so that every path of the case engine and every portal topic has items.
MIN_MIX = {"parallel": 6, "commitment": 4, "tolerance": 6, "accept_on_receipt": 5, "county_items": 20}
MIN_PER_COUNTY = {"410212": 12, "410225": 12, "410221": 5}

CITY_CATEGORIES = frozenset(
    {
        "发展改革",
        "教育",
        "公安",
        "民政",
        "司法",
        "人社",
        "自然资源",
        "住建",
        "交通",
        "商务",
        "文旅",
        "卫健",
        "市场监管",
        "医保",
        "残联",
        "烟草",
        "公积金",
        "政务服务",
        "生态环境",
        "水利",
        "退役军人",
    }
)
COUNTY_CATEGORIES = frozenset(
    {"市场监管", "民政", "人社", "公安", "教育", "卫健", "住建", "交通", "医保", "残联", "政务服务"}
)
COUNTIES = ("410212", "410225", "410221")

CATCH_ALL = ("其他材料", "相关材料", "有关部门要求的其他", "其他相关材料", "等材料", "其他证明")
CORE_ELEMENTS = frozenset(
    {
        "acceptance_conditions",
        "legal_basis",
        "legal_days",
        "materials",
        "fees",
        "service_objects",
        "result_name",
    }
)

GUIDE_FIELDS = frozenset(
    {
        "legal_basis",
        "power_source",
        "subject_nature",
        "entrusted_department",
        "joint_departments",
        "service_objects",
        "acceptance_conditions",
        "prohibited_conditions",
        "handling_flow",
        "quantity_limit",
        "legal_days",
        "legal_days_note",
        "promised_days",
        "promised_days_note",
        "acceptance_days",
        "case_kind",
        "handling_forms",
        "online_depth",
        "online_url",
        "visits",
        "visits_reason",
        "delivery_modes",
        "special_procedures",
        "supports_appointment",
        "supports_online_payment",
        "supports_express",
        "supports_kiosk",
        "in_hall",
        "handle_area",
        "result_type",
        "result_name",
        "is_fee",
        "consult_phone",
        "complaint_phone",
        "office_address",
        "office_hours",
        "one_visit",
        "commitment",
        "commitment_text",
        "tolerance",
        "intermediary",
        "intermediary_note",
        "accept_on_receipt",
        "person_topics",
        "enterprise_topics",
        "form_schema",
        "materials",
        "fees",
        "faqs",
        "countersign_mode",
        "license_type_code",
    }
)
REQUIRED_TEXT = (
    "acceptance_conditions",
    "consult_phone",
    "complaint_phone",
    "office_address",
    "office_hours",
    "result_name",
    "handling_flow",
)
MATERIAL_FIELDS = frozenset(
    {
        "name",
        "material_type",
        "source",
        "source_note",
        "originals",
        "copies",
        "material_format",
        "paper_spec",
        "necessity",
        "fill_notes",
        "accept_standard",
        "basis",
        "exempt_if_shared",
        "generated_from_form",
        "license_type_code",
    }
)
FORM_PREFILLS = frozenset(
    {
        "user.real_name",
        "user.id_number",
        "user.phone",
        "enterprise.name",
        "enterprise.credit_code",
        "enterprise.legal_representative",
    }
)
FIELD_TYPES = frozenset({"string", "integer", "number", "boolean"})
FIELD_KEYS = frozenset(
    {
        "type",
        "title",
        "description",
        "enum",
        "x-enum-labels",
        "format",
        "x-format",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "x-widget",
        "x-prefill",
        "x-show-if",
    }
)
CODE_RE = re.compile(r"^00(\d{2})(\d{2})([0-9A-HJ-NP-RTUWXY]{3})(\d{3})$")


def _codes(enum: type[models.Choices]) -> set[str]:
    return {str(value) for value in enum.values}


ITEM_TYPES = _codes(choices.ItemType)


def _check_form(schema: Any, where: str) -> list[str]:
    errs: list[str] = []
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return [f"{where}: form_schema must be an object schema"]
    props = schema.get("properties")
    if not isinstance(props, dict) or not props:
        return [f"{where}: form_schema has no properties"]
    for key in ("title", "x-sections", "required"):
        if key not in schema:
            errs.append(f"{where}: form_schema lacks {key}")
    prefills = set()
    for name, prop in props.items():
        if not isinstance(prop, dict):
            errs.append(f"{where}: field {name} is not an object")
            continue
        if prop.get("type") not in FIELD_TYPES:
            errs.append(f"{where}: field {name} has unsupported type {prop.get('type')!r}")
        if not prop.get("title"):
            errs.append(f"{where}: field {name} has no title")
        unknown = set(prop) - FIELD_KEYS
        if unknown:
            errs.append(f"{where}: field {name} uses unsupported keywords {sorted(unknown)}")
        if "enum" in prop:
            labels = prop.get("x-enum-labels")
            if not isinstance(labels, list) or len(labels) != len(prop["enum"]):
                errs.append(f"{where}: field {name} enum and x-enum-labels differ in length")
        if "x-prefill" in prop:
            if prop["x-prefill"] not in FORM_PREFILLS:
                errs.append(f"{where}: field {name} has unknown prefill {prop['x-prefill']}")
            prefills.add(prop["x-prefill"])
        if prop.get("x-format") not in (None, "id_number", "credit_code", "phone"):
            errs.append(f"{where}: field {name} has unknown x-format")
        if prop.get("format") not in (None, "date", "email"):
            errs.append(f"{where}: field {name} has unknown format")
        show_if = prop.get("x-show-if")
        if show_if is not None:
            errs.extend(_check_condition(show_if, props, f"{where}: field {name} x-show-if"))
    if not (
        {"user.real_name", "user.id_number"} <= prefills
        or {"enterprise.name", "enterprise.credit_code"} <= prefills
    ):
        errs.append(f"{where}: form_schema lacks the prefilled applicant block")
    listed: list[str] = []
    for section in schema.get("x-sections", []):
        if (
            not isinstance(section, dict)
            or not section.get("title")
            or not isinstance(section.get("fields"), list)
        ):
            errs.append(f"{where}: malformed x-section {section!r}")
            continue
        listed.extend(section["fields"])
    for name in listed:
        if name not in props:
            errs.append(f"{where}: x-sections names unknown field {name}")
    if len(listed) != len(set(listed)):
        errs.append(f"{where}: a field appears in two sections")
    for name in schema.get("required", []):
        if name not in props:
            errs.append(f"{where}: required names unknown field {name}")
    for rule in schema.get("x-required-if", []):
        if not isinstance(rule, dict) or "if" not in rule or "then" not in rule:
            errs.append(f"{where}: malformed x-required-if rule {rule!r}")
            continue
        errs.extend(_check_condition(rule["if"], props, f"{where}: x-required-if"))
        for name in rule["then"]:
            if name not in props:
                errs.append(f"{where}: x-required-if names unknown field {name}")
    specific = [n for n, p in props.items() if "x-prefill" not in p and n != "agree"]
    if not 2 <= len(specific) <= 8:
        errs.append(f"{where}: form has {len(specific)} item-specific fields (want 2–8)")
    return errs


def _check_condition(cond: Any, props: dict[str, Any], where: str) -> list[str]:
    if not isinstance(cond, dict) or not cond:
        return [f"{where}: condition must be a non-empty object"]
    errs = []
    for field, value in cond.items():
        target = props.get(field)
        if target is None:
            errs.append(f"{where}: condition names unknown field {field}")
        elif "enum" in target and value not in target["enum"]:
            errs.append(f"{where}: condition value {value!r} not in {field} enum")
    return errs


def _check_text_catch_all(text: str, where: str) -> list[str]:
    return [f"{where}: catch-all wording {word!r}" for word in CATCH_ALL if word in (text or "")]


def _check_guide(guide: dict[str, Any], where: str, category: str | None) -> list[str]:
    errs: list[str] = []
    unknown = set(guide) - GUIDE_FIELDS
    if unknown:
        errs.append(f"{where}: unknown guide keys {sorted(unknown)}")
    if not guide.get("legal_basis"):
        errs.append(f"{where}: legal_basis is empty")
    for basis in guide.get("legal_basis", []):
        if not isinstance(basis, dict) or not basis.get("name") or not basis.get("content"):
            errs.append(f"{where}: legal_basis entry lacks name or content")
    for key in REQUIRED_TEXT:
        if not str(guide.get(key) or "").strip():
            errs.append(f"{where}: {key} is empty")
    errs.extend(
        _check_text_catch_all(guide.get("acceptance_conditions", ""), f"{where} acceptance_conditions")
    )
    enum: type[models.Choices]
    for key, enum in (
        ("power_source", choices.PowerSource),
        ("subject_nature", choices.SubjectNature),
        ("case_kind", choices.CaseKind),
        ("online_depth", choices.OnlineDepth),
        ("result_type", choices.ResultType),
    ):
        if str(guide.get(key)) not in _codes(enum):
            errs.append(f"{where}: {key}={guide.get(key)!r} is not a valid code")
    for key, enum, need in (
        ("service_objects", choices.ServiceObject, True),
        ("handling_forms", choices.HandlingForm, True),
        ("delivery_modes", choices.DeliveryMode, False),
        ("person_topics", choices.PersonTopic, False),
        ("enterprise_topics", choices.EnterpriseTopic, False),
    ):
        values = guide.get(key) or []
        if need and not values:
            errs.append(f"{where}: {key} is empty")
        bad = [v for v in values if v not in _codes(enum)]
        if bad:
            errs.append(f"{where}: {key} has invalid codes {bad}")
    legal, promised = guide.get("legal_days"), guide.get("promised_days")
    if guide.get("case_kind") == "2" and (not legal or not promised):
        errs.append(f"{where}: 承诺件 needs legal_days and promised_days")
    if legal is not None and promised is not None and promised > legal:
        errs.append(f"{where}: promised_days {promised} > legal_days {legal}")
    if guide.get("online_depth") == "4" and guide.get("visits") != 0:
        errs.append(f"{where}: online_depth 4 requires visits 0")
    visits = guide.get("visits")
    if visits and not guide.get("visits_reason") and guide.get("online_depth") != "4" and visits > 1:
        errs.append(f"{where}: more than one visit needs visits_reason")
    if guide.get("commitment") and not str(guide.get("commitment_text") or "").strip():
        errs.append(f"{where}: commitment without commitment_text")
    materials = guide.get("materials") or []
    if not materials:
        errs.append(f"{where}: no materials")
    names: Counter[str | None] = Counter()
    for m in materials:
        mw = f"{where} material {m.get('name')!r}"
        names[m.get("name")] += 1
        if not m.get("name"):
            errs.append(f"{mw}: no name")
        unknown = set(m) - MATERIAL_FIELDS
        if unknown:
            errs.append(f"{mw}: unknown keys {sorted(unknown)}")
        errs.extend(_check_text_catch_all(m.get("name", ""), mw))
        for key, enum in (
            ("material_type", choices.MaterialType),
            ("source", choices.MaterialSource),
            ("material_format", choices.MaterialFormat),
            ("necessity", choices.MaterialNecessity),
        ):
            if key in m and m[key] not in _codes(enum):
                errs.append(f"{mw}: {key}={m[key]!r} invalid")
        if m.get("necessity") == "3" and not guide.get("tolerance"):
            errs.append(f"{mw}: 容缺后补 material but tolerance is False")
    for name, count in names.items():
        if count > 1:
            errs.append(f"{where}: material {name!r} listed {count} times")
    if guide.get("tolerance") and not any(m.get("necessity") == "3" for m in materials):
        errs.append(f"{where}: tolerance without any 容缺后补 material")
    fees = guide.get("fees") or []
    for f in fees:
        if not f.get("name") or not f.get("standard") or not f.get("basis"):
            errs.append(f"{where}: fee {f.get('name')!r} lacks name, standard or basis")
    if bool(fees) != bool(guide.get("is_fee")):
        errs.append(f"{where}: is_fee does not match the fee list")
    faqs = guide.get("faqs") or []
    if not faqs:
        errs.append(f"{where}: no FAQ")
    for q in faqs:
        if not q.get("question") or not q.get("answer"):
            errs.append(f"{where}: FAQ lacks question or answer")
    errs.extend(_check_form(guide.get("form_schema"), where))
    return errs


def validate_items(items: list[dict[str, Any]]) -> list[str]:
    """Return every problem found in ``items``; an empty list means the catalog can be loaded."""
    errs: list[str] = []
    if len(items) < MIN_ITEMS:
        errs.append(f"only {len(items)} items (want at least {MIN_ITEMS})")
    categories = {item.get("category") for item in items}
    if len(categories) < MIN_CATEGORIES:
        errs.append(f"only {len(categories)} categories (want at least {MIN_CATEGORIES})")
    codes = Counter(item.get("base_code") for item in items)
    errs.extend(f"duplicate base_code {code}" for code, n in codes.items() if n > 1)
    names = Counter(item.get("name") for item in items)
    errs.extend(f"duplicate item name {name}" for name, n in names.items() if n > 1)
    for item in items:
        where = f"{item.get('base_code')} {item.get('name')}"
        code = str(item.get("base_code", ""))
        match = CODE_RE.match(code)
        if not match:
            errs.append(f"{where}: base_code does not have the 00+type+main(5)+sub(3) shape")
        elif match.group(1) != item.get("item_type"):
            errs.append(f"{where}: base_code type digits differ from item_type")
        if item.get("item_type") not in ITEM_TYPES:
            errs.append(f"{where}: invalid item_type")
        category = item.get("category")
        if category not in CITY_CATEGORIES:
            errs.append(f"{where}: unknown category {category}")
        guide = item.get("guide") or {}
        errs.extend(_check_guide(guide, where, category))
        flow = item.get("flow")
        if flow not in _codes(choices.FlowKind):
            errs.append(f"{where}: invalid flow {flow!r}")
        reviews = item.get("review_categories") or []
        if flow == "parallel":
            if not 2 <= len(reviews) <= 3:
                errs.append(f"{where}: parallel flow needs 2–3 review categories")
            for rc in reviews:
                if rc not in CITY_CATEGORIES:
                    errs.append(f"{where}: unknown review category {rc}")
            if item.get("countersign_mode") not in _codes(choices.CountersignMode):
                errs.append(f"{where}: invalid countersign_mode")
        elif reviews:
            errs.append(f"{where}: review_categories given for a non-parallel flow")
        if (flow == "commitment") != bool(guide.get("commitment")):
            errs.append(f"{where}: commitment flag and commitment flow disagree")
        counties = item.get("counties") or {}
        if counties and category not in COUNTY_CATEGORIES:
            errs.append(f"{where}: counties have no {category} department")
        if counties and flow == "parallel":
            for rc in reviews:
                if rc not in COUNTY_CATEGORIES:
                    errs.append(f"{where}: county review department {rc} does not exist")
        for county, spec in counties.items():
            cw = f"{where} county {county}"
            if county not in COUNTIES:
                errs.append(f"{cw}: unknown county")
            overrides = spec.get("overrides") or {}
            reasons = spec.get("deviation_reasons") or {}
            unknown = set(overrides) - GUIDE_FIELDS
            if unknown:
                errs.append(f"{cw}: unknown override keys {sorted(unknown)}")
            for key in overrides:
                if (
                    key in CORE_ELEMENTS
                    and overrides[key] != guide.get(key)
                    and not str(reasons.get(key) or "").strip()
                ):
                    errs.append(f"{cw}: core element {key} overridden without a deviation reason")
            merged = {**guide, **overrides}
            errs.extend(_check_guide(merged, cw, category))
    errs.extend(_check_mix(items))
    return errs


def _check_mix(items: list[dict[str, Any]]) -> list[str]:
    """The demo-wide mix: flows, lists, county coverage and every portal topic group populated."""
    errs: list[str] = []
    try:
        counts = summary(items)
    except (KeyError, TypeError, AttributeError) as exc:  # malformed items are reported item by item above
        return [f"cannot summarise items: {exc!r}"]
    for key, minimum in MIN_MIX.items():
        if counts[key] < minimum:
            errs.append(f"only {counts[key]} items with {key} (want at least {minimum})")
    for county, minimum in MIN_PER_COUNTY.items():
        if counts["per_county"].get(county, 0) < minimum:
            errs.append(
                f"county {county} implements only {counts['per_county'].get(county, 0)} items (want {minimum})"
            )
    missing_person = _codes(choices.PersonTopic) - set(counts["person_topics"])
    if missing_person:
        errs.append(f"person topics without items: {sorted(missing_person)}")
    missing_enterprise = _codes(choices.EnterpriseTopic) - set(counts["enterprise_topics"])
    if missing_enterprise:
        errs.append(f"enterprise topics without items: {sorted(missing_enterprise)}")
    if counts["with_fees"] < 3:
        errs.append("fewer than 3 items with fees")
    return errs


def summary(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts used in reports and tests."""
    county_counts = Counter(c for item in items for c in (item.get("counties") or {}))
    return {
        "items": len(items),
        "categories": len({i["category"] for i in items}),
        "parallel": sum(i["flow"] == "parallel" for i in items),
        "commitment": sum(i["flow"] == "commitment" for i in items),
        "tolerance": sum(bool(i["guide"].get("tolerance")) for i in items),
        "accept_on_receipt": sum(bool(i["guide"].get("accept_on_receipt")) for i in items),
        "with_fees": sum(bool(i["guide"].get("fees")) for i in items),
        "one_visit": sum(bool(i["guide"].get("one_visit")) for i in items),
        "county_items": sum(bool(i.get("counties")) for i in items),
        "per_county": dict(county_counts),
        "person_topics": sorted({t for i in items for t in i["guide"].get("person_topics", [])}),
        "enterprise_topics": sorted({t for i in items for t in i["guide"].get("enterprise_topics", [])}),
    }
