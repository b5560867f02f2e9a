"""The review-flow templates that ship with the platform (BPMN 2.0 files in ``bpmn/``), stored as ``FlowTemplate``.

The catalog owns the templates (an item version names the one it uses); the case engine only runs them
(:mod:`tongban.cases.engine.flows`). What each template's user tasks mean (role, label, return edge) is
:data:`tongban.catalog.choices.FLOW_STEPS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from tongban.catalog.choices import COMMITMENT_FLOW, PARALLEL_REVIEW_FLOW, SINGLE_DEPARTMENT_FLOW, FlowKind
from tongban.catalog.models import FlowTemplate

BPMN_DIR = Path(__file__).resolve().parent / "bpmn"


@dataclass(frozen=True)
class TemplateFile:
    """A shipped flow template: its file, process id, kind and display name."""

    filename: str
    process_id: str
    kind: str
    name: str
    description: str


TEMPLATE_FILES: dict[str, TemplateFile] = {
    SINGLE_DEPARTMENT_FLOW: TemplateFile(
        "single_department.bpmn",
        "single_department",
        FlowKind.SINGLE_DEPARTMENT,
        "单部门三级审批",
        "审查（审查人员）→ 审核（审批决定人员）→ 决定（审批决定人员），可逐级退回。",
    ),
    PARALLEL_REVIEW_FLOW: TemplateFile(
        "parallel_review.bpmn",
        "parallel_review",
        FlowKind.PARALLEL,
        "多部门并联审批",
        "各并联部门同时审查（会签：全部同意；或签：任一同意），再由牵头部门作出决定。",
    ),
    COMMITMENT_FLOW: TemplateFile(
        "commitment.bpmn",
        "commitment",
        FlowKind.COMMITMENT,
        "告知承诺即时审批",
        "凭申请人签署的告知承诺书当场准予，之后由部门在规定期限内事后核查。",
    ),
}


def read_template_file(key: str) -> str:
    """The BPMN XML of the shipped template ``key``."""
    return (BPMN_DIR / TEMPLATE_FILES[key].filename).read_text(encoding="utf-8")


def ensure_flow_templates() -> dict[str, FlowTemplate]:
    """Store the shipped templates as ``FlowTemplate`` rows (idempotent; updates a changed BPMN text).

    Safe to call from two processes at once: ``get_or_create`` re-reads after losing a creation race.
    """
    templates: dict[str, FlowTemplate] = {}
    with transaction.atomic():
        for key, spec in TEMPLATE_FILES.items():
            xml = read_template_file(key)
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
