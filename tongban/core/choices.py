"""Enumerations owned by ``core``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HolidayKind(models.TextChoices):
    """What a listed calendar day is."""

    HOLIDAY = "holiday", _("法定节假日（放假）")  # a weekday (or weekend) that is a day off
    ADJUSTED_WORKDAY = "adjusted_workday", _("调休上班日")  # a weekend day that is a working day


class LedgerBreak(models.TextChoices):
    """Why ledger verification stopped at an entry."""

    HASH_MISMATCH = "hash_mismatch", _("哈希不符")  # the entry's content no longer matches its stored hash
    BROKEN_PREV_LINK = (
        "broken_prev_link",
        _("前一哈希断链"),
    )  # prev_hash differs from the previous entry's hash
    SEQUENCE_GAP = "sequence_gap", _("序号缺失")  # a sequence number is missing (a row was removed)
    HEAD_MISMATCH = (
        "head_mismatch",
        _("链头不符"),
    )  # the chain head does not point at the last entry (rows cut off)


class CheckpointBreak(models.TextChoices):
    """Why a signed ledger checkpoint does not vouch for the ledger as it is now."""

    BAD_SIGNATURE = "bad_signature", _("签名无效")  # the platform's key did not sign this text
    ENTRY_MISSING = (
        "entry_missing",
        _("记录缺失"),
    )  # the ledger has no entry with the checkpoint's sequence number
    HASH_MISMATCH = (
        "hash_mismatch",
        _("链头哈希不符"),
    )  # the entry's hash differs: history up to it was rewritten
    NOT_IN_DATABASE = (
        "not_in_database",
        _("检查点已被删除"),
    )  # a kept checkpoint is missing from (or differs in) the database's own list
