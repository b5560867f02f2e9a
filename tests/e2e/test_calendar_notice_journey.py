"""System administrator journey: warned that next year is provisional, pastes the State Council notice, checks
the preview (twelve months beside the statutory days, the flags), fixes a typo the page points at, and confirms.

No JavaScript is needed anywhere on the way (the page is plain forms); the journey runs with it disabled."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine

NOTICE = (Path(__file__).parents[2] / "tongban/core/tests/notices/2027-test.txt").read_text(encoding="utf-8")
# Any day from 1 October while next year has no notice shows the banner; a far date keeps the browser's cookie
# clock (the real one) before the session's expiry.
WHEN = "2098-10-15 09:00 +0800"
# The notice form lives in Django's admin (system administrators only), whose own chrome axe would score; the
# portal page with the banner is checked.
ADMIN_PAGE = "Django's admin site, styled by Django, for system administrators"


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:  # type: ignore[type-arg]
    return {**browser_context_args, "java_script_enabled": False}


def test_system_admin_enters_the_holiday_notice(page, live_server, transactional_db, shot, axe):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from tongban.core.calendar import add_working_days_info
    from tongban.core.models import CalendarYear, LedgerEntry

    with time_machine.travel(WHEN, tick=True):
        CalendarYear.objects.create(
            year=2098, source="测试：本年度已录入"
        )  # so the banner is about next year
        get_user_model().objects.create_superuser(
            "sysadmin_e2e", "sysadmin_e2e@example.invalid", "x-pass-123"
        )
        page.goto(f"{live_server.url}/django-admin/login/?next=/")
        page.fill("#id_username", "sysadmin_e2e")
        page.fill("#id_password", "x-pass-123")
        page.click("input[type=submit]")
        page.wait_for_load_state("networkidle")
        axe.skip(page, why=ADMIN_PAGE)

        # The banner on the portal names the provisional year and links to the notice page.
        page.goto(f"{live_server.url}/")
        banner = page.locator("#calendar-warning")
        assert "尚未录入2099年的放假通知" in banner.inner_text()
        shot("calendar-01-banner")
        axe(page)
        banner.locator("a").click()
        page.wait_for_load_state("networkidle")
        assert page.locator("#notice-form").count() == 1

        # A typo: the page names the line, highlights it and keeps the text.
        page.fill("#id_text", NOTICE.replace("5月8日（周六）上班", "5月8日（周六）上斑"))
        page.click("#notice-preview-button")
        page.wait_for_load_state("networkidle")
        assert "第6行无法识别" in page.inner_text("#content-main")
        assert "上斑" in page.locator("#notice-bad-line").inner_text()
        shot("calendar-02-unreadable-line")
        axe.skip(page, why=ADMIN_PAGE)

        # Fixed: the preview shows the year, the statutory days beside it and what changes; nothing saved yet.
        page.fill("#id_text", NOTICE)
        page.click("#notice-preview-button")
        page.wait_for_load_state("networkidle")
        assert page.locator("#notice-flags-none").count() == 1
        assert page.locator("#notice-calendar .tb-month").count() == 12
        assert "tb-day-workday" in (page.locator('td[data-date="2027-02-14"]').get_attribute("class") or "")
        assert "春节（补假）" in page.inner_text("#notice-statutory")
        assert "2027-02-20（六）：由休息日改为工作日" in page.inner_text("#notice-changes")
        shot("calendar-03-preview")
        axe.skip(page, why=ADMIN_PAGE)
        assert not CalendarYear.objects.filter(year=2027).exists()
        assert add_working_days_info(date(2027, 2, 1), 10).provisional is True

        page.click("#notice-confirm")
        page.wait_for_load_state("networkidle")
        assert "已录入2027年的放假安排" in page.inner_text("body")
        assert "2027" in page.inner_text("#result_list")
        shot("calendar-04-entered")
        axe.skip(page, why=ADMIN_PAGE)

    assert add_working_days_info(date(2027, 2, 1), 10) == (date(2027, 2, 20), False)
    assert LedgerEntry.objects.filter(action="calendar.notice_entered", object_id="2027").count() == 1
