"""The authentication backend: Django's ModelBackend, refusing demo accounts whenever demo mode is off."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from tongban.accounts.queries import login_allowed


class AccountBackend(ModelBackend):
    """Username and password against ``User``; an account that may not sign in is refused everywhere.

    ``user_can_authenticate`` is consulted both at login and for every request carrying a session
    (``get_user``), so a demo account's session stops working the moment the platform leaves demo mode. The
    password is still checked for refused accounts, so timing does not tell them apart.
    """

    def user_can_authenticate(self, user: Any) -> bool:
        return login_allowed(user)
