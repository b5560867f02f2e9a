"""Ledger actions of ``signing`` (STYLE point 5): ``signing.<noun>_<past_verb>``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SigningLedgerAction(models.TextChoices):
    """A ledger action of the signing app: one per key, certificate or seal created and per signature made."""

    KEY_GENERATED = "signing.key_generated", _("生成签名密钥")
    KEY_ROTATED = "signing.key_rotated", _("轮换签名密钥")
    ROOT_CA_CREATED = "signing.root_ca_created", _("生成平台根证书")
    SEAL_CREATED = "signing.seal_created", _("生成电子印章")
    SIGNED = "signing.signed", _("数据签名")
    PDF_SIGNED = "signing.pdf_signed", _("文件签章")
