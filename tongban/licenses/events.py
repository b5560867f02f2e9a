"""Names of what the licences app records: ledger actions (STYLE point 5), ``license.<noun>_<past_verb>``.

Ledger data never holds the holder's full name or ID number: the identifier and the type code identify the licence.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LicenseLedgerAction(models.TextChoices):
    """A ledger action on a licence or licence type (一链监管): one per state change or recorded act."""

    TYPE_DEFINED = "license.type_defined", _("定义证照类型")
    ISSUED = "license.issued", _("颁发电子证照")
    SUSPENDED = "license.suspended", _("暂停电子证照")
    REINSTATED = "license.reinstated", _("恢复电子证照")
    REVOKED = "license.revoked", _("撤销电子证照")
    CORRECTED = "license.corrected", _("更正电子证照")
    PRESENTED = "license.presented", _("亮证")
    USE_AUTHORISED = "license.use_authorised", _("授权用证")
    STOCK_IMPORTED = "license.stock_imported", _("导入存量证照")
