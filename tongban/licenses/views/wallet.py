"""The holder's pages: 证照夹 (wallet), one licence with its history and uses, 亮证 (presentation QR), the PDF."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tongban.core.errors import DomainError
from tongban.licenses import access, documents, queries, services
from tongban.licenses.choices import HolderCategory
from tongban.licenses.models import License
from tongban.licenses.views._common import (
    error_context,
    face_of,
    history_of,
    is_htmx,
    license_or_404,
    today,
    versions_of,
)

# The presentation's lifetime as the service sets it; shown when the token's own expiry cannot be read back.
PRESENTATION_MINUTES = 5


@login_required
@require_GET
def wallet(request: HttpRequest) -> HttpResponse:
    """证照夹: the user's own licences, then those of each enterprise they are an authorised agent for."""
    day = today()
    own: list[License] = []
    enterprises: dict[str, dict[str, Any]] = {}
    for lic in queries.fetch_wallet(request.user):
        lic.status = lic.current_status(day)  # type: ignore[attr-defined]
        if lic.holder_category == HolderCategory.ENTERPRISE:
            group = enterprises.setdefault(
                lic.holder_credit_code,
                {"name": lic.holder_name, "code": lic.holder_credit_code, "licenses": []},
            )
            group["licenses"].append(lic)
        else:
            own.append(lic)
    context = {
        "own": own,
        "enterprises": list(enterprises.values()),
        "verified": access.is_verified(request.user),
        "count": len(own) + sum(len(g["licenses"]) for g in enterprises.values()),
    }
    return render(request, "licenses/wallet.html", context)


def _detail_context(request: HttpRequest, lic: License) -> dict[str, Any]:
    versions = versions_of(lic)
    return {
        "license": lic,
        "status": lic.current_status(today()),
        "face": face_of(lic),
        "history": history_of(lic, versions, staff=False),
        "uses": queries.fetch_uses(lic),
        "versions": versions,
        "current_version": versions[-1],
        "can_present": access.can_present(request.user, lic),
    }


@login_required
@require_GET
def license_detail(request: HttpRequest, identifier: str) -> HttpResponse:
    """One licence in the wallet: face, status, history, 用证记录, PDF and 亮证. An approver of the issuing
    department who is not the holder is sent to the department's page of the licence."""
    lic = license_or_404(request.user, identifier)
    if not access.is_holder(request.user, lic):
        return redirect("licenses:manage_detail", identifier=lic.identifier)
    return render(request, "licenses/license_detail.html", _detail_context(request, lic))


def presentation_context(token: str) -> dict[str, Any]:
    """The presentation QR (the verification URL of ``token``) and when it expires."""
    check = queries.verify_payload(token)
    expires_at = getattr(check, "presentation_expires_at", None) or (
        timezone.now() + timedelta(minutes=PRESENTATION_MINUTES)
    )
    url = documents.verification_url(token)
    seconds = max(0, int((expires_at - timezone.now()).total_seconds()))
    return {
        "token": token,
        "url": url,
        "qr": documents.qr_svg(url, label="亮证二维码（5分钟内有效）", svg_id="presentation-qr"),
        "expires_at": timezone.localtime(expires_at),
        "countdown": f"{seconds // 60}:{seconds % 60:02d}",
    }


@login_required
@require_POST
def license_present(request: HttpRequest, identifier: str) -> HttpResponse:
    """亮证: a new five-minute presentation token, shown as a QR with its expiry (HTMX gets the partial)."""
    lic = license_or_404(request.user, identifier)
    status = 200
    context: dict[str, Any] = {"license": lic, "can_present": access.can_present(request.user, lic)}
    try:
        token = services.do_present_license(lic, actor=request.user)
    except DomainError as exc:
        context |= error_context(exc) | {"present_error": str(exc.message)}
        status = exc.status
    else:
        context["presentation"] = presentation_context(token)
    if is_htmx(request):
        return render(request, "licenses/_partials/presentation.html", context, status=status)
    return render(
        request, "licenses/license_detail.html", _detail_context(request, lic) | context, status=status
    )


@login_required
@require_GET
def license_pdf(request: HttpRequest, identifier: str) -> HttpResponse:
    """The signed PDF of the licence (rendered and signed on the first download, then cached)."""
    lic = license_or_404(request.user, identifier)
    pdf = documents.license_pdf(lic, actor=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.pdf_name(lic)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
