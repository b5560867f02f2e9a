"""Licence types, licences, their uses and presentations, and stock imports (ADR 0012, ADR 0013).

A licence's state changes only through :mod:`tongban.licenses.services`, which consults
:data:`tongban.licenses.transitions.TRANSITIONS`. ``expired`` is never stored: :meth:`License.current_status`
derives it from ``valid_until`` on the day asked about.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.core.models import TimeStampedModel
from tongban.licenses.choices import HolderCategory, LicenseState, LicenseStatus, StockImportStatus


class LicenseType(TimeStampedModel):
    """A licence type (证照类型, GB/T 36902 目录信息): who defines it, who holds it, how long it lasts, its face.

    ``code`` is the defining agency's 统一社会信用代码 plus a three-digit sequence (GB/T 36904 证照类型代码).
    ``face_schema`` is the JSON Schema the licence face (照面信息) must satisfy; ``face_mapping`` maps each face
    field to the case form field (or a ``$``-source such as ``$holder_name``) it is filled from.
    """

    code = models.CharField(_("证照类型代码"), max_length=21, unique=True)
    name = models.CharField(_("证照名称"), max_length=200)
    define_agency_name = models.CharField(_("证照定义机构"), max_length=200)
    define_agency_code = models.CharField(_("证照定义机构代码"), max_length=18)
    define_agency_level = models.CharField(_("证照定义机构级别"), max_length=1, blank=True)
    issuing_level = models.CharField(_("证照颁发机构级别"), max_length=1, blank=True)
    holder_category = models.CharField(
        _("持证主体类别"), max_length=20, choices=HolderCategory.choices, default=HolderCategory.PERSON
    )
    validity_years = models.PositiveSmallIntegerField(_("有效期（年）"), null=True, blank=True)
    face_schema = models.JSONField(_("照面信息结构"), default=dict, blank=True)
    face_mapping = models.JSONField(_("照面信息来源"), default=dict, blank=True)
    face_template = models.CharField(_("照面模板"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("演示数据"), default=False)

    class Meta:
        verbose_name = _("证照类型")
        verbose_name_plural = _("证照类型")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"


class LicenseSerialSequence(models.Model):
    """The last serial number (流水号) used per licence type and issuing agency; locked to hand out the next one."""

    type_code = models.CharField(_("证照类型代码"), max_length=21)
    issuer_code = models.CharField(_("证照颁发机构代码"), max_length=18)
    last = models.PositiveBigIntegerField(_("已用序号"), default=0)

    class Meta:
        verbose_name = _("证照流水号序列")
        verbose_name_plural = _("证照流水号序列")
        constraints = [
            models.UniqueConstraint(
                fields=["type_code", "issuer_code"], name="licenseserial_unique_type_issuer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.type_code} {self.issuer_code} {self.last}"


class StockImport(models.Model):
    """One upload of existing licences (存量证照导入): its file, progress and counts, and the rejected rows."""

    file = models.FileField(_("导入文件"), upload_to="licenses/imports/%Y/%m/", max_length=255)
    filename = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("文件摘要"), max_length=64, db_index=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=StockImportStatus.choices, default=StockImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("总行数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已处理行数"), default=0)
    imported_count = models.PositiveIntegerField(_("导入数"), default=0)
    duplicate_count = models.PositiveIntegerField(_("重复数"), default=0)
    rejected_count = models.PositiveIntegerField(_("拒收数"), default=0)
    rejected_file = models.FileField(
        _("拒收行文件"), upload_to="licenses/imports/%Y/%m/", max_length=255, blank=True
    )
    error = models.TextField(_("错误信息"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("存量证照导入")
        verbose_name_plural = _("存量证照导入")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"


class License(TimeStampedModel):
    """An electronic licence (电子证照): one version of one licence, with its signed payload.

    ``identifier`` follows GB/T 36904 (``1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>``). A
    correction issues the next version under the same serial; the old row becomes ``superseded`` with
    ``superseded_by`` pointing at the new one, and both stay verifiable. ``payload`` is the compact JWS the QR
    code carries; ``pdf`` caches the signed PDF face, rendered after commit.
    """

    identifier = models.CharField(_("证照标识"), max_length=128, unique=True)
    type = models.ForeignKey(
        LicenseType, verbose_name=_("证照类型"), on_delete=models.PROTECT, related_name="licenses"
    )
    issuer_code = models.CharField(_("证照颁发机构代码"), max_length=18)
    issuer_name = models.CharField(_("证照颁发机构"), max_length=200)
    serial = models.CharField(_("流水号"), max_length=32)
    version = models.CharField(_("版本号"), max_length=3, default="001")

    holder_category = models.CharField(_("持证主体类别"), max_length=20, choices=HolderCategory.choices)
    holder_name = models.CharField(_("持证主体"), max_length=200, db_index=True)
    holder_id_number = models.CharField(_("持证人身份证号码"), max_length=18, blank=True, db_index=True)
    holder_credit_code = models.CharField(
        _("持证单位统一社会信用代码"), max_length=18, blank=True, db_index=True
    )

    face = models.JSONField(_("照面信息"), default=dict, blank=True)
    valid_from = models.DateField(_("有效期起始"))
    valid_until = models.DateField(_("有效期截止"), null=True, blank=True)  # null = 长期
    issued_at = models.DateTimeField(_("颁证时间"))
    issuing_department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("颁证单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="licenses",
    )
    seal = models.ForeignKey(
        "signing.Seal",
        verbose_name=_("印章"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="licenses",
    )

    state = models.CharField(
        _("状态"), max_length=20, choices=LicenseState.choices, default=LicenseState.VALID
    )
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("更正后版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    reason = models.TextField(_("事由"), blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)

    source_case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("来源办件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="licenses",
    )
    import_batch = models.ForeignKey(
        StockImport,
        verbose_name=_("导入批次"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="licenses",
    )
    payload = models.TextField(_("签名数据"), blank=True)
    pdf = models.FileField(_("签章版式文件"), upload_to="licenses/pdf/%Y/%m/", max_length=255, blank=True)

    class Meta:
        verbose_name = _("电子证照")
        verbose_name_plural = _("电子证照")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["type", "issuer_code", "serial", "version"],
                name="license_unique_type_issuer_serial_ver",
            ),
        ]
        indexes = [
            # Wallet lookups: a person's licences, an enterprise's licences, newest first.
            models.Index(fields=["holder_id_number", "-issued_at"], name="license_wallet_person_idx"),
            models.Index(fields=["holder_credit_code", "-issued_at"], name="license_wallet_ent_idx"),
            models.Index(fields=["type", "state"], name="license_type_state_idx"),
        ]

    def __str__(self) -> str:
        return self.identifier

    def is_expired(self, today: date) -> bool:
        """True when the validity period ended before ``today`` (a 长期 licence never expires)."""
        return self.valid_until is not None and self.valid_until < today

    def current_status(self, today: date) -> LicenseStatus:
        """The status on ``today``: the stored state, or ``expired`` for a valid licence past ``valid_until``."""
        if self.state == LicenseState.VALID and self.is_expired(today):
            return LicenseStatus.EXPIRED
        return LicenseStatus(self.state)


class LicenseUse(models.Model):
    """A holder's authorisation for a department to use a licence in a case (用证记录/用证授权)."""

    license = models.ForeignKey(
        License, verbose_name=_("电子证照"), on_delete=models.PROTECT, related_name="uses"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("办件"), on_delete=models.CASCADE, related_name="license_uses"
    )
    department = models.ForeignKey(
        "organizations.Department", verbose_name=_("用证部门"), on_delete=models.PROTECT, related_name="+"
    )
    material_name = models.CharField(_("替代材料"), max_length=200)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("授权人"), on_delete=models.PROTECT, related_name="+"
    )
    valid_until = models.DateField(_("授权有效期至"), null=True, blank=True)
    created_at = models.DateTimeField(_("授权时间"), db_index=True)

    class Meta:
        verbose_name = _("用证记录")
        verbose_name_plural = _("用证记录")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.license_id} → {self.case_id}"


class Presentation(models.Model):
    """A five-minute presentation (亮证) of a licence: the nonce of the signed wrapper and when it expires."""

    license = models.ForeignKey(
        License, verbose_name=_("电子证照"), on_delete=models.CASCADE, related_name="presentations"
    )
    nonce = models.CharField(_("随机数"), max_length=64, unique=True)
    expires_at = models.DateTimeField(_("失效时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("亮证人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("亮证时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("亮证记录")
        verbose_name_plural = _("亮证记录")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.license_id} {self.nonce[:8]}"
