"""Reads of ``signing``: checking signatures (never raising on bad input), the JWKS, the root certificate, seals."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from tongban.signing import crypto, errors
from tongban.signing.choices import KeyPurpose
from tongban.signing.models import CaCertificate, Seal, SigningKey

# What make_kid produces; anything else is not looked up at all (NUL or lone surrogates would upset the database).
_KID = re.compile(r"(?:ed25519|p256|sm2)-[A-Za-z0-9_-]{22}")


@dataclass(frozen=True)
class JwsCheck:
    """The outcome of :func:`verify_jws`: ``valid``, the header and payload, and the ``JWS_*`` code when invalid.

    ``payload`` is ``None`` unless the signature is valid; ``header`` is what the token claimed (may be empty).
    """

    valid: bool
    header: dict[str, Any] = field(default_factory=dict)
    payload: dict[str, Any] | None = None
    error: str = ""


def _jws_key(kid: Any) -> SigningKey | None:
    if not isinstance(kid, str) or not _KID.fullmatch(kid):
        return None
    return SigningKey.objects.filter(kid=kid, purpose=KeyPurpose.JWS).first()


def verify_jws(token: Any) -> JwsCheck:
    """Check a compact JWS against the platform's keys (retired ones included). Never raises on bad input."""
    try:
        parsed = crypto.decode_jws(token)
    except crypto.JwsFormatError:
        return JwsCheck(False, error=errors.JWS_MALFORMED.code)
    header = parsed.header
    key = _jws_key(header.get("kid"))
    if key is None:
        return JwsCheck(False, header, error=errors.JWS_UNKNOWN_KEY.code)
    if crypto.algorithm_of_jws_alg(header["alg"]) != key.algorithm:
        return JwsCheck(False, header, error=errors.JWS_ALG_MISMATCH.code)
    if not crypto.verify(key.algorithm, key.public_key, parsed.signing_input, parsed.signature):
        return JwsCheck(False, header, error=errors.JWS_BAD_SIGNATURE.code)
    try:
        payload = json.loads(parsed.payload.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        payload = None
    if not isinstance(payload, dict):
        return JwsCheck(False, header, error=errors.JWS_MALFORMED.code)
    return JwsCheck(True, header, payload)


def verify_detached(kid: str, message: bytes, signature_b64url: str) -> bool:
    """True when ``signature_b64url`` is the key ``kid``'s signature over ``message`` (as ``sign_detached`` makes)."""
    key = _jws_key(kid)
    if key is None or not isinstance(message, bytes):
        return False
    try:
        signature = crypto.b64url_decode(signature_b64url)
    except ValueError:
        return False
    return crypto.verify(key.algorithm, key.public_key, message, signature)


def jwks() -> dict[str, list[dict[str, Any]]]:
    """The JWK Set of every JWS key, retired ones too (so old signatures verify): ``{"keys": [...]}``.

    Each key carries ``kid``, ``alg`` (EdDSA, ES256, SM2SM3) and ``"use": "sig"``. Seal and CA keys are not
    listed: they sign PDFs and certificates, which carry their own certificate chain.
    """
    keys = SigningKey.objects.filter(purpose=KeyPurpose.JWS).order_by("created_at", "pk")
    return {"keys": [dict(key.public_jwk) for key in keys]}


def get_root_certificate() -> CaCertificate | None:
    """The platform's newest root certificate, or ``None`` before the first one is made."""
    return CaCertificate.objects.filter(is_root=True).order_by("-not_after", "-pk").first()


def root_certificate_pem() -> str:
    """The PEM of the platform root (empty before the first one is made; ``services.ensure_root_ca`` makes it)."""
    root = get_root_certificate()
    return root.pem if root is not None else ""


def fetch_seals() -> QuerySet[Seal]:
    """Every seal, current ones first, with department and key (for the seals page and API)."""
    return Seal.objects.select_related("department", "key").order_by("retired_at", "kind", "name", "pk")


def get_seal(pk: Any) -> Seal | None:
    """The seal with primary key ``pk`` (any digits string or int), or ``None``."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < key < 2**63:
        return None
    return Seal.objects.select_related("department", "key").filter(pk=key).first()
