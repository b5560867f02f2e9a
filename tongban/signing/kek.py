"""The key-encryption key (KEK) that wraps every private signing key stored in the database (docs/signing.md).

The KEK is 32 random bytes, given base64-encoded as ``TONGBAN_KEK`` or in the file ``TONGBAN_KEK_FILE``
(``settings.TONGBAN_KEK``). Outside production, when neither is set, the platform generates one in ``var/kek``
(mode 0600) on first use and logs a warning; production refuses to start without one
(``tongban.accounts.checks``). Private keys are sealed with AES-256-GCM, the key's ``kid`` as associated data, so
a ciphertext copied onto another key's row does not decrypt either.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

KEK_BYTES = 32
NONCE_BYTES = 12
_warned: set[str] = set()


class KekError(RuntimeError):
    """The KEK is missing, malformed, or not the one the stored keys were encrypted with."""


def parse_kek(text: str) -> bytes:
    """The 32 bytes of a base64 (standard or URL-safe) KEK; ``KekError`` when it is not exactly that."""
    cleaned = text.strip()
    try:
        raw = base64.b64decode(
            cleaned.replace("-", "+").replace("_", "/") + "=" * (-len(cleaned) % 4), validate=True
        )
    except (binascii.Error, ValueError) as exc:
        raise KekError("TONGBAN_KEK 不是合法的 base64 文本。") from exc
    if len(raw) != KEK_BYTES:
        raise KekError(
            f"TONGBAN_KEK 必须是 {KEK_BYTES} 字节（base64 编码后 44 个字符），实际为 {len(raw)} 字节。"
        )
    return raw


def generated_kek_path() -> Path:
    """Where a non-production installation keeps its generated KEK (``var/kek``)."""
    return Path(settings.TONGBAN_KEK_GENERATED_FILE)


def _read_or_create_generated(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        encoded = base64.b64encode(os.urandom(KEK_BYTES)).decode("ascii")
        # Written to a private temporary file and linked into place: a concurrent process either wins the link
        # or reads the complete file the other one linked, never a half-written one.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kek-")
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, (encoded + "\n").encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
            logger.warning(
                "未设置 TONGBAN_KEK：已生成签名密钥加密密钥 %s（权限 0600）。"
                "它只适用于演示和开发；生产环境请设置 TONGBAN_KEK 或 TONGBAN_KEK_FILE，并妥善备份。",
                path,
            )
            _warned.add(str(path))
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    if str(path) not in _warned:
        _warned.add(str(path))
        logger.warning("未设置 TONGBAN_KEK：使用演示用签名密钥加密密钥 %s（生产环境不可如此）。", path)
    return parse_kek(path.read_text(encoding="ascii"))


def load_kek() -> bytes:
    """The KEK's 32 bytes: from ``settings.TONGBAN_KEK``, else (outside production) from ``var/kek``.

    Raises ``ImproperlyConfigured`` in production without a KEK and ``KekError`` for a malformed one.
    """
    configured = getattr(settings, "TONGBAN_KEK", "")
    if configured:
        return parse_kek(configured)
    if getattr(settings, "PRODUCTION", False):
        raise ImproperlyConfigured("生产环境必须设置 TONGBAN_KEK 或 TONGBAN_KEK_FILE（签名密钥加密密钥）。")
    return _read_or_create_generated(generated_kek_path())


def encrypt_private_key(private_key: bytes, *, kid: str) -> tuple[bytes, bytes]:
    """``(nonce, ciphertext)`` of ``private_key`` under the KEK, bound to ``kid``."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(load_kek()).encrypt(nonce, private_key, kid.encode("utf-8"))


def decrypt_private_key(ciphertext: bytes, *, nonce: bytes, kid: str) -> bytes:
    """The private key sealed by :func:`encrypt_private_key`; ``KekError`` when the KEK (or the row) is wrong."""
    try:
        return AESGCM(load_kek()).decrypt(bytes(nonce), bytes(ciphertext), kid.encode("utf-8"))
    except InvalidTag as exc:
        raise KekError(
            f"无法解密签名密钥 {kid}：当前的 TONGBAN_KEK 不是加密该密钥时所用的密钥（或密钥记录已损坏）。"
            "请配置原来的 KEK。"
        ) from exc
