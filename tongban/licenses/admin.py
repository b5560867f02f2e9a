"""Admin views of ``licenses``: read-only, because every change goes through a service and its ledger entry."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tongban.core.masking import mask_id_number, mask_name
from tongban.licenses.models import License, LicenseType, LicenseUse, Presentation, StockImport


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and detail pages only; no add, change or delete (state changes are services)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LicenseType)
class LicenseTypeAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "define_agency_name", "holder_category", "validity_years", "is_demo")
    search_fields = ("code", "name")


@admin.register(License)
class LicenseAdmin(ReadOnlyAdmin):
    list_display = (
        "identifier",
        "type",
        "masked_holder",
        "state",
        "valid_from",
        "valid_until",
        "issuer_name",
    )
    list_filter = ("state", "holder_category")
    search_fields = ("identifier", "holder_credit_code")
    # Personal data stays masked here as everywhere else (ARCHITECTURE §8).
    exclude = ("holder_id_number", "holder_name", "face", "payload")
    readonly_fields = ("masked_holder",)

    @admin.display(description=_("持证主体"))
    def masked_holder(self, obj: License) -> str:
        if obj.holder_category == "enterprise":
            return f"{obj.holder_name} {obj.holder_credit_code}"
        return f"{mask_name(obj.holder_name)} {mask_id_number(obj.holder_id_number)}"


@admin.register(LicenseUse)
class LicenseUseAdmin(ReadOnlyAdmin):
    list_display = ("license", "case", "department", "material_name", "created_at")


@admin.register(Presentation)
class PresentationAdmin(ReadOnlyAdmin):
    list_display = ("license", "expires_at", "created_at")
    exclude = ("nonce",)


@admin.register(StockImport)
class StockImportAdmin(ReadOnlyAdmin):
    list_display = ("filename", "status", "total_rows", "imported_count", "duplicate_count", "rejected_count")
