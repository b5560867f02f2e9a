"""The signing services: keys, rotation, JWS signatures, the CA and seals, each with its ledger entry."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
import time_machine
from cryptography import x509
from django.db import transaction

from tongban.accounts.testing import make_department, make_region_tree
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry
from tongban.signing import crypto, queries, services
from tongban.signing.choices import Algorithm, KeyPurpose, SealKind
from tongban.signing.events import SigningLedgerAction as Action
from tongban.signing.models import CaCertificate, Seal, SigningKey
from tongban.signing.tests.factories import ledger_actions, make_system_admin

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def admin():  # type: ignore[no-untyped-def]
    return make_system_admin()


@pytest.mark.parametrize("algorithm", [Algorithm.ED25519, Algorithm.P256, Algorithm.SM2])
def test_generating_a_key_stores_it_and_writes_the_ledger(admin, algorithm) -> None:  # type: ignore[no-untyped-def]
    key = services.do_generate_key(algorithm, actor=admin)
    assert key.algorithm == algorithm and key.purpose == KeyPurpose.JWS and key.is_current
    assert key.kid.startswith(f"{algorithm}-") and key.public_jwk["kid"] == key.kid
    entry = LedgerEntry.objects.get(action=Action.KEY_GENERATED, object_id=str(key.pk))
    assert entry.data == {"kid": key.kid, "algorithm": algorithm, "purpose": "jws"} and entry.actor == admin


def test_a_second_current_key_is_refused_without_a_ledger_entry(admin) -> None:  # type: ignore[no-untyped-def]
    services.do_generate_key(Algorithm.ED25519, actor=admin)
    before = LedgerEntry.objects.count()
    with pytest.raises(DomainError) as info:
        services.do_generate_key(Algorithm.ED25519, actor=admin)
    assert info.value.code == "SIGNING_KEY_ALREADY_CURRENT"
    assert LedgerEntry.objects.count() == before and SigningKey.objects.count() == 1


def test_an_unknown_algorithm_is_refused(admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as info:
        services.do_generate_key("rsa", actor=admin)
    assert info.value.code == "SIGNING_UNKNOWN_ALGORITHM" and not SigningKey.objects.exists()


def test_current_key_creates_the_first_key_once(admin) -> None:  # type: ignore[no-untyped-def]
    first = services.current_key(Algorithm.P256, KeyPurpose.JWS)
    assert services.current_key(Algorithm.P256, KeyPurpose.JWS) == first
    assert ledger_actions(action=Action.KEY_GENERATED) == [Action.KEY_GENERATED]


@pytest.mark.parametrize("algorithm", [Algorithm.ED25519, Algorithm.P256, Algorithm.SM2])
def test_sign_jws_uses_the_configured_algorithm_and_ledgers_the_hash_only(admin, settings, algorithm) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_SIGNING_ALGORITHM = algorithm
    payload = {"holder": "王秀英", "id": "410202199001010018"}
    token = services.sign_jws(payload, actor=admin, purpose="license")
    check = queries.verify_jws(token)
    assert check.valid and check.payload == payload and check.header["typ"] == "JWT"
    key = SigningKey.objects.get(purpose=KeyPurpose.JWS)
    assert check.header["kid"] == key.kid and key.algorithm == algorithm
    entry = LedgerEntry.objects.get(action=Action.SIGNED)
    assert entry.actor == admin
    assert entry.data["purpose"] == "license" and entry.data["kid"] == key.kid
    assert entry.data["payload_sha256"] == hashlib.sha256(crypto.canonical_json(payload)).hexdigest()
    text = json.dumps(entry.data, ensure_ascii=False)
    assert "王秀英" not in text and "410202199001010018" not in text


def test_sign_jws_many_signs_each_payload_with_one_ledger_entry(admin) -> None:  # type: ignore[no-untyped-def]
    payloads = [{"n": i} for i in range(5)]
    tokens = services.sign_jws_many(payloads, actor=admin, purpose="stock_import")
    assert [queries.verify_jws(t).payload for t in tokens] == payloads
    entries = LedgerEntry.objects.filter(action=Action.SIGNED)
    assert entries.count() == 1
    digests = "".join(hashlib.sha256(crypto.canonical_json(p)).hexdigest() for p in payloads)
    assert entries.get().data["count"] == 5
    assert entries.get().data["payloads_sha256"] == hashlib.sha256(digests.encode()).hexdigest()


def test_sign_detached_writes_no_ledger_entry_and_verifies(admin) -> None:  # type: ignore[no-untyped-def]
    services.current_key(Algorithm.ED25519)
    before = LedgerEntry.objects.count()
    kid, alg, signature = services.sign_detached(b"checkpoint 1000 abc")
    assert LedgerEntry.objects.count() == before
    assert alg == "EdDSA" and kid == services.current_key(Algorithm.ED25519).kid
    assert queries.verify_detached(kid, b"checkpoint 1000 abc", signature)
    assert not queries.verify_detached(kid, b"checkpoint 1000 abd", signature)
    assert not queries.verify_detached("ed25519-" + "A" * 22, b"checkpoint 1000 abc", signature)
    assert not queries.verify_detached(kid, b"checkpoint 1000 abc", "!!!")


def test_sign_detached_makes_the_first_key_silently() -> None:
    kid, _alg, _sig = services.sign_detached(b"m")
    assert SigningKey.objects.get().kid == kid and not LedgerEntry.objects.exists()


def test_rotation_keeps_old_signatures_verifiable_and_signs_with_the_new_kid(admin) -> None:  # type: ignore[no-untyped-def]
    old_token = services.sign_jws({"v": 1}, actor=admin, purpose="license")
    old_kid = queries.verify_jws(old_token).header["kid"]
    new_key = services.do_rotate_key(Algorithm.ED25519, actor=admin)
    assert new_key.kid != old_kid
    assert SigningKey.objects.get(kid=old_kid).retired_at is not None
    old_check = queries.verify_jws(old_token)
    assert old_check.valid and old_check.payload == {"v": 1}
    new_token = services.sign_jws({"v": 2}, actor=admin, purpose="license")
    assert queries.verify_jws(new_token).header["kid"] == new_key.kid
    assert {k["kid"] for k in queries.jwks()["keys"]} == {old_kid, new_key.kid}
    entry = LedgerEntry.objects.get(action=Action.KEY_ROTATED)
    assert entry.data["previous_kid"] == old_kid and entry.data["kid"] == new_key.kid


@time_machine.travel(NOW, tick=False)
def test_the_root_ca_is_a_self_signed_p256_ca_made_once(admin) -> None:  # type: ignore[no-untyped-def]
    root = services.ensure_root_ca(actor=admin)
    assert services.ensure_root_ca(actor=admin) == root
    cert = x509.load_pem_x509_certificate(root.pem.encode())
    assert cert.issuer == cert.subject
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is True
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign is True
    assert cert.not_valid_before_utc < NOW < cert.not_valid_after_utc
    assert cert.not_valid_after_utc > NOW + dt.timedelta(days=365 * 19)
    cert.verify_directly_issued_by(cert)
    assert root.key.purpose == KeyPurpose.CA and root.key.algorithm == Algorithm.P256
    assert ledger_actions(action=Action.ROOT_CA_CREATED) == [Action.ROOT_CA_CREATED]
    assert queries.root_certificate_pem() == root.pem


@time_machine.travel(NOW, tick=False)
def test_the_city_approval_seal_signs_for_every_department(admin) -> None:  # type: ignore[no-untyped-def]
    scjg = make_department()
    lankao = make_department("兰考县市场监督管理局", region=make_region_tree().lankao)
    seal = services.ensure_seal(scjg, actor=admin)
    assert services.ensure_seal(lankao, actor=admin) == seal
    assert services.ensure_seal(None, actor=admin) == seal
    assert seal.department is None and seal.kind == SealKind.APPROVAL
    assert seal.name == "开封市行政审批专用章"
    assert "开" in seal.svg and "行政审批专用章" in seal.svg
    assert seal.key.algorithm == Algorithm.P256 and seal.key.purpose == KeyPurpose.SEAL
    assert seal.valid_from <= NOW < seal.valid_until
    entry = LedgerEntry.objects.get(action=Action.SEAL_CREATED)
    assert entry.data["name"] == seal.name and entry.data["kid"] == seal.key.kid
    assert Seal.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_without_the_approval_seal_each_department_has_its_own(admin, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_APPROVAL_SEAL = False
    scjg = make_department()
    lankao = make_department("兰考县市场监督管理局", region=make_region_tree().lankao)
    first, second = services.ensure_seal(scjg, actor=admin), services.ensure_seal(lankao, actor=admin)
    assert first != second and services.ensure_seal(scjg, actor=admin) == first
    assert (first.department, first.kind, first.name) == (scjg, SealKind.DEPARTMENT, scjg.name)
    assert second.name == "兰考县市场监督管理局"


@time_machine.travel(NOW, tick=False)
def test_the_seal_certificate_is_issued_by_the_root_for_signing(admin) -> None:  # type: ignore[no-untyped-def]
    seal = services.ensure_seal(make_department(), actor=admin)
    cert = x509.load_pem_x509_certificate(seal.certificate_pem.encode())
    root = x509.load_pem_x509_certificate(queries.root_certificate_pem().encode())
    cert.verify_directly_issued_by(root)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == seal.name
    assert cert.not_valid_before_utc < NOW < cert.not_valid_after_utc
    assert CaCertificate.objects.filter(is_root=False, pem=seal.certificate_pem).exists()


def test_an_expired_seal_is_replaced(admin) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False):
        old = services.ensure_seal(None, actor=admin)
    with time_machine.travel(old.valid_until + dt.timedelta(days=1), tick=False):
        new = services.ensure_seal(None, actor=admin)
    old.refresh_from_db()
    assert new != old and old.retired_at is not None and new.key != old.key
    assert new.valid_from > old.valid_until - dt.timedelta(days=1)


def test_signing_rolls_back_with_the_callers_transaction(admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), transaction.atomic():
        services.sign_jws({"a": 1}, actor=admin, purpose="license")
        raise RuntimeError
    assert not LedgerEntry.objects.filter(action=Action.SIGNED).exists()
    assert not SigningKey.objects.exists()
