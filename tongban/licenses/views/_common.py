"""Helpers the licence pages share: fetching with the access check, the face, the history and the versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.licenses import access, documents
from tongban.licenses.events import LicenseLedgerAction
from tongban.licenses.models import License

L = LicenseLedgerAction


def is_htmx(request: HttpRequest) -> bool:
    """True for a request HTMX made (it gets a partial instead of the full page)."""
    return request.headers.get("HX-Request") == "true"


def license_or_404(user: Any, identifier: str) -> License:
    """The licence ``identifier`` if ``user`` may see it; 404 for missing and forbidden alike."""
    try:
        return access.access_license_by_identifier(user, identifier)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def error_context(exc: DomainError) -> dict[str, Any]:
    """The template context that shows a refusal in the error summary: message, stable code, field problems."""
    return {"error": {"code": exc.code, "message": str(exc.message), "fields": exc.fields}}


def today() -> Any:
    return timezone.localdate()


def face_of(lic: License) -> dict[str, Any]:
    """What the on-screen face shows (the printed face's fields, without its QR code)."""
    context = documents.face_context(lic, with_qr=False)
    return context


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a licence's history, from its ledger entries."""

    time: datetime
    actor_label: str
    label: str
    detail: str


def _detail(entry: LedgerEntry) -> str:
    data = entry.data or {}
    parts = []
    if entry.action == L.ISSUED and data.get("case"):
        parts.append(f"{_('办件编号')}：{data['case']}")
    if entry.action == L.CORRECTED and data.get("new_identifier"):
        parts.append(f"{_('更正后的证照标识')}：{data['new_identifier']}")
    if entry.action == L.USE_AUTHORISED:
        if data.get("material"):
            parts.append(f"{_('替代材料')}：{data['material']}")
        if data.get("case"):
            parts.append(f"{_('办件编号')}：{data['case']}")
    if data.get("reason"):
        parts.append(f"{_('事由')}：{data['reason']}")
    return "\n".join(str(p) for p in parts)


def history_of(lic: License, versions: list[License], *, staff: bool) -> list[HistoryEntry]:
    """The ledger entries of every version of the licence, oldest first. Holders see no staff names and not
    each 亮证 (those are theirs, and many); staff see everything."""
    entries = LedgerEntry.objects.filter(
        object_type=f"{License._meta.app_label}.{License._meta.model_name}",
        object_id__in=[str(v.pk) for v in versions],
    ).order_by("seq")
    if not staff:
        entries = entries.exclude(action=L.PRESENTED)
    result = []
    for entry in entries:
        try:
            label = str(LicenseLedgerAction(entry.action).label)
        except ValueError:
            label = entry.action.removeprefix("license.")
        result.append(
            HistoryEntry(entry.created_at, entry.actor_label if staff else "", label, _detail(entry))
        )
    return result


def versions_of(lic: License) -> list[License]:
    """Every version of the licence (001, 002, …), oldest first, following ``superseded_by`` both ways."""
    chain = [lic]
    seen = {lic.pk}
    current: License | None = lic
    while current is not None:
        current = License.objects.filter(superseded_by=current).first()
        if current is None or current.pk in seen:
            break
        chain.insert(0, current)
        seen.add(current.pk)
    current = lic
    while current is not None and current.superseded_by_id:
        current = current.superseded_by
        if current is None or current.pk in seen:
            break
        chain.append(current)
        seen.add(current.pk)
    return chain
