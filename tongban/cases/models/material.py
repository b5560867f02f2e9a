"""Materials of a case (申请材料): uploads for catalog materials or extras, with their pre-review marks."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import MaterialReviewStatus
from tongban.cases.models.case import Case


def case_material_upload_to(instance: CaseMaterial, filename: str) -> str:
    """``cases/<number or draft id>/<random>_<name>``: the random part keeps replaced uploads apart."""
    safe = filename.replace("/", "_").replace("\\", "_")[-80:]
    return f"{instance.case.storage_prefix}/{uuid.uuid4().hex[:12]}_{safe}"


class CaseMaterial(models.Model):
    """One material of a case (申请材料): an upload for a catalog material or an extra, with its pre-review mark.

    Replaced uploads stay as rows with ``is_current=False``. A ``tolerated`` row (容缺) has no file until
    :func:`~tongban.cases.services.do_supplement_material` supplies it. A ``generated`` row is the PDF of the
    submitted online form, rendered at submission (:mod:`tongban.cases.services.generated`). A row with a
    ``license_identifier`` is satisfied by that electronic licence (免提交, :mod:`tongban.cases.services.licences`).
    """

    case = models.ForeignKey(Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="materials")
    material = models.ForeignKey(
        "catalog.Material",
        verbose_name=_("目录材料"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("材料名称"), max_length=300)
    file = models.FileField(_("文件"), upload_to=case_material_upload_to, max_length=300, blank=True)
    original_name = models.CharField(_("原文件名"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"), default=0)
    content_type = models.CharField(_("文件类型"), max_length=100, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), null=True, blank=True)
    originals_checked = models.BooleanField(_("已核验原件"), default=False)
    review_status = models.CharField(
        _("预审结果"),
        max_length=20,
        choices=MaterialReviewStatus.choices,
        default=MaterialReviewStatus.PENDING,
    )
    review_reason = models.CharField(_("预审意见"), max_length=500, blank=True)
    is_current = models.BooleanField(_("现行"), default=True)
    tolerated = models.BooleanField(_("容缺"), default=False)
    # Rendered by the platform from the submitted online form (catalog ``Material.generated_from_form``).
    generated = models.BooleanField(_("系统生成"), default=False)
    supplied_at = models.DateTimeField(_("补交时间"), null=True, blank=True)
    # 免证可办: the material is satisfied by this electronic licence (its GB/T 36904 identifier) under an
    # authorisation to use (授权用证) instead of an upload; such a row has no file.
    license_identifier = models.CharField(_("电子证照标识"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("办件材料")
        verbose_name_plural = _("办件材料")
        ordering = ["case", "material__order", "id"]
        indexes = [models.Index(fields=["case", "is_current"], name="casematerial_current_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def outstanding(self) -> bool:
        """True for a 容缺 material that has not been supplied yet."""
        return self.tolerated and self.supplied_at is None
