"""Authentication for ninja routes: bearer tokens (``ApiToken``) or the Django session.

Use ``auth=api_auth`` on a route; ``request.auth`` is then the user.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from tongban.accounts.queries import get_active_api_token, login_allowed
from tongban.accounts.services import do_touch_api_token


class BearerTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``: the token's SHA-256 must match a non-revoked, unexpired ``ApiToken``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = get_active_api_token(token)
        if api_token is None:
            return None
        user = api_token.user
        if not login_allowed(
            user
        ):  # inactive, or a demo account outside demo mode: tokens already issued die
            return None
        do_touch_api_token(api_token)
        request.user = user
        return user


api_auth = [BearerTokenAuth(), django_auth]
