"""Demo accounts: loader idempotency, the ``demo_accounts`` listing and the production guard."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tongban.accounts import demo as accounts_demo
from tongban.accounts.checks import check_no_demo_accounts_in_production
from tongban.accounts.models import AgentAuthorization, RoleGrant, User
from tongban.core.models import LedgerEntry
from tongban.organizations import demo as organizations_demo
from tongban.organizations.models import StaffPosition

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def _load(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = True
    organizations_demo.load()
    accounts_demo.load()


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        RoleGrant.objects.count(),
        StaffPosition.objects.count(),
        AgentAuthorization.objects.count(),
    )


def test_demo_loader_is_idempotent(settings) -> None:  # type: ignore[no-untyped-def]
    _load(settings)
    first = _counts()
    ledger_length = LedgerEntry.objects.count()
    _load(settings)
    assert _counts() == first
    assert LedgerEntry.objects.count() == ledger_length  # re-running records nothing new
    assert set(User.objects.values_list("username", flat=True)) == set(accounts_demo.DEMO_USERNAMES)
    assert User.objects.filter(is_demo=False).count() == 0
    clerk = User.objects.get(username="clerk")
    assert clerk.check_password("tongban-demo")
    assert clerk.positions.get().window.number == "1"
    township_clerk = User.objects.get(username="clerk_township")
    assert township_clerk.role_grants.get().region.level == 3
    sysadmin = User.objects.get(username="sysadmin")
    assert sysadmin.is_superuser and sysadmin.is_staff


def test_demo_loader_does_nothing_when_demo_mode_is_off(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = False
    organizations_demo.load()
    accounts_demo.load()
    assert not User.objects.exists()


def test_demo_accounts_prints_one_tab_separated_line_per_account(settings) -> None:  # type: ignore[no-untyped-def]
    _load(settings)
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == len(accounts_demo.DEMO_USERNAMES)
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert all(len(row) == 4 for row in rows.values())
    assert rows["citizen"] == ["citizen", "applicant", "本人", "王秀英"]
    assert rows["agent"][1] == "agent" and "开封市汴梁食品有限公司" in rows["agent"][2]
    assert rows["reviewer_scjg"][1:] == ["reviewer", "开封市市场监督管理局", "陈静"]
    assert rows["clerk_xiangfu"][1:3] == ["clerk", "祥符区"]
    assert rows["sysadmin"][1] == "system_admin"
    assert rows["clerk_township"][1:3] == ["clerk", "祥符区城关镇"]


def test_demo_accounts_is_silent_when_demo_mode_is_off(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = False
    out, err = StringIO(), StringIO()
    call_command("demo_accounts", stdout=out, stderr=err)
    assert out.getvalue() == "" and "演示模式未开启" in err.getvalue()


def test_production_check_refuses_demo_accounts(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PRODUCTION = False
    _load(settings)
    assert check_no_demo_accounts_in_production() == []
    settings.PRODUCTION = True
    messages = check_no_demo_accounts_in_production()
    assert [m.id for m in messages] == ["accounts.E001"]
    User.objects.filter(is_demo=True).delete()
    assert check_no_demo_accounts_in_production() == []


def _import_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "TONGBAN_DEMO", "DEBUG", "TONGBAN_ENV")
    }
    return subprocess.run(
        [sys.executable, "-c", "import tongban.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_the_default_secret_key_and_demo_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    var = str(tmp_path)
    default_key = _import_settings(TONGBAN_ENV="production", TONGBAN_VAR_DIR=var)
    assert default_key.returncode != 0 and "SECRET_KEY" in default_key.stderr
    strong = "x" * 40
    demo_on = _import_settings(
        TONGBAN_ENV="production", SECRET_KEY=strong, TONGBAN_DEMO="1", TONGBAN_VAR_DIR=var
    )
    assert demo_on.returncode != 0 and "TONGBAN_DEMO" in demo_on.stderr
    ok = _import_settings(TONGBAN_ENV="production", SECRET_KEY=strong, TONGBAN_VAR_DIR=var)
    assert ok.returncode == 0, ok.stderr
