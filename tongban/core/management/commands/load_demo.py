"""``manage.py load_demo``: load the demo city through each app's idempotent ``demo.load()``.

Apps are loaded in dependency order, each in its own transaction; an app without a ``demo`` module is skipped.
``licenses`` has a step before the cases too (``demo.load_types``): the licence types exist when the demo cases
are approved, so each approval issues its licence itself. Refuses unless ``settings.TONGBAN_DEMO`` is on, because
demo accounts have a published password.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Order matters: regions and departments, then people, then the catalog, the licence types, then sample cases,
# then the licences that need those cases (and the stock import). Each step: (app, function of its demo module).
DEMO_STEPS = (
    ("organizations", "load"),
    ("accounts", "load"),
    ("catalog", "load"),
    ("licenses", "load_types"),
    ("cases", "load"),
    ("licenses", "load"),
)


def import_demo_module(app: str) -> Any | None:
    """``tongban.<app>.demo``, or ``None`` when that app has no demo module (errors inside it still raise)."""
    name = f"tongban.{app}.demo"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, f"tongban.{app}"):
            return None
        raise


class Command(BaseCommand):
    help = "加载演示城市数据（区划部门、演示账号、事项目录、示例办件），可重复执行（Load the demo data）。"

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.TONGBAN_DEMO:
            raise CommandError(
                "演示模式未开启，拒绝加载演示数据。请设置环境变量 TONGBAN_DEMO=1 后重试（demo mode is off）。",
                returncode=1,
            )
        for app, function in DEMO_STEPS:
            label = app if function == "load" else f"{app}.{function}"
            module = import_demo_module(app)
            if module is None or not hasattr(module, function):
                self.stdout.write(f"{label}: 跳过（无演示数据）")
                continue
            started = time.monotonic()
            with transaction.atomic():
                getattr(module, function)()
            self.stdout.write(f"{label}: 已加载（{time.monotonic() - started:.2f} 秒）")
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。"))
