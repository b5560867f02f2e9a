"""Cases (办件) and everything that hangs off them: materials, review tasks, clock stops, extensions, notices,
decisions, and the per-region daily number sequence (ADR 0007). One module per concern; import from here."""

from tongban.cases.models.case import Case, CaseQuerySet
from tongban.cases.models.clock import CaseExtension, ClockInterval
from tongban.cases.models.documents import Decision, Notice
from tongban.cases.models.material import CaseMaterial, case_material_upload_to
from tongban.cases.models.numbering import CaseNumberSequence
from tongban.cases.models.task import CaseTask

__all__ = [
    "Case",
    "CaseExtension",
    "CaseMaterial",
    "CaseNumberSequence",
    "CaseQuerySet",
    "CaseTask",
    "ClockInterval",
    "Decision",
    "Notice",
    "case_material_upload_to",
]
