"""``manage.py ledger_verify``: recompute the ledger's hash chain; exit 1 and show the first broken entry."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tongban.core.queries import get_ledger_entry, verify_ledger


class Command(BaseCommand):
    help = "校验账本哈希链，发现断链时显示第一条出错记录并以状态码 1 退出（Verify the hash-chained ledger）。"

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_ledger()
        if result.ok:
            self.stdout.write(self.style.SUCCESS(f"账本完整：已校验 {result.checked} 条记录（ledger OK）。"))
            return
        self.stderr.write(
            f"账本校验失败（ledger BROKEN）：第 {result.first_broken_seq} 条，原因：{result.reason_label}"
            f"（{result.reason}），此前 {result.checked} 条记录完好。"
        )
        entry = get_ledger_entry(result.first_broken_seq or 0)
        if entry is not None:
            shown = {
                "seq": entry.seq,
                "created_at": entry.created_at.isoformat(),
                "actor_label": entry.actor_label,
                "action": entry.action,
                "object": f"{entry.object_type}:{entry.object_id}",
                "prev_hash": entry.prev_hash,
                "hash": entry.hash,
            }
            self.stderr.write(json.dumps(shown, ensure_ascii=False, indent=2))
        raise CommandError("账本哈希链已损坏。", returncode=1)
