"""Ledger actions of the stock import that are not about one licence (STYLE point 5).

Each chunk of imported licences is recorded as ``license.stock_imported``
(:attr:`tongban.licenses.events.LicenseLedgerAction.STOCK_IMPORTED`); starting an import has its own action here.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StockImportLedgerAction(models.TextChoices):
    """A ledger action on a stock import (存量证照导入)."""

    STARTED = "license.stock_import_started", _("上传存量证照文件")
    FINISHED = "license.stock_import_finished", _("存量证照导入完成")
