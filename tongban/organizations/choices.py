"""Enumerations owned by ``organizations``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.IntegerChoices):
    """Administrative level of a region (GB/T 2260 for city/county, GB/T 10114 12-digit codes below)."""

    CITY = 1, _("市级")
    COUNTY = 2, _("县（区）级")
    TOWNSHIP = 3, _("乡镇（街道）级")
    VILLAGE = 4, _("村（社区）级")


class ExerciseLevel(models.TextChoices):
    """行使层级代码 (GB/T 39046 A.2), used in the 31-character 实施编码."""

    NATIONAL = "1", _("国家级")
    PROVINCIAL = "2", _("省级")
    CITY = "3", _("市级")
    COUNTY = "4", _("县级")
    TOWNSHIP = "5", _("镇（乡、街道）级")
    VILLAGE = "6", _("村（社区）级")
    TIERED = "7", _("分级管理")


class WindowKind(models.TextChoices):
    """What a hall window is for."""

    GENERAL_INTAKE = "general_intake", _("综合受理")
    RESULT_PICKUP = "result_pickup", _("出件")
    ASSISTED = "assisted", _("帮办代办")
    CROSS_PROVINCE = "cross_province", _("跨省通办")
    ENTERPRISE = "enterprise", _("企业开办")
    CONSULTATION = "consultation", _("咨询")
