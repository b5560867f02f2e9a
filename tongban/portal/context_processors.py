"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

# Pages owned by other apps that the header and home page link to once they exist.
OPTIONAL_LINKS = {
    "progress": "cases:progress",
    "disclosure": "cases:disclosure",
    "login": "accounts:login",
    "register": "accounts:register",
    "my_cases": "cases:my_cases",
}


def _optional_links() -> dict[str, str]:
    links = {}
    for key, name in OPTIONAL_LINKS.items():
        try:
            links[key] = reverse(name)
        except NoReverseMatch:
            continue
    return links


HOTLINE = "12345"  # 政务服务便民热线, the same number nationwide
USER_MENU_TEMPLATE = "accounts/_partials/user_menu.html"


def _user_menu_template() -> str | None:
    # The accounts app ships the navbar fragment; until it exists the header falls back to plain links.
    try:
        get_template(USER_MENU_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return USER_MENU_TEMPLATE


def portal(request: HttpRequest) -> dict[str, Any]:
    """Expose demo mode, elderly mode and the optional cross-app links to templates."""
    return {
        "TONGBAN_DEMO": settings.TONGBAN_DEMO,
        "elderly_mode": getattr(request, "elderly_mode", False),
        "portal_links": _optional_links(),
        "hotline": HOTLINE,
        "user_menu_template": _user_menu_template(),
    }
