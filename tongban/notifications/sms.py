"""SMS adapters. ``settings.TONGBAN_SMS_BACKEND`` names the class; a real gateway implements ``send``."""

from __future__ import annotations

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from tongban.core.masking import mask_phone

logger = logging.getLogger("tongban.sms")


class SmsBackend(Protocol):
    """What an SMS gateway adapter offers: send one text to one mainland mobile number, raise on failure."""

    def send(self, phone: str, text: str) -> None: ...


class LoggingSmsBackend:
    """The embedded-demo adapter: writes the message to the log with the phone number masked."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", mask_phone(phone), text)


def get_sms_backend() -> SmsBackend:
    """An instance of the configured adapter."""
    return import_string(settings.TONGBAN_SMS_BACKEND)()
