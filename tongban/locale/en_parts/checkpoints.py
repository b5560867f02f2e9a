"""English for the signed ledger checkpoints (issue 9 §2)."""

EN: dict[str, str | tuple[str, str]] = {
    "签名无效": "Invalid signature",
    "记录缺失": "Entry missing",
    "链头哈希不符": "Head hash does not match",
    "检查点已被删除": "Checkpoint deleted",
    "账本签名检查点": "Signed ledger checkpoint",
    "账本序号": "Ledger sequence number",
    "链头哈希": "Head hash",
    "签署时间": "Signed at",
    "平台": "Platform",
    "密钥标识": "Key ID",
    "算法": "Algorithm",
    "签名": "Signature",
}
