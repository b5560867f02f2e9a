"""Project-wide pytest fixtures: fast password hashing and an isolated media directory per test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):  # type: ignore[no-untyped-def]
    # Argon2 costs ~100 ms per hash here (stack-eval §8); tests that check Argon2 set it back explicitly.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
