"""Reading State Council holiday notices: the known notices give the seeded tables; bad text names its line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tongban.core.calendar_data import seed_days
from tongban.core.calendar_notice import WEEKDAY_NAMES, month_grids, parse_notice
from tongban.core.errors import DomainError

NOTICES = Path(__file__).parent / "notices"
HYPOTHESIS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _notice(name: str) -> str:
    return (NOTICES / name).read_text(encoding="utf-8")


def _seeded(year: int) -> set[tuple[date, str, str]]:
    return {(day.date, day.kind, day.name) for day in seed_days() if day.date.year == year}


def _parsed_days(text: str, year: int | None = None) -> set[tuple[date, str, str]]:
    parsed = parse_notice(text, year=year)
    return {(day, "holiday", name) for day, name in parsed.holidays.items()} | {
        (day, "adjusted_workday", name) for day, name in parsed.workdays.items()
    }


@pytest.mark.parametrize(
    ("fixture", "year"),
    [("2026.txt", 2026), ("2025.txt", 2025), ("2024.txt", 2024), ("2024-older-wording.txt", 2024)],
)
def test_the_known_notices_parse_to_exactly_the_seeded_tables(fixture: str, year: int) -> None:
    parsed = parse_notice(_notice(fixture))
    assert parsed.year == year
    assert _parsed_days(_notice(fixture)) == _seeded(year)
    assert parsed.flags == ()


def test_the_2026_notice_as_quoted_in_the_reference_parses_without_its_title() -> None:
    # The seven lines exactly as standards-cn §8 quotes them, with the year given separately.
    lines = [
        line for line in _notice("2026.txt").splitlines() if line[:2] in {"一、", "二、", "三、", "四、"}
    ]
    lines += [line for line in _notice("2026.txt").splitlines() if line[:2] in {"五、", "六、", "七、"}]
    assert len(lines) == 7
    assert _parsed_days("\n".join(lines), year=2026) == _seeded(2026)


def test_the_title_gives_the_year_and_the_source() -> None:
    parsed = parse_notice(_notice("2026.txt"))
    assert parsed.title == "国务院办公厅关于2026年部分节假日安排的通知"
    assert [festival.label for festival in parsed.festivals] == [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    ]
    spring = parsed.festivals[1]
    assert (spring.line, spring.first, spring.last, spring.stated_days) == (
        6,
        date(2026, 2, 15),
        date(2026, 2, 23),
        9,
    )
    # Salutation, preamble, closing and signature are listed as ignored, not read as arrangements.
    ignored = [line for _no, line in parsed.ignored_lines]
    assert "国务院办公厅" in ignored and "2025年11月4日" in ignored


def test_the_older_wording_with_bu_xiu_parses() -> None:
    # The 2017 notice: 元旦 on a Sunday, the Monday after given as 补休.
    parsed = parse_notice("一、元旦：1月1日放假，1月2日（星期一）补休。", year=2017)
    assert parsed.holidays == {date(2017, 1, 1): "元旦", date(2017, 1, 2): "元旦"}
    assert parsed.workdays == {}


def test_with_the_weekend_adds_the_adjacent_saturday_and_sunday() -> None:
    parsed = parse_notice("五、端午节：6月10日放假，与周末连休。", year=2024)
    assert sorted(parsed.holidays) == [date(2024, 6, 8), date(2024, 6, 9), date(2024, 6, 10)]


def test_a_range_across_new_year_keeps_its_explicit_years() -> None:
    parsed = parse_notice("一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。", year=2023)
    assert sorted(parsed.holidays) == [date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2)]
    assert "DAY_IN_OTHER_YEAR" in {flag.code for flag in parsed.flags}


def test_half_width_punctuation_and_full_width_digits_are_accepted() -> None:
    parsed = parse_notice("一、元旦:１月１日(周四)至3日(周六)放假调休,共3天.1月4日(周日)上班。", year=2026)
    assert parsed.workdays == {date(2026, 1, 4): "元旦调休上班"}
    assert len(parsed.holidays) == 3


# --- Flags --------------------------------------------------------------------------------------------------


def _codes(text: str, year: int = 2026) -> list[str]:
    return [flag.code for flag in parse_notice(text, year=year).flags]


def _the_2026_notice_with(old: str, new: str) -> str:
    text = _notice("2026.txt")
    assert old in text
    return text.replace(old, new)


def test_a_count_that_disagrees_with_the_range_is_flagged() -> None:
    codes = _codes(_the_2026_notice_with("放假调休，共9天", "放假调休，共8天"))
    assert codes == ["COUNT_MISMATCH"]


def test_a_weekday_name_that_disagrees_with_the_date_is_flagged() -> None:
    parsed = parse_notice(_the_2026_notice_with("1月4日（周日）上班", "1月4日（周六）上班"))
    assert [(flag.code, flag.line, flag.day) for flag in parsed.flags] == [
        ("WEEKDAY_NAME_MISMATCH", 5, date(2026, 1, 4))
    ]
    assert "星期日" in parsed.flags[0].message


def test_a_workday_that_is_not_a_weekend_is_flagged() -> None:
    codes = _codes(_the_2026_notice_with("5月9日（周六）上班", "5月8日（周五）上班"))
    assert "WORKDAY_NOT_WEEKEND" in codes
    assert "UNBALANCED" not in codes  # still one workday for one bridge day


def test_a_weekday_off_that_is_neither_statutory_nor_adjacent_is_flagged() -> None:
    text = _notice("2026.txt") + "\n八、测试：3月11日（周三）放假，共1天。\n"
    parsed = parse_notice(text)
    flagged = [(flag.code, flag.day) for flag in parsed.flags]
    assert ("HOLIDAY_NOT_STATUTORY", date(2026, 3, 11)) in flagged
    assert "UNBALANCED" in {code for code, _day in flagged}


def test_a_missing_statutory_day_and_an_unbalanced_swap_are_flagged() -> None:
    codes = _codes(_the_2026_notice_with("六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n", ""))
    assert codes == ["STATUTORY_DAY_MISSING", "UNBALANCED"]


def test_a_day_listed_by_two_festivals_is_flagged() -> None:
    text = _notice("2026.txt") + "\n八、中秋节：10月1日（周四）放假，共1天。\n"
    assert "DAY_LISTED_TWICE" in _codes(text)


# --- Errors -------------------------------------------------------------------------------------------------


def _error(text: str, year: int | None = 2026) -> DomainError:
    with pytest.raises(DomainError) as excinfo:
        parse_notice(text, year=year)
    return excinfo.value


def test_an_unreadable_sentence_names_its_line() -> None:
    error = _error(_the_2026_notice_with("5月9日（周六）上班", "5月9日（周六）上斑"))
    assert error.code == "CALENDAR_NOTICE_UNREADABLE_LINE"
    assert error.status == 422
    assert error.fields["line"] == 8
    assert error.fields["text"].startswith("四、劳动节")
    assert "第8行" in str(error.message) and "上斑" in str(error.message)


def test_an_impossible_date_names_its_line() -> None:
    error = _error("一、元旦：1月1日放假。\n二、春节：2月30日至3月2日放假，共3天。")
    assert (error.code, error.fields["line"]) == ("CALENDAR_NOTICE_BAD_DATE", 2)
    assert "2月30日" in str(error.message)


def test_a_backwards_range_names_its_line() -> None:
    error = _error("一、元旦：1月3日至1日放假。")
    assert (error.code, error.fields["line"]) == ("CALENDAR_NOTICE_BAD_DATE", 1)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("一、元旦：\n", 1),  # nothing after the colon
        ("\n\n三、清明节：清明节放假三天。", 3),  # no date at all
        ("一、元旦：1月4日（周日）上班。", 1),  # workdays but no day off
        ("元旦：明天放假。", 1),  # a festival line without numbering is still read
        ("一、元旦：1月1日放假。\n八、其他", 2),  # a numbered item that is not an arrangement
        ("一、元旦：1月1日至3日放假，1月5日至6日放假。", 1),  # two ranges in one item
    ],
)
def test_a_festival_line_that_cannot_be_read_is_an_error_naming_it(text: str, line: int) -> None:
    error = _error(text)
    assert error.code == "CALENDAR_NOTICE_UNREADABLE_LINE"
    assert error.fields["line"] == line
    assert f"第{line}行" in str(error.message)


def test_a_day_both_off_and_worked_is_an_error() -> None:
    error = _error("一、元旦：1月1日至3日放假调休，共3天。1月3日（周六）上班。")
    assert error.code == "CALENDAR_NOTICE_DAY_CONFLICT"
    assert error.fields["line"] == 1


def test_text_without_any_arrangement_is_an_error() -> None:
    assert _error("各省、自治区、直辖市人民政府：\n经国务院批准……").code == "CALENDAR_NOTICE_EMPTY"
    assert _error("").code == "CALENDAR_NOTICE_EMPTY"


def test_the_year_must_be_known_and_agree_with_the_title() -> None:
    assert _error("一、元旦：1月1日放假。", year=None).code == "CALENDAR_NOTICE_YEAR_UNKNOWN"
    assert _error(_notice("2026.txt"), year=2027).code == "CALENDAR_NOTICE_YEAR_MISMATCH"
    assert _error("一、元旦：1月1日放假。", year=2101).code == "CALENDAR_YEAR_OUT_OF_RANGE"


# --- Properties ---------------------------------------------------------------------------------------------

FESTIVALS = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
NUMERALS = "一二三四五六七"


@st.composite
def schedules(draw: st.DrawFn) -> tuple[int, list[tuple[str, date, date, list[date]]]]:
    """A year and up to seven non-overlapping festivals: a range of days off and some weekend workdays."""
    year = draw(st.integers(min_value=2000, max_value=2100))
    starts = sorted(draw(st.sets(st.integers(min_value=0, max_value=6), min_size=1, max_size=7)))
    festivals = []
    for index in starts:
        first = date(year, 1, 1) + timedelta(days=index * 50 + draw(st.integers(min_value=0, max_value=20)))
        last = first + timedelta(days=draw(st.integers(min_value=0, max_value=9)))
        weekends = [
            first + timedelta(days=offset)
            for offset in range(-9, -1)
            if (first + timedelta(days=offset)).weekday() >= 5
            and (first + timedelta(days=offset)).year == year
        ]
        weekends += [
            last + timedelta(days=offset)
            for offset in range(2, 14)
            if (last + timedelta(days=offset)).weekday() >= 5 and (last + timedelta(days=offset)).year == year
        ]
        workdays = sorted(draw(st.sets(st.sampled_from(weekends), max_size=2))) if weekends else []
        festivals.append((FESTIVALS[index], first, last, workdays))
    return year, festivals


def _render(day: date, style: str, *, with_month: bool = True) -> str:
    weekday = ("周" if style == "new" else "星期") + WEEKDAY_NAMES[day.weekday()]
    return (f"{day.month}月" if with_month else "") + f"{day.day}日（{weekday}）"


@HYPOTHESIS
@given(schedule=schedules(), style=st.sampled_from(["new", "old"]))
def test_any_rendered_schedule_reads_back_to_the_same_days(
    schedule: tuple[int, list[tuple[str, date, date, list[date]]]], style: str
) -> None:
    year, festivals = schedule
    lines = []
    for number, (name, first, last, workdays) in zip(NUMERALS, festivals, strict=False):
        days = (last - first).days + 1
        span = _render(first, style)
        if last != first:
            span += "至" + _render(last, style, with_month=last.month != first.month)
        line = f"{number}、{name}：{span}放假调休，共{days}天。"
        if workdays:
            line += "、".join(_render(day, style) for day in workdays) + "上班。"
        lines.append(line)
    parsed = parse_notice("\n".join(lines), year=year)
    expected_off = {
        first + timedelta(days=i) for _n, first, last, _w in festivals for i in range((last - first).days + 1)
    }
    assert set(parsed.holidays) == expected_off
    assert set(parsed.workdays) == {day for *_rest, workdays in festivals for day in workdays}
    assert {flag.code for flag in parsed.flags} <= {
        "HOLIDAY_NOT_STATUTORY",
        "STATUTORY_DAY_MISSING",
        "UNBALANCED",
        "DAY_LISTED_TWICE",
    }


@HYPOTHESIS
@given(
    text=st.text(
        alphabet=st.sampled_from([*"一二、：:元旦春节月日0123456789至放假调休上班共天（）()，。 周六", "\n"])
    )
)
def test_arbitrary_text_is_read_or_refused_with_a_stable_code(text: str) -> None:
    try:
        parse_notice(text, year=2026)
    except DomainError as error:
        assert error.code.startswith("CALENDAR_")
        if error.code in {"CALENDAR_NOTICE_UNREADABLE_LINE", "CALENDAR_NOTICE_BAD_DATE"}:
            assert isinstance(error.fields["line"], int)


def test_the_preview_grid_marks_the_notice_and_the_rules() -> None:
    parsed = parse_notice(_notice("2026.txt"))
    grids = month_grids(2026, parsed.holidays, parsed.workdays)
    assert [month for month, _weeks in grids] == list(range(1, 13))
    cells = {cell.day: cell for _month, weeks in grids for week in weeks for cell in week if cell.day}
    assert len(cells) == 365
    assert cells[date(2026, 1, 4)].kinds == ("workday", "weekend")
    assert cells[date(2026, 4, 5)].kinds == ("off", "statutory", "weekend")
    assert cells[date(2026, 4, 6)].kinds == ("off", "make_up")
    assert "法定：清明节（补假）" in cells[date(2026, 4, 6)].label
    # January 2026 starts on a Thursday: three empty cells before it in a Monday-first week.
    assert [cell.day for cell in grids[0][1][0][:3]] == [None, None, None]
