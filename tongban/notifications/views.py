"""In-app message pages (站内消息). Mounted under ``/cases/messages/`` by ``tongban/cases/urls.py``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tongban.core.errors import DomainError
from tongban.notifications import queries, services


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    """The signed-in user's messages, newest first, with the unread count."""
    page = Paginator(queries.fetch_messages_for_user(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/message_list.html",
        {"page": page, "unread": queries.count_unread_messages(request.user)},
    )


@login_required
@require_POST
def message_open(request: HttpRequest, message_id: int) -> HttpResponse:
    """Mark one message read and follow its link (or go back to the list)."""
    try:
        message = queries.access_message_by_id(request.user, message_id)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc
    services.do_mark_message_read(message)
    if message.url and url_has_allowed_host_and_scheme(message.url, allowed_hosts={request.get_host()}):
        return redirect(message.url)
    if message.case_number:
        # The case page re-checks access; a message never grants more than the user already has.
        return redirect("cases:case_detail", ref=message.case_number)
    return redirect("cases:messages")


@login_required
@require_POST
def message_read_all(request: HttpRequest) -> HttpResponse:
    """Mark every message read."""
    services.do_mark_all_read(request.user)
    return redirect("cases:messages")
