"""Template helpers of the public portal: choice labels for coded list fields and the service badges."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django import template
from django.utils.translation import gettext_lazy as _

from tongban.catalog import choices as catalog_choices
from tongban.catalog.choices import OnlineDepth

if TYPE_CHECKING:
    from tongban.catalog.models import ItemVersion

register = template.Library()

# Coded JSON list fields of a guide version and the enumeration that labels them.
_LIST_CHOICES = {
    "HandlingForm": catalog_choices.HandlingForm,
    "DeliveryMode": catalog_choices.DeliveryMode,
    "ServiceObject": catalog_choices.ServiceObject,
    "PersonTopic": catalog_choices.PersonTopic,
    "EnterpriseTopic": catalog_choices.EnterpriseTopic,
}


@register.filter
def choice_labels(values: Any, choices_name: str) -> list[str]:
    """Labels of a list of codes (``version.handling_forms|choice_labels:"HandlingForm"``); unknown codes kept."""
    enum = _LIST_CHOICES[choices_name]
    labels = dict(enum.choices)
    return [str(labels.get(value, value)) for value in (values or [])]


@register.simple_tag
def service_badges(version: ItemVersion | None) -> list[dict[str, str]]:
    """The badges a citizen scans for: 全程网办, 一次办妥, 告知承诺, 容缺受理, 即办件."""
    if version is None:
        return []
    badges = []
    if version.online_depth == OnlineDepth.LEVEL_4:
        badges.append({"key": "online", "label": str(_("全程网办"))})
    if version.one_visit:
        badges.append({"key": "one-visit", "label": str(_("一次办妥"))})
    if version.commitment:
        badges.append({"key": "commitment", "label": str(_("告知承诺"))})
    if version.tolerance:
        badges.append({"key": "tolerance", "label": str(_("容缺受理"))})
    if version.case_kind == catalog_choices.CaseKind.IMMEDIATE:
        badges.append({"key": "immediate", "label": str(_("即办件"))})
    return badges


# "1. 申请；2. 受理；3. …" or one numbered step per line: the way guides are usually written.
_STEP_SPLIT = re.compile(r"(?:^|[；;。\n])\s*\d{1,2}\s*[.、．)）]\s*")


@register.filter
def as_steps(text: str | None) -> list[str]:
    """The numbered steps of a guide text, or ``[]`` when it is not written as at least two numbered steps."""
    if not text or not re.match(r"\s*1\s*[.、．)）]", text):
        return []
    steps = [step.strip(" ；;。\n") for step in _STEP_SPLIT.split(text)]
    steps = [step for step in steps if step]
    return steps if len(steps) >= 2 else []
