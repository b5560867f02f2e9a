"""A real Ed25519 checkpoint signer for tests that must not depend on the ``signing`` app.

It registers itself with :func:`tongban.core.checkpoints.register_checkpoint_signer` and puts back whatever was
registered before (the ``signing`` app's signer, once that app registers one at start-up).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tongban.core import checkpoints


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Ed25519Signer:
    """One Ed25519 key under ``kid``; ``public_keys`` maps every kid it knows (a rotated-out one too)."""

    kid: str = "test-ed25519-1"
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    public_keys: dict[str, Ed25519PublicKey] = field(default_factory=dict)
    signed: int = 0

    def __post_init__(self) -> None:
        self.public_keys[self.kid] = self.key.public_key()

    def sign(self, message: bytes) -> tuple[str, str, str]:
        self.signed += 1
        return self.kid, "EdDSA", b64url(self.key.sign(message))

    def verify(self, kid: str, message: bytes, signature: str) -> bool:
        public = self.public_keys.get(kid)
        if public is None:
            return False
        try:
            public.verify(b64url_decode(signature), message)
        except (InvalidSignature, ValueError):
            return False
        return True


@contextmanager
def ed25519_signer() -> Iterator[Ed25519Signer]:
    """Register a fresh Ed25519 signer for the block; the previous registration is restored afterwards."""
    signer = Ed25519Signer()
    previous = checkpoints.register_checkpoint_signer(signer.sign, signer.verify)
    try:
        yield signer
    finally:
        checkpoints.restore_checkpoint_signer(previous)


@contextmanager
def without_signer() -> Iterator[None]:
    """No signer registered for the block (as in an installation without the ``signing`` app)."""
    previous = checkpoints.get_checkpoint_signer()
    checkpoints.restore_checkpoint_signer(None)
    try:
        yield
    finally:
        checkpoints.restore_checkpoint_signer(previous)
