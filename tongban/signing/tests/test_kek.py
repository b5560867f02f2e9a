"""The KEK: private keys are stored sealed, a wrong KEK fails clearly, a demo KEK is generated, production refuses."""

from __future__ import annotations

import base64
import logging
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from tongban.signing import kek, services
from tongban.signing.choices import Algorithm
from tongban.signing.models import SigningKey

pytestmark = pytest.mark.django_db


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _secret_scalar(algorithm: str, private: bytes) -> bytes:
    """The 32 secret bytes themselves: the Ed25519 seed, the P-256 scalar d, the SM2 scalar d."""
    if algorithm == Algorithm.SM2:
        return private[:32]
    loaded = serialization.load_der_private_key(private, password=None)
    if isinstance(loaded, ed25519.Ed25519PrivateKey):
        return loaded.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
    assert isinstance(loaded, ec.EllipticCurvePrivateKey)
    return loaded.private_numbers().private_value.to_bytes(32, "big")


@pytest.mark.parametrize("algorithm", Algorithm.values)
def test_the_private_key_bytes_do_not_appear_in_the_row(algorithm) -> None:  # type: ignore[no-untyped-def]
    key = services.do_generate_key(algorithm, actor=None)
    secret = _secret_scalar(algorithm, services._private(key))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM signing_signingkey WHERE id = %s", [key.pk])
        row = cursor.fetchone()
    for value in row:
        blob = bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
        assert secret not in blob and secret.hex().encode() not in blob
        assert base64.b64encode(secret) not in blob
    assert secret not in bytes(key.private_key_encrypted)
    assert secret.hex() not in repr(key) + str(key)


def test_a_wrong_kek_fails_to_decrypt_with_a_clear_error(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_KEK = _b64(b"\x01" * 32)
    key = services.do_generate_key(Algorithm.ED25519, actor=None)
    settings.TONGBAN_KEK = _b64(b"\x02" * 32)
    with pytest.raises(kek.KekError) as info:
        services.sign_jws({"a": 1}, actor=None, purpose="test")
    assert key.kid in str(info.value) and "TONGBAN_KEK" in str(info.value)
    settings.TONGBAN_KEK = _b64(b"\x01" * 32)
    assert services.sign_jws({"a": 1}, actor=None, purpose="test")


def test_a_ciphertext_moved_to_another_key_does_not_decrypt(settings) -> None:  # type: ignore[no-untyped-def]
    first = services.do_generate_key(Algorithm.ED25519, actor=None)
    second = services.do_generate_key(Algorithm.P256, actor=None)
    SigningKey.objects.filter(pk=second.pk).update(
        private_key_encrypted=first.private_key_encrypted, private_key_nonce=first.private_key_nonce
    )
    second.refresh_from_db()
    with pytest.raises(kek.KekError):
        services._private(second)


@pytest.mark.parametrize(
    ("text", "message"),
    [("not base64!", "base64"), (_b64(b"x" * 16), "32 字节"), (_b64(b"x" * 33), "32 字节")],
)
def test_a_malformed_kek_is_refused(text, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kek.KekError) as info:
        kek.parse_kek(text)
    assert message in str(info.value)


def test_url_safe_and_padded_forms_are_accepted() -> None:
    raw = bytes(range(200, 232))
    assert kek.parse_kek(base64.urlsafe_b64encode(raw).decode().rstrip("=")) == raw
    assert kek.parse_kek(_b64(raw) + "\n") == raw


def test_without_a_kek_a_private_one_is_generated_and_announced(settings, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_KEK = ""
    settings.TONGBAN_KEK_GENERATED_FILE = str(tmp_path / "var" / "kek")
    with caplog.at_level(logging.WARNING, logger="tongban.signing.kek"):
        first = kek.load_kek()
    path = tmp_path / "var" / "kek"
    assert len(first) == 32 and kek.load_kek() == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "TONGBAN_KEK" in caplog.text and str(path) in caplog.text
    assert _b64(first) not in caplog.text  # never log the key
    assert [p.name for p in path.parent.iterdir()] == ["kek"]  # no temporary file left behind


def test_the_configured_kek_wins_over_the_generated_file(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_KEK = _b64(b"\x07" * 32)
    settings.TONGBAN_KEK_GENERATED_FILE = str(tmp_path / "kek")
    assert kek.load_kek() == b"\x07" * 32 and not (tmp_path / "kek").exists()


def test_production_never_generates_a_kek(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.PRODUCTION = True
    settings.TONGBAN_KEK = ""
    settings.TONGBAN_KEK_GENERATED_FILE = str(tmp_path / "kek")
    with pytest.raises(ImproperlyConfigured):
        kek.load_kek()
    assert not (tmp_path / "kek").exists()
