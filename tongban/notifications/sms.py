"""SMS adapters. ``settings.TONGBAN_SMS_BACKEND`` names the class; a real gateway implements ``send``."""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from tongban.core.masking import mask_phone

logger = logging.getLogger("tongban.sms")


class SmsBackend(Protocol):
    """What an SMS gateway adapter offers: send one text to one mainland mobile number, raise on failure."""

    def send(self, phone: str, text: str) -> None: ...


# A run of 4-8 digits standing alone: verification, pickup and query codes (case numbers are 20 digits, phone
# numbers 11, and stay readable).
_CODE_RE = re.compile(r"(?<![0-9])[0-9]{4,8}(?![0-9])")


def mask_codes(text: str) -> str:
    """Replace every stand-alone code of 4-8 digits by asterisks, for logs."""
    return _CODE_RE.sub(lambda match: "*" * len(match.group(0)), text)


class LoggingSmsBackend:
    """The default adapter: writes the message to the log, phone number and any codes masked.

    Nothing secret reaches the log: a one-time code or pickup code in the text becomes ``******``.
    """

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", mask_phone(phone), mask_codes(text))


class FileSmsBackend:
    """A local stand-in for a handset (demo and browser tests): appends each message, in clear, to a file.

    ``settings.TONGBAN_SMS_FILE`` (default ``var/sms-outbox.log``), created ``0600``. One line per message:
    ``<ISO time>\t<phone>\t<text>``. Never use it in production; a real gateway implements ``send``.
    """

    def send(self, phone: str, text: str) -> None:
        path = Path(settings.TONGBAN_SMS_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = f"{datetime.now().isoformat(timespec='seconds')}\t{phone}\t{text.replace(chr(10), ' ')}\n"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(line)
        logger.info("SMS to %s: %s", mask_phone(phone), mask_codes(text))


def read_sms_file(phone: str | None = None) -> list[str]:
    """The texts :class:`FileSmsBackend` wrote so far (optionally to one phone), oldest first."""
    path = Path(settings.TONGBAN_SMS_FILE)
    if not path.exists():
        return []
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        _when, _sep, rest = line.partition("\t")
        to, _sep, text = rest.partition("\t")
        if phone is None or to == phone:
            texts.append(text)
    return texts


def get_sms_backend() -> SmsBackend:
    """An instance of the configured adapter."""
    return import_string(settings.TONGBAN_SMS_BACKEND)()
