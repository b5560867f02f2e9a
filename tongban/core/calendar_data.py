"""The State Council holiday notices for 2024–2026 as plain data (reference standards-cn §8).

Used by the seeding migration and by :func:`tongban.core.calendar.seed_calendar` (which restores the seed after a
test-database flush). Each holiday range lists every day off, weekends included; each adjusted workday is a
weekend day that is worked. New years are entered by an administrator in the admin, not added here.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

NOTICES: dict[int, str] = {
    2024: "国务院办公厅关于2024年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202310/content_6911527.htm",
    2025: "国务院办公厅关于2025年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202411/content_6986382.htm",
    2026: "国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
}

# (name, first day off, last day off, adjusted workdays)
_SCHEDULE: dict[int, list[tuple[str, str, str, list[str]]]] = {
    2024: [
        ("元旦", "2024-01-01", "2024-01-01", []),
        ("春节", "2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),
        ("清明节", "2024-04-04", "2024-04-06", ["2024-04-07"]),
        ("劳动节", "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),
        ("端午节", "2024-06-08", "2024-06-10", []),
        ("中秋节", "2024-09-15", "2024-09-17", ["2024-09-14"]),
        ("国庆节", "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]),
    ],
    2025: [
        ("元旦", "2025-01-01", "2025-01-01", []),
        ("春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
        ("清明节", "2025-04-04", "2025-04-06", []),
        ("劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]),
        ("端午节", "2025-05-31", "2025-06-02", []),
        ("国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),
    ],
    2026: [
        ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
        ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
        ("清明节", "2026-04-04", "2026-04-06", []),
        ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
        ("端午节", "2026-06-19", "2026-06-21", []),
        ("中秋节", "2026-09-25", "2026-09-27", []),
        ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ],
}


class SeedDay(NamedTuple):
    """One listed day: its date, ``"holiday"`` or ``"adjusted_workday"``, the festival name and the notice."""

    date: date
    kind: str
    name: str
    source: str


def seed_days() -> list[SeedDay]:
    """Every listed day of the seeded years, in date order."""
    days: list[SeedDay] = []
    for year, festivals in _SCHEDULE.items():
        source = NOTICES[year]
        for name, first, last, workdays in festivals:
            day = date.fromisoformat(first)
            while day <= date.fromisoformat(last):
                days.append(SeedDay(day, "holiday", name, source))
                day += timedelta(days=1)
            for workday in workdays:
                days.append(
                    SeedDay(date.fromisoformat(workday), "adjusted_workday", f"{name}调休上班", source)
                )
    return sorted(days)
