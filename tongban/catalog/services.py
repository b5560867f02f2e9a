"""State-changing services of ``catalog``: items, implementations and the guide-version lifecycle.

Every function is one transaction with its ledger entry (STYLE §1). Permission checks are the callers' job
(views and API use the access helpers in ``queries``); services enforce process rules only.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tongban.catalog.choices import VersionStatus
from tongban.catalog.errors import (
    BASE_CODE_INVALID,
    GUIDE_QUALITY_FAILED,
    IMPLEMENTATION_CODE_INVALID,
    IMPLEMENTATION_EXISTS,
    ITEM_EXISTS,
    ITEM_VERSION_NOT_EDITABLE,
    ITEM_VERSION_TRANSITION_NOT_ALLOWED,
    NO_PUBLISHED_VERSION,
    OPEN_DRAFT_EXISTS,
    PARENT_NOT_CITY,
    RETURN_REASON_REQUIRED,
)

# The shipped review-flow templates are stored through this module like every other catalog write.
from tongban.catalog.flows import ensure_flow_templates as ensure_flow_templates
from tongban.catalog.models import Faq, Fee, Implementation, Item, ItemVersion, Material, SearchEntry
from tongban.catalog.queries import bump_publish_revision
from tongban.catalog.search import segment_for_index
from tongban.core.errors import VALIDATION_ERROR
from tongban.core.services import append_ledger_entry
from tongban.core.validators import is_valid_base_code, is_valid_implementation_code
from tongban.organizations.choices import ExerciseLevel, RegionLevel

# The version lifecycle (STYLE §5): (current status, action) → next status. Services consult only this table.
TRANSITIONS: dict[tuple[str, str], str] = {
    (VersionStatus.DRAFT, "submit"): VersionStatus.SUBMITTED,
    (VersionStatus.SUBMITTED, "return"): VersionStatus.DRAFT,
    (VersionStatus.SUBMITTED, "publish"): VersionStatus.PUBLISHED,
    (VersionStatus.PUBLISHED, "supersede"): VersionStatus.SUPERSEDED,
}
OPEN_STATUSES = (VersionStatus.DRAFT, VersionStatus.SUBMITTED)

MATERIAL_FIELDS = [f.name for f in Material._meta.concrete_fields if f.name not in ("id", "version")]
FEE_FIELDS = [f.name for f in Fee._meta.concrete_fields if f.name not in ("id", "version")]
FAQ_FIELDS = [f.name for f in Faq._meta.concrete_fields if f.name not in ("id", "version")]
# Keys ``do_update_draft`` accepts in ``fields`` besides the guide elements.
EXTRA_DRAFT_FIELDS = ("change_note", "deviation_reasons")


def _next_status(version: ItemVersion, action: str) -> str:
    try:
        return TRANSITIONS[(version.status, action)]
    except KeyError:
        raise ITEM_VERSION_TRANSITION_NOT_ALLOWED.error() from None


def _lock_version(version: ItemVersion) -> ItemVersion:
    """Re-read the version under a row lock so two administrators cannot move it at the same time."""
    return ItemVersion.objects.select_for_update().select_related("implementation").get(pk=version.pk)


# --- codes ------------------------------------------------------------------------------------------------------


def implementation_code_for(item: Item, department: Any) -> str:
    """The 31-character 实施编码: credit code + 行使层级 + 基本编码 (reference §1.1)."""
    return f"{department.credit_code}{department.level}{item.base_code}"


# --- items and implementations ----------------------------------------------------------------------------------


def do_create_item(
    *,
    base_code: str,
    name: str,
    item_type: str,
    actor: Any,
    guiding_department: str = "",
    description: str = "",
) -> Item:
    """Create a base-directory item (基本目录事项); refuses an invalid or already used 基本编码."""
    base_code = (base_code or "").strip().upper()
    if not is_valid_base_code(base_code):
        raise BASE_CODE_INVALID.error(fields={"base_code": [str(BASE_CODE_INVALID.message)]})
    with transaction.atomic():
        if Item.objects.filter(base_code=base_code).exists():
            raise ITEM_EXISTS.error()
        item = Item.objects.create(
            base_code=base_code,
            name=name.strip(),
            item_type=item_type,
            guiding_department=guiding_department,
            description=description,
        )
        append_ledger_entry(
            actor=actor,
            action="catalog.item_created",
            obj=item,
            data={"base_code": base_code, "name": item.name},
        )
    return item


def find_city_implementation(item: Item, region: Any) -> Implementation | None:
    """The city-level implementation of ``item`` in the city that ``region`` lies in, if any."""
    city_code = region.path.strip("/").split("/")[0]
    return (
        Implementation.objects.filter(item=item, region__code=city_code, region__level=RegionLevel.CITY)
        .select_related("current_version")
        .order_by("id")
        .first()
    )


def do_create_implementation(
    item: Item, department: Any, *, actor: Any, parent: Implementation | None = None
) -> Implementation:
    """Create an implementation-list entry (实施清单事项) of ``item`` by ``department`` with its first draft.

    Region and level come from the department; ``code`` is built and validated. A county (or lower)
    implementation gets the city implementation of the same item as ``parent``; its first draft is a copy of
    the parent's published version (materials, fees and FAQs included), so the county inherits the elements and
    overrides only what differs. Returns the implementation; the draft is ``implementation.versions.get()``.
    """
    code = implementation_code_for(item, department)
    if not is_valid_implementation_code(code):
        raise IMPLEMENTATION_CODE_INVALID.error(fields={"code": [code]})
    region = department.region
    with transaction.atomic():
        if Implementation.objects.filter(item=item, department=department).exists():
            raise IMPLEMENTATION_EXISTS.error()
        if parent is None and region.level != RegionLevel.CITY:
            parent = find_city_implementation(item, region)
        if parent is not None and (parent.item_id != item.pk or parent.level != ExerciseLevel.CITY):
            raise PARENT_NOT_CITY.error()
        implementation = Implementation.objects.create(
            item=item, department=department, region=region, level=department.level, code=code, parent=parent
        )
        source = None
        if parent is not None:
            source = (
                Implementation.objects.select_related("current_version").get(pk=parent.pk).current_version
            )
        if source is not None:
            draft = _copy_version(source, implementation, number=1, actor=actor, keep_deviation_reasons=False)
        else:
            draft = ItemVersion.objects.create(
                implementation=implementation, number=1, created_by=_user(actor)
            )
        append_ledger_entry(
            actor=actor,
            action="catalog.implementation_created",
            obj=implementation,
            data={
                "code": code,
                "item": item.base_code,
                "department": department.credit_code,
                "parent": parent.code if parent else None,
                "draft": draft.number,
                "inherited_from": source.pk if source else None,
            },
        )
    return implementation


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _copy_version(
    source: ItemVersion,
    implementation: Implementation,
    *,
    number: int,
    actor: Any,
    keep_deviation_reasons: bool,
) -> ItemVersion:
    """A new DRAFT of ``implementation`` with every guide element, material, fee and FAQ of ``source``."""
    values = {
        name: _plain(getattr(source, name))
        for name in ItemVersion.guide_field_names()
        if name != "flow_template"
    }
    values["flow_template_id"] = source.flow_template_id
    draft = ItemVersion.objects.create(
        implementation=implementation,
        number=number,
        status=VersionStatus.DRAFT,
        created_by=_user(actor),
        deviation_reasons=dict(source.deviation_reasons) if keep_deviation_reasons else {},
        **values,
    )
    draft.review_departments.set(source.review_departments.all())
    # bulk_create skips the per-row editability check, which is fine: the target is the draft just created.
    Material.objects.bulk_create(
        [
            Material(version=draft, **{f: _plain(getattr(m, f)) for f in MATERIAL_FIELDS})
            for m in source.materials.all()
        ]
    )
    Fee.objects.bulk_create(
        [Fee(version=draft, **{f: getattr(x, f) for f in FEE_FIELDS}) for x in source.fees.all()]
    )
    Faq.objects.bulk_create(
        [Faq(version=draft, **{f: getattr(x, f) for f in FAQ_FIELDS}) for x in source.faqs.all()]
    )
    return draft


# --- the version lifecycle --------------------------------------------------------------------------------------


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
        draft = _copy_version(
            implementation.current_version,
            implementation,
            number=number,
            actor=actor,
            keep_deviation_reasons=True,
        )
        append_ledger_entry(
            actor=actor,
            action="catalog.draft_started",
            obj=draft,
            data={
                "implementation": implementation.code,
                "number": number,
                "from": implementation.current_version.number,
            },
        )
    return draft


def do_update_draft(
    version: ItemVersion,
    *,
    actor: Any,
    fields: dict[str, Any] | None = None,
    materials: list[dict[str, Any]] | None = None,
    fees: list[dict[str, Any]] | None = None,
    faqs: list[dict[str, Any]] | None = None,
) -> ItemVersion:
    """Change a DRAFT's elements; ``materials``/``fees``/``faqs`` (when given) replace the whole list.

    ``fields`` takes guide element names plus ``change_note`` and ``deviation_reasons``; ``review_departments``
    takes a list of departments. Refuses anything but a DRAFT with ``ITEM_VERSION_NOT_EDITABLE`` (409).
    """
    fields = dict(fields or {})
    allowed = set(ItemVersion.guide_field_names()) | set(EXTRA_DRAFT_FIELDS) | {"review_departments"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise VALIDATION_ERROR.error(fields={name: ["未知的要素"] for name in unknown})
    with transaction.atomic():
        version = _lock_version(version)
        if version.status != VersionStatus.DRAFT:
            raise ITEM_VERSION_NOT_EDITABLE.error()
        review_departments = fields.pop("review_departments", None)
        changed = []
        for name, value in fields.items():
            if name == "flow_template" and value is not None and not hasattr(value, "pk"):
                name, value = "flow_template_id", value
            if getattr(version, name) != value:
                setattr(version, name, value)
                changed.append(name)
        try:
            version.full_clean(
                exclude=["implementation", "created_by", "published_by"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            raise VALIDATION_ERROR.error(fields=exc.message_dict) from None
        if changed:
            version.save(update_fields=[*changed, "updated_at"])
        if review_departments is not None:
            version.review_departments.set(review_departments)
            changed.append("review_departments")
        for key, model, rows in (
            ("materials", Material, materials),
            ("fees", Fee, fees),
            ("faqs", Faq, faqs),
        ):
            if rows is None:
                continue
            _replace_parts(version, model, rows)
            changed.append(key)
        append_ledger_entry(
            actor=actor,
            action="catalog.draft_updated",
            obj=version,
            data={
                "implementation": version.implementation.code,
                "number": version.number,
                "changed": sorted(changed),
            },
        )
    return version


def _replace_parts(version: ItemVersion, model: Any, rows: list[dict[str, Any]]) -> None:
    allowed: list[str] = {Material: MATERIAL_FIELDS, Fee: FEE_FIELDS, Faq: FAQ_FIELDS}[model]
    # Uploaded blank forms and samples are not retyped in the editor: keep them for a material of the same name.
    files: dict[str, dict[str, str]] = {}
    if model is Material:
        files = {
            m.name: {"blank_form": m.blank_form.name or "", "sample": m.sample.name or ""}
            for m in version.materials.all()
        }
    model.objects.filter(version=version).delete()
    objects = []
    errors: dict[str, Any] = {}
    for index, row in enumerate(rows):
        data = {k: v for k, v in row.items() if k in allowed}
        data.setdefault("order", index)
        for key, name in files.get(str(data.get("name", "")), {}).items():
            data.setdefault(key, name)
        obj = model(version=version, **data)
        try:
            obj.full_clean(exclude=["version"])
        except ValidationError as exc:
            errors[f"{model._meta.model_name}s.{index}"] = exc.message_dict
        objects.append(obj)
    if errors:
        raise VALIDATION_ERROR.error(fields=errors)
    model.objects.bulk_create(objects)


def do_submit_version(version: ItemVersion, *, actor: Any) -> ItemVersion:
    """Submit a DRAFT for review (DRAFT → SUBMITTED); the version is read-only until returned or published."""
    with transaction.atomic():
        version = _lock_version(version)
        version.status = _next_status(version, "submit")
        version.submitted_at = timezone.now()
        version.save(update_fields=["status", "submitted_at", "updated_at"])
        append_ledger_entry(
            actor=actor,
            action="catalog.version_submitted",
            obj=version,
            data={"implementation": version.implementation.code, "number": version.number},
        )
    return version


def do_return_version(version: ItemVersion, *, actor: Any, reason: str) -> ItemVersion:
    """Send a SUBMITTED version back to its author (SUBMITTED → DRAFT) with a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise RETURN_REASON_REQUIRED.error(fields={"reason": [str(RETURN_REASON_REQUIRED.message)]})
    with transaction.atomic():
        version = _lock_version(version)
        version.status = _next_status(version, "return")
        version.submitted_at = None
        version.save(update_fields=["status", "submitted_at", "updated_at"])
        append_ledger_entry(
            actor=actor,
            action="catalog.version_returned",
            obj=version,
            data={
                "implementation": version.implementation.code,
                "number": version.number,
                "reason": reason[:300],
            },
        )
    return version


def do_publish_version(version: ItemVersion, *, actor: Any) -> ItemVersion:
    """Publish a SUBMITTED version (→ PUBLISHED) after the quality gate; the previous one becomes SUPERSEDED.

    Refuses with ``GUIDE_QUALITY_FAILED`` (issues in ``fields["issues"]``) when the quality check reports errors.
    Sets ``implementation.current_version`` and refreshes the search index in the same transaction; the ledger
    entry carries the version number and a SHA-256 of the published content.
    """
    from tongban.catalog.choices import Severity
    from tongban.catalog.quality import check_guide_quality

    with transaction.atomic():
        version = _lock_version(version)
        new_status = _next_status(version, "publish")
        errors = [issue for issue in check_guide_quality(version) if issue.severity == Severity.ERROR]
        if errors:
            raise GUIDE_QUALITY_FAILED.error(fields={"issues": [issue.as_dict() for issue in errors]})
        implementation = Implementation.objects.select_for_update().get(pk=version.implementation_id)
        previous = implementation.current_version
        if previous is not None and previous.pk != version.pk:
            previous.status = _next_status(previous, "supersede")
            previous.save(update_fields=["status", "updated_at"])
        version.status = new_status
        version.published_at = timezone.now()
        version.published_by = _user(actor)
        version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        implementation.current_version = version
        implementation.save(update_fields=["current_version", "updated_at"])
        update_search_entry(implementation)
        bump_publish_revision()  # cached lists of what is published (the search filters) start over
        append_ledger_entry(
            actor=actor,
            action="catalog.version_published",
            obj=version,
            data={
                "implementation": implementation.code,
                "number": version.number,
                "superseded": previous.number if previous else None,
                "content_sha256": content_hash(version),
            },
        )
    return version


# --- content hash and search index ------------------------------------------------------------------------------


def version_content(version: ItemVersion) -> dict[str, Any]:
    """Every guide element of ``version`` as plain JSON-able data (used for the hash and the diff)."""
    data: dict[str, Any] = {}
    for name in ItemVersion.guide_field_names():
        value = getattr(version, name)
        data[name] = (value.key if value else None) if name == "flow_template" else _plain(value)
    data["review_departments"] = sorted(d.credit_code for d in version.review_departments.all())
    data["materials"] = [{f: _plain(getattr(m, f)) for f in MATERIAL_FIELDS} for m in version.materials.all()]
    data["fees"] = [{f: getattr(x, f) for f in FEE_FIELDS} for x in version.fees.all()]
    data["faqs"] = [{f: getattr(x, f) for f in FAQ_FIELDS} for x in version.faqs.all()]
    return data


def _plain(value: Any) -> Any:
    """A file field's stored name instead of the FieldFile (copying the FieldFile would rebind it)."""
    from django.db.models.fields.files import FieldFile

    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def content_hash(version: ItemVersion) -> str:
    """SHA-256 of the canonical JSON of the version's content."""
    canonical = json.dumps(
        version_content(version), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def update_search_entry(implementation: Implementation) -> SearchEntry | None:
    """Rewrite the search-index row of ``implementation`` from its current published version.

    Called by :func:`do_publish_version` inside its transaction; on SQLite it also rewrites the FTS5 row.
    """
    from django.db import connection

    implementation = Implementation.objects.select_related("item", "department", "current_version").get(
        pk=implementation.pk
    )
    version = implementation.current_version
    if version is None:
        SearchEntry.objects.filter(implementation=implementation).delete()
        _write_fts(connection, implementation.pk, None)
        return None
    parts = [
        implementation.item.name,
        implementation.department.name,
        " ".join(version.materials.values_list("name", flat=True)),
        version.acceptance_conditions,
        version.result_name,
        implementation.item.base_code,
        implementation.code,
    ]
    text = "\n".join(p for p in parts if p)
    segmented = segment_for_index(text)
    entry, _ = SearchEntry.objects.update_or_create(
        implementation=implementation,
        defaults={
            "name": implementation.item.name,
            "text": text,
            "segmented": segmented,
            "name_terms": f" {segment_for_index(implementation.item.name)} ",
        },
    )
    _write_fts(connection, implementation.pk, segmented)
    return entry


def _write_fts(connection: Any, rowid: int, segmented: str | None) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_search_fts WHERE rowid = %s", [rowid])
        if segmented is not None:
            cursor.execute(
                "INSERT INTO catalog_search_fts (rowid, segmented) VALUES (%s, %s)", [rowid, segmented]
            )


def rebuild_search_index() -> int:
    """Re-index every implementation with a published version; returns how many were indexed."""
    count = 0
    with transaction.atomic():
        for implementation in Implementation.objects.filter(current_version__isnull=False).only("pk"):
            update_search_entry(implementation)
            count += 1
    return count
