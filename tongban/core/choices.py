"""Enumerations owned by ``core``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HolidayKind(models.TextChoices):
    """What a listed calendar day is."""

    HOLIDAY = "holiday", _("法定节假日（放假）")  # a weekday (or weekend) that is a day off
    ADJUSTED_WORKDAY = "adjusted_workday", _("调休上班日")  # a weekend day that is a working day
