"""Services that move a version towards the public: submit, return, publish (双人复核), and the publishing rules."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from tongban.catalog.access import publishing_rule_for, require_can_publish_version, second_admin_required
from tongban.catalog.choices import Severity
from tongban.catalog.errors import (
    GUIDE_QUALITY_FAILED,
    PUBLISHING_RULE_SCOPE_REQUIRED,
    RETURN_REASON_REQUIRED,
)
from tongban.catalog.events import CatalogAction
from tongban.catalog.models import Implementation, ItemVersion, PublishingRule
from tongban.catalog.queries import bump_publish_revision
from tongban.catalog.services._base import lock_version, next_status, user_or_none
from tongban.catalog.services.index import content_hash, update_search_entry
from tongban.core.services import append_ledger_entry
from tongban.organizations.choices import ExerciseLevel


def do_submit_version(version: ItemVersion, *, actor: Any) -> ItemVersion:
    """Submit a DRAFT for review (DRAFT → SUBMITTED); the version is read-only until returned or published."""
    with transaction.atomic():
        version = lock_version(version)
        version.status = next_status(version, "submit")
        version.submitted_at = timezone.now()
        version.submitted_by = user_or_none(actor)
        version.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.VERSION_SUBMITTED,
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
        version = lock_version(version)
        version.status = next_status(version, "return")
        version.submitted_at = None
        version.submitted_by = None
        version.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.VERSION_RETURNED,
            obj=version,
            data={
                "implementation": version.implementation.code,
                "number": version.number,
                "reason": reason[:300],
            },
        )
    return version


def do_publish_version(version: ItemVersion, *, actor: Any) -> ItemVersion:
    """Publish a SUBMITTED version (→ PUBLISHED) after the four-eyes rule and the quality gate.

    ``actor`` must be a catalog administrator whose scope covers the implementation and, unless a publishing
    rule waives it (:class:`PublishingRule`), not an author of the version (``PUBLISHER_NOT_IN_SCOPE`` 403,
    ``SECOND_ADMIN_REQUIRED`` 409). Refuses with ``GUIDE_QUALITY_FAILED`` (issues in ``fields["issues"]``) when
    the quality check reports errors. The previous published version becomes SUPERSEDED; the implementation's
    current version and the search index change in the same transaction. The ledger entry carries the version
    number, a SHA-256 of the published content and whether a second administrator published it.
    """
    from tongban.catalog.access import version_author_ids
    from tongban.catalog.quality import check_guide_quality

    with transaction.atomic():
        version = lock_version(version)
        new_status = next_status(version, "publish")
        require_can_publish_version(actor, version)
        errors = [issue for issue in check_guide_quality(version) if issue.severity == Severity.ERROR]
        if errors:
            raise GUIDE_QUALITY_FAILED.error(fields={"issues": [issue.as_dict() for issue in errors]})
        implementation = Implementation.objects.select_for_update().get(pk=version.implementation_id)
        rule = publishing_rule_for(implementation)
        four_eyes = second_admin_required(implementation, rule)
        previous = implementation.current_version
        if previous is not None and previous.pk != version.pk:
            previous.status = next_status(previous, "supersede")
            previous.save(update_fields=["status", "updated_at"])
        version.status = new_status
        version.published_at = timezone.now()
        version.published_by = user_or_none(actor)
        version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        implementation.current_version = version
        implementation.save(update_fields=["current_version", "updated_at"])
        update_search_entry(implementation)
        bump_publish_revision()  # cached lists of what is published (the search filters) start over
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.VERSION_PUBLISHED,
            obj=version,
            data={
                "implementation": implementation.code,
                "number": version.number,
                "superseded": previous.number if previous else None,
                "content_sha256": content_hash(version),
                "second_admin": four_eyes,
                "authors": sorted(version_author_ids(version)),
                **({"rule": rule.pk} if rule is not None and not four_eyes else {}),
            },
        )
    return version


def do_set_publishing_rule(
    *,
    actor: Any,
    second_admin_required: bool,
    region: Any = None,
    level: str = "",
    note: str = "",
) -> PublishingRule:
    """Set whether publishing in ``region`` (and below) or at ``level`` needs a second catalog administrator.

    Exactly one of ``region`` and ``level`` (``PUBLISHING_RULE_SCOPE_REQUIRED`` otherwise). Creates or updates
    the rule, ledgered with the before/after value (who switched four-eyes off for a county, and why).
    """
    level = str(level or "")
    if (region is None) == (not level) or (level and level not in ExerciseLevel.values):
        raise PUBLISHING_RULE_SCOPE_REQUIRED.error()
    note = (note or "").strip()[:300]
    with transaction.atomic():
        lookup = {"region": region} if region is not None else {"region": None, "level": level}
        rule = PublishingRule.objects.select_for_update().filter(**lookup).first()
        before = rule.second_admin_required if rule is not None else None
        if rule is None:
            rule = PublishingRule(region=region, level="" if region is not None else level)
        rule.second_admin_required = bool(second_admin_required)
        rule.note = note
        rule.save()
        append_ledger_entry(
            actor=actor,
            action=CatalogAction.PUBLISHING_RULE_SET,
            obj=rule,
            data={
                "region": region.code if region is not None else None,
                "level": rule.level or None,
                "before": before,
                "second_admin_required": rule.second_admin_required,
                "note": note,
            },
        )
    return rule
