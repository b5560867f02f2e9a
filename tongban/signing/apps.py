from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "tongban.signing"
    label = "signing"
    verbose_name = "电子印章与签名"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tongban.accounts.choices import Role
        from tongban.core.checkpoints import register_checkpoint_signer
        from tongban.core.workspace import register_workspace_tool
        from tongban.signing.queries import verify_detached
        from tongban.signing.services import sign_detached

        # The ledger signs its checkpoints with the platform's JWS key (ADR 0013); core imports no app.
        register_checkpoint_signer(sign=sign_detached, verify=verify_detached)
        register_workspace_tool(Role.SYSTEM_ADMIN, "signing:seal_list", gettext_lazy("电子印章"), order=85)
