"""Every model change has its migration (``makemigrations --check --dry-run`` finds nothing to write)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out, verbosity=1)
    except SystemExit as exc:  # --check exits 1 when a migration would be written
        pytest.fail(
            "Models changed without a migration; run `.venv/bin/python manage.py makemigrations -n <name>`:\n"
            + out.getvalue()
        )
        raise AssertionError from exc
