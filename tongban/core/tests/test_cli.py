"""The ``tongban`` console command."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine

from tongban import cli
from tongban.cli import serve
from tongban.core.choices import HolidayKind
from tongban.core.dbtriggers import install_ledger_triggers, remove_ledger_triggers
from tongban.core.models import CalendarYear, Holiday, LedgerEntry
from tongban.core.services import append_ledger_entry


def test_python_m_tongban_cli_prints_chinese_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tongban.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    for word in ("serve", "load-demo", "calendar", "ledger", "backup", "restore", "manage", "子命令"):
        assert word in result.stdout


def test_an_unknown_subcommand_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli.main(["fly"])
    assert excinfo.value.code == 2


@pytest.mark.django_db
def test_calendar_check_passes_on_the_seeded_years(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["calendar", "check"]) == 0
    out = capsys.readouterr().out
    assert "2024、2025、2026" in out
    assert "2026：与 holidays 软件包一致" in out


@pytest.mark.django_db
def test_calendar_check_exits_1_on_a_difference(capsys: pytest.CaptureFixture[str]) -> None:
    Holiday.objects.create(date=date(2025, 6, 4), kind=HolidayKind.HOLIDAY, name="错误录入")
    assert cli.main(["calendar", "check"]) == 1
    assert "2025-06-04" in capsys.readouterr().out


NOTICE_2027 = Path(__file__).parent / "notices" / "2027-test.txt"


@pytest.mark.django_db
def test_calendar_check_says_when_next_year_is_still_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel("2026-10-01 08:00 +0800", tick=False):
        assert cli.main(["calendar", "check"]) == 0
    assert "尚未录入2027年的放假通知" in capsys.readouterr().out
    with time_machine.travel("2026-09-30 08:00 +0800", tick=False):
        assert cli.main(["calendar", "check"]) == 0
    assert "警告" not in capsys.readouterr().out


@pytest.mark.django_db
def test_calendar_check_does_not_fail_on_an_entered_year_the_package_does_not_know(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["calendar", "import", str(NOTICE_2027), "--yes"]) == 0
    capsys.readouterr()
    with time_machine.travel("2026-12-01 08:00 +0800", tick=False):
        assert cli.main(["calendar", "check"]) == 0
    out = capsys.readouterr().out
    assert "2027：holidays 软件包尚无该年通知" in out
    assert "警告" not in out


@pytest.mark.django_db
def test_calendar_import_with_yes_prints_the_preview_and_saves(capsys: pytest.CaptureFixture[str]) -> None:
    entries = LedgerEntry.objects.count()
    assert cli.main(["calendar", "import", str(NOTICE_2027), "--yes", "--source", "测试"]) == 0
    out = capsys.readouterr().out
    assert "第4行 春节：2027-02-05（五）至2027-02-13（六） 放假9天" in out
    assert "2027-02-14（日）→工作日" in out
    assert "已录入2027年的放假安排" in out
    assert CalendarYear.objects.get(year=2027).source == "测试"
    assert LedgerEntry.objects.count() == entries + 1


@pytest.mark.django_db
def test_calendar_import_saves_after_an_interactive_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert cli.main(["calendar", "import", str(NOTICE_2027)]) == 0
    assert CalendarYear.objects.filter(year=2027).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["calendar", "import", str(NOTICE_2027)], "", "标准输入已关闭"),
        (["calendar", "import", str(NOTICE_2027)], "n\n", "未确认"),
        (["calendar", "import", "-"], NOTICE_2027.read_text(encoding="utf-8"), "加 --yes"),
        (["calendar", "import", "/nonexistent/notice.txt", "--yes"], "", "找不到文件"),
        (
            ["calendar", "import", "-", "--yes", "--year", "2027"],
            "一、元旦：1月1日放假，与周末连休\n二、春节：明年再说",
            "第2行",
        ),
    ],
)
def test_calendar_import_saves_nothing_without_a_confirmation_or_on_bad_input(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    stdin: str,
    message: str,
) -> None:
    entries = LedgerEntry.objects.count()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert cli.main(argv) == 1
    assert message in capsys.readouterr().err
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert LedgerEntry.objects.count() == entries


def test_closed_stdin_in_a_real_process_is_a_message_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tongban.cli", "calendar", "import", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "CALENDAR_NOTICE_EMPTY" not in result.stderr
    assert "没有找到任何放假安排" in result.stderr


@pytest.mark.django_db
def test_ledger_verify_exit_codes() -> None:
    entry = append_ledger_entry(actor=None, action="test.created", object_type="test.thing", object_id="1")
    assert cli.main(["ledger", "verify"]) == 0
    from django.db import connection

    remove_ledger_triggers(connection)
    LedgerEntry.objects.filter(seq=entry.seq).update(action="test.forged")
    install_ledger_triggers(connection)
    assert cli.main(["ledger", "verify"]) == 1


@pytest.mark.django_db
def test_load_demo_refuses_without_demo_mode(settings, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = False
    before = LedgerEntry.objects.count()
    assert cli.main(["load-demo"]) == 1
    assert "TONGBAN_DEMO" in capsys.readouterr().err
    assert LedgerEntry.objects.count() == before


@pytest.mark.django_db
def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    append_ledger_entry(actor=None, action="test.kept", object_type="test.thing", object_id="1")
    archive = tmp_path / "site.tar.gz"
    assert cli.main(["backup", str(archive)]) == 0
    append_ledger_entry(actor=None, action="test.dropped", object_type="test.thing", object_id="2")
    assert cli.main(["restore", str(archive), "--yes"]) == 0
    assert LedgerEntry.objects.filter(action="test.kept").exists()
    assert not LedgerEntry.objects.filter(action="test.dropped").exists()
    assert cli.main(["ledger", "verify"]) == 0


@pytest.mark.django_db
def test_manage_passes_arguments_through(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["manage", "showmigrations", "core", "--plan"]) == 0
    assert "core.0003_ledger_append_only_triggers" in capsys.readouterr().out


class FakeProcess:
    """Stands in for a child process; records how it was started and stopped."""

    started: list[FakeProcess] = []

    def __init__(self, command: list[str], **_kwargs: Any) -> None:
        self.command = command
        self.pid = 40000 + len(FakeProcess.started)
        self.terminated = False
        self.returncode: int | None = None
        FakeProcess.started.append(self)

    def poll(self) -> int | None:
        if "gunicorn" in self.command and self.returncode is None:
            self.returncode = 0  # the server runs until it is stopped; here it stops at once
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if "gunicorn" in self.command:
            self.returncode = 0  # the server runs until it is stopped; here it stops at once
        return self.returncode or 0

    def terminate(self) -> None:
        self.terminated = True
        self.returncode = -15

    def send_signal(self, signum: int) -> None:
        self.terminate()

    def kill(self) -> None:
        self.terminate()


@pytest.mark.django_db
def test_serve_runs_gunicorn_and_stops_the_worker_when_it_exits(
    monkeypatch: pytest.MonkeyPatch,
    settings,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    settings.TONGBAN_DEMO = True
    FakeProcess.started = []
    called: list[str] = []
    monkeypatch.setattr(serve.subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(cli, "_call", lambda name, *a, **k: called.append(name) or 0)
    monkeypatch.setattr(cli, "_demo_logins", lambda: "citizen\tapplicant\t本人\t王秀英")

    assert cli.main(["serve", "--port", "8123", "--workers", "3"]) == 0

    server, worker = FakeProcess.started
    assert called == ["collectstatic"]
    assert worker.command[-1] == "worker"
    assert "gunicorn" in server.command
    assert "127.0.0.1:8123" in server.command
    assert server.command[server.command.index("--workers") + 1] == "3"
    assert worker.terminated is True
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/" in out
    assert "citizen" in out
    assert "--config" in server.command and "python:tongban.gunicorn_conf" in server.command


@pytest.mark.django_db
def test_serve_without_worker_starts_only_gunicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeProcess.started = []
    monkeypatch.setattr(serve.subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(cli, "_call", lambda name, *a, **k: 0)
    assert cli.main(["serve", "--no-worker"]) == 0
    assert len(FakeProcess.started) == 1
    assert "gunicorn" in FakeProcess.started[0].command


@pytest.mark.django_db
def test_check_runs_the_django_system_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check"]) == 0
    assert "System check identified" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--port", "8123"], "http://127.0.0.1:8123"),
        (["--host", "127.0.0.2", "--port", "9001"], "http://127.0.0.2:9001"),
        (["--host", "::1", "--port", "9002"], "http://[::1]:9002"),
    ],
)
def test_serve_points_links_at_the_running_server_unless_the_base_url_is_set(
    monkeypatch: pytest.MonkeyPatch,
    settings,
    argv: list[str],
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    import os

    # Register the variable with monkeypatch first, so whatever serve writes is undone after the test.
    monkeypatch.setenv("TONGBAN_BASE_URL", "placeholder")
    monkeypatch.delenv("TONGBAN_BASE_URL")
    FakeProcess.started = []
    monkeypatch.setattr(serve.subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(cli, "_call", lambda name, *a, **k: 0)

    assert cli.main(["serve", "--no-worker", *argv]) == 0

    assert os.environ["TONGBAN_BASE_URL"] == expected  # gunicorn and the worker inherit it
    assert expected == settings.TONGBAN_BASE_URL


@pytest.mark.django_db
def test_an_explicit_base_url_wins_over_the_port(monkeypatch: pytest.MonkeyPatch, settings) -> None:  # type: ignore[no-untyped-def]
    import os

    monkeypatch.setenv("TONGBAN_BASE_URL", "https://zwfw.example.gov.cn")
    settings.TONGBAN_BASE_URL = "https://zwfw.example.gov.cn"
    FakeProcess.started = []
    monkeypatch.setattr(serve.subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(cli, "_call", lambda name, *a, **k: 0)
    assert cli.main(["serve", "--no-worker", "--port", "8124"]) == 0
    assert os.environ["TONGBAN_BASE_URL"] == "https://zwfw.example.gov.cn"
    assert settings.TONGBAN_BASE_URL == "https://zwfw.example.gov.cn"
