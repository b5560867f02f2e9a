"""Review tasks (办理环节) mirrored from the BPMN flow, added signers (加签) and verifications (核查)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import TaskKind, TaskOutcome, TaskState
from tongban.cases.models.case import Case


class CaseTask(models.Model):
    """A review task (办理环节) in a department's inbox: a mirrored ready BPMN user task, a 加签 or a 核查.

    ``version`` increments on every change so two people acting on one task cannot both succeed
    (``do_complete_task`` locks the row and compares it).
    """

    case = models.ForeignKey(Case, verbose_name=_("办件"), on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("类型"), max_length=20, choices=TaskKind.choices, default=TaskKind.FLOW)
    spiff_task_id = models.CharField(_("流程任务标识"), max_length=40, blank=True, db_index=True)
    step = models.CharField(_("环节标识"), max_length=60)
    name = models.CharField(_("环节名称"), max_length=100)
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("办理部门"),
        on_delete=models.PROTECT,
        related_name="case_tasks",
    )
    role = models.CharField(_("岗位"), max_length=30)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签收人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_tasks",
    )
    state = models.CharField(_("状态"), max_length=20, choices=TaskState.choices, default=TaskState.OPEN)
    due_date = models.DateField(_("环节期限"), null=True, blank=True)
    # The due date runs through a year without an entered holiday notice (see Case.deadline_provisional).
    due_provisional = models.BooleanField(_("环节期限为暂定"), default=False)
    outcome = models.CharField(_("办理结果"), max_length=20, choices=TaskOutcome.choices, blank=True)
    opinion = models.TextField(_("办理意见"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("加签所属环节"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="added_signers",
    )
    created_at = models.DateTimeField(_("创建时间"))
    completed_at = models.DateTimeField(_("办理时间"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("版本"), default=1)

    class Meta:
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["department", "role", "state"], name="casetask_inbox_idx"),
            models.Index(fields=["assignee", "state"], name="casetask_assignee_idx"),
            models.Index(fields=["case", "state"], name="casetask_case_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.name}"

    @property
    def is_active(self) -> bool:
        return self.state in (TaskState.OPEN, TaskState.CLAIMED)
