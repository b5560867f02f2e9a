from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tongban.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tongban.accounts.choices import Role
        from tongban.cases.services.deadlines import do_recompute_deadlines_for_year
        from tongban.core.calendar import register_calendar_listener
        from tongban.core.workspace import register_workspace_tool

        # When a year's holiday notice is entered, the deadlines that ran through it are recomputed (ADR 0002).
        register_calendar_listener(do_recompute_deadlines_for_year)
        # The 工作台 links of the case roles (the accounts app shows them).
        for role, url_name, label in (
            (Role.REVIEWER, "cases:inbox", gettext_lazy("待办件")),
            (Role.APPROVER, "cases:inbox", gettext_lazy("待办件")),
            (Role.CLERK, "cases:window_intake", gettext_lazy("窗口受理")),
            (Role.CLERK, "cases:inbox", gettext_lazy("待办件")),
        ):
            register_workspace_tool(role, url_name, label, order=20)
        register_workspace_tool(Role.SUPERVISOR, "cases:supervision", gettext_lazy("电子监察"), order=70)
