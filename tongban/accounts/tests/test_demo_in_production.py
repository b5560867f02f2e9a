"""Demo accounts never work outside demo mode, and production refuses to start while one exists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tongban.accounts.models import User
from tongban.accounts.services import do_issue_api_token
from tongban.accounts.testing import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo_citizen(citizen):  # type: ignore[no-untyped-def]
    User.objects.filter(pk=citizen.pk).update(is_demo=True)
    citizen.refresh_from_db()
    return citizen


def test_demo_accounts_log_in_in_demo_mode(client, demo_citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = True
    response = client.post("/accounts/login/", {"username": "citizen", "password": PERSONA_PASSWORD})
    assert response.status_code == 302


def test_demo_accounts_get_no_session_or_token_outside_demo_mode(client, demo_citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = False
    response = client.post("/accounts/login/", {"username": "citizen", "password": PERSONA_PASSWORD})
    assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session
    response = client.post(
        "/api/v1/auth/token",
        {"username": "citizen", "password": PERSONA_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 401 and response.json()["code"] == "INVALID_CREDENTIALS"


def test_sessions_and_tokens_issued_in_demo_mode_stop_working(client, demo_citizen, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TONGBAN_DEMO = True
    client.post("/accounts/login/", {"username": "citizen", "password": PERSONA_PASSWORD})
    raw, _token = do_issue_api_token(demo_citizen)
    assert client.get("/accounts/profile/").status_code == 200
    settings.TONGBAN_DEMO = False
    assert client.get("/accounts/profile/").status_code == 302  # the session no longer authenticates
    assert client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def _production_env(tmp_path: Path, database: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        TONGBAN_ENV="production",
        TONGBAN_DEMO="0",
        SECRET_KEY="x" * 40,
        TONGBAN_KEK="BQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU=",
        DATABASE_URL=f"sqlite:///{database}",
        TONGBAN_VAR_DIR=str(tmp_path / "var"),
        ALLOWED_HOSTS="localhost",
    )
    return env


@pytest.fixture
def production_db_with_demo(tmp_path: Path) -> Path:
    """A migrated SQLite database that holds one demo account, built in a separate process."""
    database = tmp_path / "prod.sqlite3"
    env = _production_env(tmp_path, str(database)) | {"TONGBAN_ENV": "development", "TONGBAN_DEMO": "1"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    script = (
        "from tongban.accounts.models import User; User.objects.create(username='sysadmin', is_demo=True)"
    )
    subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True)
    return database


def test_gunicorns_wsgi_module_refuses_to_load(tmp_path, production_db_with_demo) -> None:  # type: ignore[no-untyped-def]
    env = _production_env(tmp_path, str(production_db_with_demo))
    result = subprocess.run(
        [sys.executable, "-c", "import tongban.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "演示账号" in result.stderr and "拒绝启动" in result.stderr


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_tongban_serve_and_worker_refuse_to_start(tmp_path, production_db_with_demo, command) -> None:  # type: ignore[no-untyped-def]
    env = _production_env(tmp_path, str(production_db_with_demo))
    result = subprocess.run(
        [sys.executable, "-m", "tongban.cli", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "演示账号" in result.stderr and "拒绝启动" in result.stderr


def test_production_without_demo_accounts_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "clean.sqlite3"
    env = _production_env(tmp_path, str(database))
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    result = subprocess.run(
        [sys.executable, "-c", "import tongban.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
