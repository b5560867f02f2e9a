"""Signed ledger checkpoints (账本签名检查点): the platform's signature over the chain head, like CT's signed tree heads.

``core`` imports no other app, so the key that signs lives elsewhere: the ``signing`` app registers its
``sign_detached`` / ``verify_detached`` here from ``SigningConfig.ready()``. With no signer registered (core's own
tests, an installation without the ``signing`` app) no checkpoint is written and signatures cannot be checked.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tongban.core.choices import CheckpointBreak
from tongban.core.models import LedgerCheckpoint, LedgerEntry, LedgerHead

logger = logging.getLogger(__name__)

SignFunction = Callable[[bytes], tuple[str, str, str]]
VerifyFunction = Callable[[str, bytes, str], bool]


@dataclass(frozen=True)
class CheckpointSigner:
    """The pair of functions that sign a checkpoint message and check a signature over one."""

    sign: SignFunction
    verify: VerifyFunction


_signer: CheckpointSigner | None = None


def register_checkpoint_signer(sign: SignFunction, verify: VerifyFunction) -> CheckpointSigner | None:
    """Make ``sign(message) -> (kid, alg, signature_b64url)`` and ``verify(kid, message, sig) -> bool`` the signer.

    Called once at start-up by ``SigningConfig.ready()``. Returns the signer it replaced (``None`` when there was
    none), so a test can put it back with :func:`restore_checkpoint_signer`. ``sign`` is called inside the ledger
    append's transaction and must not append to the ledger itself.
    """
    global _signer
    previous = _signer
    _signer = CheckpointSigner(sign=sign, verify=verify)
    return previous


def restore_checkpoint_signer(previous: CheckpointSigner | None) -> None:
    """Put back the signer that :func:`register_checkpoint_signer` returned (``None`` removes the signer)."""
    global _signer
    _signer = previous


def get_checkpoint_signer() -> CheckpointSigner | None:
    """The registered signer, or ``None`` when checkpoints cannot be signed or checked."""
    return _signer


# --- The signed text ---------------------------------------------------------------------------------------------

CHECKPOINT_FORMAT = "tongban-ledger-checkpoint/1"


def format_checkpoint_time(moment: datetime) -> str:
    """``moment`` in UTC with milliseconds and a ``Z``: ``2026-12-04T19:07:51.123Z`` (what a backup keeps)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def checkpoint_message(*, seq: int, head_hash: str, time: str, platform: str) -> bytes:
    """The exact bytes a checkpoint's signature covers.

    UTF-8 of the JSON object ``{"format", "hash", "platform", "seq", "time"}`` with sorted keys, no spaces and
    non-ASCII characters as themselves, where ``format`` is ``"tongban-ledger-checkpoint/1"`` (so the signature
    cannot be passed off as one over anything else), ``seq`` an integer, ``hash`` the lowercase hex SHA-256 of
    the entry ``seq`` and ``time`` as :func:`format_checkpoint_time` writes it. Example::

        {"format":"tongban-ledger-checkpoint/1","hash":"9f…","platform":"https://zwfw.example.gov.cn","seq":1000,"time":"2026-12-04T19:07:51.123Z"}
    """
    text = json.dumps(
        {"format": CHECKPOINT_FORMAT, "hash": head_hash, "platform": platform, "seq": seq, "time": time},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return text.encode("utf-8")


@dataclass(frozen=True)
class CheckpointData:
    """One checkpoint as published (API, backup, a file an outsider kept), independent of the database row."""

    seq: int
    head_hash: str
    time: str
    platform: str
    kid: str
    alg: str
    signature: str

    @classmethod
    def from_row(cls, row: LedgerCheckpoint) -> CheckpointData:
        return cls(
            seq=row.seq,
            head_hash=row.head_hash,
            time=format_checkpoint_time(row.created_at),
            platform=row.platform,
            kid=row.kid,
            alg=row.alg,
            signature=row.signature,
        )

    def message(self) -> bytes:
        """The bytes the signature covers (:func:`checkpoint_message`)."""
        return checkpoint_message(
            seq=self.seq, head_hash=self.head_hash, time=self.time, platform=self.platform
        )

    def as_dict(self) -> dict[str, Any]:
        """The published JSON object: ``seq``, ``hash``, ``time``, ``platform``, ``kid``, ``alg``, ``signature``."""
        return {
            "seq": self.seq,
            "hash": self.head_hash,
            "time": self.time,
            "platform": self.platform,
            "kid": self.kid,
            "alg": self.alg,
            "signature": self.signature,
        }


class CheckpointFileError(ValueError):
    """A checkpoints file that is not JSON in the published shape; the message says what is wrong."""


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _item_from_dict(item: Any, index: int) -> CheckpointData:
    if not isinstance(item, dict):
        raise CheckpointFileError(f"第 {index + 1} 个检查点不是 JSON 对象。")
    try:
        seq, head_hash = item["seq"], item["hash"]
        strings = [item[key] for key in ("time", "platform", "kid", "alg", "signature")]
    except KeyError as exc:
        raise CheckpointFileError(f"第 {index + 1} 个检查点缺少字段 {exc.args[0]}。") from None
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise CheckpointFileError(f"第 {index + 1} 个检查点的 seq 不是正整数。")
    if not isinstance(head_hash, str) or not _HEX64.match(head_hash):
        raise CheckpointFileError(f"第 {index + 1} 个检查点的 hash 不是 64 位十六进制数。")
    if not all(isinstance(value, str) for value in strings):
        raise CheckpointFileError(f"第 {index + 1} 个检查点的 time/platform/kid/alg/signature 须为字符串。")
    time, platform, kid, alg, signature = strings
    return CheckpointData(seq, head_hash, time, platform, kid, alg, signature)


def parse_checkpoints(text: str | bytes) -> list[CheckpointData]:
    """Read checkpoints kept by an outsider: the API's JSON (``{"items": [...]}``), or a bare list of items.

    Several API pages saved one after another as a JSON list of pages are accepted too. Raises
    :class:`CheckpointFileError` for anything else; never returns partial results.
    """
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise CheckpointFileError(f"检查点文件不是有效的 JSON：{exc}") from None
    pages = (
        document
        if isinstance(document, list) and all(isinstance(d, dict) and "items" in d for d in document)
        else [document]
    )
    items: list[Any] = []
    for page in pages:
        if isinstance(page, dict):
            if not isinstance(page.get("items"), list):
                raise CheckpointFileError("检查点文件缺少 items 列表。")
            items.extend(page["items"])
        elif isinstance(page, list):
            items.extend(page)
        else:
            raise CheckpointFileError("检查点文件须为对象或列表。")
    return [_item_from_dict(item, index) for index, item in enumerate(items)]


def checkpoints_document(items: list[CheckpointData], *, next_after: int | None = None) -> dict[str, Any]:
    """The JSON document served at ``/api/v1/ledger/checkpoints`` and written into every backup."""
    return {
        "format": CHECKPOINT_FORMAT,
        "items": [item.as_dict() for item in items],
        "next_after": next_after,
    }


# --- Reading -----------------------------------------------------------------------------------------------------


def fetch_checkpoints(*, after: int = 0, limit: int | None = None) -> list[CheckpointData]:
    """Checkpoints covering entries after ``after``, oldest first, at most ``limit`` of them (``None``: all)."""
    rows = LedgerCheckpoint.objects.filter(seq__gt=after).order_by("seq")
    if limit is not None:
        rows = rows[:limit]
    return [CheckpointData.from_row(row) for row in rows]


def get_latest_checkpoint() -> LedgerCheckpoint | None:
    """The checkpoint with the highest sequence number, if any."""
    return LedgerCheckpoint.objects.order_by("-seq").first()


# --- Writing -----------------------------------------------------------------------------------------------------

# Set while a checkpoint is being signed, so an append made by the signer itself never starts another one.
_signing_now: ContextVar[bool] = ContextVar("tongban_checkpoint_signing", default=False)


def is_checkpoint_due(seq: int, now: datetime, checkpointed_at: datetime | None) -> bool:
    """Whether the append that just made entry ``seq`` also writes a checkpoint; answered without a query.

    Due at every ``TONGBAN_CHECKPOINT_EVERY``-th entry and when the last checkpoint (the head's
    ``checkpointed_at``) is ``TONGBAN_CHECKPOINT_MAX_AGE_SECONDS`` old; never without a registered signer.
    """
    if _signer is None or _signing_now.get():
        return False
    every = int(settings.TONGBAN_CHECKPOINT_EVERY)
    if every > 0 and seq % every == 0:
        return True
    max_age = timedelta(seconds=int(settings.TONGBAN_CHECKPOINT_MAX_AGE_SECONDS))
    return checkpointed_at is not None and now - checkpointed_at >= max_age


def _platform() -> str:
    return str(settings.TONGBAN_BASE_URL).rstrip("/")


def write_checkpoint(*, seq: int, head_hash: str, now: datetime) -> LedgerCheckpoint | None:
    """Sign the head ``(seq, head_hash)`` and store the checkpoint; the caller holds the locked head row.

    Returns ``None`` without a signer. Called by ``append_ledger_entry`` and :func:`do_write_checkpoint` only.
    """
    signer = _signer
    if signer is None:
        return None
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    platform = _platform()
    message = checkpoint_message(
        seq=seq, head_hash=head_hash, time=format_checkpoint_time(now), platform=platform
    )
    token = _signing_now.set(True)
    try:
        kid, alg, signature = signer.sign(message)
    finally:
        _signing_now.reset(token)
    checkpoint = LedgerCheckpoint(
        seq=seq, head_hash=head_hash, created_at=now, platform=platform, kid=kid, alg=alg, signature=signature
    )
    checkpoint.save(force_insert=True)
    return checkpoint


def write_checkpoint_quietly(*, seq: int, head_hash: str, now: datetime) -> LedgerCheckpoint | None:
    """:func:`write_checkpoint` inside a savepoint; a failure is logged and does not undo the caller's change.

    The append path uses this: a citizen's submission must not fail because the signing key is unavailable for a
    moment. The job worker's sweep (:func:`do_write_checkpoint`) writes the missed checkpoint later.
    """
    try:
        with transaction.atomic():
            return write_checkpoint(seq=seq, head_hash=head_hash, now=now)
    except Exception:
        logger.exception("ledger checkpoint at seq %s could not be written", seq)
        return None


def do_write_checkpoint(
    *, now: datetime | None = None, min_age: timedelta | None = None
) -> LedgerCheckpoint | None:
    """Write a checkpoint of the current head if the head moved since the last one; returns it or ``None``.

    With ``min_age``, also only when the last checkpoint is at least that old (the hourly sweep). Locks the head
    row like an append, so it never races one. ``None`` as well when no signer is registered.
    """
    if _signer is None:
        return None
    now = now or timezone.now()
    with transaction.atomic():
        head = LedgerHead.objects.select_for_update().filter(id=1).first()
        if head is None or head.seq == 0:
            return None
        latest = get_latest_checkpoint()
        if latest is not None and latest.seq >= head.seq:
            return None
        if latest is not None and min_age is not None and now - latest.created_at < min_age:
            return None
        checkpoint = write_checkpoint(seq=head.seq, head_hash=head.hash, now=now)
        head.checkpointed_at = now
        head.save(update_fields=["checkpointed_at"])
    return checkpoint


def do_write_hourly_checkpoint(*, now: datetime | None = None) -> LedgerCheckpoint | None:
    """The periodic sweep: a checkpoint when the head moved and the last one is ``…_MAX_AGE_SECONDS`` old."""
    max_age = timedelta(seconds=int(settings.TONGBAN_CHECKPOINT_MAX_AGE_SECONDS))
    return do_write_checkpoint(now=now, min_age=max_age)


# --- Verifying ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckpointProblem:
    """One checkpoint that does not vouch for the ledger, and the entries it puts in doubt.

    ``first_seq``–``last_seq`` is the range that must contain the rewritten entry: after the last checkpoint that
    still matched, up to this one.
    """

    checkpoint: CheckpointData
    reason: CheckpointBreak
    first_seq: int
    last_seq: int
    found_hash: str | None = None

    @property
    def reason_label(self) -> str:
        return str(self.reason.label)


@dataclass(frozen=True)
class CheckpointVerification:
    """The outcome of checking the ledger against checkpoints; ``ok`` when there is no problem."""

    checked: int
    problems: tuple[CheckpointProblem, ...]
    signatures_checked: bool
    last_seq: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _signature_ok(signer: CheckpointSigner, item: CheckpointData) -> bool:
    try:
        return bool(signer.verify(item.kid, item.message(), item.signature))
    except Exception:  # a malformed kid or signature in a kept file is a failed check, not a crash
        return False


def verify_checkpoints(kept: Iterable[CheckpointData] = ()) -> CheckpointVerification:
    """Check every checkpoint in the database and every ``kept`` one (an outsider's copy) against the ledger.

    For each distinct checkpoint: its signature verifies with the registered signer (skipped, and
    ``signatures_checked`` false, when there is none), the entry with its ``seq`` exists and that entry's stored
    hash equals the signed head hash. A kept checkpoint that the database lacks or holds differently is a problem
    too (someone deleted or replaced the row). The chain between checkpoints is :func:`verify_ledger`'s job: a
    rewriter who recomputed every hash passes that check and fails this one.
    """
    stored = fetch_checkpoints()
    stored_by_seq = {item.seq: item for item in stored}
    problems: list[CheckpointProblem] = []
    distinct: dict[CheckpointData, None] = dict.fromkeys(stored)
    for item in kept:
        if stored_by_seq.get(item.seq) != item:
            problems.append(CheckpointProblem(item, CheckpointBreak.NOT_IN_DATABASE, item.seq, item.seq))
        distinct.setdefault(item)
    items = sorted(distinct, key=lambda c: (c.seq, c.signature))
    hashes: dict[int, str] = {}
    seqs = sorted({item.seq for item in items})
    for start in range(0, len(seqs), 1000):
        chunk = seqs[start : start + 1000]
        hashes.update(LedgerEntry.objects.filter(seq__in=chunk).values_list("seq", "hash"))
    signer = _signer
    last_good = 0
    for item in items:
        first = last_good + 1
        if signer is not None and not _signature_ok(signer, item):
            problems.append(CheckpointProblem(item, CheckpointBreak.BAD_SIGNATURE, first, item.seq))
            continue
        found = hashes.get(item.seq)
        if found is None:
            problems.append(CheckpointProblem(item, CheckpointBreak.ENTRY_MISSING, first, item.seq))
        elif found != item.head_hash:
            problems.append(CheckpointProblem(item, CheckpointBreak.HASH_MISMATCH, first, item.seq, found))
        else:
            last_good = item.seq
    problems.sort(key=lambda p: (p.checkpoint.seq, p.reason))
    return CheckpointVerification(
        checked=len(items),
        problems=tuple(problems),
        signatures_checked=signer is not None,
        last_seq=items[-1].seq if items else None,
    )
