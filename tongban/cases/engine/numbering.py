"""Case numbers (办件编号), query codes and pickup codes (ARCHITECTURE §5.1, ADR 0007)."""

from __future__ import annotations

import secrets
from datetime import date

from django.db.models import F

from tongban.cases.models import CaseNumberSequence

# No 0/O, 1/I: the query code is read aloud at windows and typed from paper receipts.
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 6
PICKUP_CODE_LENGTH = 6


def region_code_for(region_code: str) -> str:
    """The six-digit region code used in case numbers (a 12-digit township code contributes its county prefix)."""
    code = (region_code or "").strip()
    return (code[:6] if len(code) >= 6 else code.ljust(6, "0")) or "000000"


def next_case_number(region_code: str, day: date) -> str:
    """The next ``<6-digit region><yyyymmdd><6-digit sequence>`` number; call inside the submitting transaction.

    ``UPDATE … SET last = last + 1`` locks the row until the submitting transaction ends (the same row lock
    ``select_for_update`` would take); the day's first submission creates the row with ``INSERT … ON CONFLICT DO
    NOTHING`` so two first submissions do not collide. On SQLite the IMMEDIATE transaction already serialises
    writers. Must run inside the submitting transaction; a rolled-back submission gives its number back.
    """
    code = region_code_for(region_code)
    # UPDATE first: it takes the row lock and needs no extra round trip on every submission but the day's first.
    updated = CaseNumberSequence.objects.filter(region_code=code, day=day).update(last=F("last") + 1)
    if not updated:
        CaseNumberSequence.objects.bulk_create(
            [CaseNumberSequence(region_code=code, day=day, last=0)], ignore_conflicts=True
        )
        CaseNumberSequence.objects.filter(region_code=code, day=day).update(last=F("last") + 1)
    last = CaseNumberSequence.objects.filter(region_code=code, day=day).values_list("last", flat=True).get()
    return f"{code}{day:%Y%m%d}{last:06d}"


def new_query_code() -> str:
    """A random six-character query code without ambiguous characters."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def new_pickup_code() -> str:
    """A random six-digit pickup code (取件码) checked at the window hand-out."""
    return "".join(secrets.choice("0123456789") for _ in range(PICKUP_CODE_LENGTH))
