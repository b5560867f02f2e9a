from django.apps import AppConfig


class LicensesConfig(AppConfig):
    name = "tongban.licenses"
    label = "licenses"
    verbose_name = "电子证照"
    default_auto_field = "django.db.models.BigAutoField"
