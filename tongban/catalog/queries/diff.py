"""Display and diff of guide versions for administrators (what changed, what was removed)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from tongban.catalog.choices import DeliveryMode, EnterpriseTopic, HandlingForm, PersonTopic, ServiceObject
from tongban.catalog.events import CatalogAction
from tongban.catalog.models import Faq, Fee, ItemVersion, Material

_CODE_LISTS = {
    "service_objects": ServiceObject,
    "handling_forms": HandlingForm,
    "delivery_modes": DeliveryMode,
    "person_topics": PersonTopic,
    "enterprise_topics": EnterpriseTopic,
}


def display_value(model: Any, name: str, value: Any) -> str:
    """A guide element's value as the text an administrator reads (labels for codes, 是/否 for flags)."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if name in _CODE_LISTS and isinstance(value, list):
        enum = _CODE_LISTS[name]
        labels = dict(enum.choices)
        order = {code: index for index, code in enumerate(enum.values)}
        ordered = sorted(value, key=lambda v: (order.get(v, len(order)), str(v)))
        return "、".join(str(labels.get(v, v)) for v in ordered)
    if name == "legal_basis" and isinstance(value, list):
        return "；".join(
            " ".join(str(b.get(k, "")) for k in ("name", "doc_number", "article") if b.get(k))
            if isinstance(b, dict)
            else str(b)
            for b in value
        )
    if isinstance(value, bool):
        return _("是") if value else _("否")
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        return str(value)
    if getattr(model_field, "choices", None):
        return str(dict(model_field.choices).get(value, value))
    if hasattr(value, "name") and not isinstance(value, str):
        return value.name or ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class ChangeKind:
    """How an element changed; REMOVED and CLEARED lose content and are called out before publishing."""

    ADDED = "added"  # a part or form field that was not there
    CHANGED = "changed"  # a value replaced by another
    CLEARED = "cleared"  # a value (or some of a part's values, or some codes/entries of a list) removed
    REMOVED = "removed"  # a whole part (material, fee, FAQ) or form field removed


@dataclass(frozen=True)
class Change:
    """One difference between two versions: element key, Chinese label, before and after as display text."""

    element: str
    label: str
    before: str
    after: str
    kind: str = ChangeKind.CHANGED

    @property
    def loses_content(self) -> bool:
        """True when something present before is gone after (the diff marks these prominently)."""
        return self.kind in (ChangeKind.REMOVED, ChangeKind.CLEARED)


def _label(model: Any, name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def _part_text(model: Any, obj: Any, names: list[str]) -> str:
    parts = []
    for name in names:
        shown = display_value(model, name, getattr(obj, name))
        if shown:
            parts.append(f"{_label(model, name)}：{shown}")
    return "；".join(parts)


def _keyed(rows: list[Any], key: str) -> dict[tuple[str, int], Any]:
    """Rows by (name, occurrence), so two materials of the same name are compared one to one."""
    seen: dict[str, int] = {}
    result = {}
    for row in rows:
        name = str(getattr(row, key)).strip()
        seen[name] = seen.get(name, 0) + 1
        result[(name, seen[name])] = row
    return result


def _diff_parts(
    element: str, title: str, model: Any, key: str, a_rows: list[Any], b_rows: list[Any]
) -> list[Change]:
    names = [f.name for f in model._meta.concrete_fields if f.name not in ("id", "version", "order", key)]
    a_map, b_map = _keyed(a_rows, key), _keyed(b_rows, key)
    changes = []
    for ident in list(a_map) + [n for n in b_map if n not in a_map]:
        before, after = a_map.get(ident), b_map.get(ident)
        label = f"{title}“{ident[0]}”"
        if before is None:
            text = _part_text(model, after, names) or _("（新增）")
            changes.append(Change(element, label, "", text, ChangeKind.ADDED))
            continue
        if after is None:
            text = _part_text(model, before, names) or _("（删除）")
            changes.append(Change(element, label, text, "", ChangeKind.REMOVED))
            continue
        diff = [
            n
            for n in names
            if display_value(model, n, getattr(before, n)) != display_value(model, n, getattr(after, n))
        ]
        if not diff:
            continue
        cleared = [n for n in diff if display_value(model, n, getattr(after, n)) in ("", _("否"))]
        kind = ChangeKind.CLEARED if cleared else ChangeKind.CHANGED
        before_text = _part_text(model, before, diff)
        after_text = _part_text(model, after, diff)
        if cleared:
            gone = "、".join(_label(model, n) for n in cleared)
            after_text = (after_text + "；" if after_text else "") + _("已清空：%(fields)s") % {
                "fields": gone
            }
        changes.append(Change(element, label, before_text, after_text, kind))
    return changes


def _list_loses(name: str, a_value: Any, b_value: Any) -> bool:
    if not isinstance(a_value, list) or not isinstance(b_value, list):
        return False
    after = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in b_value]
    return any(json.dumps(v, sort_keys=True, ensure_ascii=False) not in after for v in a_value)


def _diff_form(a_schema: Any, b_schema: Any) -> list[Change]:
    """Form fields added, removed or changed, and changes of the form's structure (sections, required …)."""
    a_schema = a_schema if isinstance(a_schema, dict) else {}
    b_schema = b_schema if isinstance(b_schema, dict) else {}
    a_props = a_schema.get("properties") if isinstance(a_schema.get("properties"), dict) else {}
    b_props = b_schema.get("properties") if isinstance(b_schema.get("properties"), dict) else {}
    changes = []

    def title(prop: Any, name: str) -> str:
        text = prop.get("title") if isinstance(prop, dict) else None
        return f"{text}（{name}）" if text else name

    for name in list(a_props) + [n for n in b_props if n not in a_props]:
        before, after = a_props.get(name), b_props.get(name)
        if before == after:
            continue
        label = _("申请表单字段“%(field)s”") % {"field": title(before or after, name)}
        if after is None:
            changes.append(Change("form_schema", label, _dump(before), "", ChangeKind.REMOVED))
        elif before is None:
            changes.append(Change("form_schema", label, "", _dump(after), ChangeKind.ADDED))
        else:
            lost = isinstance(before, dict) and isinstance(after, dict) and bool(set(before) - set(after))
            kind = ChangeKind.CLEARED if lost else ChangeKind.CHANGED
            changes.append(Change("form_schema", label, _dump(before), _dump(after), kind))
    a_rest = {k: v for k, v in a_schema.items() if k != "properties"}
    b_rest = {k: v for k, v in b_schema.items() if k != "properties"}
    if a_rest != b_rest:
        lost = bool(set(a_rest) - set(b_rest))
        changes.append(
            Change(
                "form_schema",
                _("申请表单（标题、分组、必填规则）"),
                _dump(a_rest),
                _dump(b_rest),
                ChangeKind.CLEARED if lost else ChangeKind.CHANGED,
            )
        )
    return changes


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value not in (None, {}) else ""


def diff_versions(a: ItemVersion, b: ItemVersion) -> list[Change]:
    """What changed from ``a`` to ``b``: scalar elements, the form by field, then materials, fees and FAQs."""
    changes = []
    for name in [*ItemVersion.guide_field_names(), "deviation_reasons"]:
        a_value, b_value = getattr(a, name), getattr(b, name)
        if name == "form_schema":
            changes += _diff_form(a_value, b_value)
            continue
        before = display_value(ItemVersion, name, a_value)
        after = display_value(ItemVersion, name, b_value)
        if before == after:
            continue
        if (before and (not after or after == _("否"))) or _list_loses(name, a_value, b_value):
            kind = ChangeKind.CLEARED
        else:
            kind = ChangeKind.CHANGED
        changes.append(Change(name, _label(ItemVersion, name), before, after, kind))
    a_depts = sorted(d.name for d in a.review_departments.all())
    b_depts = sorted(d.name for d in b.review_departments.all())
    if a_depts != b_depts:
        kind = ChangeKind.CLEARED if set(a_depts) - set(b_depts) else ChangeKind.CHANGED
        changes.append(
            Change(
                "review_departments",
                _label(ItemVersion, "review_departments"),
                "、".join(a_depts),
                "、".join(b_depts),
                kind,
            )
        )
    changes += _diff_parts(
        "materials", _("申请材料"), Material, "name", list(a.materials.all()), list(b.materials.all())
    )
    changes += _diff_parts("fees", _("收费项目"), Fee, "name", list(a.fees.all()), list(b.fees.all()))
    changes += _diff_parts("faqs", _("常见问题"), Faq, "question", list(a.faqs.all()), list(b.faqs.all()))
    return changes


def removed_content(a: ItemVersion, b: ItemVersion) -> list[Change]:
    """The changes from ``a`` to ``b`` that lose content (removed parts and form fields, cleared values)."""
    return [change for change in diff_versions(a, b) if change.loses_content]


def get_last_return_reason(version: ItemVersion) -> str:
    """Why ``version`` was last sent back (from the ledger), or '' if it never was."""
    from tongban.core.models import LedgerEntry

    entry = (
        LedgerEntry.objects.filter(
            action=CatalogAction.VERSION_RETURNED,
            object_type="catalog.itemversion",
            object_id=str(version.pk),
        )
        .order_by("-seq")
        .only("data")
        .first()
    )
    return str(entry.data.get("reason", "")) if entry is not None else ""
