"""Project-wide pytest fixtures: fast password hashing and an isolated media directory per test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):  # type: ignore[no-untyped-def]
    # Argon2 costs ~100 ms per hash here (stack-eval §8); tests that check Argon2 set it back explicitly.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")


# --- Personas (accounts) ------------------------------------------------------------------------------------------


@pytest.fixture
def citizen(db):  # type: ignore[no-untyped-def]
    """王秀英, a registered citizen (username ``citizen``)."""
    from tongban.accounts.testing import make_citizen

    return make_citizen("citizen", real_name="王秀英", id_number="410202199001010018", phone="13812345678")


@pytest.fixture
def other_citizen(db):  # type: ignore[no-untyped-def]
    """李建国, another citizen who must never see 王秀英's things (username ``citizen2``)."""
    from tongban.accounts.testing import make_citizen

    return make_citizen("citizen2", real_name="李建国", id_number="410203198005151231", phone="13937811234")


@pytest.fixture
def anonymous_client(client):  # type: ignore[no-untyped-def]
    """A test client that is not signed in."""
    client.logout()
    return client
