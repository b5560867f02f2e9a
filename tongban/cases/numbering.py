"""Case numbers (办件编号), query codes and pickup codes (ARCHITECTURE §5.1, ADR 0007)."""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction

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

    The sequence row is created with ``INSERT … ON CONFLICT DO NOTHING`` (so two first submissions of the day do
    not collide) and then locked with ``select_for_update``; on SQLite the IMMEDIATE transaction already
    serialises writers. A rolled-back submission gives its number back.
    """
    code = region_code_for(region_code)
    with transaction.atomic():
        CaseNumberSequence.objects.bulk_create(
            [CaseNumberSequence(region_code=code, day=day, last=0)], ignore_conflicts=True
        )
        sequence = CaseNumberSequence.objects.select_for_update().get(region_code=code, day=day)
        sequence.last += 1
        sequence.save(update_fields=["last"])
    return f"{code}{day:%Y%m%d}{sequence.last:06d}"


def new_query_code() -> str:
    """A random six-character query code without ambiguous characters."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def new_pickup_code() -> str:
    """A random six-digit pickup code (取件码) checked at the window hand-out."""
    return "".join(secrets.choice("0123456789") for _ in range(PICKUP_CODE_LENGTH))
