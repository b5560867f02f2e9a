"""Error codes of the stock import (存量证照导入): the file is refused before any row is read.

Problems of single rows are not errors: they are reasons in the rejected-rows file
(:mod:`tongban.licenses.stock.validation`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import ErrorDef

STOCK_IMPORT_EMPTY = ErrorDef(
    "STOCK_IMPORT_EMPTY", _("上传的文件是空的，请选择填好数据的导入文件。"), status=422
)
STOCK_IMPORT_NO_ROWS = ErrorDef(
    "STOCK_IMPORT_NO_ROWS", _("文件中只有表头，没有数据行，请在表头下方逐行填写证照数据。"), status=422
)
STOCK_IMPORT_TOO_LARGE = ErrorDef(
    "STOCK_IMPORT_TOO_LARGE",
    _("文件太大，导入文件不能超过 %(mb)s MB，请拆分为多个文件分次导入。"),
    status=413,
)
STOCK_IMPORT_TOO_MANY_ROWS = ErrorDef(
    "STOCK_IMPORT_TOO_MANY_ROWS",
    _("文件的数据行太多，一个文件最多 %(limit)s 行，请拆分为多个文件分次导入。"),
    status=422,
)
STOCK_IMPORT_FILE_TYPE = ErrorDef(
    "STOCK_IMPORT_FILE_TYPE",
    _("不支持该文件类型，请上传 CSV（.csv）或 Excel（.xlsx）文件，且扩展名与文件内容一致。"),
    status=415,
)
STOCK_IMPORT_UNREADABLE = ErrorDef(
    "STOCK_IMPORT_UNREADABLE", _("文件无法读取，可能已损坏，请重新导出后上传。"), status=422
)
STOCK_IMPORT_BAD_HEADER = ErrorDef("STOCK_IMPORT_BAD_HEADER", _("文件的表头有误。"), status=422)
STOCK_IMPORT_MISSING_COLUMNS = ErrorDef(
    "STOCK_IMPORT_MISSING_COLUMNS",
    _("文件缺少必需的列：%(columns)s。请使用导入模板，第一行为表头。"),
    status=422,
)
STOCK_IMPORT_NO_FILE = ErrorDef("STOCK_IMPORT_NO_FILE", _("请选择要导入的 CSV 或 XLSX 文件。"), status=422)
STOCK_IMPORT_NOT_DONE = ErrorDef(
    "STOCK_IMPORT_NOT_DONE", _("导入尚未完成，完成后才能下载未导入的数据行。"), status=409
)
