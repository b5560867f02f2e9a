"""``manage.py ledger_verify``: recompute the ledger's hash chain and check it against the signed checkpoints.

Exit 1 when the chain is broken or any checkpoint does not match: the chain check shows the first broken entry;
the checkpoint check names each failing checkpoint and the range of entries that must hold the rewrite (a rewriter
who recomputed every hash passes the first and fails the second). ``--checkpoints FILE`` adds checkpoints kept
outside the platform (the JSON of ``GET /api/v1/ledger/checkpoints``), so deleting rows does not hide a rewrite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongban.core.checkpoints import (
    CheckpointData,
    CheckpointFileError,
    CheckpointProblem,
    parse_checkpoints,
    verify_checkpoints,
)
from tongban.core.choices import CheckpointBreak
from tongban.core.queries import get_ledger_entry, verify_ledger


class Command(BaseCommand):
    help = (
        "校验账本哈希链及签名检查点，发现问题时显示出错记录并以状态码 1 退出（Verify the hash-chained ledger "
        "and its signed checkpoints）。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoints",
            action="append",
            default=[],
            metavar="FILE",
            help="另行保存的检查点 JSON 文件（/api/v1/ledger/checkpoints 的内容），可重复（kept checkpoints）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        kept = self._read_kept(options["checkpoints"])
        chain_ok = self._check_chain()
        checkpoints_ok = self._check_checkpoints(kept)
        if not (chain_ok and checkpoints_ok):
            raise CommandError("账本校验未通过。", returncode=1)

    def _read_kept(self, paths: list[str]) -> list[CheckpointData]:
        kept: list[CheckpointData] = []
        for path in paths:
            try:
                kept.extend(parse_checkpoints(Path(path).read_bytes()))
            except OSError as exc:
                raise CommandError(f"无法读取检查点文件 {path}：{exc.strerror or exc}", returncode=2) from exc
            except CheckpointFileError as exc:
                raise CommandError(f"检查点文件 {path} 格式不正确：{exc}", returncode=2) from exc
        return kept

    def _check_chain(self) -> bool:
        result = verify_ledger()
        if result.ok:
            self.stdout.write(self.style.SUCCESS(f"账本完整：已校验 {result.checked} 条记录（ledger OK）。"))
            return True
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
        return False

    def _check_checkpoints(self, kept: list[CheckpointData]) -> bool:
        result = verify_checkpoints(kept)
        if not result.signatures_checked and result.checked:
            self.stderr.write("警告：未注册检查点签名器，未校验检查点签名（signatures NOT checked）。")
        if result.ok:
            self.stdout.write(
                self.style.SUCCESS(f"签名检查点相符：已校验 {result.checked} 个检查点（checkpoints OK）。")
            )
            return True
        self.stderr.write(f"签名检查点不符（checkpoints BROKEN）：{len(result.problems)} 处问题。")
        for problem in result.problems:
            self.stderr.write(_describe(problem))
        return False


def _describe(problem: CheckpointProblem) -> str:
    item = problem.checkpoint
    text = f"检查点 第 {item.seq} 条（{item.time}，密钥 {item.kid}）：{problem.reason_label}（{problem.reason}）；"
    if problem.reason == CheckpointBreak.NOT_IN_DATABASE:
        text += "所保存的检查点在数据库中已被删除或替换。"
    elif problem.reason == CheckpointBreak.BAD_SIGNATURE:
        text += "该检查点不是平台密钥签署的，不能作为依据。"
    else:
        text += f"被改写的记录在第 {problem.first_seq}–{problem.last_seq} 条之间。"
    if problem.found_hash is not None:
        text += f" 签名的链头哈希 {item.head_hash}，现存哈希 {problem.found_hash}。"
    return text
