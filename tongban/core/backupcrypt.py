"""Encrypted backup archives: AES-256-GCM in 1 MiB chunks under a key derived from a passphrase with scrypt.

The key comes from the environment (``TONGBAN_BACKUP_KEY``, or a file named by ``TONGBAN_BACKUP_KEY_FILE``). Any
passphrase works; a long random one (``openssl rand -base64 32``) is best. The format, version 1, is::

    header    b"TBBACKUP" | version (1 byte = 1) | scrypt log2(n), r, p (1 byte each) | salt (16 bytes)
              | nonce prefix (8 bytes) | chunk size (4 bytes, big-endian)                      -- 40 bytes
    key check the 16-byte GCM tag of an empty message under nonce prefix | 0xFFFFFFFF, header as associated data
    records   for each chunk: ciphertext length (4 bytes, big-endian) | ciphertext with its 16-byte GCM tag

Chunk *i* (from 0) is sealed with nonce ``prefix | i`` (big-endian) and associated data ``header | i | final``,
where ``final`` is 1 for the last chunk and 0 otherwise (the STREAM construction of Hoang, Reyhanitabar, Rogaway
and Vizár): reordering, dropping or truncating chunks fails authentication, and a wrong key fails the key check
before any chunk is read, so the two are reported apart. The plaintext is the ordinary ``.tar.gz`` archive.
"""

from __future__ import annotations

import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"TBBACKUP"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1  # about 32 MiB and 0.1 s per derivation
_HEADER = struct.Struct(">8sBBBB16s8sI")
_KEY_CHECK_COUNTER = 0xFFFFFFFF
TAG_SIZE = 16


class BackupKeyError(Exception):
    """The archive is encrypted and the key is missing or wrong."""


class DamagedArchiveError(Exception):
    """The encrypted archive is truncated, reordered or altered."""


def is_encrypted(path: os.PathLike[str] | str) -> bool:
    """Whether the file at ``path`` starts with the encrypted-archive magic."""
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> AESGCM:
    if log2_n > 22 or r > 32 or p > 16:
        raise DamagedArchiveError("unreasonable key-derivation parameters")
    key = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return AESGCM(key)


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + struct.pack(">I", counter)


def _aad(header: bytes, counter: int, final: bool) -> bytes:
    return header + struct.pack(">IB", counter, 1 if final else 0)


class EncryptingWriter:
    """A write-only file object that seals what is written to ``target`` chunk by chunk; call :meth:`close`."""

    def __init__(self, target: BinaryIO, passphrase: str) -> None:
        salt, prefix = os.urandom(16), os.urandom(8)
        self._target = target
        self._header = _HEADER.pack(
            MAGIC, VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, prefix, CHUNK_SIZE
        )
        self._prefix = prefix
        self._aead = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        check = self._aead.encrypt(_nonce(prefix, _KEY_CHECK_COUNTER), b"", self._header)
        target.write(self._header + check)
        self._buffer = bytearray()
        self._counter = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._buffer.extend(data)
        # Keep at least one full chunk back: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), final=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, *, final: bool) -> None:
        if self._counter >= _KEY_CHECK_COUNTER:
            raise OverflowError("archive too large for one nonce prefix")
        sealed = self._aead.encrypt(
            _nonce(self._prefix, self._counter), chunk, _aad(self._header, self._counter, final)
        )
        self._target.write(struct.pack(">I", len(sealed)) + sealed)
        self._counter += 1

    def flush(self) -> None:
        self._target.flush()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self.closed = True


def decrypt_file(source: BinaryIO, target: BinaryIO, passphrase: str) -> None:
    """Write the plaintext of the encrypted archive ``source`` to ``target``.

    Raises :class:`BackupKeyError` for a wrong key and :class:`DamagedArchiveError` for anything else that does not
    authenticate (a truncated file included); ``target`` then holds a partial plaintext the caller must discard.
    """
    header = source.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise DamagedArchiveError("header truncated")
    magic, version, log2_n, r, p, salt, prefix, chunk_size = _HEADER.unpack(header)
    if magic != MAGIC:
        raise DamagedArchiveError("not an encrypted Tongban backup")
    if version != VERSION:
        raise DamagedArchiveError(f"unsupported encryption format {version}")
    aead = _derive(passphrase, salt, log2_n, r, p)
    check = source.read(TAG_SIZE)
    try:
        aead.decrypt(_nonce(prefix, _KEY_CHECK_COUNTER), check, header)
    except InvalidTag as exc:
        raise BackupKeyError("wrong key") from exc
    counter = 0
    pending = _read_record(source, chunk_size)
    if pending is None:
        raise DamagedArchiveError("no data")
    while pending is not None:
        following = _read_record(source, chunk_size)
        final = following is None
        try:
            target.write(aead.decrypt(_nonce(prefix, counter), pending, _aad(header, counter, final)))
        except InvalidTag as exc:
            raise DamagedArchiveError(f"chunk {counter} does not authenticate") from exc
        counter += 1
        pending = following


def _read_record(source: BinaryIO, chunk_size: int) -> bytes | None:
    length_bytes = source.read(4)
    if not length_bytes:
        return None
    if len(length_bytes) < 4:
        raise DamagedArchiveError("record length truncated")
    (length,) = struct.unpack(">I", length_bytes)
    if length < TAG_SIZE or length > chunk_size + TAG_SIZE:
        raise DamagedArchiveError("record length out of range")
    record = source.read(length)
    if len(record) < length:
        raise DamagedArchiveError("record truncated")
    return record
