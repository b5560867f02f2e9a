"""API endpoints of ``cases``, one router per audience: ``/api/v1/cases`` (applicants and staff), ``/api/v1/tasks``
(the inbox) and ``/api/v1/public`` (progress lookup without personal data).

Cases are addressed by ``{ref}``: the case number once submitted, the draft id (UUID ``draft_id``) before. Every
handler fetches through an access helper (404 ``CASE_NOT_FOUND`` for missing and forbidden alike) and calls one
service; every refusal is a 4xx with a stable code (ADR 0007).
"""

from tongban.cases.api.cases import router
from tongban.cases.api.public import public_router
from tongban.cases.api.tasks import tasks_router

__all__ = ["public_router", "router", "tasks_router"]
