"""People, enterprises, role grants and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tongban.accounts.choices import AgentStatus, Role, UserKind
from tongban.core.models import TimeStampedModel


class User(AbstractUser):
    """An account (账号): a citizen (自然人), an enterprise agent (法人经办人) or a staff member (工作人员).

    ``id_number`` is the 居民身份证号码, validated with python-stdnum where it enters the system and shown
    masked everywhere. Lockout state lives on the row so every web process sees the same counter.
    """

    kind = models.CharField(_("账号类型"), max_length=20, choices=UserKind.choices, default=UserKind.CITIZEN)
    real_name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_number = models.CharField(_("居民身份证号码"), max_length=18, blank=True, db_index=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    is_demo = models.BooleanField(_("演示账号"), default=False)
    failed_login_count = models.PositiveIntegerField(_("连续登录失败次数"), default=0)
    locked_until = models.DateTimeField(_("锁定至"), null=True, blank=True)

    class Meta:
        verbose_name = _("账号")
        verbose_name_plural = _("账号")
        constraints = [
            models.UniqueConstraint(
                fields=["id_number"], condition=~models.Q(id_number=""), name="user_unique_id_number"
            )
        ]

    def __str__(self) -> str:
        return self.real_name or self.username

    @property
    def display_name(self) -> str:
        return self.real_name or self.username

    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()


class Enterprise(TimeStampedModel):
    """A legal person (法人) identified by its 统一社会信用代码."""

    name = models.CharField(_("名称"), max_length=200)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    address = models.CharField(_("住所"), max_length=300, blank=True)
    region = models.ForeignKey(
        "organizations.Region", verbose_name=_("登记区划"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("企业法人")
        verbose_name_plural = _("企业法人")

    def __str__(self) -> str:
        return self.name


class AgentAuthorization(TimeStampedModel):
    """An authorisation for a user to act for an enterprise (经办人授权) or for another person (代办)."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        on_delete=models.CASCADE,
        related_name="authorizations",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("企业"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="agents",
    )
    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("被代办人"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proxies",
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=AgentStatus.choices, default=AgentStatus.ACTIVE
    )
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    document_note = models.CharField(_("授权书说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("授权")
        verbose_name_plural = _("授权")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enterprise__isnull=False) | models.Q(principal__isnull=False),
                name="authorization_has_principal",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agent} → {self.enterprise or self.principal}"


class RoleGrant(TimeStampedModel):
    """A role held over a scope: a department, a region subtree, or both (ARCHITECTURE §5.4).

    A grant with a department applies to that department's objects; a grant with a region applies to
    objects located in that region or below it; with both, both must hold.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(_("角色"), max_length=30, choices=Role.choices)
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("部门范围"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_grants",
    )
    region = models.ForeignKey(
        "organizations.Region",
        verbose_name=_("区划范围"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_grants",
    )

    class Meta:
        verbose_name = _("角色授权")
        verbose_name_plural = _("角色授权")
        indexes = [models.Index(fields=["user", "role"], name="rolegrant_user_role_idx")]

    def __str__(self) -> str:
        scope = " / ".join(str(s) for s in (self.department, self.region) if s)
        return f"{self.user} · {self.get_role_display()} · {scope or _('全市')}"


class ApiToken(TimeStampedModel):
    """A bearer token for API clients; only the SHA-256 of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    token_hash = models.CharField(_("令牌摘要"), max_length=64, unique=True)
    prefix = models.CharField(_("令牌前缀"), max_length=8)
    expires_at = models.DateTimeField(_("过期时间"))
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked = models.BooleanField(_("已吊销"), default=False)

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
