"""State-changing services of ``catalog``: items, implementations and the guide-version lifecycle.

Every function is one transaction with its ledger entry (STYLE §1). Scope checks for editing are the callers'
job (views use the access helpers in ``queries``); publishing checks its own rule (双人复核, ``access``).
The package is split by stage; this module re-exports the public names.
"""

# The shipped review-flow templates are stored through the catalog's services like every other catalog write.
from tongban.catalog.flows import ensure_flow_templates
from tongban.catalog.services._base import (
    FAQ_FIELDS,
    FEE_FIELDS,
    MATERIAL_FIELDS,
    OPEN_STATUSES,
    PARTS,
    TRANSITIONS,
)
from tongban.catalog.services.drafts import (
    CODE_LISTS,
    EXTRA_DRAFT_FIELDS,
    LEGAL_BASIS_KEYS,
    LEGAL_BASIS_LIMITS,
    do_start_draft,
    do_update_draft,
)
from tongban.catalog.services.index import (
    content_hash,
    rebuild_search_index,
    update_search_entry,
    version_content,
)
from tongban.catalog.services.items import (
    do_create_implementation,
    do_create_item,
    do_update_item_names,
    find_city_implementation,
    implementation_code_for,
)
from tongban.catalog.services.publishing import (
    do_publish_version,
    do_return_version,
    do_set_publishing_rule,
    do_submit_version,
)

__all__ = [
    "CODE_LISTS",
    "EXTRA_DRAFT_FIELDS",
    "FAQ_FIELDS",
    "FEE_FIELDS",
    "LEGAL_BASIS_KEYS",
    "LEGAL_BASIS_LIMITS",
    "MATERIAL_FIELDS",
    "OPEN_STATUSES",
    "PARTS",
    "TRANSITIONS",
    "content_hash",
    "do_create_implementation",
    "do_create_item",
    "do_publish_version",
    "do_return_version",
    "do_set_publishing_rule",
    "do_start_draft",
    "do_submit_version",
    "do_update_draft",
    "do_update_item_names",
    "ensure_flow_templates",
    "find_city_implementation",
    "implementation_code_for",
    "rebuild_search_index",
    "update_search_entry",
    "version_content",
]
