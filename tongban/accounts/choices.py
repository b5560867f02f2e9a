"""Enumerations owned by ``accounts``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UserKind(models.TextChoices):
    """What kind of person an account belongs to."""

    CITIZEN = "citizen", _("自然人")  # applies for themselves or family they hold a proxy for
    ENTERPRISE_AGENT = "enterprise_agent", _("法人经办人")  # acts for one or more enterprises
    STAFF = "staff", _("工作人员")  # government staff; powers come from RoleGrant rows


class Role(models.TextChoices):
    """A role granted to a staff member over a scope (ARCHITECTURE §5.4)."""

    CLERK = "clerk", _("窗口受理人员")  # intake, pre-review, correction, acceptance, result hand-out
    REVIEWER = "reviewer", _("审查人员")  # works review tasks of their department
    APPROVER = "approver", _("审批决定人员")  # decides (准予/不予) for their department
    SUPERVISOR = "supervisor", _("电子监察人员")  # sees every case in scope, approves extensions, terminates
    CATALOG_ADMIN = "catalog_admin", _("事项管理员")  # maintains items and implementation lists in scope
    DATA_ADMIN = "data_admin", _("数据管理员")  # registers resources, approves sharing
    OPERATOR = "operator", _("12345话务员")  # records and dispatches hotline work orders
    SYSTEM_ADMIN = "system_admin", _("系统管理员")  # manages accounts and configuration


class AgentStatus(models.TextChoices):
    """State of an authorisation to act for someone else."""

    ACTIVE = "active", _("有效")  # the agent may act for the enterprise or person (until valid_until, if set)
    REVOKED = "revoked", _("已撤销")  # withdrawn; kept for the record, grants nothing


class IdentityLevel(models.TextChoices):
    """How sure the platform is that an account belongs to the person its ID number names (身份核验等级)."""

    UNVERIFIED = "unverified", _("未核验")  # self-registered online; name and ID number only typed in
    REAL_NAME = (
        "real_name",
        _("实名核验"),
    )  # a real-name check against the population registry matched the name
    WINDOW = "window", _("窗口核验")  # confirmed in person at a service window (ID card seen by a clerk)


# Levels at which the platform trusts that the account holder is the person of the ID number, so window cases
# filed under that number may be linked to the account.
VERIFIED_IDENTITY_LEVELS = frozenset({IdentityLevel.REAL_NAME, IdentityLevel.WINDOW})


class CodePurpose(models.TextChoices):
    """What a one-time code (一次性验证码) proves when it is entered."""

    REGISTRATION = "registration", _("注册")  # control of the phone entered on the registration form
    PASSWORD_RESET = "password_reset", _("找回密码")  # control of the account's phone or e-mail address
    WINDOW_CONFIRMATION = (
        "window_confirmation",
        _("窗口核验"),
    )  # the person at the window holds the account's phone


class CodeChannel(models.TextChoices):
    """Where a one-time code is sent."""

    SMS = "sms", _("短信")  # the SMS adapter (TONGBAN_SMS_BACKEND)
    EMAIL = "email", _("电子邮件")  # Django's e-mail backend
