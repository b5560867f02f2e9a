"""Seed the holiday calendar with the State Council notices for 2024, 2025 and 2026."""

from django.db import migrations

from tongban.core.calendar_data import NOTICES, seed_days


def seed(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    CalendarYear = apps.get_model("core", "CalendarYear")
    db = schema_editor.connection.alias
    for day in seed_days():
        Holiday.objects.using(db).update_or_create(
            date=day.date, defaults={"kind": day.kind, "name": day.name, "source": day.source}
        )
    for year, source in NOTICES.items():
        CalendarYear.objects.using(db).update_or_create(year=year, defaults={"source": source})


def unseed(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    CalendarYear = apps.get_model("core", "CalendarYear")
    db = schema_editor.connection.alias
    Holiday.objects.using(db).filter(date__in=[day.date for day in seed_days()]).delete()
    CalendarYear.objects.using(db).filter(year__in=list(NOTICES)).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
