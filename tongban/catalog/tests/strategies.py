"""Hypothesis strategies for the catalog: valid form schemas of the dialect, and every element of a guide version.

Generated values are what the services store (stripped text, canonical code lists), so a faithful editor must
give them back unchanged.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from tongban.catalog.choices import (
    CaseKind,
    CountersignMode,
    DeliveryMode,
    EnterpriseTopic,
    HandlingForm,
    MaterialFormat,
    MaterialNecessity,
    MaterialSource,
    MaterialType,
    OnlineDepth,
    PersonTopic,
    PowerSource,
    ResultType,
    ServiceObject,
    SubjectNature,
)
from tongban.catalog.form_dialect import PREFILL_SOURCES
from tongban.catalog.quality import CORE_ELEMENTS

_CHARS = st.sampled_from(
    list("申请材料营业执照护照婚姻受理标准来源说明纸质规格共享ABCxyz0129 -_.,;:()/&<>\"'%#·（）、，。")
)


def line(max_size: int = 40, min_size: int = 0) -> st.SearchStrategy[str]:
    """Single-line text as an ``<input>`` carries it: no newlines, no leading or trailing blanks."""
    return (
        st.text(_CHARS, min_size=min_size, max_size=max_size)
        .map(str.strip)
        .filter(lambda s: len(s) >= min_size)
    )


def paragraph(max_size: int = 80, min_size: int = 0) -> st.SearchStrategy[str]:
    """Multi-line text (``<textarea>``): lines joined by LF, no leading or trailing blanks."""
    lines = st.lists(line(30), min_size=1, max_size=3).map("\n".join)
    return lines.map(lambda s: s.strip()[:max_size].strip()).filter(lambda s: len(s) >= min_size)


def codes(enum: Any) -> st.SearchStrategy[list[str]]:
    """A subset of an enumeration's codes in enumeration order (how the service stores code lists)."""
    return st.lists(st.sampled_from(list(enum.values)), unique=True).map(
        lambda picked: [c for c in enum.values if c in picked]
    )


def choice(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(list(enum.values))


_NAME = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
_KINDS = (
    "text",
    "textarea",
    "integer",
    "number",
    "date",
    "email",
    "boolean",
    "choice",
    "id",
    "phone",
    "credit",
)


@st.composite
def form_schemas(draw: Any) -> dict[str, Any]:
    """A schema of the form dialect with sections, options, conditions by 情形 and conditional requirements."""
    names = draw(st.lists(_NAME, min_size=1, max_size=6, unique=True))
    props: dict[str, dict[str, Any]] = {}
    situations: list[str] = []
    for name in names:
        kind = draw(st.sampled_from(_KINDS))
        prop: dict[str, Any] = {"title": draw(line(20, min_size=1))}
        if kind in ("text", "textarea"):
            prop.update(type="string", maxLength=draw(st.integers(1, 10_000)))
            if kind == "textarea":
                prop["x-widget"] = "textarea"
            elif draw(st.booleans()):
                prop["x-prefill"] = draw(st.sampled_from(["user.real_name", "enterprise.name"]))
        elif kind in ("integer", "number"):
            prop["type"] = kind
            if draw(st.booleans()):
                prop["minimum"] = draw(st.integers(0, 10))
                prop["maximum"] = draw(st.integers(10, 1000))
        elif kind in ("date", "email"):
            prop.update(type="string", format=kind)
        elif kind == "boolean":
            prop["type"] = "boolean"
            situations.append(name)
        elif kind == "choice":
            values = draw(st.lists(line(8, min_size=1), min_size=1, max_size=4, unique=True))
            prop.update(type="string", enum=values, **{"x-enum-labels": [f"{v}项" for v in values]})
            if draw(st.booleans()):
                prop["x-widget"] = draw(st.sampled_from(["select", "radio"]))
            situations.append(name)
        else:
            fmt = {"id": "id_number", "phone": "phone", "credit": "credit_code"}[kind]
            prop.update(type="string", **{"x-format": fmt})
            source = next(s for s, f in PREFILL_SOURCES.items() if f == fmt)
            if draw(st.booleans()):
                prop["x-prefill"] = source
        if draw(st.booleans()):
            prop["description"] = draw(line(30))
        # A condition may only point at an earlier situation that is always shown (no cycles).
        earlier = [s for s in situations if s != name and "x-show-if" not in props.get(s, {})]
        if earlier and draw(st.booleans()):
            target = draw(st.sampled_from(earlier))
            options = [True, False] if props[target]["type"] == "boolean" else props[target]["enum"]
            prop["x-show-if"] = {target: draw(st.sampled_from(options))}
        props[name] = prop
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if draw(st.booleans()):
        schema["title"] = draw(line(30, min_size=1))
    plain = [n for n in names if "x-show-if" not in props[n]]
    conditional = [n for n in names if "x-show-if" in props[n]]
    required = draw(st.lists(st.sampled_from(plain), unique=True)) if plain else []
    if required:
        schema["required"] = required
    rules = [{"if": props[n]["x-show-if"], "then": [n]} for n in conditional if draw(st.booleans())]
    if rules:
        schema["x-required-if"] = rules
    if draw(st.booleans()):
        split = draw(st.integers(0, len(names)))
        sections = [{"title": draw(line(10)), "fields": names[:split]}]
        if split < len(names) and draw(st.booleans()):
            sections.append({"title": draw(line(10)), "fields": names[split:]})
        schema["x-sections"] = [s for s in sections if s["fields"]]
    return schema


def _legal_basis() -> st.SearchStrategy[list[dict[str, str]]]:
    entry = st.fixed_dictionaries(
        {"name": line(40, min_size=1), "doc_number": line(20), "article": line(20), "content": paragraph(200)}
    )
    return st.lists(entry, max_size=3)


# 证照类型代码: the defining agency's 统一社会信用代码 and three digits (GB/T 36902), or blank for none.
_LICENSE_TYPE_CODES = st.one_of(
    st.just(""), st.from_regex(r"[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}", fullmatch=True)
)
_FILE_NAMES = st.sampled_from(["", "catalog/forms/blank.pdf", "catalog/samples/sample.docx"])


def materials() -> st.SearchStrategy[list[dict[str, Any]]]:
    row = st.fixed_dictionaries(
        {
            "order": st.integers(0, 32767),
            "name": line(60, min_size=1),
            "material_type": choice(MaterialType),
            "source": choice(MaterialSource),
            "source_note": line(60),
            "originals": st.integers(0, 32767),
            "copies": st.integers(0, 32767),
            "material_format": choice(MaterialFormat),
            "paper_spec": line(20),
            "necessity": choice(MaterialNecessity),
            "blank_form": _FILE_NAMES,
            "sample": _FILE_NAMES,
            "fill_notes": paragraph(),
            "accept_standard": paragraph(),
            "basis": line(60),
            "exempt_if_shared": st.booleans(),
            "license_type_code": _LICENSE_TYPE_CODES,
        }
    )
    return st.lists(row, max_size=4)


def fees() -> st.SearchStrategy[list[dict[str, Any]]]:
    row = st.fixed_dictionaries(
        {
            "order": st.integers(0, 32767),
            "name": line(40, min_size=1),
            "standard": line(40, min_size=1),
            "basis": line(40),
            "reducible": st.booleans(),
            "reduction_basis": line(40),
        }
    )
    return st.lists(row, max_size=3)


def faqs() -> st.SearchStrategy[list[dict[str, Any]]]:
    row = st.fixed_dictionaries(
        {"order": st.integers(0, 32767), "question": line(60, min_size=1), "answer": paragraph(min_size=1)}
    )
    return st.lists(row, max_size=3)


def days() -> st.SearchStrategy[int | None]:
    return st.one_of(st.none(), st.integers(0, 1_000_000))


def guide_fields(flow_ids: list[int]) -> st.SearchStrategy[dict[str, Any]]:
    """Every guide element of ``ItemVersion`` with a generated value (``flow_template`` as an id or None)."""
    return st.fixed_dictionaries(guide_field_strategies(flow_ids))


def guide_field_strategies(flow_ids: list[int]) -> dict[str, st.SearchStrategy[Any]]:
    """One strategy per guide element (and ``change_note``)."""
    return dict(
        {
            "legal_basis": _legal_basis(),
            "power_source": choice(PowerSource),
            "subject_nature": choice(SubjectNature),
            "entrusted_department": line(60),
            "joint_departments": line(60),
            "service_objects": codes(ServiceObject),
            "acceptance_conditions": paragraph(),
            "prohibited_conditions": paragraph(),
            "handling_flow": paragraph(),
            "quantity_limit": line(60),
            "legal_days": days(),
            "legal_days_note": line(60),
            "promised_days": days(),
            "promised_days_note": line(60),
            "acceptance_days": st.integers(0, 1_000_000),
            "case_kind": choice(CaseKind),
            "handling_forms": codes(HandlingForm),
            "online_depth": choice(OnlineDepth),
            "online_url": line(60),
            "visits": st.integers(0, 32767),
            "visits_reason": line(60),
            "delivery_modes": codes(DeliveryMode),
            "special_procedures": paragraph(),
            "supports_appointment": st.booleans(),
            "supports_online_payment": st.booleans(),
            "supports_express": st.booleans(),
            "supports_kiosk": st.booleans(),
            "in_hall": st.booleans(),
            "handle_area": line(50),
            "result_type": choice(ResultType),
            "result_name": line(60),
            "result_sample": st.sampled_from(["", "catalog/samples/result.pdf"]),
            "license_type_code": _LICENSE_TYPE_CODES,
            "is_fee": st.booleans(),
            "consult_phone": line(60),
            "complaint_phone": line(60),
            "office_address": line(60),
            "office_hours": line(60),
            "one_visit": st.booleans(),
            "commitment": st.booleans(),
            "commitment_text": paragraph(),
            "tolerance": st.booleans(),
            "intermediary": st.booleans(),
            "intermediary_note": line(60),
            "accept_on_receipt": st.booleans(),
            "disclose_cases": st.booleans(),
            "person_topics": codes(PersonTopic),
            "enterprise_topics": codes(EnterpriseTopic),
            "form_schema": st.one_of(st.just({}), form_schemas()),
            "flow_template": st.sampled_from([None, *flow_ids]),
            "countersign_mode": choice(CountersignMode),
            "change_note": line(60),
        }
    )


def deviation_reasons() -> st.SearchStrategy[dict[str, str]]:
    """Reasons for core elements, plus one for an element the editor does not show (it must be kept)."""
    keys = st.sampled_from([*CORE_ELEMENTS, "office_address"])
    return st.dictionaries(keys, line(60, min_size=1), max_size=4)
