"""Verifying a licence payload or a presentation: signature and current status reported separately."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import KeySet

from tongban.cases.tests.factories import at
from tongban.licenses import services
from tongban.licenses.models import Presentation
from tongban.licenses.queries import verify_payload
from tongban.licenses.tests.factories import issue_license, verify
from tongban.signing.queries import jwks

pytestmark = pytest.mark.django_db

NOW = at("2026-03-02 10:00")


@pytest.fixture
def lic(world, license_type):  # type: ignore[no-untyped-def]
    verify(world.citizen)
    return issue_license(world, license_type, now=NOW)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _tamper_claims(token: str, **changes: object) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    return ".".join([header, _b64(json.dumps(claims).encode()), signature])


def test_a_valid_licence_reads_valid(lic) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(at("2026-03-03 10:00"), tick=False):
        check = verify_payload(lic.payload)
    assert (check.signature, check.status) == ("valid", "valid")
    assert check.status_label == "签名有效，证照有效"
    assert check.identifier == lic.identifier and check.current_identifier == lic.identifier
    assert check.holder["name"] == "王*英" and check.face["shop_name"] == "汴梁小吃店"
    assert not check.is_presentation and check.presentation_expires_at is None


def test_a_revoked_licence_has_a_valid_signature_and_reads_revoked(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_revoke_license(
        lic, actor=world.approver, reason="以欺骗手段取得", legal_basis="《行政许可法》第六十九条"
    )
    check = verify_payload(lic.payload)
    assert (check.signature, check.status) == ("valid", "revoked")
    assert check.status_label == "签名有效，证照已撤销"


def test_a_suspended_licence_reads_suspended(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_suspend_license(lic, actor=world.approver, reason="调查")
    assert verify_payload(lic.payload).status_label == "签名有效，证照已暂停"


def test_a_licence_past_its_validity_reads_expired(lic) -> None:  # type: ignore[no-untyped-def]
    assert str(lic.valid_until) == "2031-03-01"
    with time_machine.travel(at("2031-03-01 23:00"), tick=False):
        assert verify_payload(lic.payload).status == "valid"
    with time_machine.travel(at("2031-03-02 08:00"), tick=False):
        check = verify_payload(lic.payload)
    assert (check.signature, check.status, check.status_label) == ("valid", "expired", "签名有效，证照已过期")
    assert lic.state == "valid"  # expired is derived, never stored


def test_a_superseded_licence_points_at_the_current_version(world, lic) -> None:  # type: ignore[no-untyped-def]
    new = services.do_correct_license(
        lic, actor=world.approver, face={**lic.face, "shop_name": "新名称"}, reason="更正"
    )
    check = verify_payload(lic.payload)
    assert (check.signature, check.status) == ("valid", "superseded")
    assert check.current_identifier == new.identifier and "更正" in check.status_label


@pytest.mark.parametrize(
    "change", [{"lid": "1.2.156.3005.2.x"}, {"valid_until": "2099-12-31"}, {"ver": "002"}]
)
def test_a_tampered_payload_is_invalid(lic, change) -> None:  # type: ignore[no-untyped-def]
    check = verify_payload(_tamper_claims(lic.payload, **change))
    assert (check.signature, check.status, check.status_label) == ("invalid", "", "签名无效")
    assert check.face == {} and check.identifier == ""


def test_a_changed_signature_is_invalid(lic) -> None:  # type: ignore[no-untyped-def]
    header, payload, signature = lic.payload.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    assert verify_payload(f"{header}.{payload}.{flipped}").signature == "invalid"


@pytest.mark.parametrize(
    "token",
    ["", " ", "garbage", "a.b.c", "...", "x" * 4001, None, 42, "eyJ.eyJ.", "\x00.\x00.\x00", "\ud800.a.b"],
)
def test_garbage_is_invalid_and_never_raises(db, token) -> None:  # type: ignore[no-untyped-def]
    check = verify_payload(token)
    assert check.signature == "invalid" and check.status_label == "签名无效"


def test_a_truncated_payload_is_invalid(lic) -> None:  # type: ignore[no-untyped-def]
    for cut in (1, 10, len(lic.payload) // 2, len(lic.payload) - 1):
        assert verify_payload(lic.payload[:cut]).signature == "invalid"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(lic, text: str) -> None:  # type: ignore[no-untyped-def]
    assert verify_payload(text).signature in ("valid", "invalid")


def test_a_presentation_verifies_for_five_minutes(world, lic) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(at("2026-03-05 10:00"), tick=False):
        token = services.do_present_license(lic, actor=world.citizen)
        check = verify_payload(token)
    assert check.is_presentation and (check.signature, check.status) == ("valid", "valid")
    assert check.presentation_expires_at == at("2026-03-05 10:05")
    assert not check.presentation_expired and check.face["shop_name"] == "汴梁小吃店"
    row = Presentation.objects.get(license=lic)
    assert row.expires_at == at("2026-03-05 10:05") and row.created_by == world.citizen
    # Shown again within the five minutes: still valid.
    with time_machine.travel(at("2026-03-05 10:04"), tick=False):
        assert not verify_payload(token).presentation_expired


def test_a_replayed_presentation_after_five_minutes_reads_expired(world, lic) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(at("2026-03-05 10:00"), tick=False):
        token = services.do_present_license(lic, actor=world.citizen)
    with time_machine.travel(at("2026-03-05 10:05") + timedelta(seconds=1), tick=False):
        check = verify_payload(token)
    assert check.signature == "valid" and check.presentation_expired
    assert "展示码已过期" in check.status_label and check.face == {}


def test_a_presentation_wrapping_a_tampered_payload_is_invalid(world, lic) -> None:  # type: ignore[no-untyped-def]
    token = services.do_present_license(lic, actor=world.citizen)
    check = verify_payload(_tamper_claims(token, lic=_tamper_claims(lic.payload, ver="009")))
    assert check.signature == "invalid"


def test_a_revoked_licence_cannot_be_presented(world, lic) -> None:  # type: ignore[no-untyped-def]
    services.do_revoke_license(lic, actor=world.approver, reason="r", legal_basis="b")
    with pytest.raises(Exception) as caught:
        services.do_present_license(lic, actor=world.citizen)
    assert getattr(caught.value, "code", "") == "LICENSE_NOT_USABLE"
    assert not Presentation.objects.exists()


def test_the_payload_verifies_offline_with_joserfc_against_the_jwks(lic, world) -> None:  # type: ignore[no-untyped-def]
    key_set = KeySet.import_key_set(jwks())  # type: ignore[arg-type]
    signature = jws.deserialize_compact(lic.payload, key_set, algorithms=["EdDSA", "ES256"])
    claims = json.loads(signature.payload)
    assert claims["lid"] == lic.identifier and claims["iss"] == world.scjg.credit_code
    presentation = jws.deserialize_compact(
        services.do_present_license(lic, actor=world.citizen), key_set, algorithms=["EdDSA", "ES256"]
    )
    assert json.loads(presentation.payload)["lic"] == lic.payload
    from joserfc.errors import BadSignatureError

    with pytest.raises(BadSignatureError):
        jws.deserialize_compact(
            _tamper_claims(lic.payload, ver="002"), key_set, algorithms=["EdDSA", "ES256"]
        )
