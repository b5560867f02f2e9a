"""Window intake links a case to an online account only when that account's identity is verified (ISSUE 7 §1):
typing someone else's ID number at registration never hands over their window cases."""

from __future__ import annotations

from django.utils import timezone

from tongban.accounts.choices import IdentityLevel
from tongban.accounts.testing import make_citizen, make_id_number
from tongban.cases import services
from tongban.cases.models import Case
from tongban.cases.queries import get_public_progress
from tongban.cases.tests.factories import World, make_item
from tongban.notifications.models import OutboxMessage


def _intake(world: World, id_number: str, name: str, phone: str = "13903781111") -> Case:
    version = make_item(world.scjg, materials=())
    return services.do_window_intake(
        actor=world.clerk, version=version, id_number=id_number, name=name, phone=phone
    )


def test_an_unverified_account_holding_the_number_does_not_get_the_window_case(world: World) -> None:
    number = make_id_number("window-victim")
    impostor = make_citizen("impostor", "冒名者", id_number=number)
    assert impostor.identity_level == IdentityLevel.UNVERIFIED
    case = _intake(world, number, "孙桂兰")
    assert case.applicant_user is None and case.agent is None
    assert (case.applicant_name, case.applicant_id_number, case.contact_phone) == (
        "孙桂兰",
        number,
        "13903781111",
    )
    assert not Case.objects.for_applicant(impostor).filter(pk=case.pk).exists()
    # The applicant hears by SMS at the phone given at the window; nothing goes to the impostor or the clerk.
    services.do_accept_case(case, actor=world.clerk)
    messages = OutboxMessage.objects.filter(case_number=case.number)
    assert messages.exists() and {(m.recipient_id, m.phone, m.channel) for m in messages} == {
        (None, "13903781111", "sms")
    }
    # …and follows the case with its number and query code.
    assert get_public_progress(case.number, case.query_code)["number"] == case.number


def test_a_verified_account_with_the_same_name_is_linked(world: World) -> None:
    number = make_id_number("window-verified")
    holder = make_citizen("verified_holder", "孙桂兰", id_number=number)
    holder.identity_level, holder.identity_verified_at = IdentityLevel.REAL_NAME, timezone.now()
    holder.save(update_fields=["identity_level", "identity_verified_at"])
    case = _intake(world, number, "孙桂兰")
    assert case.applicant_user == holder
    assert Case.objects.for_applicant(holder).filter(pk=case.pk).exists()


def test_a_verified_account_with_another_name_is_not_linked(world: World) -> None:
    number = make_id_number("window-mismatch")
    holder = make_citizen("other_name", "李四", id_number=number)
    holder.identity_level, holder.identity_verified_at = IdentityLevel.REAL_NAME, timezone.now()
    holder.save(update_fields=["identity_level", "identity_verified_at"])
    case = _intake(world, number, "孙桂兰")
    assert case.applicant_user is None and case.applicant_name == "孙桂兰"


def test_a_new_person_gets_a_window_confirmed_account(world: World) -> None:
    number = make_id_number("window-new-person")
    case = _intake(world, number, "周建华")
    person = case.applicant_user
    assert (
        person is not None and person.identity_level == IdentityLevel.WINDOW and person.real_name == "周建华"
    )
    assert not person.has_usable_password()


def test_a_proxy_for_an_unlinkable_principal_files_under_the_principal_named_at_the_window(
    world: World,
) -> None:
    principal_number = make_id_number("window-principal")
    make_citizen("principal_impostor", "冒名者", id_number=principal_number)
    version = make_item(world.scjg, materials=())
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("window-proxy"),
        name="王小明",
        principal_id_number=principal_number,
        principal_name="王老太",
        authorization_note="授权委托书原件已核验",
    )
    assert case.applicant_user is None and case.applicant_name == "王老太"
    assert case.applicant_id_number == principal_number
    assert case.agent is not None and case.agent.real_name == "王小明" and case.authorization is None
