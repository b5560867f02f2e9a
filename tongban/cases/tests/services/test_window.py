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
from tongban.cases.tests.helpers import refused, walk_single
from tongban.core.models import LedgerEntry


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


# --- an enterprise applies at the window through its 经办人 ----------------------------------------------------------


def _enterprise_item(world: World, **extra: object) -> object:
    from tongban.catalog.models import ItemVersion

    version = make_item(world.scjg, materials=(), **extra)  # type: ignore[arg-type]
    ItemVersion.objects.filter(pk=version.pk).update(service_objects=["2", "6"])
    return ItemVersion.objects.get(pk=version.pk)


def test_for_an_enterprise_the_enterprise_is_the_applicant_and_the_person_its_agent(world: World) -> None:
    from tongban.accounts.testing import make_id_number
    from tongban.core.validators import make_credit_code

    version = _enterprise_item(world)
    code = make_credit_code("91410200MA9WKN012")
    person_id = make_id_number("window-agent")
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=person_id,
        name="钱经办",
        enterprise_credit_code=code.lower(),
        enterprise_name="开封市汴河餐饮有限公司",
        authorization_note="法定代表人签署的授权委托书已核验",
    )
    assert case.applicant_kind == "enterprise" and case.applicant_user is None
    assert case.enterprise.credit_code == code and case.enterprise.name == "开封市汴河餐饮有限公司"
    assert (case.applicant_name, case.applicant_id_number) == ("开封市汴河餐饮有限公司", code)
    assert case.agent.id_number == person_id and case.authorization.enterprise == case.enterprise
    assert case.authorization.valid_until is not None
    assert case.authorization.document_note == "法定代表人签署的授权委托书已核验"
    receipt = case.notices.get(kind="receipt")
    assert receipt.content["applicant"] == "开封市汴河餐饮有限公司"
    assert LedgerEntry.objects.filter(
        action="accounts.agent_authorized", object_id=str(case.authorization.pk)
    ).exists()


def test_an_existing_authorisation_of_the_agent_is_kept_as_it_is(world: World) -> None:
    from tongban.accounts.choices import IdentityLevel

    # The 经办人's account is real-name verified, so the window may link the case to it (test_window_identity).
    type(world.agent).objects.filter(pk=world.agent.pk).update(identity_level=IdentityLevel.REAL_NAME)
    world.agent.refresh_from_db()
    version = _enterprise_item(world)
    before = world.agent.authorizations.get(enterprise=world.enterprise)
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=world.agent.id_number,
        name=world.agent.real_name,
        enterprise_credit_code=world.enterprise.credit_code,
        enterprise_name=world.enterprise.name,
    )
    assert case.enterprise == world.enterprise and case.agent == world.agent
    assert case.authorization == before
    before.refresh_from_db()
    assert before.valid_until is None  # not shortened to the window's one year


def test_an_enterprise_item_needs_the_enterprise_and_a_known_code_needs_its_name(world: World) -> None:
    from tongban.accounts.testing import make_id_number

    version = _enterprise_item(world)
    person = {"actor": world.clerk, "version": version, "id_number": make_id_number("w-a"), "name": "钱经办"}
    refused("ENTERPRISE_REQUIRED", services.do_window_intake, **person)
    refused("CREDIT_CODE_INVALID", services.do_window_intake, **person, enterprise_credit_code="91410200MA9TEQ007B",
            enterprise_name="某公司")  # fmt: skip
    error = refused("ENTERPRISE_NAME_MISMATCH", services.do_window_intake, **person,
                    enterprise_credit_code=world.enterprise.credit_code, enterprise_name="开封市别的公司")  # fmt: skip
    assert world.enterprise.name in str(error.message)
    assert not Case.objects.exists()


def test_an_item_only_for_natural_persons_refuses_an_enterprise(world: World) -> None:
    from tongban.accounts.testing import make_id_number
    from tongban.catalog.models import ItemVersion

    version = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=version.pk).update(service_objects=["1"])
    refused(
        "ENTERPRISE_NOT_SERVED",
        services.do_window_intake,
        actor=world.clerk,
        version=ItemVersion.objects.get(pk=version.pk),
        id_number=make_id_number("w-b"),
        name="钱经办",
        enterprise_credit_code=world.enterprise.credit_code,
        enterprise_name=world.enterprise.name,
    )
    assert not Case.objects.exists()


def test_every_notice_and_the_decision_are_addressed_to_the_enterprise(world: World) -> None:
    from tongban.accounts.testing import make_id_number
    from tongban.cases.documents.notices import notice_context

    version = _enterprise_item(world, accept_on_receipt=True)
    case = services.do_window_intake(
        actor=world.clerk,
        version=version,
        id_number=make_id_number("w-c"),
        name="钱经办",
        enterprise_credit_code=world.enterprise.credit_code,
        enterprise_name=world.enterprise.name,
    )
    case = walk_single(world, case)
    kinds = set()
    for notice in case.notices.all():
        context = notice_context(notice)
        assert context["applicant_name"] == world.enterprise.name, notice.kind
        assert context["applicant_id"] == world.enterprise.credit_code  # a credit code is public, not masked
        kinds.add(notice.kind)
    assert kinds == {"receipt", "acceptance", "decision"}
    assert case.decision.decided_by == world.approver2


def test_the_timeline_says_which_window_and_clerk_filed_the_case(world: World) -> None:
    from tongban.accounts.testing import make_id_number
    from tongban.cases import queries

    version = make_item(world.scjg, materials=())
    case = services.do_window_intake(
        actor=world.clerk, version=version, id_number=make_id_number("w-d"), name="张大爷"
    )
    staff = queries.fetch_case_timeline(case)[0]
    assert staff.action_label == "窗口收件" and world.clerk.display_name in staff.detail
    plain = queries.plain_timeline(case)[0]
    assert plain.action_label == "窗口代为申请" and world.clerk.display_name not in plain.detail
