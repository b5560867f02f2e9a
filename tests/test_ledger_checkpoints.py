"""A superuser's rewrite of the ledger passes the chain check and is caught by the signed checkpoints.

The rewriter here can do everything direct database access allows: switch off the append-only trigger, change an
entry, recompute every later hash with the platform's own ``chain_hash``, move the chain head, and delete the
checkpoint rows. The one thing they cannot do is sign, so an outsider who kept the published checkpoints still
sees the rewrite. Runs on SQLite and PostgreSQL (``scripts/pg-test.sh``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings

from tongban import cli
from tongban.accounts.choices import Role
from tongban.accounts.testing import make_staff
from tongban.core.checkpoints import (
    CheckpointData,
    checkpoints_document,
    do_write_checkpoint,
    fetch_checkpoints,
    get_checkpoint_signer,
    parse_checkpoints,
    verify_checkpoints,
)
from tongban.core.choices import CheckpointBreak
from tongban.core.dbtriggers import install_ledger_triggers
from tongban.core.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from tongban.core.queries import verify_ledger
from tongban.core.services import append_ledger_entry, canonical_entry, chain_hash
from tongban.core.tests.checkpoint_signer import Ed25519Signer, b64url_decode, ed25519_signer

pytestmark = pytest.mark.django_db


@pytest.fixture
def signer() -> Iterator[Ed25519Signer]:
    with ed25519_signer() as registered:
        yield registered


def _append(count: int, start: int = 0) -> None:
    with transaction.atomic():
        for i in range(start, start + count):
            append_ledger_entry(
                actor=None,
                action="test.decided",
                object_type="cases.case",
                object_id=str(i),
                data={"decision": "approved", "n": i},
            )


def _download_checkpoints(client: Client, *, limit: int) -> list[dict[str, Any]]:
    """What an outsider does: page through the public endpoint and keep every page."""
    pages: list[dict[str, Any]] = []
    after = 0
    while True:
        response = client.get("/api/v1/ledger/checkpoints", {"after": after, "limit": limit})
        assert response.status_code == 200
        page = response.json()
        pages.append(page)
        if page["next_after"] is None:
            return pages
        after = page["next_after"]


def _rewrite_history_as_a_superuser(seq: int, data: dict[str, Any]) -> None:
    """Change entry ``seq`` and recompute the chain after it, with the append-only trigger switched off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's own open transaction still holds deferred foreign-key checks; a real rewriter works in a
            # later session where there are none.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE core_ledgerentry DISABLE TRIGGER core_ledgerentry_append_only")
        else:
            cursor.execute("DROP TRIGGER core_ledgerentry_no_update")
            cursor.execute("DROP TRIGGER core_ledgerentry_no_delete")
    LedgerEntry.objects.filter(seq=seq).update(data=data)
    prev_hash = LedgerEntry.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    for entry in LedgerEntry.objects.filter(seq__gte=seq).order_by("seq"):
        canonical = canonical_entry(
            seq=entry.seq,
            created_at=entry.created_at.isoformat(),
            actor_id=entry.actor_id,
            actor_label=entry.actor_label,
            action=entry.action,
            object_type=entry.object_type,
            object_id=entry.object_id,
            data=entry.data,
        )
        digest = chain_hash(prev_hash, canonical)
        LedgerEntry.objects.filter(seq=entry.seq).update(prev_hash=prev_hash, hash=digest)
        prev_hash = digest
    LedgerHead.objects.filter(id=1).update(hash=prev_hash)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_ledgerentry ENABLE TRIGGER core_ledgerentry_append_only")
    install_ledger_triggers(connection)


@override_settings(TONGBAN_CHECKPOINT_EVERY=5)
def test_a_superusers_rewrite_passes_the_chain_check_but_not_the_checkpoints(
    signer: Ed25519Signer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append(12)
    assert do_write_checkpoint() is not None  # the hourly one, at the head
    assert list(LedgerCheckpoint.objects.values_list("seq", flat=True)) == [5, 10, 12]
    kept = tmp_path / "kept-checkpoints.json"
    kept.write_text(json.dumps(_download_checkpoints(Client(), limit=2)), encoding="utf-8")
    assert len(parse_checkpoints(kept.read_bytes())) == 3
    assert cli.main(["ledger", "verify", "--checkpoints", str(kept)]) == 0

    _rewrite_history_as_a_superuser(7, {"decision": "refused", "n": 6})

    assert LedgerEntry.objects.get(seq=7).data == {"decision": "refused", "n": 6}
    chain = verify_ledger()
    assert chain.ok is True  # the recomputed chain is consistent …
    result = verify_checkpoints()
    assert result.ok is False  # … but no longer what the platform signed
    assert [(p.checkpoint.seq, p.reason, p.first_seq, p.last_seq) for p in result.problems] == [
        (10, CheckpointBreak.HASH_MISMATCH, 6, 10),
        (12, CheckpointBreak.HASH_MISMATCH, 6, 12),
    ]
    capsys.readouterr()
    assert cli.main(["ledger", "verify"]) == 1
    out, err = capsys.readouterr()
    assert "账本完整" in out  # the chain line still passes; the checkpoints fail
    assert "检查点 第 10 条" in err and "第 6–10 条之间" in err

    # The rewriter now also removes the checkpoint rows: the database alone no longer shows anything …
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE core_ledgercheckpoint DISABLE TRIGGER core_ledgercheckpoint_append_only"
            )
        else:
            cursor.execute("DROP TRIGGER core_ledgercheckpoint_no_delete")
        cursor.execute("DELETE FROM core_ledgercheckpoint")
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE core_ledgercheckpoint ENABLE TRIGGER core_ledgercheckpoint_append_only"
            )
    install_ledger_triggers(connection)
    assert verify_checkpoints().ok is True
    assert cli.main(["ledger", "verify"]) == 0
    # … but the checkpoints an outsider kept still do.
    capsys.readouterr()
    assert cli.main(["ledger", "verify", "--checkpoints", str(kept)]) == 1
    err = capsys.readouterr().err
    assert "第 6–10 条之间" in err and "已被删除" in err
    problems = verify_checkpoints(parse_checkpoints(kept.read_bytes())).problems
    assert {(p.checkpoint.seq, p.reason) for p in problems} == {
        (5, CheckpointBreak.NOT_IN_DATABASE),
        (10, CheckpointBreak.NOT_IN_DATABASE),
        (12, CheckpointBreak.NOT_IN_DATABASE),
        (10, CheckpointBreak.HASH_MISMATCH),
        (12, CheckpointBreak.HASH_MISMATCH),
    }


@override_settings(TONGBAN_CHECKPOINT_EVERY=5)
def test_a_rewrite_before_any_checkpoint_shows_nothing_but_one_after_it_is_caught(
    signer: Ed25519Signer,
) -> None:
    # Checkpoints vouch only for what they cover: entries after the last one are protected from the next one on.
    _append(7)
    _rewrite_history_as_a_superuser(6, {"decision": "refused"})
    assert verify_ledger().ok and verify_checkpoints().ok
    _rewrite_history_as_a_superuser(3, {"decision": "refused"})
    problems = verify_checkpoints().problems
    assert [(p.checkpoint.seq, p.first_seq, p.last_seq) for p in problems] == [(5, 1, 5)]


@override_settings(TONGBAN_CHECKPOINT_EVERY=2)
def test_the_checkpoints_are_public_and_paged(signer: Ed25519Signer) -> None:
    _append(6)
    client = Client()
    first = client.get("/api/v1/ledger/checkpoints", {"limit": 2})
    assert first.status_code == 200
    body = first.json()
    assert body["format"] == "tongban-ledger-checkpoint/1"
    assert [item["seq"] for item in body["items"]] == [2, 4]
    assert body["next_after"] == 4
    rest = client.get("/api/v1/ledger/checkpoints", {"after": 4}).json()
    assert [item["seq"] for item in rest["items"]] == [6]
    assert rest["next_after"] is None
    item = body["items"][0]
    assert set(item) == {"seq", "hash", "time", "platform", "kid", "alg", "signature"}
    assert item["hash"] == LedgerEntry.objects.get(seq=2).hash
    # An outsider verifies with nothing but the published fields and the platform's public key.
    data = CheckpointData(
        item["seq"], item["hash"], item["time"], item["platform"], item["kid"], item["alg"], item["signature"]
    )
    assert signer.verify(item["kid"], data.message(), item["signature"])
    for bad in ({"after": -1}, {"limit": 0}, {"limit": 1001}, {"after": "x"}):
        assert client.get("/api/v1/ledger/checkpoints", bad).status_code == 422


def test_the_signing_apps_signer_signs_and_verifies_checkpoints() -> None:
    # Once the signing app registers its signer at start-up, checkpoints carry its key; until then this is skipped.
    if get_checkpoint_signer() is None:
        pytest.skip("the signing app has not registered a checkpoint signer")
    _append(2)
    checkpoint = do_write_checkpoint()
    assert checkpoint is not None
    assert verify_checkpoints().ok
    item = CheckpointData.from_row(checkpoint)
    tampered = CheckpointData(
        item.seq, "0" * 64, item.time, item.platform, item.kid, item.alg, item.signature
    )
    assert CheckpointBreak.BAD_SIGNATURE in {p.reason for p in verify_checkpoints([tampered]).problems}
    document = checkpoints_document(fetch_checkpoints())
    assert document["items"][0]["kid"] == checkpoint.kid


@override_settings(TONGBAN_SIGNING_ALGORITHM="ed25519")
def test_an_outsider_verifies_a_checkpoint_with_the_published_jwks_alone() -> None:
    # What docs/ledger-checkpoints.md tells an outsider to do, with no Tongban code: JWKS + the canonical JSON.
    if get_checkpoint_signer() is None:
        pytest.skip("the signing app has not registered a checkpoint signer")
    _append(2)
    assert do_write_checkpoint() is not None
    client = Client()
    item = client.get("/api/v1/ledger/checkpoints").json()["items"][0]
    jwks = client.get("/api/v1/licenses/jwks.json").json()
    jwk = next(key for key in jwks["keys"] if key["kid"] == item["kid"])
    assert (jwk["kty"], jwk["crv"], item["alg"]) == ("OKP", "Ed25519", "EdDSA")
    message = json.dumps(
        {
            "format": "tongban-ledger-checkpoint/1",
            "hash": item["hash"],
            "platform": item["platform"],
            "seq": item["seq"],
            "time": item["time"],
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    public = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    public.verify(b64url_decode(item["signature"]), message)  # raises InvalidSignature if wrong
    with pytest.raises(InvalidSignature):
        public.verify(b64url_decode(item["signature"]), message.replace(b'"seq":2', b'"seq":3'))


@override_settings(TONGBAN_CHECKPOINT_EVERY=1000)
def test_the_supervisors_ledger_check_reports_the_failing_checkpoint(signer: Ed25519Signer) -> None:
    admin = make_staff("ckpt_sysadmin", Role.SYSTEM_ADMIN)
    client = Client()
    client.force_login(admin)
    _append(3)
    head = do_write_checkpoint()
    assert head is not None
    body = client.get("/api/v1/ledger/verify").json()
    assert (body["ok"], body["checkpoints_checked"], body["checkpoint_problems"]) == (True, 1, [])

    _rewrite_history_as_a_superuser(head.seq - 1, {"decision": "refused"})

    body = client.get("/api/v1/ledger/verify").json()
    assert body["ok"] is False
    assert body["first_broken_seq"] is None  # the chain itself is consistent again
    assert body["checkpoint_problems"] == [
        {
            "seq": head.seq,
            "reason": "hash_mismatch",
            "reason_label": "链头哈希不符",
            "first_seq": 1,
            "last_seq": head.seq,
        }
    ]
