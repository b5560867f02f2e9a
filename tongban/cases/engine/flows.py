"""The BPMN review-flow runtime of the case engine, on SpiffWorkflow 3.2 (ADR 0007, stack-eval §2).

The templates belong to the catalog (``tongban/catalog/flows/``, stored as ``FlowTemplate``; the meaning of each
step is ``catalog.choices.FLOW_STEPS``). This module only runs workflows: it starts them, restores them from the
JSON kept in ``Case.flow_state``, completes a ready user task with an outcome and lists the ready user tasks with
the step and department each needs. Mirroring those into ``CaseTask`` rows is the services' job.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from typing import Any

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.parser import BpmnParser
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.config import DEFAULT_CONFIG
from SpiffWorkflow.bpmn.serializer.default import BpmnProcessSpecConverter
from SpiffWorkflow.bpmn.specs import BpmnProcessSpec
from SpiffWorkflow.util.task import TaskState as SpiffTaskState

from tongban.catalog.choices import FLOW_STEPS

# SpiffWorkflow logs every task state change at INFO; the ledger is our record, so keep its chatter out of the logs
# unless the deployment's LOGGING asks for it explicitly.
if logging.getLogger("spiff").level == logging.NOTSET:
    logging.getLogger("spiff").setLevel(logging.WARNING)


@dataclass(frozen=True)
class ReadyTask:
    """A ready user task of a workflow, as the case engine needs it."""

    spiff_task_id: str
    step: str
    department_id: int | None  # None = the lead department


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


def get_process_spec(template: Any) -> Any:
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


def start_workflow(template: Any, data: dict[str, Any]) -> BpmnWorkflow:
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
            task.data.get("department") if FLOW_STEPS.get(step, FLOW_STEPS["review"]).per_department else None
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
