"""Checking signatures: verify_jws never raises, tampering is caught, and an independent JOSE library (joserfc)
verifies our tokens from the published JWKS alone."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import KeySet

from tongban.signing import crypto, queries, services
from tongban.signing.choices import Algorithm, KeyPurpose

pytestmark = [
    pytest.mark.django_db,
    # RFC 9864 (2025) deprecates "EdDSA" for the fully specified "Ed25519"; ADR 0013 keeps EdDSA (RFC 8037).
    pytest.mark.filterwarnings("ignore:EdDSA is deprecated"),
]


def _token(settings, algorithm: str, payload: dict) -> str:  # type: ignore[no-untyped-def, type-arg]
    settings.TONGBAN_SIGNING_ALGORITHM = algorithm
    return services.sign_jws(payload, actor=None, purpose="test")


@pytest.mark.parametrize(("algorithm", "alg"), [(Algorithm.ED25519, "EdDSA"), (Algorithm.P256, "ES256")])
def test_joserfc_verifies_our_jws_from_the_jwks_alone(settings, algorithm, alg) -> None:  # type: ignore[no-untyped-def]
    payload = {"证照名称": "食品经营许可证", "n": 1}
    token = _token(settings, algorithm, payload)
    published = json.loads(json.dumps(queries.jwks()))  # what a verifier downloads
    keyset = KeySet.import_key_set(published)
    result = jws.deserialize_compact(token, keyset, algorithms=[alg])
    assert json.loads(result.payload) == payload
    assert result.headers()["kid"] == published["keys"][0]["kid"]


@pytest.mark.parametrize(("algorithm", "alg"), [(Algorithm.ED25519, "EdDSA"), (Algorithm.P256, "ES256")])
def test_joserfc_rejects_a_tampered_token(settings, algorithm, alg) -> None:  # type: ignore[no-untyped-def]
    token = _token(settings, algorithm, {"n": 1})
    header, _payload, signature = token.split(".")
    forged = f"{header}.{crypto.b64url_encode(crypto.canonical_json({'n': 2}))}.{signature}"
    keyset = KeySet.import_key_set(queries.jwks())
    with pytest.raises(Exception) as info:
        jws.deserialize_compact(forged, keyset, algorithms=[alg])
    assert "signature" in type(info.value).__name__.lower() or "signature" in str(info.value).lower()
    assert queries.verify_jws(forged).error == "JWS_BAD_SIGNATURE"


def test_the_jwks_lists_every_jws_key_with_kid_alg_and_use(settings) -> None:  # type: ignore[no-untyped-def]
    for algorithm in Algorithm.values:
        services.current_key(algorithm, KeyPurpose.JWS)
    services.ensure_seal(None, actor=None)  # its key is not a JWS key
    keys = queries.jwks()["keys"]
    assert sorted(k["alg"] for k in keys) == ["ES256", "EdDSA", "SM2SM3"]
    assert all(k["use"] == "sig" and k["kid"] for k in keys)
    assert all("d" not in k for k in keys)


@pytest.mark.parametrize("algorithm", Algorithm.values)
def test_a_tampered_payload_header_or_signature_fails(settings, algorithm) -> None:  # type: ignore[no-untyped-def]
    token = _token(settings, algorithm, {"holder": "王秀英"})
    header, payload, signature = token.split(".")
    assert queries.verify_jws(token).valid
    other_payload = crypto.b64url_encode(crypto.canonical_json({"holder": "李建国"}))
    assert queries.verify_jws(f"{header}.{other_payload}.{signature}").error == "JWS_BAD_SIGNATURE"
    raw = bytearray(crypto.b64url_decode(signature))
    raw[10] ^= 1
    bad = queries.verify_jws(f"{header}.{payload}.{crypto.b64url_encode(bytes(raw))}")
    assert not bad.valid and bad.payload is None and bad.error == "JWS_BAD_SIGNATURE"
    claimed = json.loads(crypto.b64url_decode(header))
    swapped = crypto.b64url_encode(crypto.canonical_json({**claimed, "alg": "HS256"}))
    assert queries.verify_jws(f"{swapped}.{payload}.{signature}").error == "JWS_ALG_MISMATCH"
    unknown = crypto.b64url_encode(crypto.canonical_json({**claimed, "kid": f"{algorithm}-{'A' * 22}"}))
    assert queries.verify_jws(f"{unknown}.{payload}.{signature}").error == "JWS_UNKNOWN_KEY"


@pytest.mark.parametrize("cut", [1, 10, 50, -1, -10, -50])
def test_a_truncated_token_fails_without_raising(settings, cut) -> None:  # type: ignore[no-untyped-def]
    token = _token(settings, Algorithm.ED25519, {"a": 1})
    check = queries.verify_jws(token[:cut])
    assert not check.valid and check.error.startswith("JWS_")


@pytest.mark.parametrize(
    "token",
    [
        None,
        1,
        b"abc",
        "",
        "abc",
        "a.b.c",
        "...",
        "e30.e30.",
        "\x00.\x00.\x00",
        "x" * 100_000,
        crypto.b64url_encode(json.dumps({"alg": "EdDSA", "kid": "\x00"}).encode()) + ".e30.AA",
        crypto.b64url_encode(b'{"alg":"EdDSA","kid":"\\ud800"}') + ".e30.AA",
        crypto.b64url_encode(b'{"alg":"EdDSA","kid":["x"]}') + ".e30.AA",
    ],
)
def test_verify_jws_never_raises_on_garbage(token) -> None:  # type: ignore[no-untyped-def]
    check = queries.verify_jws(token)
    assert check.valid is False and check.payload is None and check.error.startswith("JWS_")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("abcXYZ019-_.=\x00é"), max_size=120))
def test_verify_jws_never_raises_on_random_text(text: str) -> None:
    assert queries.verify_jws(text).valid is False


def test_a_valid_signature_over_a_non_object_payload_is_not_valid(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_SIGNING_ALGORITHM = Algorithm.ED25519
    key = services.current_key(Algorithm.ED25519)
    token = crypto.encode_jws(b"[1,2]", algorithm=key.algorithm, private=services._private(key), kid=key.kid)
    assert queries.verify_jws(token).error == "JWS_MALFORMED"
