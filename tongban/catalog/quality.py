"""Guide quality check (办事指南质量检查): the gate a version must pass before it is published.

Errors block publishing; warnings are shown to the administrator and do not block. The rules follow reference
§2.1 (required elements of the national exchange schema), §2.3 (online depth) and the 国发〔2022〕5号 ask for
uniform core elements across levels; what counts as a core element is configurable in ``CORE_ELEMENTS``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from tongban.catalog.choices import CaseKind, HandlingForm, OnlineDepth, Severity
from tongban.catalog.models import ItemVersion


@dataclass(frozen=True)
class QualityIssue:
    """One finding: a stable ``code``, the ``element`` it concerns, a Chinese ``message`` and its severity."""

    code: str
    element: str
    message: str
    severity: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Wording that lets a window ask for anything ("兜底条款"); banned in materials and acceptance conditions.
CATCH_ALL_PHRASES: tuple[str, ...] = (
    "其他相关材料",
    "有关部门要求的其他",
    "其他材料",
    "相关材料",
    "等材料",
    "其他证明",
)

# Elements a county implementation must keep identical to the city base unless it records a reason
# (reference §2.6: the exact "identical across levels" list is not confirmed, so it is a setting).
DEFAULT_CORE_ELEMENTS: tuple[str, ...] = (
    "acceptance_conditions",
    "legal_basis",
    "legal_days",
    "materials",
    "fees",
    "service_objects",
    "result_name",
)
CORE_ELEMENTS: tuple[str, ...] = tuple(
    getattr(settings, "TONGBAN_CATALOG_CORE_ELEMENTS", DEFAULT_CORE_ELEMENTS)
)

_ONLINE_FORMS = {HandlingForm.ONLINE_PC, HandlingForm.ONLINE_MOBILE}


def element_label(element: str) -> str:
    """The Chinese label of a guide element (a model field or one of materials/fees/faqs)."""
    special = {"materials": _("申请材料"), "fees": _("收费项目"), "faqs": _("常见问题")}
    if element in special:
        return special[element]
    try:
        return str(getattr(ItemVersion._meta.get_field(element), "verbose_name", element))
    except Exception:
        return element


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def _error(code: str, element: str, message: str) -> QualityIssue:
    return QualityIssue(code=code, element=element, message=message, severity=Severity.ERROR)


def _warning(code: str, element: str, message: str) -> QualityIssue:
    return QualityIssue(code=code, element=element, message=message, severity=Severity.WARNING)


def find_catch_all(text: str) -> str | None:
    """The first catch-all phrase in ``text``, or None."""
    for phrase in CATCH_ALL_PHRASES:
        if phrase in (text or ""):
            return phrase
    return None


def check_guide_quality(version: ItemVersion) -> list[QualityIssue]:
    """Every quality issue of ``version``: errors first, then warnings."""
    materials = list(version.materials.all())
    fees = list(version.fees.all())
    faqs_exist = version.faqs.exists()
    issues: list[QualityIssue] = []
    issues += _required_elements(version, materials)
    issues += _catch_all_wording(version, materials)
    issues += _time_limits(version)
    issues += _fees(version, fees)
    issues += _deviations(version, materials, fees)
    issues += _form_schema(version)
    issues += _warnings(version, faqs_exist)
    return sorted(issues, key=lambda i: 0 if i.is_error else 1)


def _required_elements(version: ItemVersion, materials: list) -> list[QualityIssue]:
    issues = []
    basis = [b for b in (version.legal_basis or []) if isinstance(b, dict) and str(b.get("name", "")).strip()]
    if not basis:
        issues.append(
            _error("REQUIRED_ELEMENT_MISSING", "legal_basis", _("缺少设定依据（至少一部法律法规名称）。"))
        )
    for element in (
        "acceptance_conditions",
        "service_objects",
        "handling_forms",
        "result_name",
        "consult_phone",
        "complaint_phone",
        "office_address",
        "office_hours",
    ):
        if _blank(getattr(version, element)):
            issues.append(
                _error(
                    "REQUIRED_ELEMENT_MISSING",
                    element,
                    _("缺少必填要素：%(label)s。") % {"label": element_label(element)},
                )
            )
    if not materials:
        issues.append(_error("REQUIRED_ELEMENT_MISSING", "materials", _("至少需要列出一项申请材料。")))
    if version.case_kind != CaseKind.IMMEDIATE:
        for element in ("legal_days", "promised_days"):
            if getattr(version, element) is None:
                issues.append(
                    _error(
                        "REQUIRED_ELEMENT_MISSING",
                        element,
                        _("承诺件必须填写%(label)s。") % {"label": element_label(element)},
                    )
                )
    return issues


def _catch_all_wording(version: ItemVersion, materials: list) -> list[QualityIssue]:
    issues = []
    phrase = find_catch_all(version.acceptance_conditions)
    if phrase:
        issues.append(
            _error(
                "CATCH_ALL_WORDING",
                "acceptance_conditions",
                _("受理条件含兜底表述“%(phrase)s”，请写明具体条件。") % {"phrase": phrase},
            )
        )
    for material in materials:
        phrase = find_catch_all(material.name)
        if phrase:
            issues.append(
                _error(
                    "CATCH_ALL_WORDING",
                    "materials",
                    _("申请材料“%(name)s”含兜底表述“%(phrase)s”，请逐项列明材料。")
                    % {"name": material.name, "phrase": phrase},
                )
            )
    return issues


def _time_limits(version: ItemVersion) -> list[QualityIssue]:
    if (
        version.legal_days is not None
        and version.promised_days is not None
        and version.promised_days > version.legal_days
    ):
        return [
            _error(
                "PROMISED_EXCEEDS_LEGAL",
                "promised_days",
                _("承诺办结时限（%(promised)s个工作日）不得超过法定办结时限（%(legal)s个工作日）。")
                % {"promised": version.promised_days, "legal": version.legal_days},
            )
        ]
    return []


def _fees(version: ItemVersion, fees: list) -> list[QualityIssue]:
    issues = []
    for fee in fees:
        if _blank(fee.basis):
            issues.append(
                _error(
                    "FEE_WITHOUT_BASIS", "fees", _("收费项目“%(name)s”缺少收费依据。") % {"name": fee.name}
                )
            )
    if version.is_fee and not fees:
        issues.append(_error("FEE_MISSING", "fees", _("标明收费的事项必须列出收费项目和标准。")))
    return issues


# At most this many form-schema problems are listed one by one; the rest are summed up in one more issue.
MAX_FORM_ISSUES = 20


def _form_schema(version: ItemVersion) -> list[QualityIssue]:
    """The form must pass the dialect (it renders) and keep every field a consumer (the flow …) relies on."""
    from tongban.catalog.form_dialect import validate_form_schema
    from tongban.catalog.form_requirements import check_field_requirements

    problems = validate_form_schema(version.form_schema)
    issues = [
        _error("FORM_SCHEMA_INVALID", "form_schema", _("申请表单有误：%(problem)s") % {"problem": problem})
        for problem in problems[:MAX_FORM_ISSUES]
    ]
    if len(problems) > MAX_FORM_ISSUES:
        issues.append(
            _error(
                "FORM_SCHEMA_INVALID",
                "form_schema",
                _("申请表单还有 %(n)s 处错误未列出。") % {"n": len(problems) - MAX_FORM_ISSUES},
            )
        )
    issues += [
        _error("FORM_FIELD_REQUIRED", "form_schema", _("申请表单有误：%(problem)s") % {"problem": problem})
        for problem in check_field_requirements(version)
    ]
    return issues


def core_element_value(
    version: ItemVersion, element: str, materials: list[Any] | None = None, fees: list[Any] | None = None
) -> Any:
    """A comparable value of a core element (materials by name and necessity, fees by name, standard and basis)."""
    if element == "materials":
        rows: list[Any] = materials if materials is not None else list(version.materials.all())
        return sorted((m.name.strip(), m.necessity) for m in rows)
    if element == "fees":
        fee_rows: list[Any] = fees if fees is not None else list(version.fees.all())
        return sorted((f.name.strip(), f.standard.strip(), f.basis.strip()) for f in fee_rows)
    value = getattr(version, element)
    if isinstance(value, str):
        return value.strip()
    if element == "service_objects" and isinstance(value, list):
        return sorted(value)
    return value


def differing_core_elements(
    version: ItemVersion, materials: list | None = None, fees: list | None = None
) -> list[str]:
    """Core elements in which a county version differs from its city base's published version."""
    implementation = version.implementation
    parent = implementation.parent
    base = parent.current_version if parent is not None else None
    if base is None:
        return []
    return [
        element
        for element in CORE_ELEMENTS
        if core_element_value(version, element, materials, fees) != core_element_value(base, element)
    ]


def _deviations(version: ItemVersion, materials: list, fees: list) -> list[QualityIssue]:
    reasons = version.deviation_reasons if isinstance(version.deviation_reasons, dict) else {}
    return [
        _error(
            "DEVIATION_WITHOUT_REASON",
            element,
            _("“%(label)s”与市级基本要素不一致，请在差异说明中写明原因。")
            % {"label": element_label(element)},
        )
        for element in differing_core_elements(version, materials, fees)
        if _blank(reasons.get(element))
    ]


def _warnings(version: ItemVersion, faqs_exist: bool) -> list[QualityIssue]:
    issues = []
    forms = set(version.handling_forms or [])
    if version.online_depth == OnlineDepth.LEVEL_4 and version.visits > 0:
        issues.append(
            _warning("DEPTH_IV_WITH_VISITS", "visits", _("全程网办（Ⅳ级）的事项到办事现场次数应为 0。"))
        )
    online = bool(forms & _ONLINE_FORMS) or version.online_depth in (OnlineDepth.LEVEL_3, OnlineDepth.LEVEL_4)
    express = version.supports_express or HandlingForm.EXPRESS in forms
    if version.visits == 0 and not online and not express:
        issues.append(
            _warning("ZERO_VISITS_OFFLINE", "handling_forms", _("零跑动的事项应支持网上办理或快递申请。"))
        )
    if not faqs_exist:
        issues.append(_warning("NO_FAQ", "faqs", _("建议补充常见问题，方便群众自助了解。")))
    if (
        version.case_kind != CaseKind.IMMEDIATE
        and version.legal_days is not None
        and version.promised_days is not None
        and version.promised_days == version.legal_days
    ):
        issues.append(
            _warning("NO_SPEED_UP", "promised_days", _("承诺时限与法定时限相同，建议压缩承诺办结时限。"))
        )
    return issues
