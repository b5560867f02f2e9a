"""Checking one row of a stock file: codes with their check characters, dates, and the type's face schema.

:class:`RowChecker` is built once per import from plain data (the licence types and the departments that may issue)
and then checks rows without touching the database, so a 10,000-row file costs no query per row. A row either
becomes a :class:`GoodRow` (typed values ready to store) or is refused with a Chinese reason that the rejected-rows
file shows beside it; several problems of one row are joined with "；" so the row can be fixed in one pass.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

from tongban.core.validators import (
    is_valid_credit_code,
    is_valid_id_number,
    normalize_credit_code,
    normalize_id_number,
    validate_credit_code,
    validate_id_number,
)
from tongban.licenses.choices import HolderCategory
from tongban.licenses.stock import parsing

SERIAL_RE = re.compile(r"^[0-9A-Z]{1,32}$")
VERSION_RE = re.compile(r"^[0-9]{1,3}$")
TYPE_CODE_RE = re.compile(r"^[0-9A-Z]{18}[0-9]{3}$")
_DATE_DASHED = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_CHINESE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
PERMANENT = {"", "长期", "永久", "长期有效", "无固定期限"}
HOLDER_NAME_MAX = 200
TRUE_TEXT = {"是", "true", "1", "y", "yes", "√", "✓", "有"}
FALSE_TEXT = {"否", "false", "0", "n", "no", "×", "无"}


@dataclass(frozen=True)
class IssuerSpec:
    """A department that may issue licences (颁发机构): its key and 统一社会信用代码."""

    pk: int
    credit_code: str
    name: str = ""


@dataclass
class TypeSpec:
    """What the checker needs of a licence type (证照类型): code, holder category and its face schema."""

    pk: int
    code: str
    name: str
    holder_category: str
    face_schema: dict[str, Any]
    # header text (field key or title) → field key
    face_columns: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    validator: Draft202012Validator | None = None

    @classmethod
    def of(cls, license_type: Any) -> TypeSpec:
        """The spec of a ``LicenseType`` row (read by attribute, so the checker needs no model import)."""
        schema = license_type.face_schema or {"type": "object", "properties": {}}
        spec = cls(
            pk=license_type.pk,
            code=license_type.code,
            name=license_type.name,
            holder_category=str(license_type.holder_category),
            face_schema=schema,
        )
        for key, prop in (schema.get("properties") or {}).items():
            title = str(prop.get("title") or key)
            spec.titles[key] = title
            spec.face_columns[key] = key
            spec.face_columns.setdefault(parsing.clean_header(title), key)
        spec.validator = Draft202012Validator(schema, format_checker=FormatChecker(formats=["date", "email"]))
        return spec


@dataclass
class GoodRow:
    """A row that passed every check, with typed values (identifier built by the service)."""

    index: int
    type: TypeSpec
    serial: str
    version: str
    holder_category: str
    holder_name: str
    holder_id_number: str
    holder_credit_code: str
    issuer: IssuerSpec
    issued_on: datetime.date
    valid_from: datetime.date
    valid_until: datetime.date | None
    face: dict[str, Any]

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes a licence the same licence: type, issuer, serial and version (the identifier's parts)."""
        return (self.type.code, self.issuer.credit_code, self.serial, self.version)


@dataclass
class BadRow:
    """A refused row: its position and the reason in Chinese."""

    index: int
    reason: str


class RowChecker:
    """Checks rows against the known licence types and issuing departments (both given as plain specs)."""

    def __init__(
        self,
        types: Iterable[TypeSpec],
        issuers: Iterable[IssuerSpec],
        *,
        today: datetime.date,
    ) -> None:
        self.types = {spec.code: spec for spec in types}
        self.issuers = {spec.credit_code: spec for spec in issuers}
        self.today = today

    def check(self, index: int, row: Mapping[str, Any]) -> GoodRow | BadRow:
        """Check data row ``index`` (cells keyed by column, as :meth:`StockTable.row_dict` gives them)."""
        reasons: list[str] = []

        type_code = _text(row.get(parsing.COL_TYPE)).upper()
        spec = self.types.get(type_code)
        if not type_code:
            reasons.append(_("证照类型代码未填写"))
        elif spec is None:
            reasons.append(_("证照类型代码“%(code)s”不存在，请先定义该证照类型") % {"code": type_code})

        serial = "".join(_text(row.get(parsing.COL_SERIAL)).split()).upper()
        if not serial:
            reasons.append(_("证照编号未填写"))
        elif not SERIAL_RE.match(serial):
            reasons.append(_("证照编号只能由数字和英文字母组成，不超过32位"))

        version_text = _text(row.get(parsing.COL_VERSION)) or "001"
        version = version_text.zfill(3)
        if not VERSION_RE.match(version_text) or version == "000":
            reasons.append(_("版本号应为001至999的三位数字"))

        holder_name = _text(row.get(parsing.COL_HOLDER_NAME))
        if not holder_name:
            reasons.append(_("持证主体名称未填写"))
        elif len(holder_name) > HOLDER_NAME_MAX:
            reasons.append(_("持证主体名称不能超过%(n)s个字") % {"n": HOLDER_NAME_MAX})

        holder_id_number = holder_credit_code = ""
        raw_holder = row.get(parsing.COL_HOLDER_CODE)
        holder_code = _text(raw_holder)
        if not holder_code:
            reasons.append(_("持证主体代码未填写"))
        elif spec is not None:
            if spec.holder_category == HolderCategory.PERSON:
                holder_id_number = normalize_id_number(holder_code)
                problem = _code_problem(validate_id_number, holder_id_number)
                if problem:
                    reasons.append(_("持证主体代码（公民身份号码）：%(problem)s") % {"problem": problem})
            else:
                holder_credit_code = normalize_credit_code(holder_code)
                problem = _code_problem(validate_credit_code, holder_credit_code)
                if problem:
                    reasons.append(_("持证主体代码（统一社会信用代码）：%(problem)s") % {"problem": problem})

        issuer_code = normalize_credit_code(_text(row.get(parsing.COL_ISSUER)))
        issuer = self.issuers.get(issuer_code)
        if not issuer_code:
            reasons.append(_("颁发机构代码未填写"))
        elif issuer is None:
            problem = _code_problem(validate_credit_code, issuer_code)
            if problem:
                reasons.append(_("颁发机构代码：%(problem)s") % {"problem": problem})
            else:
                reasons.append(_("颁发机构代码“%(code)s”不是本平台已登记的部门") % {"code": issuer_code})

        issued_on = _date_cell(row.get(parsing.COL_ISSUED_ON), parsing.COL_ISSUED_ON, reasons, required=True)
        if issued_on is not None and issued_on > self.today:
            reasons.append(_("颁发日期晚于今天"))
        valid_from = _date_cell(row.get(parsing.COL_VALID_FROM), parsing.COL_VALID_FROM, reasons)
        if valid_from is None and not _text(row.get(parsing.COL_VALID_FROM)):
            valid_from = issued_on
        until_raw = row.get(parsing.COL_VALID_UNTIL)
        valid_until = None
        if _text(until_raw) not in PERMANENT:
            valid_until = _date_cell(until_raw, parsing.COL_VALID_UNTIL, reasons)
        if valid_from is not None and valid_until is not None and valid_until < valid_from:
            reasons.append(_("有效期截止早于有效期起始"))

        face: dict[str, Any] = {}
        if spec is not None:
            face = _face(spec, row, reasons)

        if reasons or spec is None or issuer is None or issued_on is None or valid_from is None:
            return BadRow(index=index, reason="；".join(reasons))
        return GoodRow(
            index=index,
            type=spec,
            serial=serial,
            version=version,
            holder_category=spec.holder_category,
            holder_name=holder_name,
            holder_id_number=holder_id_number,
            holder_credit_code=holder_credit_code,
            issuer=issuer,
            issued_on=issued_on,
            valid_from=valid_from,
            valid_until=valid_until,
            face=face,
        )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _code_problem(validator: Any, value: str) -> str:
    try:
        validator(value)
    except ValidationError as exc:
        return str(exc.messages[0]).rstrip("。")
    return ""


def parse_date(value: Any) -> datetime.date | None:
    """A date from a real spreadsheet date, ``YYYY-MM-DD`` (also ``/`` or ``.``), ``YYYYMMDD`` or ``YYYY年M月D日``.

    ``None`` when the value is not a real date.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    match = _DATE_DASHED.match(text) or _DATE_COMPACT.match(text) or _DATE_CHINESE.match(text)
    if match is None:
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _date_cell(
    value: Any, column: str, reasons: list[str], *, required: bool = False
) -> datetime.date | None:
    if not _text(value):
        if required:
            reasons.append(_("%(column)s未填写") % {"column": column})
        return None
    parsed = parse_date(value)
    if parsed is None or not 1900 <= parsed.year <= 2200:
        reasons.append(
            _("%(column)s“%(value)s”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）")
            % {"column": column, "value": _text(value)}
        )
        return None
    return parsed


def _face(spec: TypeSpec, row: Mapping[str, Any], reasons: list[str]) -> dict[str, Any]:
    """Assemble the face (照面信息) from the row's face columns, typed per schema, and check it against the schema."""
    properties = spec.face_schema.get("properties") or {}
    face: dict[str, Any] = {}
    for column, value in row.items():
        key = spec.face_columns.get(column)
        if key is None or key in face or not _text(value):
            continue
        typed, problem = _coerce(properties.get(key) or {}, value)
        if problem:
            reasons.append(
                _("照面项“%(title)s”%(problem)s") % {"title": spec.titles[key], "problem": problem}
            )
            continue
        face[key] = typed
    for key, prop in properties.items():
        if key not in face:
            continue
        x_format = prop.get("x-format")
        if x_format == "id_number" and not is_valid_id_number(normalize_id_number(face[key])):
            reasons.append(_("照面项“%(title)s”不是有效的公民身份号码") % {"title": spec.titles[key]})
        elif x_format == "credit_code" and not is_valid_credit_code(normalize_credit_code(face[key])):
            reasons.append(_("照面项“%(title)s”不是有效的统一社会信用代码") % {"title": spec.titles[key]})
    if spec.validator is not None:
        problems = sorted(spec.validator.iter_errors(face), key=lambda e: (list(e.path), e.validator))
        reasons.extend(dict.fromkeys(_schema_message(spec, error) for error in problems[:5]))
    return face


def _coerce(prop: Mapping[str, Any], value: Any) -> tuple[Any, str]:
    """``value`` as the schema's type: text, a whole number, a number or yes/no; an enum label to its value."""
    kind = prop.get("type", "string")
    if kind == "boolean":
        if isinstance(value, bool):
            return value, ""
        text = _text(value).lower()
        if text in TRUE_TEXT:
            return True, ""
        if text in FALSE_TEXT:
            return False, ""
        return None, _("应填写“是”或“否”")
    text = _text(value)
    labels = prop.get("x-enum-labels")
    if labels and prop.get("enum") and text in labels:
        text = str(prop["enum"][list(labels).index(text)])
    if kind == "integer":
        try:
            number = float(text)
        except ValueError:
            return None, _("应为整数")
        if not number.is_integer():
            return None, _("应为整数")
        return int(number), ""
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return None, _("应为数字")
        if number != number or number in (float("inf"), float("-inf")):
            return None, _("应为数字")
        return (int(number) if number.is_integer() else number), ""
    if prop.get("format") == "date":
        parsed = parse_date(value)
        if parsed is None:
            return None, _("不是有效日期（应为YYYY-MM-DD或YYYYMMDD）")
        return parsed.isoformat(), ""
    return text, ""


def _schema_message(spec: TypeSpec, error: SchemaError) -> str:
    """A Chinese sentence for one JSON Schema failure of the face."""
    kind = error.validator
    if kind == "required":
        missing = [key for key in error.validator_value if key not in (error.instance or {})]
        titles = "、".join(f"“{spec.titles.get(key, key)}”" for key in missing)
        return _("照面信息缺少必填项%(titles)s") % {"titles": titles}
    path = [str(part) for part in error.path]
    title = spec.titles.get(path[0], path[0]) if path else ""
    prefix = _("照面项“%(title)s”") % {"title": title} if title else _("照面信息")
    limit = error.validator_value
    if kind == "maxLength":
        return prefix + _("不能超过%(n)s个字") % {"n": limit}
    if kind == "minLength":
        return prefix + _("至少应有%(n)s个字") % {"n": limit}
    if kind == "pattern":
        return prefix + _("格式不正确")
    if kind == "enum":
        prop = (spec.face_schema.get("properties") or {}).get(path[0] if path else "", {})
        options = prop.get("x-enum-labels") or prop.get("enum") or []
        return prefix + _("应为以下之一：%(options)s") % {"options": "、".join(str(o) for o in options)}
    if kind in ("minimum", "exclusiveMinimum"):
        return prefix + _("不能小于%(n)s") % {"n": limit}
    if kind in ("maximum", "exclusiveMaximum"):
        return prefix + _("不能大于%(n)s") % {"n": limit}
    if kind == "format":
        return prefix + _("格式不正确（应为%(format)s）") % {"format": limit}
    if kind == "type":
        return prefix + _("的类型不正确")
    return prefix + _("不符合证照类型“%(name)s”的照面要求") % {"name": spec.name}
