"""``manage.py ledger_checkpoint`` (``tongban ledger checkpoint``): sign the ledger head now if it moved."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tongban.core.checkpoints import do_write_checkpoint, get_checkpoint_signer, get_latest_checkpoint


class Command(BaseCommand):
    help = "为账本链头签署检查点（仅当链头自上一个检查点后有变化）（Sign a ledger checkpoint now）。"

    def handle(self, *args: Any, **options: Any) -> None:
        if get_checkpoint_signer() is None:
            raise CommandError("未注册检查点签名器（signing 应用未安装），无法签署检查点。", returncode=1)
        checkpoint = do_write_checkpoint()
        if checkpoint is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"已签署检查点：第 {checkpoint.seq} 条，链头哈希 {checkpoint.head_hash}，密钥 {checkpoint.kid}。"
                )
            )
            return
        latest = get_latest_checkpoint()
        where = f"第 {latest.seq} 条" if latest is not None else "账本为空"
        self.stdout.write(f"链头未变化（{where}），无需新的检查点（nothing to sign）。")
