"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict[str, Any]:
    """Expose demo mode and elderly mode to templates."""
    return {
        "TONGBAN_DEMO": settings.TONGBAN_DEMO,
        "elderly_mode": getattr(request, "elderly_mode", False),
    }
