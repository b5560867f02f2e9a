"""Keys, seals and certificates of the platform (docs/signing.md; ADR 0012, ADR 0013).

Private keys are stored only encrypted with the KEK (:mod:`tongban.signing.kek`); nothing here prints them.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tongban.signing.choices import Algorithm, KeyPurpose, SealKind


class SigningKey(models.Model):
    """A signing key (签名密钥): public half in the clear, private half sealed with the KEK.

    A retired key (``retired_at`` set) signs nothing more but still verifies what it signed. At most one key per
    algorithm is current for the ``jws`` and ``ca`` purposes; every seal has its own ``seal`` key.
    """

    algorithm = models.CharField(_("算法"), max_length=10, choices=Algorithm.choices)
    purpose = models.CharField(_("用途"), max_length=10, choices=KeyPurpose.choices, default=KeyPurpose.JWS)
    kid = models.CharField(_("密钥标识"), max_length=80, unique=True)
    public_key = models.TextField(_("公钥"))  # PEM SubjectPublicKeyInfo, or 128 hex digits x||y for SM2
    public_jwk = models.JSONField(_("公钥 JWK"))
    # AES-256-GCM under the KEK with the kid as associated data (kek.encrypt_private_key).
    private_key_encrypted = models.BinaryField(_("加密的私钥"), editable=False)
    private_key_nonce = models.BinaryField(_("加密随机数"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("生成时间"), default=timezone.now)
    retired_at = models.DateTimeField(_("停用时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("签名密钥")
        verbose_name_plural = _("签名密钥")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["algorithm", "purpose"],
                condition=Q(retired_at__isnull=True) & ~Q(purpose=KeyPurpose.SEAL),
                name="signing_one_current_key_per_algorithm",
            )
        ]

    def __str__(self) -> str:
        return self.kid

    def __repr__(self) -> str:
        return f"<SigningKey {self.kid} {self.purpose}{' retired' if self.retired_at else ''}>"

    @property
    def is_current(self) -> bool:
        return self.retired_at is None


class CaCertificate(models.Model):
    """An X.509 certificate of the platform CA (数字证书): the self-signed root, and each seal's certificate."""

    is_root = models.BooleanField(_("根证书"), default=False)
    pem = models.TextField(_("证书（PEM）"))
    serial = models.CharField(_("序列号"), max_length=64, unique=True)  # hex
    subject = models.CharField(_("主体"), max_length=300)
    not_before = models.DateTimeField(_("生效时间"))
    not_after = models.DateTimeField(_("失效时间"))
    key = models.ForeignKey(
        SigningKey, verbose_name=_("密钥"), on_delete=models.PROTECT, related_name="certificates"
    )
    created_at = models.DateTimeField(_("签发时间"), default=timezone.now)

    class Meta:
        verbose_name = _("数字证书")
        verbose_name_plural = _("数字证书")
        ordering = ["-is_root", "created_at", "pk"]

    def __str__(self) -> str:
        return self.subject


class Seal(models.Model):
    """An electronic seal (电子印章): its name, picture, P-256 key and certificate from the platform CA.

    ``department`` is empty for the city's 行政审批专用章 that signs for every department. A seal with
    ``retired_at`` set was replaced (its certificate expired) and only verifies.
    """

    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seals",
    )
    name = models.CharField(_("印章名称"), max_length=100)
    kind = models.CharField(_("印章类型"), max_length=20, choices=SealKind.choices)
    valid_from = models.DateTimeField(_("启用时间"))
    valid_until = models.DateTimeField(_("有效期至"))
    svg = models.TextField(_("印模（SVG）"))
    key = models.ForeignKey(
        SigningKey, verbose_name=_("密钥"), on_delete=models.PROTECT, related_name="seals"
    )
    certificate_pem = models.TextField(_("印章证书（PEM）"))
    created_at = models.DateTimeField(_("生成时间"), default=timezone.now)
    retired_at = models.DateTimeField(_("停用时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("电子印章")
        verbose_name_plural = _("电子印章")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(department__isnull=True, retired_at__isnull=True),
                name="signing_one_current_city_seal",
            ),
            models.UniqueConstraint(
                fields=["department", "kind"],
                condition=Q(department__isnull=False, retired_at__isnull=True),
                name="signing_one_current_seal_per_department",
            ),
        ]

    def __str__(self) -> str:
        return self.name
