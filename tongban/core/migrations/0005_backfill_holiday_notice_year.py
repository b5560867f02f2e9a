"""Every listed day entered before notices were tracked belongs to the notice of its own year."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import ExtractYear


def backfill(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    db = schema_editor.connection.alias
    Holiday.objects.using(db).filter(notice_year__isnull=True).update(notice_year=ExtractYear(F("date")))


class Migration(migrations.Migration):
    dependencies = [("core", "0004_calendar_notice_entry")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
