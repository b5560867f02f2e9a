"""Staff pages of ``catalog`` for catalog administrators: lists, the guide editor, quality panel, lifecycle, diff.

The package is split by page group; this module re-exports the views ``urls`` names.
"""

from tongban.catalog.views.admin import (
    admin_list,
    draft_start,
    implementation_create,
    implementation_detail,
    item_names_update,
)
from tongban.catalog.views.editor import (
    version_diff,
    version_edit,
    version_publish,
    version_quality,
    version_return,
    version_submit,
)

__all__ = [
    "admin_list",
    "draft_start",
    "implementation_create",
    "implementation_detail",
    "item_names_update",
    "version_diff",
    "version_edit",
    "version_publish",
    "version_quality",
    "version_return",
    "version_submit",
]
