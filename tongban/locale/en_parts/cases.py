"""English for the case engine's ledger actions and outbox events (tongban/cases/events.py)."""

EN: dict[str, str | tuple[str, str]] = {
    "删除草稿": "Draft deleted",
    "生成材料": "Material generated",
    "重新计算期限": "Deadline recomputed",
    "受理通知": "Accepted",
    "准予/不予决定": "Decision made",
    "结果可领取（取件码）": "Result ready for pickup (pickup code)",
    "结果已送达": "Result delivered",
}
