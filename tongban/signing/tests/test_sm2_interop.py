"""SM2 interoperability with the independent pure-Python ``gmssl`` (SM3 with the Z value, user ID 1234567812345678).

gmssl's ``sign_with_sm3`` / ``verify_with_sm3`` take and give the signature as 128 hex digits ``r || s`` (its
default ``asn1=False``), the key as hex: private ``d`` (64 digits) and public ``x || y`` (128 digits, no ``04``).
"""

from __future__ import annotations

import pytest
from gmssl import func, sm2

from tongban.signing import crypto
from tongban.signing.choices import Algorithm

MESSAGES = [b"", b"abc", "电子证照 GB/T 36904".encode(), bytes(range(256)) * 4]


def _gmssl_pair() -> tuple[crypto.KeyMaterial, sm2.CryptSM2]:
    # gmssl strips a leading "04" from the public key with str.lstrip (so "04…" or "4…" prefixes would be
    # mangled): draw keys until x does not start with one of those characters.
    while True:
        material = crypto.generate_key(Algorithm.SM2)
        if material.public[0] not in "04":
            break
    private_hex = material.private[:32].hex()
    return material, sm2.CryptSM2(private_key=private_hex, public_key=material.public)


@pytest.mark.parametrize("message", MESSAGES)
def test_a_signature_made_here_verifies_in_gmssl(message: bytes) -> None:
    material, other = _gmssl_pair()
    signature = crypto.sign(Algorithm.SM2, material.private, message)
    assert other.verify_with_sm3(signature.hex(), message)
    assert not other.verify_with_sm3(signature.hex(), message + b"x")


@pytest.mark.parametrize("message", MESSAGES)
def test_a_gmssl_signature_verifies_here(message: bytes) -> None:
    material, other = _gmssl_pair()
    signature_hex = other.sign_with_sm3(message, func.random_hex(other.para_len))
    signature = bytes.fromhex(signature_hex)
    assert crypto.verify(Algorithm.SM2, material.public, message, signature)
    assert not crypto.verify(Algorithm.SM2, material.public, message + b"x", signature)


def test_the_user_id_is_the_standard_default() -> None:
    assert crypto.SM2_USER_ID == b"1234567812345678"
