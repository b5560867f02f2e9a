from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "tongban.catalog"
    label = "catalog"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "事项管理"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tongban.accounts.choices import Role
        from tongban.core.workspace import register_workspace_tool

        register_workspace_tool(Role.CATALOG_ADMIN, "catalog:admin_list", gettext_lazy("事项管理"), order=10)
