from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class CoreConfig(AppConfig):
    name = "tongban.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "平台基础"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tongban.core.calendar import clear_calendar_cache, seed_calendar
        from tongban.core.models import CalendarYear, Holiday

        # Signals here only drop the calendar cache and restore the seed after a flush; no domain logic.
        for model in (Holiday, CalendarYear):
            post_save.connect(
                clear_calendar_cache, sender=model, dispatch_uid=f"calendar-cache-save-{model.__name__}"
            )
            post_delete.connect(
                clear_calendar_cache, sender=model, dispatch_uid=f"calendar-cache-delete-{model.__name__}"
            )
        post_migrate.connect(seed_calendar, sender=self, dispatch_uid="core-seed-calendar")
        # Calendar edits are configuration changes: django-auditlog records who changed what (ARCHITECTURE §3).
        auditlog.register(Holiday)
        auditlog.register(CalendarYear)
