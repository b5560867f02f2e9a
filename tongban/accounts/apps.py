from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tongban.accounts"
    label = "accounts"
    verbose_name = "账号与权限"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tongban.accounts import checks  # noqa: F401 - registers the system checks
