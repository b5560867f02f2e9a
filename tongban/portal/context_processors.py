"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role, UserKind
from tongban.core.calendar import next_year_warning

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


def _calendar_warning(request: HttpRequest) -> str | None:
    """The working-day calendar warning, for system administrators only (from 1 October, next year provisional)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not (user.is_superuser or getattr(user, "kind", None) == UserKind.STAFF):
        return None  # cheap checks first: applicants never see it and cost no query
    # The grants are usually cached on the user by the header already; the calendar only for system admins.
    if not (user.is_superuser or user_has_role(user, Role.SYSTEM_ADMIN)):
        return None
    return next_year_warning(timezone.localdate())


def portal(request: HttpRequest) -> dict[str, Any]:
    """Expose demo mode, elderly mode, the optional cross-app links and the calendar warning to templates."""
    return {
        "calendar_warning": _calendar_warning(request),
        "TONGBAN_DEMO": settings.TONGBAN_DEMO,
        "elderly_mode": getattr(request, "elderly_mode", False),
        "portal_links": _optional_links(),
        "hotline": HOTLINE,
        "user_menu_template": _user_menu_template(),
    }
