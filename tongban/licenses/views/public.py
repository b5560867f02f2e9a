"""证照核验 (``/verify/``): anyone checks a licence payload or a presentation code, with no sign-in.

The QR code holds ``/verify/?p=<token>``, so a phone camera opens this page with the token filled in. The page
reports the **signature** and the **current status** separately ("签名有效，证照已撤销"). Whatever is pasted, the
answer is a page (200, or 422 for an empty form, 429 past the rate limit), never a 500.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from tongban.core.errors import DomainError
from tongban.core.ratelimit import check_rate
from tongban.licenses import documents, forms, queries
from tongban.licenses.choices import LicenseStatus
from tongban.licenses.views._common import error_context

# Verifications per client address, like the public case lookup; TONGBAN_RATE_LIMITS="verify=…" overrides it.
DEFAULT_VERIFY_RATE = "60/m"


def limit_verification(request: HttpRequest) -> None:
    """Count one public verification for the client address: ``TOO_MANY_REQUESTS`` (429) past the rate."""
    check_rate(request, "verify", rate=settings.TONGBAN_RATE_LIMITS.get("verify", DEFAULT_VERIFY_RATE))


def result_context(result: queries.LicenseCheck) -> dict[str, Any]:
    """The check, with its status as an enum (for the badge), the face fields titled from the type's schema,
    and the tone of the verdict box."""
    status = LicenseStatus(result.status) if result.status in LicenseStatus.values else None
    rows: list[dict[str, str]] = []
    lic = queries.get_license(result.identifier) if result.face else None
    if lic is not None:
        # The face as printed: titled from the type's schema, and without fields that repeat the holder's full
        # name or ID number (the masked holder is shown above).
        rows = documents.face_rows(lic)
    if not result.signature_valid:
        tone = "bad"
    elif status == LicenseStatus.VALID and not result.presentation_expired:
        tone = "ok"
    else:
        tone = "warn"
    return {
        "result": result,
        "status": status,
        "face_rows": rows,
        "tone": tone,
        "is_current": bool(result.current_identifier) and result.current_identifier == result.identifier,
    }


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """The verification form, and the result for ``?p=<token>``."""
    form = forms.VerifyForm(request.GET or None)
    context: dict[str, Any] = {
        "form": form,
        "result": None,
        "jwks_url": settings.TONGBAN_BASE_URL.rstrip("/") + "/api/v1/licenses/jwks.json",
        "api_url": settings.TONGBAN_BASE_URL.rstrip("/") + "/api/v1/licenses/verify",
        "page_url": settings.TONGBAN_BASE_URL.rstrip("/") + reverse("verify:verify"),
    }
    status = 200
    if form.is_bound and form.is_valid():
        try:
            limit_verification(request)
        except DomainError as exc:
            context |= error_context(exc)
            status = exc.status
        else:
            context |= result_context(queries.verify_payload(form.cleaned_data["p"]))
    elif form.is_bound:
        status = 422
    return render(request, "licenses/verify.html", context, status=status)
