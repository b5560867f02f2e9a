"""``manage.py calendar_import FILE|-``: read a State Council holiday notice, show it, and enter it when confirmed."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.core.calendar import is_provisional_year, is_working_day
from tongban.core.calendar_notice import WEEKDAY_NAMES, ParsedNotice, parse_notice, statutory_split
from tongban.core.errors import DomainError
from tongban.core.services import do_enter_calendar_notice


def _day(day: date) -> str:
    return f"{day.isoformat()}（{WEEKDAY_NAMES[day.weekday()]}）"


class Command(BaseCommand):
    help = (
        "读取国务院办公厅放假通知全文（文件，或 - 表示标准输入），显示识别结果和需要核对的地方；"
        "加 --yes 或交互确认后才保存（Enter a holiday notice）。"
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="通知文本文件（UTF-8），- 表示标准输入")
        parser.add_argument("--year", type=int, default=None, help="年份；通知含标题时可省略")
        parser.add_argument("--source", default="", help="依据通知（名称、文号或网址）；默认用通知标题")
        parser.add_argument("--yes", action="store_true", help="不再确认，直接保存")

    def handle(self, *args: Any, **options: Any) -> None:
        stdin: TextIO = options.get("stdin") or sys.stdin
        text = self._read(options["path"], stdin)
        try:
            parsed = parse_notice(text, year=options["year"])
        except DomainError as exc:
            raise CommandError(str(exc.message), returncode=1) from None
        self._show(parsed)
        if not options["yes"]:
            if options["path"] == "-":
                raise CommandError(
                    "通知来自标准输入，无法再交互确认；未保存。确认无误后请加 --yes 重新运行。", returncode=1
                )
            self.stdout.write(f"确认录入{parsed.year}年的放假安排？输入 y 确认 [y/N]：", ending="")
            self.stdout.flush()
            answer = stdin.readline()
            if not answer:
                self.stdout.write("")
                raise CommandError(
                    "标准输入已关闭，无法确认；未保存。确认无误后请加 --yes 重新运行。", returncode=1
                )
            if answer.strip().lower() not in {"y", "yes", "是"}:
                raise CommandError("未确认，未保存。", returncode=1)
        saved = do_enter_calendar_notice(parsed, actor=None, source=options["source"])
        self.stdout.write(
            self.style.SUCCESS(f"已录入{saved.year}年的放假安排；重新计算了{saved.recomputed}个期限。")
        )

    def _read(self, path: str, stdin: TextIO) -> str:
        if path == "-":
            return stdin.read()
        try:
            return Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"找不到文件：{path}", returncode=1) from None
        except UnicodeDecodeError:
            raise CommandError(f"文件不是 UTF-8 编码的文本：{path}", returncode=1) from None
        except OSError as exc:
            raise CommandError(f"无法读取文件 {path}：{exc.strerror}", returncode=1) from None

    def _show(self, parsed: ParsedNotice) -> None:
        year = parsed.year
        write = self.stdout.write
        state = "目前为暂定年度（按法定节日计算）" if is_provisional_year(year) else "已录入过，将被替换"
        write(f"{year}年放假安排（{parsed.title or '无标题'}）：{state}")
        for festival in parsed.festivals:
            stated = f"，通知：共{festival.stated_days}天" if festival.stated_days else ""
            span = _day(festival.first)
            if festival.last != festival.first:
                span += f"至{_day(festival.last)}"
            write(f"  第{festival.line}行 {festival.label}：{span} 放假{len(festival.days_off)}天{stated}")
            if festival.workdays:
                write("      调休上班：" + "、".join(_day(day) for day in festival.workdays))
        statutory, make_up = statutory_split(year)
        missing = [day for day in statutory if day not in parsed.holidays]
        write(
            f"  法定节日{len(statutory)}天、周末补假{len(make_up)}天；通知中未放假的法定节日："
            + ("、".join(_day(day) for day in missing) or "无")
        )
        changes = []
        day = date(year, 1, 1)
        while day.year == year:
            if is_working_day(day) != parsed.is_working(day):
                changes.append(f"{_day(day)}→{'工作日' if parsed.is_working(day) else '休息日'}")
            day += timedelta(days=1)
        write("  与当前日历相比：" + ("、".join(changes) if changes else "没有变化"))
        if parsed.flags:
            write(self.style.WARNING(f"需要核对的地方（{len(parsed.flags)}）："))
            for flag in parsed.flags:
                write(self.style.WARNING(f"  - {flag.message}"))
        else:
            write("没有发现需要核对的地方。")
        if parsed.ignored_lines:
            write(f"未作为放假安排识别的行：{len(parsed.ignored_lines)}行（标题、称呼、说明、落款等）。")
