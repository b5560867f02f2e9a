"""Start-up: production refuses to start without a KEK (gunicorn's wsgi module, ``tongban serve``, ``tongban
check``); the ledger's checkpoint signer is the signing app's; the admin shows no private key."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tongban.accounts.checks import check_kek_in_production, kek_problem_in_production
from tongban.core.checkpoints import get_checkpoint_signer
from tongban.signing import queries, services
from tongban.signing.models import SigningKey

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEK = base64.b64encode(b"\x05" * 32).decode()


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_", "TONGBAN_KEK"))}
    env.update(
        TONGBAN_ENV="production",
        TONGBAN_DEMO="0",
        SECRET_KEY="x" * 40,
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        TONGBAN_VAR_DIR=str(tmp_path / "var"),
        ALLOWED_HOSTS="localhost",
        **extra,
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated production SQLite database without demo accounts, built once in a separate process."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = _production_env(tmp_path, TONGBAN_KEK=GOOD_KEK)
    result = _run([sys.executable, "manage.py", "migrate", "-v0"], env)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_gunicorns_wsgi_module_refuses_production_without_a_kek(migrated) -> None:  # type: ignore[no-untyped-def]
    result = _run([sys.executable, "-c", "import tongban.wsgi"], _production_env(migrated))
    assert result.returncode != 0
    assert "TONGBAN_KEK" in result.stderr and "拒绝启动" in result.stderr
    assert not (migrated / "var" / "kek").exists()  # production never generates one


def test_tongban_serve_refuses_production_without_a_kek(migrated) -> None:  # type: ignore[no-untyped-def]
    result = _run([sys.executable, "-m", "tongban.cli", "serve"], _production_env(migrated))
    assert result.returncode == 1 and "TONGBAN_KEK" in result.stderr


def test_tongban_check_reports_a_malformed_kek(migrated) -> None:  # type: ignore[no-untyped-def]
    result = _run(
        [sys.executable, "-m", "tongban.cli", "check"], _production_env(migrated, TONGBAN_KEK="c2hvcnQ=")
    )
    assert result.returncode != 0
    assert "accounts.E003" in result.stderr + result.stdout


def test_production_with_a_kek_file_loads(migrated) -> None:  # type: ignore[no-untyped-def]
    kek_file = migrated / "kek.secret"
    kek_file.write_text(GOOD_KEK + "\n")
    result = _run(
        [sys.executable, "-c", "import tongban.wsgi"],
        _production_env(migrated, TONGBAN_KEK_FILE=str(kek_file)),
    )
    assert result.returncode == 0, result.stderr


def test_the_check_is_silent_outside_production_and_with_a_good_kek(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PRODUCTION = False
    settings.TONGBAN_KEK = ""
    assert kek_problem_in_production() == "" and check_kek_in_production() == []
    settings.PRODUCTION = True
    assert [m.id for m in check_kek_in_production()] == ["accounts.E003"]
    settings.TONGBAN_KEK = GOOD_KEK
    assert check_kek_in_production() == []


@pytest.mark.django_db
def test_the_ledger_checkpoint_signer_is_the_signing_apps() -> None:
    signer = get_checkpoint_signer()
    assert signer is not None
    kid, _alg, signature = signer.sign(b"checkpoint")
    assert signer.verify(kid, b"checkpoint", signature) and not signer.verify(kid, b"checkpoinT", signature)
    assert signer.sign is services.sign_detached and signer.verify is queries.verify_detached


@pytest.mark.django_db
def test_the_admin_shows_keys_without_their_private_half(admin_client) -> None:  # type: ignore[no-untyped-def]
    key = services.do_generate_key("ed25519", actor=None)
    services.ensure_seal(None, actor=None)
    secret = bytes(key.private_key_encrypted)
    for name, args in (
        ("admin:signing_signingkey_changelist", []),
        ("admin:signing_signingkey_change", [key.pk]),
        ("admin:signing_seal_changelist", []),
        ("admin:signing_cacertificate_changelist", []),
    ):
        url = reverse(name, args=args)
        response = admin_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert (
            "private_key" not in body
            and base64.b64encode(secret).decode() not in body
            and secret.hex() not in body
        )
    assert admin_client.get(reverse("admin:signing_signingkey_add")).status_code == 403
    assert SigningKey.objects.filter(pk=key.pk).exists()
