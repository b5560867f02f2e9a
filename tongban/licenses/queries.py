"""Reads of ``licenses``: the wallet, reusable licences, uses, and the verification of a signed payload (ADR 0013).

:func:`verify_payload` reports the signature and the licence's current status separately: a revoked licence still
carries a valid signature ("签名有效，证照已撤销"); the status always comes from the database, by identifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tongban.licenses.access import licenses_held_by
from tongban.licenses.choices import LicenseState, LicenseStatus
from tongban.licenses.models import License, LicenseType, LicenseUse

# A licence payload is about 1 kB and a presentation wraps one; anything far larger is not ours. Below the
# platform's 4096-character URL limit, so ``GET /verify?payload=`` can say PAYLOAD_INVALID rather than 414.
MAX_TOKEN_LENGTH = 4000
PRESENTATION_TYP = "presentation"


def fetch_wallet(user: Any) -> QuerySet[License]:
    """The licences in ``user``'s wallet (卡包): their own and their authorised enterprises', newest first."""
    return licenses_held_by(user).select_related("type", "issuing_department").order_by("-issued_at", "-id")


def fetch_reusable_licenses(
    holder_user: Any, type_codes: list[str] | tuple[str, ...] | set[str], *, enterprise: Any = None
) -> list[License]:
    """The holder's licences of ``type_codes`` that are valid today (for 免提交 in an application).

    With ``enterprise``, that enterprise's licences (when the user is authorised for it); otherwise the person's
    own. Superseded, suspended, revoked and expired licences are left out.
    """
    codes = [code for code in type_codes if code]
    if not codes:
        return []
    rows = licenses_held_by(holder_user, enterprise=enterprise).filter(
        type__code__in=codes, state=LicenseState.VALID
    )
    if enterprise is None:
        rows = rows.filter(holder_category="person")
    today = timezone.localdate()
    return [
        lic for lic in rows.select_related("type").order_by("-issued_at", "-id") if not lic.is_expired(today)
    ]


def get_license(identifier: str) -> License | None:
    """The licence with ``identifier`` (no access check: callers that show it to a user use ``access``)."""
    if not isinstance(identifier, str) or not identifier:
        return None
    return (
        License.objects.select_related("type", "issuing_department", "superseded_by")
        .filter(identifier=identifier[:128])
        .first()
    )


def get_license_type(code: str) -> LicenseType | None:
    """The licence type with ``code``, or ``None``."""
    return LicenseType.objects.filter(code=str(code or "")[:21]).first()


_TYPE_NAMES_KEY = "licenses:type-names:v1"


def license_type_name(code: str) -> str | None:
    """The name of the licence type ``code`` (for a guide's "可用电子证照免提交（…）"), from the shared cache: a
    guide page names many materials and must not read the type table once per material."""
    names = cache.get(_TYPE_NAMES_KEY)
    if names is None:
        names = dict(LicenseType.objects.values_list("code", "name"))
        cache.set(_TYPE_NAMES_KEY, names, 3600)
    name = names.get(str(code or ""))
    return str(name) if name is not None else None


def forget_license_type_names() -> None:
    """Drop the cached names (a type was defined or renamed)."""
    cache.delete(_TYPE_NAMES_KEY)


def fetch_managed_licenses(user: Any, query: str = "") -> QuerySet[License]:
    """The licences ``user`` manages (approver of the issuing department), newest first, optionally those whose
    identifier, holder name or holder number matches ``query``."""
    from tongban.licenses.access import licenses_managed_by

    licenses = licenses_managed_by(user)
    query = (query or "").strip()
    if query:
        licenses = licenses.filter(
            Q(identifier__iexact=query)
            | Q(identifier__startswith=query)
            | Q(holder_name__icontains=query)
            | Q(holder_id_number=query.upper())
            | Q(holder_credit_code=query.upper())
        )
    return licenses.order_by("-issued_at", "-id")


def fetch_license_types() -> QuerySet[LicenseType]:
    """Every licence type, by code."""
    return LicenseType.objects.order_by("code")


def fetch_uses(lic: License) -> QuerySet[LicenseUse]:
    """The uses (用证记录) of a licence, newest first."""
    return lic.uses.select_related("case", "department", "authorised_by").order_by("-created_at", "-id")


def fetch_licenses_for_case(case: Any) -> QuerySet[License]:
    """The licences issued for ``case`` (every version)."""
    return License.objects.filter(source_case=case).select_related("type").order_by("id")


def fetch_uses_for_case(case: Any) -> QuerySet[LicenseUse]:
    """The licences the applicant authorised for use in ``case``."""
    return LicenseUse.objects.filter(case=case).select_related("license", "license__type").order_by("id")


def current_version(lic: License) -> License:
    """The newest version of a corrected licence (follows ``superseded_by``)."""
    seen = {lic.pk}
    while lic.superseded_by_id is not None and lic.superseded_by_id not in seen:
        seen.add(lic.superseded_by_id)
        lic = License.objects.select_related("superseded_by").get(pk=lic.superseded_by_id)
    return lic


# --- verification ----------------------------------------------------------------------------------------------------


@dataclass
class LicenseCheck:
    """The result of verifying a licence payload or a presentation token.

    ``signature`` is ``"valid"`` or ``"invalid"``; ``status`` the licence's status read from the database
    (``valid | suspended | revoked | superseded | expired``, or ``""`` when it is unknown or the signature is
    invalid); ``status_label`` the one line a verifier reads. ``face`` is shown only for a valid signature (and an
    unexpired presentation).
    """

    signature: str = "invalid"
    status: str = ""
    status_label: str = ""
    identifier: str = ""
    type_code: str = ""
    type_name: str = ""
    issuer_code: str = ""
    issuer_name: str = ""
    version: str = ""
    holder: dict[str, Any] = field(default_factory=dict)
    valid_from: str | None = None
    valid_until: str | None = None
    face: dict[str, Any] = field(default_factory=dict)
    current_identifier: str = ""
    is_presentation: bool = False
    presentation_expires_at: datetime | None = None
    presentation_expired: bool = False
    kid: str = ""
    error: str = ""

    @property
    def signature_valid(self) -> bool:
        """True when every signature in the token checked out."""
        return self.signature == "valid"


def status_label(status: str) -> str:
    """The verifier's one line for a licence with a valid signature in ``status``."""
    labels = {
        LicenseStatus.VALID: _("签名有效，证照有效"),
        LicenseStatus.SUSPENDED: _("签名有效，证照已暂停"),
        LicenseStatus.REVOKED: _("签名有效，证照已撤销"),
        LicenseStatus.SUPERSEDED: _("签名有效，证照已更正，请以最新版本为准"),
        LicenseStatus.EXPIRED: _("签名有效，证照已过期"),
    }
    return str(labels.get(status, _("签名有效，但平台上没有该证照的记录")))  # type: ignore[call-overload]


def _invalid(error: str) -> LicenseCheck:
    return LicenseCheck(signature="invalid", status_label=_("签名无效"), error=error)


def _verify_jws(token: str) -> tuple[bool, dict[str, Any], dict[str, Any] | None]:
    """``(valid, header, payload)`` from ``signing``; any failure of the checker is an invalid signature."""
    from tongban.signing.queries import verify_jws

    try:
        check = verify_jws(token)
    except Exception:  # verify_jws must not raise on bad input; if it does, the token is still not verified
        return False, {}, None
    payload = check.payload if isinstance(check.payload, dict) else None
    header = check.header if isinstance(check.header, dict) else {}
    return bool(check.valid) and payload is not None, header, payload


def face_rows(lic: License) -> list[dict[str, str]]:
    """The face fields (照面信息) in the order of the type's face schema, each with its title; fields the
    schema does not name come last under their own key."""
    face = lic.face if isinstance(lic.face, dict) else {}
    properties = (lic.type.face_schema or {}).get("properties") or {}
    # The holder's name and number head every face (the number masked for a person); a face field that only
    # repeats them is left out, so a full ID number is never printed.
    holder = {h.strip().upper() for h in (lic.holder_name, lic.holder_id_number, lic.holder_credit_code) if h}
    rows = []
    for key in [*properties, *(k for k in face if k not in properties)]:
        value = face.get(key)
        if value in (None, "") or (isinstance(value, str) and value.strip().upper() in holder):
            continue
        spec = properties.get(key)
        title = spec.get("title") if isinstance(spec, dict) else None
        rows.append({"key": key, "title": str(title or key), "value": _text(_labelled(spec, value))})
    return rows


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_text(v) for v in value)
    return str(value)


def _labelled(spec: Any, value: Any) -> Any:
    """A choice's label instead of its stored value, when the schema gives ``enum`` with ``x-enum-labels``."""
    if not isinstance(spec, dict):
        return value
    options, labels = spec.get("enum"), spec.get("x-enum-labels")
    if isinstance(options, list) and isinstance(labels, list) and len(labels) == len(options):
        if isinstance(value, list):
            return [labels[options.index(v)] if v in options else v for v in value]
        if value in options:
            return labels[options.index(value)]
    return value


def verify_payload(token: Any, *, now: datetime | None = None) -> LicenseCheck:
    """Verify a licence payload or a presentation wrapper; never raises on garbage, truncated or tampered input.

    A presentation is valid only when both its own signature and the wrapped licence's signature check out and
    the wrapped payload is the licence's; once its ``exp`` has passed it reads "展示码已过期" and carries no face.
    """
    now = now or timezone.now()
    if not isinstance(token, str) or not token.strip() or len(token) > MAX_TOKEN_LENGTH:
        return _invalid("malformed")
    valid, header, claims = _verify_jws(token.strip())
    if not valid or claims is None:
        return _invalid("signature")
    presentation_expires_at: datetime | None = None
    is_presentation = claims.get("typ") == PRESENTATION_TYP
    if is_presentation:
        inner = claims.get("lic")
        exp = claims.get("exp")
        if not isinstance(inner, str) or isinstance(exp, bool) or not isinstance(exp, int | float):
            return _invalid("presentation")
        try:
            presentation_expires_at = datetime.fromtimestamp(exp, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return _invalid("presentation")
        valid, header, claims = _verify_jws(inner)
        if not valid or claims is None or claims.get("typ") == PRESENTATION_TYP:
            return _invalid("signature")
    identifier = claims.get("lid")
    if not isinstance(identifier, str) or not identifier:
        return _invalid("claims")
    holder = claims.get("holder")
    result = LicenseCheck(
        signature="valid",
        identifier=identifier,
        type_code=str(claims.get("typ_code") or ""),
        type_name=str(claims.get("typ_name") or ""),
        issuer_code=str(claims.get("iss") or ""),
        issuer_name=str(claims.get("iss_name") or ""),
        version=str(claims.get("ver") or ""),
        holder=holder if isinstance(holder, dict) else {},
        valid_from=_text_or_none(claims.get("valid_from")),
        valid_until=_text_or_none(claims.get("valid_until")),
        is_presentation=is_presentation,
        presentation_expires_at=presentation_expires_at,
        kid=str(header.get("kid") or ""),
    )
    lic = get_license(identifier)
    if lic is None:
        result.status_label = status_label("")
        return result
    result.status = lic.current_status(timezone.localdate(now)).value
    result.status_label = status_label(result.status)
    result.current_identifier = current_version(lic).identifier
    if presentation_expires_at is not None and presentation_expires_at <= now:
        result.presentation_expired = True
        result.status_label = _("展示码已过期")
        return result
    # Public: only the face fields that do not repeat the holder (a full ID number is never shown), with labels.
    result.face = {row["key"]: row["value"] for row in face_rows(lic)}
    return result


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def license_status_today(lic: License, today: date | None = None) -> str:
    """The licence's status today (or on ``today``)."""
    return lic.current_status(today or timezone.localdate()).value
