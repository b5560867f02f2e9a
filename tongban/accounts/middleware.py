"""Session idle timeout: a signed-in session ends after a quiet spell (staff sooner), e.g. on a hall kiosk."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from tongban.accounts.queries import is_staff_account

SESSION_KEY = "tongban_last_seen"
TOUCH_EVERY_SECONDS = 60  # write the session at most once a minute, not on every request


class SessionIdleTimeoutMiddleware:
    """Logs out a session idle longer than ``TONGBAN_SESSION_IDLE_MINUTES`` (staff: ``…_STAFF_…``).

    The last-seen time is kept in the session itself, so every web process agrees; the request then goes on
    as anonymous (a protected page redirects to the login form with a message).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            minutes = (
                settings.TONGBAN_STAFF_SESSION_IDLE_MINUTES
                if is_staff_account(user)
                else settings.TONGBAN_SESSION_IDLE_MINUTES
            )
            now = int(time.time())
            last_seen = request.session.get(SESSION_KEY)
            if isinstance(last_seen, int) and now - last_seen > minutes * 60:
                logout(request)
                messages.info(request, _("您已长时间未操作，为保护您的信息已自动退出，请重新登录。"))
            elif not isinstance(last_seen, int) or now - last_seen >= TOUCH_EVERY_SECONDS:
                request.session[SESSION_KEY] = now
        return self.get_response(request)
