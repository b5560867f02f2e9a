"""Template tags of ``notifications``: ``{% load notifications %}{% unread_message_count as n %}``."""

from __future__ import annotations

from typing import Any

from django import template

from tongban.notifications.queries import count_unread_messages

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_message_count(context: Any) -> int:
    """Unread in-app messages of the signed-in user (0 for anonymous visitors)."""
    request = context.get("request")
    return count_unread_messages(getattr(request, "user", None))
