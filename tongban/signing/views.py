"""Thin views of ``signing``: the seals page for system administrators and the public root certificate."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tongban.signing import access, queries, services

PEM_TYPE = "application/x-pem-file"


def _pem_response(pem: str, filename: str) -> HttpResponse:
    response = HttpResponse(pem, content_type=PEM_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def seal_list(request: HttpRequest) -> HttpResponse:
    """Every seal with its picture, validity and certificate (系统管理员 only; others get 403)."""
    if not access.can_manage_seals(request.user):
        raise PermissionDenied
    root = queries.get_root_certificate()
    return render(request, "signing/seal_list.html", {"seals": list(queries.fetch_seals()), "root": root})


@require_GET
@login_required
def seal_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """Download one seal's X.509 certificate (PEM)."""
    if not access.can_manage_seals(request.user):
        raise PermissionDenied
    seal = queries.get_seal(pk)
    if seal is None:
        raise Http404
    return _pem_response(seal.certificate_pem, f"seal-{seal.pk}.pem")


@require_GET
def root_certificate(request: HttpRequest) -> HttpResponse:
    """The platform root certificate (public: anyone verifying a signed PDF needs it); made on first request."""
    return _pem_response(services.ensure_root_ca(actor=None).pem, "tongban-root.pem")


@require_POST
@login_required
def key_rotate(request: HttpRequest) -> HttpResponse:
    """Rotate the configured algorithm's signing key (系统管理员 only); old signatures keep verifying."""
    if not access.can_manage_seals(request.user):
        raise PermissionDenied
    key = services.do_rotate_key(settings.TONGBAN_SIGNING_ALGORITHM, actor=request.user)
    messages.success(
        request, _("签名密钥已轮换，新密钥标识：%(kid)s。旧密钥签发的证照仍可验证。") % {"kid": key.kid}
    )
    return redirect("signing:seal_list")
