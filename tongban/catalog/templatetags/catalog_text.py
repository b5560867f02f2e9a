"""Template tags for catalog text: Chinese catalog content marked ``lang="zh-CN"`` on the English UI (WCAG 3.1.2).

Item names, department names and guide elements are written in Chinese by the catalog administrators; the
English UI translates the platform's own strings, not them. ``{% zh text %}`` wraps such text in a
``<span lang="zh-CN">`` when the page is not Chinese; ``{% item_name item %}`` shows the item's English name
with the Chinese one beside it on the English UI, and the Chinese name alone otherwise.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


def _chinese_page() -> bool:
    return (get_language() or "zh-hans").lower().startswith("zh")


@register.simple_tag
def zh(text: Any) -> SafeString:
    """``text`` (Chinese catalog content), marked ``lang="zh-CN"`` unless the page itself is Chinese."""
    if text in (None, ""):
        return SafeString("")
    if _chinese_page():
        return SafeString(conditional_escape(text))
    return format_html('<span lang="zh-CN">{}</span>', text)


@register.simple_tag
def item_name(item: Any) -> SafeString:
    """The item's name for the current language: English name plus the Chinese name on the English UI."""
    name = getattr(item, "name", "") or ""
    if _chinese_page():
        return SafeString(conditional_escape(name))
    name_en = getattr(item, "name_en", "") or ""
    if not name_en:
        return format_html('<span lang="zh-CN">{}</span>', name)
    return format_html('{} <span class="tb-name-zh" lang="zh-CN">（{}）</span>', name_en, name)


@register.simple_tag
def item_name_text(item: Any) -> str:
    """The item's name as plain text for the current language (page titles, ``aria-label``)."""
    name_en = str(getattr(item, "name_en", "") or "")
    if not _chinese_page() and name_en:
        return name_en
    return str(getattr(item, "name", "") or "")


@register.simple_tag
def license_badge(material: Any) -> SafeString:
    """On a guide's material that an electronic licence replaces (免证可办): "可用电子证照免提交（<type name>）",
    the name only when ``licenses`` has registered a namer that knows the code; nothing for other materials."""
    from django.utils.translation import gettext as _

    from tongban.catalog.queries import license_type_name

    code = getattr(material, "license_type_code", "") or ""
    if not code:
        return SafeString("")
    name = license_type_name(code)
    if name:
        return format_html(
            '<span class="tb-badge tb-badge-shared" data-license-type="{}">{}（<span lang="zh-CN">{}</span>）</span>',
            code,
            _("可用电子证照免提交"),
            name,
        )
    return format_html(
        '<span class="tb-badge tb-badge-shared" data-license-type="{}">{}</span>', code, _("可使用电子证照")
    )
