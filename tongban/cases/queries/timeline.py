"""A case's timeline, read from its ledger entries: the full one for staff, plain milestones for the applicant."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongban.cases.choices import CaseState, Channel, DeliveryMode, SpecialProcedureKind, TaskOutcome
from tongban.cases.events import CaseLedgerAction, ledger_action
from tongban.cases.models import Case
from tongban.catalog.choices import FLOW_STEPS
from tongban.core.models import LedgerEntry

L = CaseLedgerAction


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's timeline, derived from its ledger entries."""

    time: datetime
    actor_label: str
    action_label: str
    detail: str


def step_label(step: str) -> str:
    """The Chinese name of a BPMN step key (``dept_review`` → 部门审查); unknown keys unchanged."""
    known = FLOW_STEPS.get(step)
    return known.label if known is not None else step


def _filed_at_window(entry: LedgerEntry) -> bool:
    return ledger_action(entry.action) == L.CREATED and (entry.data or {}).get("channel") == Channel.WINDOW


def _action_label(entry: LedgerEntry) -> str:
    if _filed_at_window(entry):
        return str(_("窗口收件"))
    known = ledger_action(entry.action)
    return str(known.label) if known is not None else entry.action.removeprefix("case.")


def _delivery_label(mode: Any) -> str:
    try:
        return str(DeliveryMode(mode).label)
    except ValueError:
        return str(mode or "")


def _detail(entry: LedgerEntry) -> str:
    data = entry.data or {}
    parts = []
    if _filed_at_window(entry):
        parts.append(f"{_('收件人员')}：{data.get('clerk') or entry.actor_label}")
        if data.get("window"):
            parts.append(f"{_('窗口')}：{data['window']}")
    if "step" in data and "outcome" in data:
        try:
            outcome = str(TaskOutcome(data["outcome"]).label)
        except ValueError:
            outcome = data["outcome"]
        parts.append(f"{step_label(data['step'])}：{outcome}")
    if ledger_action(entry.action) == L.DELIVERY_CHOSEN:
        parts.append(_delivery_label(data.get("mode")))
    for key, label in (
        ("name", _("材料")),
        ("reason", _("原因")),
        ("notice", _("文书")),
        ("deadline", _("期限")),
    ):
        if data.get(key):
            parts.append(f"{label}：{data[key]}")
    if data.get("procedure"):
        try:
            parts.append(str(SpecialProcedureKind(data["procedure"]).label))
        except ValueError:
            parts.append(str(data["procedure"]))
    if "to" in data and "from" in data:
        with contextlib.suppress(ValueError):
            parts.append(f"{CaseState(data['from']).label} → {CaseState(data['to']).label}")
    return "；".join(str(p) for p in parts)


def entry_time(entry: LedgerEntry) -> datetime:
    """When the recorded change happened: ``effective_at`` for a back-dated service call, else the entry's time."""
    effective = (entry.data or {}).get("effective_at")
    if effective:
        with contextlib.suppress(TypeError, ValueError):
            return datetime.fromisoformat(str(effective))
    return entry.created_at


def _entries(case: Case) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq")


def fetch_case_timeline(case: Case) -> list[TimelineEntry]:
    """The staff timeline: every ledger entry of the case with actor, Chinese action label and detail."""
    return [TimelineEntry(entry_time(e), e.actor_label, _action_label(e), _detail(e)) for e in _entries(case)]


# Plain words for applicants; actions not listed here are internal and not shown.
PLAIN_LABELS: dict[CaseLedgerAction, Any] = {
    L.CREATED: gettext_lazy("您创建了申请"),
    L.SUBMITTED: gettext_lazy("申请已提交，等待受理"),
    L.CORRECTION_REQUESTED: gettext_lazy("需要补正材料（请查看一次性告知书）"),
    L.CORRECTION_RESUBMITTED: gettext_lazy("已补正并重新提交"),
    L.ACCEPTED: gettext_lazy("申请已受理"),
    L.REVIEW_STARTED: gettext_lazy("进入审查"),
    L.ACCEPTANCE_REFUSED: gettext_lazy("申请不予受理"),
    L.SPECIAL_PROCEDURE_STARTED: gettext_lazy("进入特别程序（该期间不计入办理时限）"),
    L.SPECIAL_PROCEDURE_FINISHED: gettext_lazy("特别程序结束，继续审查"),
    L.EXTENSION_DECIDED: gettext_lazy("办理期限调整"),
    L.DEADLINE_RECOMPUTED: gettext_lazy("办理期限调整"),
    L.DECIDED: gettext_lazy("已作出审批决定"),
    L.DELIVERED: gettext_lazy("办理结果已送达"),
    L.CLOSED: gettext_lazy("办结"),
    L.WITHDRAWN: gettext_lazy("申请已撤回"),
    L.TERMINATED: gettext_lazy("办理已终止"),
    L.MATERIAL_SUPPLEMENTED: gettext_lazy("已补交容缺材料"),
    L.COMMITMENT_SIGNED: gettext_lazy("已签署告知承诺书"),
    L.DELIVERY_CHOSEN: gettext_lazy("您选择了领取方式"),
}


def _plain_names() -> list[str]:
    """The stored action names (current and legacy) of the plain milestones, for one indexed filter."""
    from tongban.cases.events import LEGACY_LEDGER_ACTIONS

    names = [action.value for action in PLAIN_LABELS]
    names += [old for old, action in LEGACY_LEDGER_ACTIONS.items() if action in PLAIN_LABELS]
    return names


def plain_timeline(case: Case) -> list[TimelineEntry]:
    """The applicant's timeline: plain-language milestones, no staff names, no internal steps."""
    result = []
    for entry in _entries(case).filter(action__in=_plain_names()):
        action = ledger_action(entry.action)
        assert action is not None
        data = entry.data or {}
        if action == L.EXTENSION_DECIDED and not data.get("approved"):
            continue
        detail = ""
        label = str(PLAIN_LABELS[action])
        if _filed_at_window(entry):
            # Who filed it, without staff names: the window did, on the applicant's behalf.
            label, detail = str(_("窗口代为申请")), str(data.get("window") or "")
        elif action == L.DECIDED:
            detail = str(_("准予")) if data.get("approve") else str(_("不予"))
        elif action in (L.DELIVERY_CHOSEN, L.DELIVERED):
            detail = _delivery_label(data.get("mode"))
        result.append(TimelineEntry(entry_time(entry), "", label, detail))
    return result
