"""Ledger actions recorded by ``core`` itself (STYLE §5: no bare action strings)."""

from __future__ import annotations

from enum import StrEnum


class CoreLedgerAction(StrEnum):
    """What a ledger entry written by a core service records."""

    CALENDAR_NOTICE_ENTERED = "calendar.notice_entered"  # a year's State Council holiday notice was entered
