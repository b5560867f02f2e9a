"""Window intake: the clerk takes in an application for the person present."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.tests.factories import (
    World,
    make_item,
    pdf,
)
from tongban.cases.tests.helpers import refused


def test_window_intake_creates_a_passwordless_applicant_and_accepts_on_receipt(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, accept_on_receipt=True)
    id_number = make_id_number("window-person")
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=id_number,
        name="张大爷",
        files=[(version.materials.get(), pdf())],
        originals_checked=True,
    )
    assert case.channel == "window" and case.intake_clerk == world.clerk
    assert case.applicant_user.id_number == id_number and not case.applicant_user.has_usable_password()
    assert case.materials.get().originals_checked
    assert case.state == CaseState.IN_REVIEW and case.accepted_at is not None


def test_window_intake_for_a_principal_records_the_proxy(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, materials=())
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("proxy-son"),
        name="王小明",
        principal_id_number=make_id_number("elderly-mother"),
        principal_name="王老太",
        authorization_note="授权委托书原件已核验",
    )
    assert case.applicant_user.real_name == "王老太" and case.agent.real_name == "王小明"
    assert case.authorization.principal == case.applicant_user
    assert case.state == CaseState.SUBMITTED


def test_window_intake_refuses_a_bad_id_number(world: World) -> None:
    version = make_item(world.scjg, materials=())
    refused(
        "ID_NUMBER_INVALID",
        services.do_window_intake,
        actor=world.clerk,
        version=version,
        id_number="123",
        name="x",
    )
    assert not Case.objects.exists()


def test_a_township_clerk_cannot_take_in_a_city_item(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = make_item(world.scjg, materials=())
    refused(
        "ITEM_NOT_AVAILABLE",
        services.do_window_intake,
        actor=world.clerk_township,
        version=version,
        id_number=make_id_number("x"),
        name="x",
    )
    assert not Case.objects.exists()
