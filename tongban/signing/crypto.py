"""Signature primitives, one interface for three algorithms: Ed25519, ECDSA P-256 and SM2 with SM3 (no models).

Signatures are always in their JWS form, 64 bytes: Ed25519's own (RFC 8032), and ``r || s`` as two 32-byte
big-endian integers for ECDSA P-256 (RFC 7518 §3.4) and SM2 (GB/T 35276 §7.3; gmssl-pyx speaks ASN.1 DER, which
is converted here). SM2 signs ``SM3(Z || M)`` with the standard default user ID ``1234567812345678``
(GB/T 35276 §10; ``gmssl_pyx.SM2_DEFAULT_SIGNER_ID``).

Key material: ``private`` is secret bytes (PKCS#8 DER for Ed25519 and P-256; ``d || x || y`` for SM2, because
gmssl-pyx needs the public point to sign) and never leaves :mod:`tongban.signing` unencrypted; ``public`` is a PEM
SubjectPublicKeyInfo (Ed25519, P-256) or the 128 hex digits of ``x || y`` (SM2).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import gmssl_pyx
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from tongban.signing.choices import ALGORITHM_OF_JWS_ALG, JWS_ALG, Algorithm

SM2_USER_ID = gmssl_pyx.SM2_DEFAULT_SIGNER_ID  # b"1234567812345678"
SIGNATURE_BYTES = 64
# Tokens longer than this are refused before any parsing (a licence payload is a few kilobytes).
MAX_TOKEN_CHARS = 64 * 1024


class JwsFormatError(ValueError):
    """A token that is not a compact JWS this platform could have made."""


@dataclass(frozen=True)
class KeyMaterial:
    """A freshly generated key pair; ``private`` is secret and kept out of the repr."""

    algorithm: str
    public: str
    private: bytes = field(repr=False)


@dataclass(frozen=True)
class ParsedJws:
    """The parts of a compact JWS: the decoded header, the payload bytes, the signed input and the signature."""

    header: dict[str, Any]
    payload: bytes
    signing_input: bytes
    signature: bytes


# --- base64url (RFC 7515 §2: no padding) ---------------------------------------------------------------------


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode unpadded base64url strictly; ``ValueError`` on any other character or a bad length."""
    if not isinstance(text, str) or any(c not in _B64URL for c in text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


# --- keys ----------------------------------------------------------------------------------------------------


def generate_key(algorithm: str) -> KeyMaterial:
    """A new key pair of ``algorithm`` (``choices.Algorithm``)."""
    if algorithm == Algorithm.SM2:
        public, private = gmssl_pyx.sm2_key_generate()
        return KeyMaterial(algorithm, public.hex(), private + public)
    key: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
    if algorithm == Algorithm.ED25519:
        key = ed25519.Ed25519PrivateKey.generate()
    elif algorithm == Algorithm.P256:
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        raise ValueError(f"unknown algorithm {algorithm!r}")
    private = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyMaterial(str(algorithm), public_pem.decode("ascii"), private)


def load_p256_private_key(private: bytes) -> ec.EllipticCurvePrivateKey:
    """The ``cryptography`` object of a P-256 private key (for certificates and PDF signing)."""
    key = serialization.load_der_private_key(private, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise ValueError("not a P-256 private key")
    return key


def load_public_key(algorithm: str, public: str) -> Any:
    """The ``cryptography`` public key object (Ed25519, P-256) or the 64 bytes ``x || y`` (SM2)."""
    if algorithm == Algorithm.SM2:
        raw = bytes.fromhex(public)
        if len(raw) != 64:
            raise ValueError("an SM2 public key is 64 bytes")
        return raw
    return serialization.load_pem_public_key(public.encode("ascii"))


def public_point(algorithm: str, public: str) -> bytes:
    """The raw public key: 32 bytes (Ed25519) or the uncompressed point ``04 || x || y`` (P-256, SM2)."""
    key = load_public_key(algorithm, public)
    if algorithm == Algorithm.SM2:
        return b"\x04" + key
    if algorithm == Algorithm.ED25519:
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)  # type: ignore[no-any-return]
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)  # type: ignore[no-any-return]


def make_kid(algorithm: str, public: str) -> str:
    """``<algorithm>-<base64url of the first 16 bytes of SHA-256 of the raw public key>``."""
    return f"{algorithm}-{b64url_encode(hashlib.sha256(public_point(algorithm, public)).digest()[:16])}"


def public_jwk(algorithm: str, public: str, *, kid: str) -> dict[str, str]:
    """The public JWK: RFC 8037 OKP for Ed25519, RFC 7518 EC for P-256, ``{"kty": "EC", "crv": "SM2"}`` for SM2."""
    point = public_point(algorithm, public)
    common = {"kid": kid, "alg": JWS_ALG[algorithm], "use": "sig"}
    if algorithm == Algorithm.ED25519:
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(point), **common}
    curve = "P-256" if algorithm == Algorithm.P256 else "SM2"
    return {
        "kty": "EC",
        "crv": curve,
        "x": b64url_encode(point[1:33]),
        "y": b64url_encode(point[33:]),
        **common,
    }


# --- signatures ----------------------------------------------------------------------------------------------


def _der_to_raw(der: bytes) -> bytes:
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def _raw_to_der(raw: bytes) -> bytes:
    return encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))


def sign(algorithm: str, private: bytes, message: bytes) -> bytes:
    """The 64-byte signature of ``message`` (see the module docstring for the form)."""
    if algorithm == Algorithm.SM2:
        der = gmssl_pyx.sm2_sign(private[:32], private[32:], message, signer_id=SM2_USER_ID)
        return _der_to_raw(der)
    key = serialization.load_der_private_key(private, password=None)
    if algorithm == Algorithm.ED25519 and isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(message)
    if algorithm == Algorithm.P256 and isinstance(key, ec.EllipticCurvePrivateKey):
        return _der_to_raw(key.sign(message, ec.ECDSA(hashes.SHA256())))
    raise ValueError(f"the key is not an {algorithm} key")


def verify(algorithm: str, public: str, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` (64 bytes) is ``public``'s over ``message``; never raises on bad input."""
    if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        key = load_public_key(algorithm, public)
        if algorithm == Algorithm.SM2:
            if int.from_bytes(signature[:32], "big") == 0 or int.from_bytes(signature[32:], "big") == 0:
                return False
            return bool(gmssl_pyx.sm2_verify(key, message, _raw_to_der(signature), signer_id=SM2_USER_ID))
        if algorithm == Algorithm.ED25519:
            key.verify(signature, message)
            return True
        if algorithm == Algorithm.P256:
            key.verify(_raw_to_der(signature), message, ec.ECDSA(hashes.SHA256()))
            return True
    except (InvalidSignature, ValueError, TypeError, gmssl_pyx.InvalidValueError, gmssl_pyx.GmsslInnerError):
        return False
    return False


# --- compact JWS (RFC 7515 §7.1) -----------------------------------------------------------------------------


def canonical_json(value: Any) -> bytes:
    """Compact UTF-8 JSON with sorted keys: the bytes a payload is signed as."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def encode_jws(payload: bytes, *, algorithm: str, private: bytes, kid: str, typ: str = "JWT") -> str:
    """The compact JWS of ``payload`` signed with ``private``, header ``{"alg", "kid", "typ"}``."""
    header = {"alg": JWS_ALG[algorithm], "kid": kid, "typ": typ}
    signing_input = f"{b64url_encode(canonical_json(header))}.{b64url_encode(payload)}".encode("ascii")
    return f"{signing_input.decode('ascii')}.{b64url_encode(sign(algorithm, private, signing_input))}"


def decode_jws(token: Any) -> ParsedJws:
    """Split and decode a compact JWS without checking the signature; ``JwsFormatError`` for anything else."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise JwsFormatError("not a token")
    parts = token.split(".")
    if len(parts) != 3:
        raise JwsFormatError("a compact JWS has three parts")
    try:
        header = json.loads(b64url_decode(parts[0]).decode("utf-8"))
        payload = b64url_decode(parts[1])
        signature = b64url_decode(parts[2])
    except (ValueError, UnicodeDecodeError, binascii.Error, RecursionError) as exc:
        raise JwsFormatError("bad base64url or header JSON") from exc
    if not isinstance(header, dict):
        raise JwsFormatError("the header is not a JSON object")
    if not isinstance(header.get("alg"), str) or not isinstance(header.get("kid"), str):
        raise JwsFormatError("the header names no alg or kid")
    if header.get("crit") is not None:
        raise JwsFormatError("critical header parameters are not understood")  # RFC 7515 §4.1.11
    return ParsedJws(header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


def algorithm_of_jws_alg(alg: str) -> str | None:
    """``choices.Algorithm`` for a JWS ``alg`` name (``EdDSA``, ``ES256``, ``SM2SM3``), else ``None``."""
    return ALGORITHM_OF_JWS_ALG.get(alg)
