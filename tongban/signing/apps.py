from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "tongban.signing"
    label = "signing"
    verbose_name = "电子印章与签名"
    default_auto_field = "django.db.models.BigAutoField"
