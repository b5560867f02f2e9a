"""``manage.py calendar_check``: which years are entered or provisional, and do entered years agree with ``holidays``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import holidays
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tongban.core.calendar import entered_years, is_working_day, next_year_warning, statutory_days


def calendar_differences(year: int) -> list[tuple[date, bool, bool]]:
    """Days of ``year`` where the platform calendar and ``holidays.China`` disagree: (day, ours, theirs)."""
    reference = holidays.China(years=year)
    differences = []
    day = date(year, 1, 1)
    while day.year == year:
        ours = is_working_day(day)
        theirs = reference.is_working_day(day)
        if ours != theirs:
            differences.append((day, ours, theirs))
        day += timedelta(days=1)
    return differences


def package_knows_notice(year: int) -> bool:
    """Whether ``holidays`` carries the year's notice, i.e. says more than the statutory rules for it."""
    reference = holidays.China(years=year)
    return set(reference) != set(statutory_days(year)) or any(
        d.year == year for d in reference.weekend_workdays
    )


class Command(BaseCommand):
    help = (
        "列出已录入放假通知的年度；从10月1日起下一年度仍为暂定时提示；已录入年度与 holidays 软件包逐日比对，"
        "有差异时以状态码 1 退出（Check the working-day calendar）。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        years = entered_years()
        today = timezone.localdate()
        if years:
            self.stdout.write("已录入年度（years with a notice）：" + "、".join(str(y) for y in years))
        else:
            self.stdout.write(self.style.WARNING("尚未录入任何年度的放假通知；所有年度均暂按法定节日计算。"))
        self.stdout.write("其他年度（2000–2100）为暂定年度：按法定节日及周末补假计算，调休上班日未知。")
        warning = next_year_warning(today)
        if warning:
            self.stdout.write(self.style.WARNING(f"警告：{warning}"))
            next_year = today.year + 1
            if next_year not in years and package_knows_notice(next_year):
                self.stdout.write(
                    f"提示：holidays 软件包已含{next_year}年的放假安排，可据国务院办公厅通知原文核对后录入。"
                )
        failed = False
        for year in years:
            if not package_knows_notice(year):
                self.stdout.write(
                    f"{year}：holidays 软件包尚无该年通知，无法比对（not in the package yet）。"
                )
                continue
            differences = calendar_differences(year)
            if not differences:
                self.stdout.write(f"{year}：与 holidays 软件包一致（matches）。")
                continue
            failed = True
            self.stdout.write(self.style.ERROR(f"{year}：与 holidays 软件包有 {len(differences)} 天不一致："))
            for day, ours, theirs in differences:
                label = {True: "工作日", False: "休息日"}
                self.stdout.write(f"  {day.isoformat()} 本平台={label[ours]} holidays={label[theirs]}")
        if failed:
            raise CommandError("节假日数据与 holidays 软件包不一致（calendar differs）。", returncode=1)
