"""Enumerations owned by ``licenses``: licence states, holder categories and stock-import states (ADR 0013).

Which action may move a licence from which state lives in :mod:`tongban.licenses.transitions`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LicenseState(models.TextChoices):
    """Stored state of a licence (电子证照状态); ``expired`` is derived from ``valid_until``, never stored."""

    VALID = "valid", _("有效")  # in force (unless its validity period has ended)
    SUSPENDED = "suspended", _("已暂停")  # suspended by the issuing department; may be reinstated
    REVOKED = "revoked", _("已撤销")  # revoked by the issuing department; final
    SUPERSEDED = "superseded", _("已更正")  # replaced by a corrected version (superseded_by); final


class LicenseStatus(models.TextChoices):
    """Status of a licence as read on a given day: the stored state, or ``expired`` when its validity has ended."""

    VALID = "valid", _("有效")  # in force today
    SUSPENDED = "suspended", _("已暂停")  # suspended
    REVOKED = "revoked", _("已撤销")  # revoked
    SUPERSEDED = "superseded", _("已更正")  # a newer version replaces it
    EXPIRED = "expired", _("已过期")  # stored as valid, but valid_until is before today


class LicenseAction(models.TextChoices):
    """A state-changing action on a licence; the key of :data:`tongban.licenses.transitions.TRANSITIONS`."""

    SUSPEND = "suspend", _("暂停")  # valid → suspended
    REINSTATE = "reinstate", _("恢复")  # suspended → valid
    REVOKE = "revoke", _("撤销")  # valid | suspended → revoked
    CORRECT = "correct", _("更正")  # valid → superseded (a new version is issued)


class HolderCategory(models.TextChoices):
    """Who a licence is issued to (持证主体类别)."""

    PERSON = "person", _("自然人")  # identified by the resident ID number
    ENTERPRISE = "enterprise", _("法人")  # identified by the unified social credit code


class StockImportStatus(models.TextChoices):
    """Progress of a stock import (存量证照导入)."""

    PENDING = "pending", _("待处理")  # uploaded; the task has not started
    RUNNING = "running", _("处理中")  # the task is working through the rows
    DONE = "done", _("已完成")  # every row handled (imported, duplicate or rejected)
    FAILED = "failed", _("失败")  # the task stopped on an error; see ``error``
