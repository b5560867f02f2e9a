"""Masking for display (ARCHITECTURE §5.5), re-exported from ``tongban.core.masking`` for accounts' views."""

from __future__ import annotations

from tongban.core.masking import mask_id_number, mask_phone

__all__ = ["mask_id_number", "mask_phone"]
