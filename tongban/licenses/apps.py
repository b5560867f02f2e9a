from django.apps import AppConfig


class LicensesConfig(AppConfig):
    name = "tongban.licenses"
    label = "licenses"
    verbose_name = "电子证照"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tongban.accounts.choices import Role
        from tongban.catalog.queries import register_license_type_namer
        from tongban.core.workspace import register_workspace_tool
        from tongban.licenses.queries import license_type_name

        # The guide names the licence type that replaces a material (catalog does not import licenses).
        register_license_type_namer(license_type_name)

        # The issuing department's approvers suspend, reinstate, revoke and correct its licences (ADR 0013).
        register_workspace_tool(Role.APPROVER, "licenses:manage", gettext_lazy("电子证照管理"), order=30)
        # The data administrators convert the licences issued on paper (存量证照电子化).
        register_workspace_tool(
            Role.DATA_ADMIN, "licenses:stock_import_list", gettext_lazy("存量证照导入"), order=30
        )
