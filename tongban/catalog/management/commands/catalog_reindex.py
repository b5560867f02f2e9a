"""``manage.py catalog_reindex``: rebuild the search index of every published implementation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tongban.catalog.services import rebuild_search_index


class Command(BaseCommand):
    help = "重建事项检索索引（分词、别名、FTS5/tsvector）。修改 search.ALIASES 或升级后运行。"

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_search_index()
        self.stdout.write(self.style.SUCCESS(f"已重建 {count} 个已发布实施清单的检索索引。"))
