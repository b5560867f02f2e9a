"""Special procedures and extensions stop or move the clock."""

from __future__ import annotations

from tongban.cases import services
from tongban.cases.choices import CaseState, NoticeKind
from tongban.cases.models import Notice
from tongban.cases.tests.factories import (
    World,
    in_review_case,
    make_item,
    open_task,
)
from tongban.cases.tests.helpers import refused


def test_a_special_procedure_stops_the_clock_and_blocks_task_completion(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    interval = services.do_start_special_procedure(
        case, actor=world.reviewer, kind="site_inspection", reason="需现场核查", expected_days=3
    )
    case.refresh_from_db()
    assert case.state == CaseState.SPECIAL_PROCEDURE and interval.ended_at is None
    assert Notice.objects.filter(case=case, kind=NoticeKind.SPECIAL_PROCEDURE).exists()
    refused(
        "CASE_INVALID_STATE",
        services.do_complete_task,
        open_task(case, "review"),
        actor=world.reviewer,
        outcome="approve",
    )
    case = services.do_finish_special_procedure(case, actor=world.reviewer, result="现场符合")
    assert case.state == CaseState.IN_REVIEW


def test_an_unknown_special_procedure_is_refused(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    refused(
        "INVALID_CHOICE",
        services.do_start_special_procedure,
        case,
        actor=world.reviewer,
        kind="magic",
        reason="x",
        expected_days=1,
    )
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and not case.clock_intervals.exists()


def test_extensions_are_capped_at_ten_days_and_decided_by_a_supervisor(world: World) -> None:
    case = in_review_case(world, make_item(world.scjg))
    deadline = case.deadline
    refused(
        "EXTENSION_TOO_LONG",
        services.do_request_extension,
        case,
        actor=world.reviewer,
        days=11,
        reason="复杂",
    )
    extension = services.do_request_extension(case, actor=world.reviewer, days=5, reason="情况复杂")
    refused("CASE_NOT_FOUND", services.do_decide_extension, extension, actor=world.reviewer, approve=True)
    refused(
        "CASE_NOT_FOUND",
        services.do_decide_extension,
        extension,
        actor=world.supervisor_xiangfu,
        approve=True,
    )
    extension.refresh_from_db()
    assert extension.state == "pending"
    services.do_decide_extension(extension, actor=world.supervisor, approve=True, note="同意")
    case.refresh_from_db()
    assert case.deadline > deadline
    assert Notice.objects.filter(case=case, kind=NoticeKind.EXTENSION).exists()
    refused(
        "EXTENSION_ALREADY_DECIDED",
        services.do_decide_extension,
        extension,
        actor=world.supervisor,
        approve=False,
    )
    refused(
        "EXTENSION_TOO_LONG", services.do_request_extension, case, actor=world.reviewer, days=6, reason="再延"
    )
