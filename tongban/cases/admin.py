"""Admin views of ``cases``: read-only, because every change must go through a service and its ledger entry."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tongban.cases.models import Case, CaseExtension, CaseMaterial, CaseTask, ClockInterval, Decision, Notice
from tongban.core.masking import mask_id_number, mask_name


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and detail pages only; no add, change or delete (state changes are services, ADR 0007)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CaseTaskInline(admin.TabularInline):
    model = CaseTask
    extra = 0
    fields = ("name", "department", "role", "assignee", "state", "due_date", "outcome", "completed_at")
    readonly_fields = fields
    can_delete = False
    show_change_link = False


class ClockIntervalInline(admin.TabularInline):
    model = ClockInterval
    extra = 0
    fields = ("kind", "procedure", "reason", "started_at", "ended_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "item_name",
        "department",
        "masked_applicant",
        "state",
        "submitted_at",
        "deadline",
    )
    list_filter = ("state", "channel", "department")
    search_fields = ("number",)
    date_hierarchy = "submitted_at"
    inlines = [CaseTaskInline, ClockIntervalInline]
    exclude = ("flow_state", "form_data", "applicant_id_number", "query_code", "pickup_code")
    list_select_related = ("implementation__item", "department")

    @admin.display(description=_("事项"))
    def item_name(self, obj: Case) -> str:
        return obj.implementation.item.name

    @admin.display(description=_("申请人"))
    def masked_applicant(self, obj: Case) -> str:
        return f"{mask_name(obj.applicant_name)} {mask_id_number(obj.applicant_id_number)}".strip()


@admin.register(CaseTask)
class CaseTaskAdmin(ReadOnlyAdmin):
    list_display = ("case", "name", "department", "role", "assignee", "state", "due_date")
    list_filter = ("state", "kind", "role", "department")
    list_select_related = ("case", "department", "assignee")


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "case", "department", "created_at")
    list_filter = ("kind",)
    search_fields = ("number",)


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("document_number", "case", "approve", "decided_at")
    list_filter = ("approve",)


@admin.register(CaseExtension)
class CaseExtensionAdmin(ReadOnlyAdmin):
    list_display = ("case", "days", "state", "requested_at", "decided_at")
    list_filter = ("state",)


@admin.register(CaseMaterial)
class CaseMaterialAdmin(ReadOnlyAdmin):
    list_display = ("case", "name", "size", "content_type", "review_status", "is_current", "tolerated")
    list_filter = ("review_status", "is_current", "tolerated")
    exclude = ("file",)
