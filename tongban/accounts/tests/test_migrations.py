"""The data migration gives existing accounts an identity level (window-created people are window-confirmed)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("accounts", "0005_population_record_and_one_time_code")]
AFTER = [("accounts", "0006_identity_levels_of_existing_accounts")]


def test_window_created_and_demo_accounts_get_their_levels() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("accounts", "User")
    User.objects.create(username="id410212202001010015", id_number="410212202001010015", password="!unusable")
    User.objects.create(username="selfmade", id_number="410202200002290029", password="md5$x$y")
    User.objects.create(username="citizen2", id_number="410203198005151231", password="md5$x$y", is_demo=True)
    User.objects.create(username="citizen", id_number="410202199001010018", password="md5$x$y", is_demo=True)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    levels = dict(new.objects.values_list("username", "identity_level"))
    assert levels == {
        "id410212202001010015": "window",
        "selfmade": "unverified",
        "citizen2": "unverified",
        "citizen": "real_name",
    }
    assert new.objects.get(username="id410212202001010015").identity_verified_at is not None
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
