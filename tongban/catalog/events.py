"""Ledger actions of ``catalog`` (STYLE §5: no bare action strings); every catalog ledger entry uses one."""

from __future__ import annotations

from enum import StrEnum


class CatalogAction(StrEnum):
    """What a catalog ledger entry records (``LedgerEntry.action``)."""

    ITEM_CREATED = "catalog.item_created"  # a base-directory item was created
    ITEM_NAMES_UPDATED = "catalog.item_names_updated"  # an item's English name changed
    IMPLEMENTATION_CREATED = "catalog.implementation_created"  # an implementation and its first draft
    DRAFT_STARTED = "catalog.draft_started"  # version n+1 opened as a copy of the published one
    DRAFT_UPDATED = "catalog.draft_updated"  # a draft's elements changed
    VERSION_SUBMITTED = "catalog.version_submitted"  # DRAFT → SUBMITTED
    VERSION_RETURNED = "catalog.version_returned"  # SUBMITTED → DRAFT, with a reason
    VERSION_PUBLISHED = "catalog.version_published"  # SUBMITTED → PUBLISHED (the previous one superseded)
    PUBLISHING_RULE_SET = "catalog.publishing_rule_set"  # a region's or level's four-eyes rule changed


# The actions that change a version's content or move it towards publication: their actors are its authors,
# who may not publish it themselves (four-eyes, decision record 0005).
AUTHORING_ACTIONS = (
    CatalogAction.DRAFT_STARTED,
    CatalogAction.DRAFT_UPDATED,
    CatalogAction.VERSION_SUBMITTED,
)
