"""The spreadsheets the stock import writes: the blank import template and the rejected-rows file (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongban.licenses.stock import parsing

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What each fixed column holds, for the template's 填写说明 sheet and the upload page.
COLUMN_HELP: tuple[tuple[str, bool, Any], ...] = (
    (
        parsing.COL_TYPE,
        True,
        gettext_lazy("已定义的证照类型代码（定义机构统一社会信用代码+3位数字，共21位）"),
    ),
    (parsing.COL_SERIAL, True, gettext_lazy("证照编号（流水号），数字和大写英文字母，不超过32位")),
    (parsing.COL_HOLDER_NAME, True, gettext_lazy("持证人姓名或持证单位名称")),
    (
        parsing.COL_HOLDER_CODE,
        True,
        gettext_lazy("自然人填18位公民身份号码，法人填18位统一社会信用代码（均校验校验位）"),
    ),
    (parsing.COL_ISSUER, True, gettext_lazy("颁发机构（本平台已登记部门）的18位统一社会信用代码")),
    (parsing.COL_ISSUED_ON, True, gettext_lazy("YYYY-MM-DD 或 YYYYMMDD，也可为 Excel 日期")),
    (parsing.COL_VALID_FROM, False, gettext_lazy("不填则与颁发日期相同")),
    (parsing.COL_VALID_UNTIL, False, gettext_lazy("不填或填“长期”表示长期有效")),
    (parsing.COL_VERSION, False, gettext_lazy("三位数字，不填为 001")),
)


def template_workbook(face_columns: Sequence[tuple[str, str]] = ()) -> bytes:
    """The import template: the header row (fixed columns, then ``face_columns`` titles) and a 填写说明 sheet.

    ``face_columns`` are ``(title, description)`` pairs of one licence type's face fields. Code columns are
    formatted as text, so Excel keeps the 18 digits of an ID number instead of rounding it to a float.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("证照数据")
    headers = [name for name, _required, _help in COLUMN_HELP] + [title for title, _desc in face_columns]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for position, name in enumerate(headers, start=1):
        letter = sheet.cell(row=1, column=position).column_letter
        sheet.column_dimensions[letter].width = max(14, len(name) * 2 + 4)
        if name in (parsing.COL_SERIAL, parsing.COL_HOLDER_CODE, parsing.COL_ISSUER, parsing.COL_TYPE):
            for row in range(2, 1002):
                sheet.cell(row=row, column=position).number_format = "@"
    notes = workbook.create_sheet(_("填写说明"))
    notes.append([_("列名"), _("是否必填"), _("说明")])
    for name, required, text in COLUMN_HELP:
        notes.append([name, _("必填") if required else _("选填"), str(text)])
    for title, description in face_columns:
        notes.append([title, _("按证照类型要求"), description or _("照面信息")])
    notes.column_dimensions["A"].width = 20
    notes.column_dimensions["C"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rejected_workbook(headers: Sequence[str], rows: Iterable[tuple[int, Sequence[Any], str]]) -> bytes:
    """The rejected rows: the file's own columns, then 原因 and 原文件行号 (write-only, so large files stay cheap).

    ``rows`` yields ``(line, cells, reason)``.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("未导入的数据行"))
    sheet.append([*headers, parsing.REASON_COLUMN, parsing.LINE_COLUMN])
    for line, cells, reason in rows:
        sheet.append([*(_cell(sheet, value) for value in cells), reason, line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet: Any, value: Any) -> Any:
    """A cell that shows exactly what the file held: text that starts with ``=`` stays text, never a formula."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
