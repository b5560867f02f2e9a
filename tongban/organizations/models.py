"""Regions, departments, halls, windows and staff positions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.core.models import TimeStampedModel
from tongban.organizations.choices import ExerciseLevel, RegionLevel, WindowKind


class Region(TimeStampedModel):
    """An administrative region (行政区划) at one of four levels.

    ``code`` is the 6-digit GB/T 2260 code for the city and county levels and the 12-digit statistical code
    (GB/T 10114) below them; a functional zone without a national code (城乡一体化示范区) gets a platform-local
    code and ``has_national_code=False``. ``path`` is the materialised ancestor path (``/410200/410202/``) so
    "this region and everything below it" is one indexed ``startswith`` query.
    """

    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    level = models.PositiveSmallIntegerField(_("层级"), choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("路径"), max_length=200, db_index=True, editable=False)
    has_national_code = models.BooleanField(_("国家标准代码"), default=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["level", "sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        parent_path = self.parent.path if self.parent is not None else "/"
        self.path = f"{parent_path}{self.code}/"
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        """The name qualified by its county below the city level (``祥符区城关镇``), since township names repeat."""
        names = [self.name]
        node = self
        while node.level > 2 and node.parent_id is not None:
            node = node.parent  # type: ignore[assignment]
            names.append(node.name)
        return "".join(reversed(names))

    def is_within(self, other: Region) -> bool:
        """True when this region is ``other`` or lies below it."""
        return self.path.startswith(other.path)


class Department(TimeStampedModel):
    """A government department or implementing body (实施主体) with its 统一社会信用代码."""

    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("所属区划"), on_delete=models.PROTECT, related_name="departments"
    )
    level = models.CharField(_("行使层级"), max_length=1, choices=ExerciseLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    category = models.CharField(_("业务领域"), max_length=50, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    seal_name = models.CharField(_("印章名称"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["region__level", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="department_unique_name_in_region")
        ]

    def __str__(self) -> str:
        return self.name


class Hall(TimeStampedModel):
    """A service hall (政务服务大厅: 市民之家, a county hall, a township 便民服务中心)."""

    name = models.CharField(_("名称"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("所属区划"), on_delete=models.PROTECT, related_name="halls"
    )
    address = models.CharField(_("地址"), max_length=200)
    opening_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("政务服务大厅")
        verbose_name_plural = _("政务服务大厅")
        ordering = ["region__level", "name"]

    def __str__(self) -> str:
        return self.name


class Window(TimeStampedModel):
    """A numbered window in a hall, optionally dedicated to departments."""

    hall = models.ForeignKey(Hall, verbose_name=_("大厅"), on_delete=models.CASCADE, related_name="windows")
    number = models.CharField(_("窗口号"), max_length=20)
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=30, choices=WindowKind.choices)
    departments = models.ManyToManyField(
        Department, verbose_name=_("进驻部门"), blank=True, related_name="windows"
    )

    class Meta:
        verbose_name = _("窗口")
        verbose_name_plural = _("窗口")
        ordering = ["hall", "number"]
        constraints = [
            models.UniqueConstraint(fields=["hall", "number"], name="window_unique_number_in_hall")
        ]

    def __str__(self) -> str:
        return f"{self.hall.name} {self.number}号窗口（{self.name}）"


class StaffPosition(TimeStampedModel):
    """A staff member's post: department, title and, for window staff, the hall window they sit at."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="positions"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("区划"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("职务"), max_length=100)
    window = models.ForeignKey(
        Window,
        verbose_name=_("窗口"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    is_active = models.BooleanField(_("在岗"), default=True)

    class Meta:
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")

    def __str__(self) -> str:
        return f"{self.user} · {self.title}"
