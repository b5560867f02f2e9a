"""Admin registrations of ``accounts``: ID and phone numbers are masked in lists."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from tongban.accounts.models import (
    AgentAuthorization,
    ApiToken,
    Enterprise,
    PopulationRecord,
    RoleGrant,
    User,
)
from tongban.accounts.presentation import mask_id_number, mask_phone


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    raw_id_fields = ("department", "region")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username",
        "real_name",
        "kind",
        "masked_id_number",
        "masked_phone",
        "is_demo",
        "is_active",
    )
    list_filter = ("kind", "identity_level", "is_demo", "is_active", "is_staff")
    # Identity levels change only through the ledgered services (real-name check, window confirmation).
    readonly_fields = ("identity_level", "identity_verified_at", "phone_verified_at")
    search_fields = ("username", "real_name")
    inlines = [RoleGrantInline]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (
            _("通办"),
            {
                "fields": (
                    "kind",
                    "real_name",
                    "id_number",
                    "phone",
                    "phone_verified_at",
                    "identity_level",
                    "identity_verified_at",
                    "is_demo",
                )
            },
        ),
    )

    @admin.display(description=_("居民身份证号码"))
    def masked_id_number(self, obj: User) -> str:
        return mask_id_number(obj.id_number)

    @admin.display(description=_("手机号码"))
    def masked_phone(self, obj: User) -> str:
        return mask_phone(obj.phone)


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ("name", "credit_code", "legal_representative", "region")
    search_fields = ("name", "credit_code")
    raw_id_fields = ("region",)


@admin.register(AgentAuthorization)
class AgentAuthorizationAdmin(admin.ModelAdmin):
    list_display = ("agent", "enterprise", "principal", "status", "valid_until")
    list_filter = ("status",)
    list_select_related = ("agent", "enterprise", "principal")
    raw_id_fields = ("agent", "enterprise", "principal")


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "department", "region")
    list_filter = ("role",)
    search_fields = ("user__username", "user__real_name")
    list_select_related = ("user", "department", "region")
    raw_id_fields = ("user", "department", "region")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "expires_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    readonly_fields = ("token_hash", "prefix", "last_used_at")
    raw_id_fields = ("user",)


@admin.register(PopulationRecord)
class PopulationRecordAdmin(admin.ModelAdmin):
    """The demonstration population registry behind the local real-name check adapter."""

    list_display = ("name", "masked_id_number", "note")
    search_fields = ("name",)

    @admin.display(description=_("居民身份证号码"))
    def masked_id_number(self, obj: PopulationRecord) -> str:
        return mask_id_number(obj.id_number)
