"""Who may run stock imports (存量证照导入): data administrators (数据管理员, ADR 0013 "Roles") and superusers.

The role is city-wide, so every data administrator sees every import; anyone else gets the same "not found" for
an import that exists and one that does not.
"""

from __future__ import annotations

from typing import Any

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role
from tongban.core.errors import NOT_FOUND, PERMISSION_DENIED
from tongban.licenses.models import StockImport


def can_run_stock_import(user: Any) -> bool:
    """Upload a stock file and follow its imports: an active data administrator or a superuser."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", True):
        return False
    return bool(user.is_superuser) or user_has_role(user, Role.DATA_ADMIN)


def require_can_run_stock_import(user: Any) -> None:
    """``PERMISSION_DENIED`` (403) unless ``user`` may run stock imports."""
    if not can_run_stock_import(user):
        raise PERMISSION_DENIED.error()


def access_stock_import_by_id(user: Any, pk: Any) -> StockImport:
    """The import ``pk`` if ``user`` may see it; ``NOT_FOUND`` (404) for missing and forbidden alike."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        key = 0
    if not can_run_stock_import(user) or not 0 < key < 2**63:
        raise NOT_FOUND.error()
    found = StockImport.objects.select_related("created_by").filter(pk=key).first()
    if found is None:
        raise NOT_FOUND.error()
    return found


def fetch_stock_imports_for_admin(user: Any) -> Any:
    """The imports a data administrator sees (all of them, newest first); none for anyone else."""
    if not can_run_stock_import(user):
        return StockImport.objects.none()
    return StockImport.objects.select_related("created_by").order_by("-created_at", "-id")
