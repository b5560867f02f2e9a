from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tongban.accounts"
    label = "accounts"
    verbose_name = "账号与权限"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tongban.accounts import checks  # noqa: F401 - registers the system checks
        from tongban.accounts.choices import Role
        from tongban.core.workspace import register_workspace_tool

        register_workspace_tool(
            Role.CLERK, "accounts:window_confirmation", gettext_lazy("窗口核验账号"), order=60
        )
        register_workspace_tool(Role.SYSTEM_ADMIN, "admin:index", gettext_lazy("系统管理"), order=90)
