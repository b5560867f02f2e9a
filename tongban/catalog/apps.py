from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "tongban.catalog"
    label = "catalog"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "事项管理"

    def ready(self) -> None:
        from tongban.accounts.permissions import register_rule
        from tongban.catalog.queries import user_can_edit_implementation

        register_rule("catalog.edit_implementation", user_can_edit_implementation)
