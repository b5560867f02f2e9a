"""The signature primitives: each algorithm signs and verifies, and a changed message or signature fails."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tongban.signing import crypto
from tongban.signing.choices import Algorithm

ALGORITHMS = [Algorithm.ED25519, Algorithm.P256, Algorithm.SM2]


@pytest.fixture(scope="module", params=ALGORITHMS)
def material(request):  # type: ignore[no-untyped-def]
    return crypto.generate_key(request.param)


def test_each_algorithm_signs_and_verifies(material) -> None:  # type: ignore[no-untyped-def]
    signature = crypto.sign(material.algorithm, material.private, "准予许可".encode())
    assert len(signature) == 64
    assert crypto.verify(material.algorithm, material.public, "准予许可".encode(), signature)


def test_a_changed_message_does_not_verify(material) -> None:  # type: ignore[no-untyped-def]
    signature = crypto.sign(material.algorithm, material.private, b"message")
    assert not crypto.verify(material.algorithm, material.public, b"messagf", signature)


@pytest.mark.parametrize("position", [0, 31, 32, 63])
def test_a_changed_signature_does_not_verify(material, position) -> None:  # type: ignore[no-untyped-def]
    signature = bytearray(crypto.sign(material.algorithm, material.private, b"message"))
    signature[position] ^= 0x01
    assert not crypto.verify(material.algorithm, material.public, b"message", bytes(signature))


def test_another_keys_signature_does_not_verify(material) -> None:  # type: ignore[no-untyped-def]
    other = crypto.generate_key(material.algorithm)
    signature = crypto.sign(other.algorithm, other.private, b"message")
    assert not crypto.verify(material.algorithm, material.public, b"message", signature)


@pytest.mark.parametrize("signature", [b"", b"\x00" * 64, b"\xff" * 64, b"\x01" * 63, b"\x01" * 65, "text"])
def test_verify_refuses_garbage_signatures_without_raising(material, signature) -> None:  # type: ignore[no-untyped-def]
    assert crypto.verify(material.algorithm, material.public, b"message", signature) is False  # type: ignore[arg-type]


def test_p256_and_sm2_signatures_are_raw_r_and_s(material) -> None:  # type: ignore[no-untyped-def]
    """JWS wants r||s (RFC 7518 §3.4), not the ASN.1 DER that cryptography and gmssl-pyx produce."""
    signature = crypto.sign(material.algorithm, material.private, b"message")
    assert len(signature) == 64
    if material.algorithm != Algorithm.ED25519:
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        assert r > 0 and s > 0


def test_the_kid_is_prefixed_by_the_algorithm_and_stable(material) -> None:  # type: ignore[no-untyped-def]
    kid = crypto.make_kid(material.algorithm, material.public)
    assert kid.startswith(f"{material.algorithm}-") and len(kid.split("-", 1)[1]) == 22
    assert kid == crypto.make_kid(material.algorithm, material.public)


def test_the_private_key_is_not_in_the_repr(material) -> None:  # type: ignore[no-untyped-def]
    assert material.private.hex() not in repr(material) and str(material.private) not in repr(material)


def test_jwk_shapes_follow_rfc_8037_and_7518() -> None:
    ed = crypto.generate_key(Algorithm.ED25519)
    p256 = crypto.generate_key(Algorithm.P256)
    sm2 = crypto.generate_key(Algorithm.SM2)
    assert crypto.public_jwk(ed.algorithm, ed.public, kid="k") == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": crypto.b64url_encode(crypto.public_point(ed.algorithm, ed.public)),
        "kid": "k",
        "alg": "EdDSA",
        "use": "sig",
    }
    jwk = crypto.public_jwk(p256.algorithm, p256.public, kid="k")
    assert (jwk["kty"], jwk["crv"], jwk["alg"]) == ("EC", "P-256", "ES256")
    assert len(crypto.b64url_decode(jwk["x"])) == 32 and len(crypto.b64url_decode(jwk["y"])) == 32
    jwk = crypto.public_jwk(sm2.algorithm, sm2.public, kid="k")
    assert (jwk["kty"], jwk["crv"], jwk["alg"]) == ("EC", "SM2", "SM2SM3")
    assert crypto.b64url_decode(jwk["x"]) + crypto.b64url_decode(jwk["y"]) == bytes.fromhex(sm2.public)


def test_a_compact_jws_has_the_rfc_7515_shape(material) -> None:  # type: ignore[no-untyped-def]
    token = crypto.encode_jws(b'{"a":1}', algorithm=material.algorithm, private=material.private, kid="kid-1")
    header_b64, payload_b64, _signature_b64 = token.split(".")
    assert "=" not in token
    header = json.loads(crypto.b64url_decode(header_b64))
    assert header == {
        "alg": {"ed25519": "EdDSA", "p256": "ES256", "sm2": "SM2SM3"}[material.algorithm],
        "kid": "kid-1",
        "typ": "JWT",
    }
    assert crypto.b64url_decode(payload_b64) == b'{"a":1}'
    parsed = crypto.decode_jws(token)
    assert crypto.verify(material.algorithm, material.public, parsed.signing_input, parsed.signature)


@pytest.mark.parametrize(
    "token",
    [
        "",
        ".",
        "..",
        "a.b",
        "a.b.c.d",
        "!!.e30.AA",
        "e30.e30.AA",
        "W10.e30.AA",
        "eyJhbGciOjF9.e30.AA",
        None,
        3,
    ],
)
def test_decode_jws_refuses_what_is_not_a_compact_jws(token) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(crypto.JwsFormatError):
        crypto.decode_jws(token)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_decode_jws_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(crypto.JwsFormatError):
        crypto.decode_jws(text)
