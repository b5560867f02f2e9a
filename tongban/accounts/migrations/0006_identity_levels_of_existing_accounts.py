"""Existing accounts get an identity level: window-created people are window-confirmed, demo people as seeded."""

from django.db import migrations
from django.utils import timezone

# Levels of the demo people (tongban.accounts.demo); staff keep "unverified" (they hold no ID number).
DEMO_LEVELS = {"citizen": "real_name", "agent": "real_name", "citizen2": "unverified"}


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    now = timezone.now()
    # Before this migration a clerk's window intake created "id<number>" accounts with an unusable password for
    # the person standing at the window, whose ID card the clerk had checked.
    for user in User.objects.filter(username__startswith="id", password__startswith="!").exclude(id_number=""):
        if user.username == f"id{user.id_number}":
            user.identity_level = "window"
            user.identity_verified_at = now
            user.save(update_fields=["identity_level", "identity_verified_at"])
    for username, level in DEMO_LEVELS.items():
        User.objects.filter(username=username, is_demo=True).update(
            identity_level=level,
            identity_verified_at=now if level != "unverified" else None,
            phone_verified_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_population_record_and_one_time_code")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
