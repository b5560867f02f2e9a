"""The BPMN review flows of the case engine, run by SpiffWorkflow 3.2 (ADR 0007, stack-eval §2).

Three templates ship in ``tongban/cases/bpmn/`` and are stored in ``catalog.FlowTemplate`` by
:func:`ensure_flow_templates`. This module only knows about workflows: it starts them, restores them from the
JSON kept in ``Case.flow_state``, completes a ready user task with an outcome and lists the ready user tasks with
the step, role and department each needs. Mirroring those into ``CaseTask`` rows is the services' job.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.parser import BpmnParser
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.config import DEFAULT_CONFIG
from SpiffWorkflow.bpmn.serializer.default import BpmnProcessSpecConverter
from SpiffWorkflow.bpmn.specs import BpmnProcessSpec
from SpiffWorkflow.util.task import TaskState as SpiffTaskState

from tongban.accounts.choices import Role
from tongban.catalog.choices import FlowKind
from tongban.catalog.models import FlowTemplate

BPMN_DIR = Path(__file__).resolve().parent / "bpmn"

# SpiffWorkflow logs every task state change at INFO; the ledger is our record, so keep its chatter out of the logs
# unless the deployment's LOGGING asks for it explicitly.
if logging.getLogger("spiff").level == logging.NOTSET:
    logging.getLogger("spiff").setLevel(logging.WARNING)

SINGLE_DEPARTMENT = "single-department"
PARALLEL_REVIEW = "parallel-review"
COMMITMENT = "commitment"


@dataclass(frozen=True)
class TemplateFile:
    """A shipped flow template: its file, process id, kind and display name."""

    filename: str
    process_id: str
    kind: str
    name: str
    description: str


TEMPLATE_FILES: dict[str, TemplateFile] = {
    SINGLE_DEPARTMENT: TemplateFile(
        "single_department.bpmn",
        "single_department",
        FlowKind.SINGLE_DEPARTMENT,
        "单部门三级审批",
        "审查（审查人员）→ 审核（审批决定人员）→ 决定（审批决定人员），可逐级退回。",
    ),
    PARALLEL_REVIEW: TemplateFile(
        "parallel_review.bpmn",
        "parallel_review",
        FlowKind.PARALLEL,
        "多部门并联审批",
        "各并联部门同时审查（会签：全部同意；或签：任一同意），再由牵头部门作出决定。",
    ),
    COMMITMENT: TemplateFile(
        "commitment.bpmn",
        "commitment",
        FlowKind.COMMITMENT,
        "告知承诺即时审批",
        "凭申请人签署的告知承诺书当场准予，之后由部门在规定期限内事后核查。",
    ),
}


@dataclass(frozen=True)
class Step:
    """What a BPMN user task (by its BPMN id) means for the platform."""

    role: str
    label: str
    return_allowed: bool  # the BPMN has a "return" edge from this step
    per_department: bool = False  # the department comes from the multi-instance item, not the lead department
    due_days: int | None = None  # working days from creation; None = the case deadline


STEPS: dict[str, Step] = {
    "review": Step(Role.REVIEWER, "审查", return_allowed=False),
    "audit": Step(Role.APPROVER, "审核", return_allowed=True),
    "decide": Step(Role.APPROVER, "决定", return_allowed=True),
    "dept_review": Step(Role.REVIEWER, "部门审查", return_allowed=False, per_department=True),
    "verification": Step(Role.REVIEWER, "事后核查", return_allowed=False, due_days=20),
}

DECISION_STEP = "decide"


@dataclass(frozen=True)
class ReadyTask:
    """A ready user task of a workflow, as the case engine needs it."""

    spiff_task_id: str
    step: str
    department_id: int | None  # None = the lead department


def _read_template_file(key: str) -> str:
    return (BPMN_DIR / TEMPLATE_FILES[key].filename).read_text(encoding="utf-8")


def ensure_flow_templates() -> dict[str, FlowTemplate]:
    """Store the shipped templates in ``catalog.FlowTemplate`` (idempotent; updates a changed BPMN text)."""
    templates: dict[str, FlowTemplate] = {}
    with transaction.atomic():
        for key, spec in TEMPLATE_FILES.items():
            xml = _read_template_file(key)
            # get_or_create re-reads after losing a creation race, so two processes can call this at once.
            template, created = FlowTemplate.objects.get_or_create(
                key=key,
                defaults={
                    "name": spec.name,
                    "kind": spec.kind,
                    "bpmn_xml": xml,
                    "process_id": spec.process_id,
                    "description": spec.description,
                },
            )
            if not created and (template.bpmn_xml != xml or template.process_id != spec.process_id):
                template.bpmn_xml = xml
                template.process_id = spec.process_id
                template.save(update_fields=["bpmn_xml", "process_id", "updated_at"])
            templates[key] = template
    return templates


_spec_cache: dict[tuple[int, str], Any] = {}
_spec_lock = threading.Lock()
_restored_specs: dict[tuple[str, str], tuple[dict[str, Any], Any]] = {}


class SharedProcessSpecConverter(BpmnProcessSpecConverter):
    """Restores each distinct serialised process spec once per process instead of on every load.

    Every ``Case.flow_state`` carries the whole process spec, and rebuilding it was about 40% of a restore. A spec
    is never changed once built (all workflows of a template already share one parsed spec), so a restored spec
    whose serialised form equals the one cached under its (name, file) is reused; any difference restores anew.
    """

    def from_dict(self, dct: dict[str, Any]) -> Any:
        key = (dct.get("name", ""), dct.get("file", ""))
        cached = _restored_specs.get(key)
        if cached is not None and cached[0] == dct:
            return cached[1]
        source = json.loads(json.dumps(dct))  # from_dict consumes its argument
        spec = super().from_dict(dct)
        _restored_specs[key] = (source, spec)
        return spec


_serializer = BpmnWorkflowSerializer(
    BpmnWorkflowSerializer.configure({**DEFAULT_CONFIG, BpmnProcessSpec: SharedProcessSpecConverter})
)


def get_process_spec(template: FlowTemplate) -> Any:
    """The parsed process spec of ``template``, parsed once per process per (id, updated_at)."""
    key = (template.pk, template.updated_at.isoformat() if template.updated_at else "")
    spec = _spec_cache.get(key)
    if spec is None:
        with _spec_lock:
            spec = _spec_cache.get(key)
            if spec is None:
                parser = BpmnParser()
                parser.add_bpmn_str(template.bpmn_xml.encode("utf-8"), filename=f"{template.key}.bpmn")
                spec = parser.get_spec(template.process_id)
                _spec_cache[key] = spec
    return spec


def start_workflow(template: FlowTemplate, data: dict[str, Any]) -> BpmnWorkflow:
    """A new workflow of ``template`` with ``data`` as its initial data, run up to its first user tasks."""
    workflow = BpmnWorkflow(get_process_spec(template))
    for task in workflow.get_tasks(state=SpiffTaskState.READY):
        task.set_data(**data)
    workflow.do_engine_steps()
    return workflow


def dump_workflow(workflow: BpmnWorkflow) -> str:
    """The serialised state of ``workflow`` as JSON text (kept verbatim in ``Case.flow_state``)."""
    return _serializer.serialize_json(workflow)


def load_workflow(state: str | dict[str, Any]) -> BpmnWorkflow:
    """Restore a workflow from ``Case.flow_state`` (JSON text; a dict is accepted for old rows)."""
    return _serializer.deserialize_json(state if isinstance(state, str) else json.dumps(state))


def ready_user_tasks(workflow: BpmnWorkflow) -> list[ReadyTask]:
    """The ready user tasks of ``workflow`` with the step they are and the department they belong to."""
    result = []
    for task in workflow.get_tasks(state=SpiffTaskState.READY):
        if not task.task_spec.manual:
            continue
        step = task.task_spec.bpmn_id
        department_id = (
            task.data.get("department") if STEPS.get(step, STEPS["review"]).per_department else None
        )
        result.append(ReadyTask(str(task.id), step, department_id))
    return result


def complete_user_task(
    workflow: BpmnWorkflow, spiff_task_id: str, *, outcome: str, department_id: int | None = None
) -> None:
    """Complete the ready user task ``spiff_task_id`` with ``outcome`` and run the engine to the next wait."""
    task = next(
        (
            t
            for t in workflow.get_tasks(state=SpiffTaskState.READY)
            if str(t.id) == spiff_task_id and t.task_spec.manual
        ),
        None,
    )
    if task is None:
        raise LookupError(spiff_task_id)
    task.data["outcome"] = outcome
    if task.task_spec.bpmn_id == "dept_review":
        task.data["review"] = {"department": department_id, "outcome": outcome}
    task.run()
    workflow.do_engine_steps()


def workflow_value(workflow: BpmnWorkflow, name: str, default: Any = None) -> Any:
    """A data value as seen by the ready (or last completed) tasks, e.g. ``recommendation`` before the decision."""
    for task in workflow.get_tasks(state=SpiffTaskState.READY):
        if name in task.data:
            return task.data[name]
    value = workflow.data.get(name, default) if hasattr(workflow, "data") else default
    return value
