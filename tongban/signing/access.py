"""Who may do what in ``signing``: managing seals and keys is for system administrators (ADR 0013 §Roles)."""

from __future__ import annotations

from typing import Any

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role


def can_manage_seals(user: Any) -> bool:
    """A signed-in superuser or holder of ``Role.SYSTEM_ADMIN`` sees and manages seals, keys and certificates."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return bool(getattr(user, "is_superuser", False) or user_has_role(user, Role.SYSTEM_ADMIN))
