"""Services that open and change drafts (草稿): the next version as a copy, and saving a draft's elements.

``do_update_draft`` changes only what it is given: a guide element not in ``fields`` keeps its value, and a part
row (material, fee, FAQ) that names its ``id`` keeps every field the row does not carry (uploaded files,
受理标准, 来源说明 …). So an editor that does not show a field can never drop it (decision record 0005).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tongban.catalog.choices import (
    DeliveryMode,
    EnterpriseTopic,
    HandlingForm,
    PersonTopic,
    ServiceObject,
    VersionStatus,
)
from tongban.catalog.errors import (
    FORM_SCHEMA_INVALID,
    ITEM_VERSION_NOT_EDITABLE,
    NO_PUBLISHED_VERSION,
    OPEN_DRAFT_EXISTS,
)
from tongban.catalog.events import CatalogAction
from tongban.catalog.form_dialect import validate_form_schema
from tongban.catalog.models import Implementation, ItemVersion
from tongban.catalog.services._base import OPEN_STATUSES, PARTS, lock_version
from tongban.catalog.services.items import copy_version
from tongban.core.errors import VALIDATION_ERROR
from tongban.core.services import append_ledger_entry

# Keys ``do_update_draft`` accepts in ``fields`` besides the guide elements.
EXTRA_DRAFT_FIELDS = ("change_note", "deviation_reasons")
# Guide elements holding lists of codes: stored deduplicated, in the order of their enumeration.
CODE_LISTS: dict[str, Any] = {
    "service_objects": ServiceObject,
    "handling_forms": HandlingForm,
    "delivery_modes": DeliveryMode,
    "person_topics": PersonTopic,
    "enterprise_topics": EnterpriseTopic,
}
# 设定依据 entries: {name, doc_number, article, content}, every key a string (missing keys stored as ""), with
# these maximum lengths (the editor's limits).
LEGAL_BASIS_LIMITS = {"name": 300, "doc_number": 100, "article": 100, "content": 5000}
LEGAL_BASIS_KEYS = tuple(LEGAL_BASIS_LIMITS)


def do_start_draft(implementation: Implementation, *, actor: Any) -> ItemVersion:
    """Open version n+1 as a DRAFT copy of the current published version; refuses when a draft is already open."""
    with transaction.atomic():
        implementation = (
            Implementation.objects.select_for_update(of=("self",))
            .select_related("current_version")
            .get(pk=implementation.pk)
        )
        if implementation.versions.filter(status__in=OPEN_STATUSES).exists():
            raise OPEN_DRAFT_EXISTS.error()
        if implementation.current_version is None:
            raise NO_PUBLISHED_VERSION.error()
        number = (implementation.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        draft = copy_version(
            implementation.current_version,
            implementation,
            number=number,
            actor=actor,
            keep_deviation_reasons=True,
        )
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.DRAFT_STARTED,
            obj=draft,
            data={
                "implementation": implementation.code,
                "number": number,
                "from": implementation.current_version.number,
            },
        )
    return draft


def normalise_code_list(name: str, value: Any) -> list[str]:
    """A list of codes of ``CODE_LISTS[name]``, deduplicated, in enumeration order; refuses unknown codes."""
    enum = CODE_LISTS[name]
    if not isinstance(value, list | tuple):
        raise VALIDATION_ERROR.error(fields={name: [_("必须是代码列表。")]})
    values = [str(v) for v in value]
    unknown = sorted(set(values) - set(enum.values))
    if unknown:
        raise VALIDATION_ERROR.error(
            fields={name: [_("未知的代码：%(codes)s。") % {"codes": "、".join(unknown)}]}
        )
    return [code for code in enum.values if code in values]


def normalise_legal_basis(value: Any) -> list[dict[str, str]]:
    """设定依据 as a list of ``{name, doc_number, article, content}`` strings; refuses other shapes, keys, lengths.

    Values are stripped and empty entries left out (what the editor would store for the same input).
    """
    if not isinstance(value, list | tuple):
        raise VALIDATION_ERROR.error(fields={"legal_basis": [_("设定依据必须是列表。")]})
    result = []
    for index, entry in enumerate(value):
        if not isinstance(entry, dict) or not set(entry) <= set(LEGAL_BASIS_KEYS):
            raise VALIDATION_ERROR.error(
                fields={
                    f"legal_basis.{index}": [
                        _(
                            "每条设定依据只能有名称、文号、条款号和条款内容（name、doc_number、article、content）。"
                        )
                    ]
                }
            )
        clean = {key: str(entry.get(key) or "").strip() for key in LEGAL_BASIS_KEYS}
        too_long = [key for key in LEGAL_BASIS_KEYS if len(clean[key]) > LEGAL_BASIS_LIMITS[key]]
        if too_long:
            raise VALIDATION_ERROR.error(
                fields={
                    f"legal_basis.{index}.{key}": [_("最多 %(n)s 个字符。") % {"n": LEGAL_BASIS_LIMITS[key]}]
                    for key in too_long
                }
            )
        if any(clean.values()):  # an entry with nothing in it is no entry
            result.append(clean)
    return result


def normalise_fields(fields: dict[str, Any], version: ItemVersion) -> dict[str, Any]:
    """``fields`` with code lists and legal basis in their canonical form and a changed form schema validated."""
    fields = dict(fields)
    for name in CODE_LISTS:
        if name in fields:
            fields[name] = normalise_code_list(name, fields[name])
    if "legal_basis" in fields:
        fields["legal_basis"] = normalise_legal_basis(fields["legal_basis"])
    if "form_schema" in fields:
        schema = fields["form_schema"] if fields["form_schema"] is not None else {}
        fields["form_schema"] = schema
        # An unchanged schema is not re-checked here (the quality gate still is): a draft copied from an old
        # published version whose schema predates a dialect rule can still be saved while it is fixed.
        if schema != version.form_schema:
            problems = validate_form_schema(schema)
            if problems:
                raise FORM_SCHEMA_INVALID.error(fields={"form_schema": [str(p) for p in problems]})
    if "deviation_reasons" in fields and not isinstance(fields["deviation_reasons"], dict):
        raise VALIDATION_ERROR.error(fields={"deviation_reasons": [_("差异说明必须是 {要素: 原因} 对象。")]})
    return fields


def do_update_draft(
    version: ItemVersion,
    *,
    actor: Any,
    fields: dict[str, Any] | None = None,
    materials: list[dict[str, Any]] | None = None,
    fees: list[dict[str, Any]] | None = None,
    faqs: list[dict[str, Any]] | None = None,
) -> ItemVersion:
    """Change a DRAFT's elements; refuses anything but a DRAFT with ``ITEM_VERSION_NOT_EDITABLE`` (409).

    ``fields`` takes guide element names plus ``change_note`` and ``deviation_reasons``; ``review_departments``
    takes a list of departments. Elements not named keep their value. ``materials``/``fees``/``faqs`` (when
    given) are the whole new list, in order: a row with the ``id`` of an existing part of this version updates
    that part (fields the row leaves out are kept), a row without ``id`` adds a part, and existing parts no row
    names are removed. A changed ``form_schema`` must pass the form dialect (``FORM_SCHEMA_INVALID`` with one
    message per problem, each with the JSON Pointer of the bad node).
    """
    fields = dict(fields or {})
    allowed = set(ItemVersion.guide_field_names()) | set(EXTRA_DRAFT_FIELDS) | {"review_departments"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise VALIDATION_ERROR.error(fields={name: [_("未知的要素")] for name in unknown})
    with transaction.atomic():
        version = lock_version(version)
        if version.status != VersionStatus.DRAFT:
            raise ITEM_VERSION_NOT_EDITABLE.error()
        fields = normalise_fields(fields, version)
        review_departments = fields.pop("review_departments", None)
        changed = []
        for name, value in fields.items():
            if name == "flow_template" and value is not None and not hasattr(value, "pk"):
                name = "flow_template_id"
            if getattr(version, name) != value:
                setattr(version, name, value)
                changed.append(name)
        try:
            version.full_clean(
                exclude=["implementation", "created_by", "submitted_by", "published_by"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            raise VALIDATION_ERROR.error(fields=exc.message_dict) from None
        if changed:
            version.save(update_fields=[*changed, "updated_at"])
        if review_departments is not None:
            before = set(version.review_departments.values_list("pk", flat=True))
            if before != {getattr(d, "pk", d) for d in review_departments}:
                version.review_departments.set(review_departments)
                changed.append("review_departments")
        removed: dict[str, list[str]] = {}
        for key, model, names in PARTS:
            rows = {"materials": materials, "fees": fees, "faqs": faqs}[key]
            if rows is None:
                continue
            part_changed, part_removed = _sync_parts(version, key, model, names, rows)
            if part_changed:
                changed.append(key)
            if part_removed:
                removed[key] = part_removed
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.DRAFT_UPDATED,
            obj=version,
            data={
                "implementation": version.implementation.code,
                "number": version.number,
                "changed": sorted(changed),
                **({"removed": removed} if removed else {}),
            },
        )
    return version


def _row_id(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _label(obj: Any) -> str:
    return str(getattr(obj, "name", None) or getattr(obj, "question", "") or obj.pk)


def _sync_parts(
    version: ItemVersion, key: str, model: Any, names: list[str], rows: list[dict[str, Any]]
) -> tuple[bool, list[str]]:
    """Make the version's ``model`` rows match ``rows`` (see ``do_update_draft``); returns (changed, removed)."""
    existing = {obj.pk: obj for obj in model.objects.filter(version=version)}
    kept: set[int] = set()
    pending = []
    errors: dict[str, Any] = {}
    last_order = -1
    for index, row in enumerate(rows):
        where = f"{key}.{index}"
        unknown = sorted(set(row) - set(names) - {"id"})
        if unknown:
            errors[where] = {name: [_("未知的字段")] for name in unknown}
            continue
        pk = _row_id(row.get("id"))
        if pk is not None:
            obj = existing.get(pk)
            if obj is None or pk in kept:
                errors[where] = {"id": [_("该条目不属于此版本或已重复，请刷新页面后重试。")]}
                continue
            kept.add(pk)
        else:
            obj = model(version=version)
        values = {k: v for k, v in row.items() if k != "id"}
        # A row without an order goes after the rows before it (0, 1, 2 … when no row names one).
        if values.get("order") is None:
            values["order"] = last_order + 1
        if isinstance(values["order"], int):
            last_order = max(last_order, values["order"])
        dirty = pk is None
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                dirty = True
        try:
            obj.full_clean(exclude=["version"])
        except ValidationError as exc:
            errors[where] = exc.message_dict
            continue
        if dirty:
            pending.append(obj)
    if errors:
        raise VALIDATION_ERROR.error(fields=errors)
    gone = [obj for pk, obj in existing.items() if pk not in kept]
    if gone:
        model.objects.filter(pk__in=[obj.pk for obj in gone]).delete()
    for obj in pending:
        obj.save()
    return bool(pending or gone), [_label(obj) for obj in gone]
