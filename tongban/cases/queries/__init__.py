"""Reads of the case engine, one module per audience (ADR 0007): lists and counts for the people who work cases,
timelines, and what the public may read. Fetching one case or task with its access check is
:mod:`tongban.cases.access`."""

from tongban.cases.queries.licenses import (
    ProducedLicense,
    UsedLicense,
    fetch_license_offers,
    fetch_produced_licenses,
    fetch_used_licenses,
)
from tongban.cases.queries.lists import (
    annotate_warning_levels,
    clock_summary,
    count_tasks_for_user,
    fetch_cases_for_applicant,
    fetch_cases_for_staff,
    fetch_cases_for_supervision,
    fetch_cases_for_user,
    fetch_open_tasks_for_case,
    fetch_pending_extensions_for_supervisor,
    fetch_tasks_for_user,
    offered_delivery_modes,
)
from tongban.cases.queries.notices import masked_notice_content
from tongban.cases.queries.public import (
    MAX_PUBLIC_PAGE,
    PUBLIC_PAGE_SIZE,
    fetch_public_disclosure,
    get_public_progress,
)
from tongban.cases.queries.timeline import (
    PLAIN_LABELS,
    TimelineEntry,
    fetch_case_timeline,
    plain_timeline,
    step_label,
)

__all__ = [
    "MAX_PUBLIC_PAGE",
    "PLAIN_LABELS",
    "PUBLIC_PAGE_SIZE",
    "ProducedLicense",
    "TimelineEntry",
    "UsedLicense",
    "annotate_warning_levels",
    "clock_summary",
    "count_tasks_for_user",
    "fetch_case_timeline",
    "fetch_cases_for_applicant",
    "fetch_cases_for_staff",
    "fetch_cases_for_supervision",
    "fetch_cases_for_user",
    "fetch_license_offers",
    "fetch_open_tasks_for_case",
    "fetch_pending_extensions_for_supervisor",
    "fetch_produced_licenses",
    "fetch_public_disclosure",
    "fetch_tasks_for_user",
    "fetch_used_licenses",
    "get_public_progress",
    "masked_notice_content",
    "offered_delivery_modes",
    "plain_timeline",
    "step_label",
]
