"""Shared pieces of the catalog services: the version lifecycle table, part field lists and small helpers."""

from __future__ import annotations

from typing import Any

from tongban.catalog.choices import VersionStatus
from tongban.catalog.errors import ITEM_VERSION_TRANSITION_NOT_ALLOWED
from tongban.catalog.models import Faq, Fee, ItemVersion, Material

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
# The parts of a version: (key in ``do_update_draft``, model, editable fields).
PARTS: tuple[tuple[str, Any, list[str]], ...] = (
    ("materials", Material, MATERIAL_FIELDS),
    ("fees", Fee, FEE_FIELDS),
    ("faqs", Faq, FAQ_FIELDS),
)


def next_status(version: ItemVersion, action: str) -> str:
    """The status ``action`` leads to from the version's status; ``ITEM_VERSION_TRANSITION_NOT_ALLOWED`` if none."""
    try:
        return TRANSITIONS[(version.status, action)]
    except KeyError:
        raise ITEM_VERSION_TRANSITION_NOT_ALLOWED.error() from None


def lock_version(version: ItemVersion) -> ItemVersion:
    """Re-read the version under a row lock so two administrators cannot move it at the same time."""
    return (
        ItemVersion.objects.select_for_update(of=("self",))
        .select_related("implementation", "flow_template")
        .get(pk=version.pk)
    )


def user_or_none(actor: Any) -> Any:
    """``actor`` when it is a signed-in user, else ``None`` (the system)."""
    return actor if getattr(actor, "is_authenticated", False) else None


def plain(value: Any) -> Any:
    """A file field's stored name instead of the FieldFile (copying the FieldFile would rebind it)."""
    from django.db.models.fields.files import FieldFile

    if isinstance(value, FieldFile):
        return value.name or ""
    return value
