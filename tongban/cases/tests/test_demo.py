"""The demo cases: made relative to the day they are loaded, and every open one can be finished with the README's
demo logins (issue 7 §4 "Demo").

The demo city is loaded once per date (module-scoped, inside a transaction rolled back afterwards) at two dates far
apart, with the clock frozen there. Each test runs in its own savepoint, so walking the cases changes nothing for the
next test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from tongban.accounts.access import user_has_role
from tongban.accounts.demo import DEMO_USERNAMES
from tongban.accounts.models import User
from tongban.cases import services
from tongban.cases.choices import CaseState, NoticeKind, TaskKind, TaskOutcome
from tongban.cases.models import Case, CaseTask
from tongban.cases.queries import fetch_cases_for_supervision, plain_timeline
from tongban.cases.queries.timeline import entry_time
from tongban.cases.transitions import ACTIVE_TASK_STATES, FINAL
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Two load days far apart (a Tuesday in summer, a Monday in late autumn), neither near a holiday.
LOAD_DAYS = (date(2027, 6, 15), date(2028, 11, 20))
DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=SHANGHAI)


@pytest.fixture(scope="module", params=LOAD_DAYS, ids=[d.isoformat() for d in LOAD_DAYS])
def demo_day(request, django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[date]:  # type: ignore[no-untyped-def]
    """The demo city loaded on one of :data:`LOAD_DAYS` (rolled back after the module's tests of that day)."""
    day: date = request.param
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    media = tmp_path_factory.mktemp(f"demo-{day.isoformat()}")
    with (
        django_db_blocker.unblock(),
        override_settings(TONGBAN_DEMO=True, MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast),
        time_machine.travel(_moment(day, 9), tick=False),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield day
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            from tongban.core import calendar

            calendar._cache.clear()


@pytest.fixture
def on_demo_day(demo_day: date, db, settings, tmp_path) -> Iterator[date]:  # type: ignore[no-untyped-def]
    """The clock frozen on the demo's load day for one test."""
    settings.TONGBAN_DEMO = True
    with time_machine.travel(_moment(demo_day, 11), tick=False):
        yield demo_day


def _demo_cases() -> list[Case]:
    return list(Case.objects.filter(idempotency_key__startswith="demo-").order_by("id"))


def test_the_demo_is_dated_relative_to_the_day_it_is_loaded(on_demo_day: date) -> None:
    cases = _demo_cases()
    states = Counter(c.state for c in cases)
    assert set(states) == {
        CaseState.DRAFT,
        CaseState.SUBMITTED,
        CaseState.CORRECTION_REQUESTED,
        CaseState.IN_REVIEW,
        CaseState.SPECIAL_PROCEDURE,
        CaseState.DECIDED,
        CaseState.CLOSED,
        CaseState.NOT_ACCEPTED,
        CaseState.WITHDRAWN,
    }, states
    for case in cases:
        if case.submitted_at is not None:
            age = on_demo_day - timezone.localdate(case.submitted_at)
            assert 0 <= age.days <= 21, (case, case.submitted_at)  # weeks before the load day, never years
    supervisor = User.objects.get(username="supervisor")
    _cases, levels = fetch_cases_for_supervision(supervisor)
    assert levels["red"] >= 1 and levels["yellow"] >= 1 and levels["green"] >= 1, levels


def test_the_demo_timelines_agree_with_the_notice_dates(on_demo_day: date) -> None:
    checked = 0
    for case in _demo_cases():
        days = {timezone.localdate(e.time) for e in plain_timeline(case)}
        for notice in case.notices.all():
            assert timezone.localdate(notice.created_at) in days, (case, notice)
            checked += 1
        entries = LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk))
        assert all(entry_time(e) <= timezone.now() for e in entries)
    assert checked >= 15


def test_the_demo_has_no_placeholder_text(on_demo_day: date) -> None:
    for case in _demo_cases():
        assert "演示：" not in str(case.form_data), case.form_data


# --- walking every open case to its end with the README's logins --------------------------------------------------


def _logins() -> list[Any]:
    return list(User.objects.filter(username__in=DEMO_USERNAMES).order_by("username"))


def _applicant_side(case: Case) -> Any:
    return case.agent or case.applicant_user


def _complete(task: CaseTask, logins: list[Any]) -> None:
    """Complete ``task`` (approving) as the first demo login that may, skipping who did the step before."""
    candidates = [u for u in logins if user_has_role(u, task.role, department=task.department)]
    assert candidates, f"no demo login holds {task.role} in {task.department} for {task}"
    for user in candidates:
        try:
            services.do_complete_task(task, actor=user, outcome=TaskOutcome.APPROVE, opinion="同意")
        except DomainError as exc:
            if exc.code == "SAME_PERSON_CONSECUTIVE_STEPS":
                continue
            raise
        return
    raise AssertionError(f"every demo login for {task} took the step before it")


def _step(case: Case, logins: list[Any], clerk: Any) -> None:
    """Move ``case`` one stage on, as the people who would."""
    applicant = _applicant_side(case)
    if case.state == CaseState.DRAFT:
        services.do_submit_case(case, actor=applicant)
    elif case.state == CaseState.SUBMITTED:
        services.do_accept_case(case, actor=clerk)
    elif case.state == CaseState.CORRECTION_REQUESTED:
        notice = case.notices.filter(kind=NoticeKind.CORRECTION).latest("created_at")
        for problem in notice.content["problems"]:
            material = case.version.materials.filter(pk=problem.get("material_id") or 0).first()
            services.do_add_material(case, actor=applicant, file=ContentFile(DEMO_PDF, name="补正.pdf"),
                                     material=material, name=problem["name"])  # fmt: skip
        services.do_resubmit_correction(case, actor=applicant)
    elif case.state == CaseState.SPECIAL_PROCEDURE:
        reviewer = next(u for u in logins if user_has_role(u, "reviewer", department=case.department))
        services.do_finish_special_procedure(case, actor=reviewer, result="现场核查合格")
    elif case.state == CaseState.IN_REVIEW:
        task = case.tasks.filter(state__in=ACTIVE_TASK_STATES, kind=TaskKind.FLOW).order_by("id").first()
        assert task is not None, f"{case} is in review without an open task"
        _complete(task, logins)
    elif case.state == CaseState.DECIDED:
        if not case.pickup_code_sent_at:
            services.do_choose_delivery(case, actor=applicant, mode="window")
        case.refresh_from_db()
        if case.state == CaseState.DECIDED:
            services.do_deliver_case(case, actor=clerk, mode=case.requested_delivery_mode or "window",
                                     pickup_code=case.pickup_code, tracking_number="SF0001")  # fmt: skip
    else:
        raise AssertionError(f"{case} is stuck in {case.state}")


def test_every_open_demo_case_can_be_finished_with_the_demo_logins(on_demo_day: date) -> None:
    from tongban.core.queries import verify_ledger

    logins = _logins()
    clerk = User.objects.get(username="clerk")
    open_cases = [
        c for c in _demo_cases() if c.state not in FINAL or c.tasks.filter(state__in=ACTIVE_TASK_STATES)
    ]
    assert len(open_cases) >= 9
    for case in open_cases:
        for _move in range(20):
            case = Case.objects.get(pk=case.pk)
            if case.state in FINAL:
                break
            _step(case, logins, clerk)
        case = Case.objects.get(pk=case.pk)
        assert case.state == CaseState.CLOSED, (case, case.state)
        for task in case.tasks.filter(state__in=ACTIVE_TASK_STATES).order_by("id"):  # 告知承诺 事后核查
            _complete(task, logins)
        assert not case.tasks.filter(state__in=ACTIVE_TASK_STATES).exists(), case
    assert verify_ledger().ok
