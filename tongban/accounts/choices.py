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
