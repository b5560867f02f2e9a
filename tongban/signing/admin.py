"""Read-only admin of keys, certificates and seals: they change only through ``signing.services``.

The encrypted private key is not shown at all (not even encrypted).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tongban.signing.models import CaCertificate, Seal, SigningKey


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SigningKey)
class SigningKeyAdmin(ReadOnlyAdmin):
    list_display = ["kid", "algorithm", "purpose", "created_at", "retired_at"]
    list_filter = ["algorithm", "purpose"]
    fields = readonly_fields = (
        "kid",
        "algorithm",
        "purpose",
        "public_key",
        "public_jwk",
        "created_at",
        "retired_at",
    )


@admin.register(CaCertificate)
class CaCertificateAdmin(ReadOnlyAdmin):
    list_display = ["subject", "is_root", "serial", "not_before", "not_after"]
    fields = readonly_fields = ("subject", "is_root", "serial", "not_before", "not_after", "key", "pem")


@admin.register(Seal)
class SealAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "department", "valid_from", "valid_until", "retired_at"]
    list_filter = ["kind"]
    fields = readonly_fields = (
        "name",
        "kind",
        "department",
        "valid_from",
        "valid_until",
        "retired_at",
        "key",
        "certificate_pem",
    )
