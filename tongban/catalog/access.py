"""Access predicates of ``catalog`` (STYLE §3): one rule per action, used by services, views and templates alike.

Scoping and the ``access_*`` fetch helpers live in ``queries``; this module adds the rules that need more than a
scope, such as who may publish a version (双人复核, decision record 0005).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q

from tongban.catalog.errors import PUBLISHER_NOT_IN_SCOPE, SECOND_ADMIN_REQUIRED
from tongban.catalog.events import AUTHORING_ACTIONS
from tongban.catalog.models import Implementation, ItemVersion, PublishingRule
from tongban.catalog.queries import user_can_edit_implementation
from tongban.core.errors import ErrorDef


def version_author_ids(version: ItemVersion) -> set[int]:
    """Users who drafted, changed or submitted ``version`` (its creator, submitter and ledgered editors)."""
    from tongban.core.models import LedgerEntry

    ids = set(
        LedgerEntry.objects.filter(
            object_type="catalog.itemversion",
            object_id=str(version.pk),
            action__in=[str(a) for a in AUTHORING_ACTIONS],
            actor__isnull=False,
        ).values_list("actor_id", flat=True)
    )
    ids.update(pk for pk in (version.created_by_id, version.submitted_by_id) if pk is not None)
    return ids


def publishing_rule_for(implementation: Implementation) -> PublishingRule | None:
    """The most specific publishing rule covering ``implementation``: its region or nearest ancestor, then level."""
    codes = [code for code in implementation.region.path.strip("/").split("/") if code]
    rules = list(
        PublishingRule.objects.filter(
            Q(region__code__in=codes) | Q(region__isnull=True, level=implementation.level)
        ).select_related("region")
    )
    by_region = sorted(
        (r for r in rules if r.region is not None),
        key=lambda r: len(r.region.path if r.region else ""),
        reverse=True,
    )
    if by_region:
        return by_region[0]
    return next((r for r in rules if r.region_id is None), None)


def second_admin_required(implementation: Implementation, rule: Any = False) -> bool:
    """Whether publishing in ``implementation``'s scope needs a second administrator (default: yes).

    ``rule`` is the already looked-up :func:`publishing_rule_for` result (or ``None``), to save the query.
    """
    if rule is False:
        rule = publishing_rule_for(implementation)
    if rule is not None:
        return bool(rule.second_admin_required)
    return bool(getattr(settings, "TONGBAN_CATALOG_FOUR_EYES", True))


def publish_refusal(user: Any, version: ItemVersion) -> ErrorDef | None:
    """Why ``user`` may not publish ``version`` (an error definition), or ``None`` when they may.

    The publisher must be a catalog administrator whose editing scope covers the implementation (the same scope
    as the authors) and, unless a publishing rule waives it, not one of the version's authors.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLISHER_NOT_IN_SCOPE
    if not user_can_edit_implementation(user, version.implementation):
        return PUBLISHER_NOT_IN_SCOPE
    if second_admin_required(version.implementation) and user.pk in version_author_ids(version):
        return SECOND_ADMIN_REQUIRED
    return None


def can_publish_version(user: Any, version: ItemVersion) -> bool:
    """The ``catalog.publish_version`` rule (see :func:`publish_refusal`)."""
    return publish_refusal(user, version) is None


def require_can_publish_version(user: Any, version: ItemVersion) -> None:
    """Raise the refusal of :func:`publish_refusal` as a ``DomainError``."""
    refusal = publish_refusal(user, version)
    if refusal is not None:
        raise refusal.error()
