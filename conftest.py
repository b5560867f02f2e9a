"""Project-wide pytest fixtures: fast password hashing, an isolated media directory and a clean cache per test."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):  # type: ignore[no-untyped-def]
    # Argon2 costs ~100 ms per hash here (stack-eval §8); tests that check Argon2 set it back explicitly.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.TONGBAN_SMS_FILE = str(tmp_path / "sms-outbox.log")


@pytest.fixture(autouse=True)
def _clean_cache():  # type: ignore[no-untyped-def]
    """Lockout counters and rate limits live in the cache: every test starts and ends with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


class SmsOutbox:
    """The messages the local file SMS adapter (the demo handset) received during one test.

    Codes are sent after commit; inside a test's transaction wrap the request in ``with sms_outbox.sending():``.
    """

    def __init__(self, capture) -> None:  # type: ignore[no-untyped-def]
        self._capture = capture

    def sending(self):  # type: ignore[no-untyped-def]
        """Run the after-commit callbacks (the sends) of the block when it ends."""
        return self._capture(execute=True)

    def texts(self, phone: str | None = None) -> list[str]:
        from tongban.notifications.sms import read_sms_file

        return read_sms_file(phone)

    def last_code(self, phone: str) -> str:
        """The six-digit code in the newest message to ``phone``."""
        for text in reversed(self.texts(phone)):
            match = re.search(r"(?<![0-9])([0-9]{6})(?![0-9])", text)
            if match:
                return match.group(1)
        raise AssertionError(f"no code was sent to {phone}")


@pytest.fixture
def sms_outbox(settings, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Route SMS through ``FileSmsBackend`` (in this test's tmp dir) and read what it received."""
    settings.TONGBAN_SMS_BACKEND = "tongban.notifications.sms.FileSmsBackend"
    return SmsOutbox(django_capture_on_commit_callbacks)


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
