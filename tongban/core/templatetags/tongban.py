"""Template filters shared by every app: ``{% load tongban %}{{ user.id_number|mask_id }}``."""

from __future__ import annotations

from typing import Any

from django import template

from tongban.core.masking import mask_id_number, mask_name, mask_phone

register = template.Library()


@register.filter(name="mask_id")
def mask_id_filter(value: Any) -> str:
    """Masked 居民身份证号码 (first 6 and last 4 characters shown)."""
    return mask_id_number(value)


@register.filter(name="mask_phone")
def mask_phone_filter(value: Any) -> str:
    """Masked phone number (first 3 and last 4 digits shown)."""
    return mask_phone(value)


@register.filter(name="mask_name")
def mask_name_filter(value: Any) -> str:
    """Masked personal name (first and last character shown)."""
    return mask_name(value)
