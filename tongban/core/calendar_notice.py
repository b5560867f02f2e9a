"""Reading the text of a State Council holiday notice (国务院办公厅关于××××年部分节假日安排的通知).

:func:`parse_notice` turns the pasted text into the days off and the adjusted workdays it lists, and flags what
looks odd, without saving anything (the admin page and ``tongban calendar import`` show it for confirmation, then
call :func:`tongban.core.services.do_enter_calendar_notice`). It reads the usual form::

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。

and the older wording with 星期, "X月X日放假，与周末连休" (the day plus the weekend next to it) and
"X月X日（星期一）补休" (an extra day off). Dates may carry a year ("2022年12月31日至2023年1月2日") when a range
crosses New Year. Full-width and half-width punctuation and digits are both accepted.

Lines that are neither numbered ("一、") nor start with a festival name are prose (salutation, preamble, closing,
signature) and are listed as ignored. A festival line that cannot be read is an error naming the line; sentences
that begin with 鼓励 (advice to employers, e.g. to give 除夕 off) are not arrangements and are ignored too.
"""

from __future__ import annotations

import calendar as pycalendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tongban.core.calendar import MAX_YEAR, MIN_YEAR, statutory_days
from tongban.core.errors import (
    CALENDAR_NOTICE_BAD_DATE,
    CALENDAR_NOTICE_DAY_CONFLICT,
    CALENDAR_NOTICE_EMPTY,
    CALENDAR_NOTICE_UNREADABLE_LINE,
    CALENDAR_NOTICE_YEAR_MISMATCH,
    CALENDAR_NOTICE_YEAR_UNKNOWN,
    CALENDAR_YEAR_OUT_OF_RANGE,
    DomainError,
    ErrorDef,
)

WEEKDAY_NAMES = "一二三四五六日"
_WEEKDAY_INDEX = {name: index for index, name in enumerate(WEEKDAY_NAMES)} | {"天": 6}
MAKE_UP_MARK = "（补假）"  # how `holidays` labels a weekend statutory day's make-up day in zh_CN

FESTIVAL_NAMES = (
    "元旦",
    "春节",
    "清明节",
    "清明",
    "劳动节",
    "五一",
    "端午节",
    "端午",
    "中秋节",
    "中秋",
    "国庆节",
    "国庆",
)

_NUMERAL = "一二三四五六七八九十"
_LINE_RE = re.compile(
    rf"^(?:(?P<num>[{_NUMERAL}]+)[、.]|\((?P<num2>[{_NUMERAL}]+)\))?\s*(?P<label>[^:\d]{{1,30}}?)\s*:(?P<body>.*)$"
)
_FESTIVAL_LABEL_RE = re.compile(
    rf"^(?:{'|'.join(FESTIVAL_NAMES)})(?:[、和与](?:{'|'.join(FESTIVAL_NAMES)}))*$"
)
_YEAR_RE = re.compile(r"(?:关于|现将)\s*(\d{4})\s*年")
_TITLE_RE = re.compile(r"国务院办公厅关于\s*\d{4}\s*年.*通知")
_DATE = r"(?:(?P<{p}y>\d{{4}})年)?(?:(?P<{p}m>\d{{1,2}})月)?(?P<{p}d>\d{{1,2}})日(?:\((?P<{p}note>[^)]*)\))?"
_ONE_DATE = _DATE.format(p="a")
_RANGE_RE = re.compile(
    rf"^{_ONE_DATE}(?:(?:至|到|~|-|—|–){_DATE.format(p='b')})?放假(?:调休|公休)?(?:(?:共)?(?P<count>\d+)天)?$"
)
_DATE_RE = re.compile(_ONE_DATE)
_PLAIN_DATE = r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\([^)]*\))?"
_LIST_RE = re.compile(rf"^(?P<dates>{_PLAIN_DATE}(?:[、和及]{_PLAIN_DATE})*)(?P<what>上班|补休|补假)$")
_COUNT_RE = re.compile(r"^(?:共|合计)(?P<count>\d+)天$")
_NO_SWAP_RE = re.compile(r"^不(?:调休|补休)$")
_WEEKEND_RE = re.compile(r"^与(?:周末|双休日|星期六、星期日|周六、周日)连休$")
_WEEKDAY_RE = re.compile(r"(?:周|星期|礼拜)(?P<w>[一二三四五六日天])")


@dataclass(frozen=True)
class NoticeFestival:
    """One numbered item of the notice: a festival's days off, the stated total and its adjusted workdays."""

    line: int
    label: str
    first: date
    last: date
    days_off: tuple[date, ...]
    workdays: tuple[date, ...]
    stated_days: int | None = None


@dataclass(frozen=True)
class NoticeFlag:
    """Something odd in a notice that an administrator should look at before saving; never blocks saving."""

    code: str
    message: str
    line: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class ParsedNotice:
    """A notice read from text: its year, festivals, flags and the lines that were not arrangements."""

    year: int
    text: str
    title: str
    festivals: tuple[NoticeFestival, ...]
    flags: tuple[NoticeFlag, ...] = ()
    ignored_lines: tuple[tuple[int, str], ...] = field(default=())

    @property
    def holidays(self) -> dict[date, str]:
        """Every day off the notice lists (weekends inside a range included) → the festival's name."""
        days: dict[date, str] = {}
        for festival in self.festivals:
            for day in festival.days_off:
                days.setdefault(day, festival.label)
        return dict(sorted(days.items()))

    @property
    def workdays(self) -> dict[date, str]:
        """Every adjusted workday the notice lists → "<festival>调休上班"."""
        days: dict[date, str] = {}
        for festival in self.festivals:
            for day in festival.workdays:
                days.setdefault(day, gettext("%(festival)s调休上班") % {"festival": festival.label})
        return dict(sorted(days.items()))

    def is_working(self, day: date) -> bool:
        """Whether ``day`` is a working day under this notice."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


def _line_error(error: ErrorDef, line_no: int, line: str, message: str) -> DomainError:
    return error.error(message, fields={"line": line_no, "text": line})


def _normalise(text: str) -> str:
    # NFKC folds full-width digits and punctuation （），：；～ into ASCII; the ideographic 、 and 。 stay.
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", folded)


class _LineReader:
    """Reads one festival line; errors name the line."""

    def __init__(self, year: int, line_no: int, raw: str, label: str) -> None:
        self.year = year
        self.line_no = line_no
        self.raw = raw.strip()
        self.label = label
        self.flags: list[NoticeFlag] = []

    def unreadable(self, part: str) -> DomainError:
        message = _("第%(line)s行无法识别：“%(part)s”。整行为：%(text)s") % {
            "line": self.line_no,
            "part": part,
            "text": self.raw,
        }
        return _line_error(CALENDAR_NOTICE_UNREADABLE_LINE, self.line_no, self.raw, str(message))

    def make_date(
        self,
        part: str,
        year: str | None,
        month: str | None,
        day: str,
        note: str | None,
        *,
        default_month: int | None,
        default_year: int,
    ) -> date:
        if month is None and default_month is None:
            raise self.unreadable(part)
        y = int(year) if year else default_year
        m = int(month) if month else default_month
        assert m is not None
        try:
            result = date(y, m, int(day))
        except ValueError:
            message = _("第%(line)s行的日期“%(part)s”不存在。整行为：%(text)s") % {
                "line": self.line_no,
                "part": part,
                "text": self.raw,
            }
            raise _line_error(CALENDAR_NOTICE_BAD_DATE, self.line_no, self.raw, str(message)) from None
        if note:
            self.check_weekday(result, note)
        return result

    def default_year(self, month: str | None, year: str | None) -> int:
        # A 元旦 line may start in December of the previous year without saying so.
        if year is None and month is not None and int(month) == 12 and self.label.startswith("元旦"):
            return self.year - 1
        return self.year

    def check_weekday(self, day: date, note: str) -> None:
        found = _WEEKDAY_RE.search(note)
        if found is None:
            return
        named = _WEEKDAY_INDEX[found.group("w")]
        if named != day.weekday():
            self.flags.append(
                NoticeFlag(
                    "WEEKDAY_NAME_MISMATCH",
                    gettext("第%(line)s行：%(day)s是星期%(actual)s，通知写的是“%(written)s”。")
                    % {
                        "line": self.line_no,
                        "day": day.isoformat(),
                        "actual": WEEKDAY_NAMES[day.weekday()],
                        "written": found.group(0),
                    },
                    self.line_no,
                    day,
                )
            )

    def read(self, body: str) -> NoticeFestival:
        days_off: list[date] = []
        workdays: list[date] = []
        first: date | None = None
        last: date | None = None
        stated: int | None = None
        sentences = [s for s in re.split(r"[。;.]", body) if s]
        for sentence in sentences:
            if sentence.startswith("鼓励"):
                continue  # advice to employers, not an arrangement
            for clause in (c for c in sentence.split(",") if c):
                if match := _RANGE_RE.match(clause):
                    if first is not None:
                        raise self.unreadable(clause)  # a second range in one item
                    first = self.make_date(
                        clause,
                        match["ay"],
                        match["am"],
                        match["ad"],
                        match["anote"],
                        default_month=None,
                        default_year=self.default_year(match["am"], match["ay"]),
                    )
                    last = first
                    if match["bd"]:
                        end_year = int(match["by"]) if match["by"] else first.year
                        last = self.make_date(
                            clause,
                            match["by"],
                            match["bm"],
                            match["bd"],
                            match["bnote"],
                            default_month=first.month,
                            default_year=end_year,
                        )
                        if last < first and not match["by"] and match["bm"]:
                            last = last.replace(year=last.year + 1)
                        if last < first:
                            message = _("第%(line)s行：结束日期早于开始日期。整行为：%(text)s") % {
                                "line": self.line_no,
                                "text": self.raw,
                            }
                            raise _line_error(CALENDAR_NOTICE_BAD_DATE, self.line_no, self.raw, str(message))
                    day = first
                    while day <= last:
                        days_off.append(day)
                        day += timedelta(days=1)
                    if match["count"]:
                        stated = int(match["count"])
                elif match := _COUNT_RE.match(clause):
                    if first is None:
                        raise self.unreadable(clause)
                    stated = int(match["count"])
                elif _NO_SWAP_RE.match(clause):
                    if first is None:
                        raise self.unreadable(clause)
                elif _WEEKEND_RE.match(clause):
                    if first is None or last is None:
                        raise self.unreadable(clause)
                    days_off.extend(self._adjacent_weekend(first, last))
                elif match := _LIST_RE.match(clause):
                    listed = self._read_list(clause, match["dates"])
                    (workdays if match["what"] == "上班" else days_off).extend(listed)
                else:
                    raise self.unreadable(clause)
        if first is None or last is None:
            raise self.unreadable(body or self.raw)
        if stated is not None and stated != (last - first).days + 1:
            self.flags.append(
                NoticeFlag(
                    "COUNT_MISMATCH",
                    gettext("第%(line)s行：%(first)s至%(last)s是%(actual)s天，通知写的是“共%(stated)s天”。")
                    % {
                        "line": self.line_no,
                        "first": first.isoformat(),
                        "last": last.isoformat(),
                        "actual": (last - first).days + 1,
                        "stated": stated,
                    },
                    self.line_no,
                )
            )
        return NoticeFestival(
            line=self.line_no,
            label=self.label,
            first=first,
            last=last,
            days_off=tuple(sorted(set(days_off))),
            workdays=tuple(sorted(set(workdays))),
            stated_days=stated,
        )

    def _read_list(self, clause: str, dates: str) -> list[date]:
        result = []
        month: int | None = None
        for match in _DATE_RE.finditer(dates):
            day = self.make_date(
                clause,
                match["ay"],
                match["am"],
                match["ad"],
                match["anote"],
                default_month=month,
                default_year=self.default_year(match["am"], match["ay"]),
            )
            month = day.month
            result.append(day)
        return result

    def _adjacent_weekend(self, first: date, last: date) -> list[date]:
        """The Saturday and Sunday touching ``[first, last]`` within the notice year (与周末连休)."""
        days = []
        day = first - timedelta(days=1)
        while day.weekday() >= 5:
            days.append(day)
            day -= timedelta(days=1)
        day = last + timedelta(days=1)
        while day.weekday() >= 5:
            days.append(day)
            day += timedelta(days=1)
        return [d for d in days if d.year == self.year]


def _find_year(text: str) -> int | None:
    match = _YEAR_RE.search(_normalise(text))
    return int(match.group(1)) if match else None


def parse_notice(text: str, *, year: int | None = None) -> ParsedNotice:
    """Read a notice; ``year`` may be omitted when the text carries its title or preamble.

    Raises a :class:`~tongban.core.errors.DomainError` (``CALENDAR_NOTICE_*``, ``fields`` with ``line`` and
    ``text`` for a line-level problem) when the text cannot be read; odd but readable content becomes flags.
    """
    text = text.replace("\x00", "")  # a NUL can never be part of a notice, and PostgreSQL cannot store it
    if not text.strip():
        raise CALENDAR_NOTICE_EMPTY.error()
    found_year = _find_year(text)
    if year is None:
        year = found_year
    elif found_year is not None and found_year != year:
        raise CALENDAR_NOTICE_YEAR_MISMATCH.error(
            _("填写的年份是%(given)s年，通知标题中是%(found)s年。") % {"given": year, "found": found_year},
            fields={"year": [str(CALENDAR_NOTICE_YEAR_MISMATCH.message)]},
        )
    if year is None:
        raise CALENDAR_NOTICE_YEAR_UNKNOWN.error(fields={"year": [str(CALENDAR_NOTICE_YEAR_UNKNOWN.message)]})
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CALENDAR_YEAR_OUT_OF_RANGE.error(fields={"year": [str(CALENDAR_YEAR_OUT_OF_RANGE.message)]})

    festivals: list[NoticeFestival] = []
    flags: list[NoticeFlag] = []
    ignored: list[tuple[int, str]] = []
    title = ""
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = _normalise(raw)
        if not line:
            continue
        if not title and _TITLE_RE.search(line):
            title = raw.strip()
        match = _LINE_RE.match(line)
        numbered = match is not None and (match["num"] or match["num2"])
        if match is None or not (numbered or _FESTIVAL_LABEL_RE.match(match["label"])):
            if re.match(rf"^(?:[{_NUMERAL}]+[、.]|\([{_NUMERAL}]+\))", line):
                raise _LineReader(year, line_no, raw, "").unreadable(line)
            ignored.append((line_no, raw.strip()))
            continue
        reader = _LineReader(year, line_no, raw, match["label"])
        festivals.append(reader.read(match["body"]))
        flags.extend(reader.flags)
    if not festivals:
        raise CALENDAR_NOTICE_EMPTY.error()
    _check_conflicts(festivals)
    parsed = ParsedNotice(
        year=year, text=text, title=title, festivals=tuple(festivals), ignored_lines=tuple(ignored)
    )
    return ParsedNotice(
        year=year,
        text=text,
        title=title,
        festivals=tuple(festivals),
        flags=tuple(flags) + tuple(_oddities(parsed)),
        ignored_lines=tuple(ignored),
    )


def _check_conflicts(festivals: list[NoticeFestival]) -> None:
    off = {day: f for f in festivals for day in f.days_off}
    for festival in festivals:
        for day in festival.workdays:
            if day in off:
                message = _("第%(line)s行：%(day)s既被列为放假日（第%(other)s行），又被列为上班日。") % {
                    "line": festival.line,
                    "day": day.isoformat(),
                    "other": off[day].line,
                }
                raise CALENDAR_NOTICE_DAY_CONFLICT.error(
                    message, fields={"line": festival.line, "text": "", "date": day.isoformat()}
                )


def statutory_split(year: int) -> tuple[dict[date, str], dict[date, str]]:
    """(statutory days, weekend make-up days) of ``year`` under the rules; empty outside 2000–2100."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return {}, {}
    days = statutory_days(year)
    return (
        {d: n for d, n in days.items() if MAKE_UP_MARK not in n},
        {d: n for d, n in days.items() if MAKE_UP_MARK in n},
    )


def _oddities(parsed: ParsedNotice) -> list[NoticeFlag]:
    year = parsed.year
    flags: list[NoticeFlag] = []
    holidays = parsed.holidays
    workdays = parsed.workdays
    line_of = {day: f.line for f in parsed.festivals for day in (*f.days_off, *f.workdays)}
    statutory, _make_up = statutory_split(year)
    rule_days: set[date] = set()
    for y in (year - 1, year, year + 1):
        s, m = statutory_split(y)
        rule_days |= set(s) | set(m)

    # A listed day in a festival line that is also in another festival's line.
    seen: dict[date, int] = {}
    for festival in parsed.festivals:
        for day in festival.days_off:
            if day in seen and seen[day] != festival.line:
                flags.append(
                    NoticeFlag(
                        "DAY_LISTED_TWICE",
                        gettext("第%(line)s行：%(day)s在第%(other)s行也已列为放假日。")
                        % {"line": festival.line, "day": day.isoformat(), "other": seen[day]},
                        festival.line,
                        day,
                    )
                )
            seen.setdefault(day, festival.line)

    for day in workdays:
        if day.weekday() < 5:
            flags.append(
                NoticeFlag(
                    "WORKDAY_NOT_WEEKEND",
                    gettext(
                        "第%(line)s行：上班日%(day)s是星期%(weekday)s，本来就是工作日，通常只在周末调休上班。"
                    )
                    % {"line": line_of[day], "day": day.isoformat(), "weekday": WEEKDAY_NAMES[day.weekday()]},
                    line_of[day],
                    day,
                )
            )

    def off(day: date) -> bool:
        return day in holidays or (day.weekday() >= 5 and day not in workdays)

    for day in holidays:
        if day.weekday() >= 5:
            continue
        # The run of consecutive days off around this weekday must contain a statutory (or make-up) day.
        start = day
        while off(start - timedelta(days=1)):
            start -= timedelta(days=1)
        end = day
        while off(end + timedelta(days=1)):
            end += timedelta(days=1)
        run = {start + timedelta(days=i) for i in range((end - start).days + 1)}
        if not run & rule_days:
            flags.append(
                NoticeFlag(
                    "HOLIDAY_NOT_STATUTORY",
                    gettext(
                        "第%(line)s行：%(day)s（星期%(weekday)s）放假，但它既不是法定节日，也不与法定节日相连。"
                    )
                    % {"line": line_of[day], "day": day.isoformat(), "weekday": WEEKDAY_NAMES[day.weekday()]},
                    line_of[day],
                    day,
                )
            )

    for day, name in statutory.items():
        if day.weekday() < 5 and day not in holidays:
            flags.append(
                NoticeFlag(
                    "STATUTORY_DAY_MISSING",
                    gettext("法定节日%(name)s（%(day)s，星期%(weekday)s）在通知中没有放假。")
                    % {"name": name, "day": day.isoformat(), "weekday": WEEKDAY_NAMES[day.weekday()]},
                    None,
                    day,
                )
            )

    for day in sorted({*holidays, *workdays}):
        if day.year != year:
            flags.append(
                NoticeFlag(
                    "DAY_IN_OTHER_YEAR",
                    gettext("第%(line)s行：%(day)s属于%(other)s年，将随本通知一并录入。")
                    % {"line": line_of[day], "day": day.isoformat(), "other": day.year},
                    line_of[day],
                    day,
                )
            )

    # 调休 balance: every statutory day is worth one weekday off (a weekend one through its make-up day); each
    # weekday off beyond that is paid back by one weekend workday.
    entitled = sum(len(name.split("、")) for name in statutory.values())
    weekdays_off = sum(1 for day in holidays if day.year == year and day.weekday() < 5)
    extra = weekdays_off - entitled
    listed_workdays = sum(1 for day in workdays if day.year in (year - 1, year))
    if extra < 0:
        flags.append(
            NoticeFlag(
                "UNBALANCED",
                gettext(
                    "按法定节日（含周末节日的补假）应在工作日放假%(entitled)s天，通知只在工作日放假%(off)s天。"
                )
                % {"entitled": entitled, "off": weekdays_off},
            )
        )
    elif extra != listed_workdays:
        flags.append(
            NoticeFlag(
                "UNBALANCED",
                gettext(
                    "通知比法定节日（含周末节日的补假）多在工作日放假%(extra)s天，通常由同样天数的周末上班补回，"
                    "但通知中的调休上班日有%(workdays)s天。"
                )
                % {"extra": extra, "workdays": listed_workdays},
            )
        )
    return flags


# --- Showing a year as twelve months ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewDay:
    """One cell of the preview calendar."""

    day: date | None
    kinds: tuple[str, ...] = ()  # "off", "workday", "statutory", "make_up", "weekend"
    label: str = ""


def month_grids(
    year: int, holidays: dict[date, str], workdays: dict[date, str]
) -> list[tuple[int, list[list[PreviewDay]]]]:
    """Twelve (month, weeks) grids, Monday first, each day marked with the notice's and the rules' kinds."""
    statutory, make_up = statutory_split(year)
    grids = []
    weeks_of = pycalendar.Calendar(firstweekday=0)
    for month in range(1, 13):
        weeks = []
        for week in weeks_of.monthdatescalendar(year, month):
            row = []
            for day in week:
                if day.month != month:
                    row.append(PreviewDay(None))
                    continue
                kinds = []
                labels = []
                if day in holidays:
                    kinds.append("off")
                    labels.append(holidays[day])
                if day in workdays:
                    kinds.append("workday")
                    labels.append(workdays[day])
                if day in statutory:
                    kinds.append("statutory")
                    labels.append(gettext("法定：%(name)s") % {"name": statutory[day]})
                if day in make_up:
                    kinds.append("make_up")
                    labels.append(gettext("法定：%(name)s") % {"name": make_up[day]})
                if day.weekday() >= 5:
                    kinds.append("weekend")
                row.append(PreviewDay(day, tuple(kinds), "；".join(labels)))
            weeks.append(row)
        grids.append((month, weeks))
    return grids
