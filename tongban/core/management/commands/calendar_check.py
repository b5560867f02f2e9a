"""``manage.py calendar_check``: which years have holiday data, and do they agree with the ``holidays`` package."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import holidays
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tongban.core.calendar import entered_years, is_working_day


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


class Command(BaseCommand):
    help = (
        "列出已录入节假日安排的年度，下一年度缺失时提示，并与 holidays 软件包逐日比对，有差异时以状态码 1 退出"
        "（Check the working-day calendar）。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        years = entered_years()
        this_year = timezone.localdate().year
        if not years:
            raise CommandError("尚未录入任何年度的节假日安排（no calendar years）。", returncode=1)
        self.stdout.write("已录入年度（years with data）：" + "、".join(str(y) for y in years))
        if this_year not in years:
            self.stdout.write(self.style.WARNING(f"警告：缺少本年度（{this_year}）的节假日安排。"))
        if this_year + 1 not in years:
            self.stdout.write(
                self.style.WARNING(
                    f"警告：尚未录入{this_year + 1}年的节假日安排；国务院办公厅通知发布后请在管理后台录入"
                    f"（next year {this_year + 1} is missing）。"
                )
            )
        failed = False
        for year in years:
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
