"""Every message the case engine sends reads cleanly: no doubled punctuation, and codes stand alone."""

from __future__ import annotations

import re

from tongban.cases import services
from tongban.cases.events import CaseEvent
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, in_review_case, make_item, open_task, pdf, submitted_case
from tongban.cases.tests.helpers import walk_single
from tongban.notifications.models import OutboxMessage

DOUBLED = re.compile(r"[。，、；：！？,.;:!?]{2,}")
ALL_MODES = ("window", "post", "electronic")


def _every_kind_of_message(world: World) -> None:
    """Drive cases through every state change that writes to the applicant."""
    version = make_item(world.scjg, delivery_modes=ALL_MODES)
    # 不予受理 with reasons that end in their own punctuation.
    services.do_refuse_acceptance(
        submitted_case(world, version), actor=world.clerk, reasons=["材料不齐全。", "不属于本机关职权范围；"]
    )
    # 补正, then accepted, decided without a choice, the code sent at the window, handed out.
    case = submitted_case(world, version)
    services.do_request_correction(
        case, actor=world.clerk, problems=[(case.materials.get(), "复印件不清晰。")]
    )
    services.do_add_material(case, actor=world.citizen, file=pdf(), material=case.materials.get().material)
    services.do_resubmit_correction(case, actor=world.citizen)
    case = walk_single(world, services.do_accept_case(Case.objects.get(pk=case.pk), actor=world.clerk))
    services.do_send_pickup_code(case, actor=world.clerk)
    services.do_deliver_case(case, actor=world.clerk, mode="window", pickup_code=case.pickup_code)
    # Each delivery choice made before the decision.
    for mode, address in (("window", ""), ("post", "开封市鼓楼区1号。"), ("electronic", "")):
        case = in_review_case(world, version)
        services.do_choose_delivery(case, actor=world.citizen, mode=mode, address=address)
        case = walk_single(world, Case.objects.get(pk=case.pk))
        if mode == "post":
            services.do_deliver_case(case, actor=world.clerk, mode="post", tracking_number="SF1")
    # A refusal decision whose reasons end with a full stop, and a 即办件.
    case = in_review_case(world, version)
    services.do_complete_task(
        open_task(case, "review"), actor=world.reviewer, outcome="reject", opinion="场所不符。"
    )
    services.do_complete_task(open_task(case, "audit"), actor=world.approver, outcome="approve")
    services.do_decide_case(case, actor=world.approver2, approve=False, opinion="场所不符合要求。")
    immediate = submitted_case(world, make_item(world.scjg, promised_days=0))
    services.check_accept_after_prereview(immediate, actor=world.clerk, passed=[], decide_on_the_spot=True)


def test_no_message_has_doubled_punctuation(world: World) -> None:
    _every_kind_of_message(world)
    messages = list(OutboxMessage.objects.all())
    assert {m.event for m in messages} == set(CaseEvent.values), "every event is exercised"
    for message in messages:
        sms = f"【通办】{message.title}。{message.body}"  # as the SMS channel composes it
        assert not DOUBLED.search(sms), sms
        assert not DOUBLED.search(message.title + message.body), message.body


def test_the_pickup_code_stands_alone_so_log_masking_catches_it(world: World) -> None:
    _every_kind_of_message(world)
    ready = OutboxMessage.objects.filter(event=CaseEvent.READY_FOR_PICKUP)
    assert ready.exists()
    for message in ready:
        code = Case.objects.get(number=message.case_number).pickup_code
        assert re.search(rf"(?<![0-9]){code}(?![0-9])", message.body), message.body
    # No other message carries the code.
    for message in OutboxMessage.objects.exclude(event=CaseEvent.READY_FOR_PICKUP):
        code = Case.objects.get(number=message.case_number).pickup_code
        assert not code or code not in message.body, message.body
