"""Masking for display, delegating to ``tongban.core.masking`` when it is available (ARCHITECTURE §5.5)."""

from __future__ import annotations

try:  # core's masking is written by another helper; fall back to the same rule until it lands
    from tongban.core.masking import mask_id_number, mask_phone
except ImportError:  # pragma: no cover - exercised only before core.masking exists

    def mask_id_number(value: str | None) -> str:  # type: ignore[misc]
        """``410202********123X``: keep the first 6 and last 4 characters."""
        value = value or ""
        return value if len(value) < 10 else value[:6] + "*" * (len(value) - 10) + value[-4:]

    def mask_phone(value: str | None) -> str:  # type: ignore[misc]
        """``138****5678``: keep the first 3 and last 4 digits."""
        value = value or ""
        return value if len(value) < 7 else value[:3] + "*" * (len(value) - 7) + value[-4:]


__all__ = ["mask_id_number", "mask_phone"]
