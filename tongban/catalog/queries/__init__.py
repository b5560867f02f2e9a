"""Reads of ``catalog``: access helpers, admin scoping, public search and listings, 办件公示, version diff.

The package is split by audience; this module re-exports the public names.
"""

from tongban.catalog.queries.diff import (
    Change,
    diff_versions,
    display_value,
    get_last_return_reason,
    removed_content,
)
from tongban.catalog.queries.published import (
    PUBLISH_REVISION_KEY,
    Group,
    bump_publish_revision,
    disclosed_implementation_ids,
    disclosed_implementations,
    fetch_flow_templates,
    fetch_published,
    fetch_published_by_department,
    fetch_published_by_enterprise_topic,
    fetch_published_by_person_topic,
    get_published_implementation,
    get_version_for_application,
    get_version_material,
    is_disclosed,
    publish_revision,
)
from tongban.catalog.queries.scoping import (
    access_implementation_for_edit,
    access_implementation_for_view,
    access_version_for_edit,
    access_version_for_view,
    fetch_implementations_for_admin,
    fetch_items_addable_for_admin,
    is_catalog_admin,
    user_can_edit_implementation,
)
from tongban.catalog.queries.searching import (
    ItemGroup,
    ItemSearchPage,
    SearchPage,
    browse_published_items,
    search_published,
    search_published_items,
)

__all__ = [
    "PUBLISH_REVISION_KEY",
    "Change",
    "Group",
    "ItemGroup",
    "ItemSearchPage",
    "SearchPage",
    "access_implementation_for_edit",
    "access_implementation_for_view",
    "access_version_for_edit",
    "access_version_for_view",
    "browse_published_items",
    "bump_publish_revision",
    "diff_versions",
    "disclosed_implementation_ids",
    "disclosed_implementations",
    "display_value",
    "fetch_flow_templates",
    "fetch_implementations_for_admin",
    "fetch_items_addable_for_admin",
    "fetch_published",
    "fetch_published_by_department",
    "fetch_published_by_enterprise_topic",
    "fetch_published_by_person_topic",
    "get_last_return_reason",
    "get_published_implementation",
    "get_version_for_application",
    "get_version_material",
    "is_catalog_admin",
    "is_disclosed",
    "publish_revision",
    "removed_content",
    "search_published",
    "search_published_items",
    "user_can_edit_implementation",
]
