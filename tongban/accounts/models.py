"""People, enterprises, role grants and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tongban.accounts.choices import (
    VERIFIED_IDENTITY_LEVELS,
    AgentStatus,
    CodeChannel,
    CodePurpose,
    IdentityLevel,
    Role,
    UserKind,
)
from tongban.core.models import TimeStampedModel


class User(AbstractUser):
    """An account (账号): a citizen (自然人), an enterprise agent (法人经办人) or a staff member (工作人员).

    ``id_number`` is the 居民身份证号码, validated by ``tongban.core.validators`` where it enters the system and
    shown masked everywhere. ``identity_level`` says how sure the platform is that the holder is that person;
    only verified accounts are linked to window cases filed under their number. Login failures are counted by
    django-axes in the shared cache, not on the row (ADR 0009).
    """

    kind = models.CharField(_("账号类型"), max_length=20, choices=UserKind.choices, default=UserKind.CITIZEN)
    real_name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_number = models.CharField(_("居民身份证号码"), max_length=18, blank=True, db_index=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    phone_verified_at = models.DateTimeField(_("手机号码验证时间"), null=True, blank=True)
    identity_level = models.CharField(
        _("身份核验等级"), max_length=20, choices=IdentityLevel.choices, default=IdentityLevel.UNVERIFIED
    )
    identity_verified_at = models.DateTimeField(_("身份核验时间"), null=True, blank=True)
    is_demo = models.BooleanField(_("演示账号"), default=False)

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

    @property
    def identity_verified(self) -> bool:
        """True when a real-name check or a window clerk confirmed the holder is the person of ``id_number``."""
        return self.identity_level in VERIFIED_IDENTITY_LEVELS


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


class PopulationRecord(models.Model):
    """One person in the local population registry used by the demonstration real-name check (人口库，演示数据).

    The national population service (公安人口库) is outside the platform; ``tongban.accounts.identity`` defines the
    adapter interface. This table backs the built-in local adapter and is **demonstration data** seeded in demo
    mode only; a production city configures an adapter to its real service instead.
    """

    id_number = models.CharField(_("居民身份证号码"), max_length=18, unique=True)
    name = models.CharField(_("姓名"), max_length=100)
    note = models.CharField(_("说明"), max_length=100, default="演示数据")

    class Meta:
        verbose_name = _("人口库记录（演示）")
        verbose_name_plural = _("人口库记录（演示）")

    def __str__(self) -> str:
        return f"{self.name} ({self.note})"


class OneTimeCode(models.Model):
    """A one-time code (一次性验证码) sent by SMS or e-mail; only its keyed hash is stored.

    ``challenge`` is the public handle the browser or API client sends back with the code. ``payload`` carries
    what the code will unlock (a pending registration, with the password already hashed). A code works once,
    until ``expires_at``, and at most ``TONGBAN_CODE_MAX_ATTEMPTS`` wrong entries.
    """

    challenge = models.CharField(_("验证标识"), max_length=64, unique=True)
    purpose = models.CharField(_("用途"), max_length=30, choices=CodePurpose.choices)
    channel = models.CharField(_("发送渠道"), max_length=10, choices=CodeChannel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="one_time_codes",
    )
    destination = models.CharField(_("发送至"), max_length=254)
    code_hash = models.CharField(_("验证码摘要"), max_length=64, blank=True)
    payload = models.JSONField(_("待办数据"), default=dict, blank=True)
    attempts = models.PositiveIntegerField(_("错误次数"), default=0)
    expires_at = models.DateTimeField(_("过期时间"))
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    class Meta:
        verbose_name = _("一次性验证码")
        verbose_name_plural = _("一次性验证码")
        indexes = [models.Index(fields=["purpose", "destination"], name="otc_purpose_dest_idx")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.challenge[:8]}"
