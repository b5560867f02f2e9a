from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tongban.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # When a year's holiday notice is entered, the deadlines that ran through it are recomputed (ADR 0002).
        from tongban.cases.services.deadlines import do_recompute_deadlines_for_year
        from tongban.core.calendar import register_calendar_listener

        register_calendar_listener(do_recompute_deadlines_for_year)
