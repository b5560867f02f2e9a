"""Admin registrations of ``organizations``."""

from django.contrib import admin

from tongban.organizations.models import Department, Hall, Region, StaffPosition, Window


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "has_national_code")
    list_filter = ("level", "has_national_code")
    search_fields = ("code", "name")
    readonly_fields = ("path",)
    raw_id_fields = ("parent",)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "credit_code", "region", "level", "category", "is_active")
    list_filter = ("level", "category", "is_active")
    search_fields = ("name", "short_name", "credit_code")
    list_select_related = ("region",)
    raw_id_fields = ("region", "parent")


class WindowInline(admin.TabularInline):
    model = Window
    extra = 0
    filter_horizontal = ("departments",)


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "phone")
    search_fields = ("name",)
    list_select_related = ("region",)
    inlines = [WindowInline]


@admin.register(Window)
class WindowAdmin(admin.ModelAdmin):
    list_display = ("hall", "number", "name", "kind")
    list_filter = ("kind",)
    list_select_related = ("hall",)
    filter_horizontal = ("departments",)


@admin.register(StaffPosition)
class StaffPositionAdmin(admin.ModelAdmin):
    list_display = ("user", "title", "department", "region", "window", "is_active")
    list_filter = ("is_active",)
    search_fields = ("user__username", "user__real_name", "title")
    list_select_related = ("user", "department", "region", "window__hall")
    raw_id_fields = ("user", "department", "region", "window")
