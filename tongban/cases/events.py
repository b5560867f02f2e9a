"""Names of the case events the engine emits as outbox notifications (``<noun>_<past_verb>`` style, ADR 0007).

The services pass these to ``tongban.notifications.services.enqueue_notification``; integrators and templates
match on them. Nothing here sends anything.
"""

from __future__ import annotations

CASE_ACCEPTED = "accepted"  # 受理通知
CASE_CORRECTION_REQUESTED = "correction_requested"  # 一次性告知补正
CASE_NOT_ACCEPTED = "not_accepted"  # 不予受理
CASE_DECIDED = "decided"  # 准予/不予决定
CASE_READY_FOR_PICKUP = "ready_for_pickup"  # 结果可领取（取件码）
CASE_DELIVERED = "delivered"  # 结果已送达

ALL_EVENTS = (
    CASE_ACCEPTED,
    CASE_CORRECTION_REQUESTED,
    CASE_NOT_ACCEPTED,
    CASE_DECIDED,
    CASE_READY_FOR_PICKUP,
    CASE_DELIVERED,
)
