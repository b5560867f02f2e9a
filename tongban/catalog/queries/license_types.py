"""Names of licence types for the guide pages, without ``catalog`` importing ``licenses`` (licenses imports catalog).

``licenses`` registers a namer at start-up (``register_license_type_namer``); without one a guide says only that an
electronic licence may be used.
"""

from __future__ import annotations

from collections.abc import Callable

_namer: Callable[[str], str | None] | None = None


def register_license_type_namer(namer: Callable[[str], str | None] | None) -> None:
    """Use ``namer(code) -> name or None`` to name licence type codes (``None`` removes it, for tests)."""
    global _namer
    _namer = namer


def license_type_name(code: str) -> str:
    """The name of the licence type ``code`` if a namer is registered and knows it, else ``""``."""
    if not code or _namer is None:
        return ""
    return _namer(code) or ""
