"""Outbox crash safety and delivery: rows commit with the change, delivery is idempotent and retried per channel."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tongban.accounts.testing import make_citizen
from tongban.notifications import services
from tongban.notifications.choices import Channel, OutboxStatus
from tongban.notifications.models import InboxMessage, OutboxMessage
from tongban.notifications.queries import count_unread_messages

pytestmark = pytest.mark.django_db


class FlakySms:
    """An SMS adapter that fails while ``fail`` is set and records what it sent."""

    fail = True
    sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        if FlakySms.fail:
            raise ConnectionError("gateway down")
        FlakySms.sent.append((phone, text))


@pytest.fixture
def citizen():
    user = make_citizen()
    user.email = "citizen@example.org"
    user.save(update_fields=["email"])
    return user


def _enqueue(user, **kwargs):
    return services.enqueue_notification(
        user=user,
        event="case_accepted",
        title="您的办件已受理",
        body="办件已受理。",
        url="/cases/my/",
        **kwargs,
    )


def test_it_writes_one_row_per_channel_and_delivers_after_commit(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        rows = _enqueue(citizen, case="410200202601050000001")
        assert {r.channel for r in rows} == {"inbox", "email", "sms"}
        assert InboxMessage.objects.count() == 0  # nothing delivered inside the transaction
    assert len(callbacks) == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    inbox = InboxMessage.objects.get()
    assert inbox.user == citizen and inbox.case_number == "410200202601050000001"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["citizen@example.org"]
    assert count_unread_messages(citizen) == 1


def test_a_rolled_back_transaction_leaves_no_message(citizen, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _enqueue(citizen)
        raise RuntimeError("the change failed")
    assert callbacks == []
    assert OutboxMessage.objects.count() == 0
    assert InboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_a_failing_channel_is_retried_and_the_others_are_not_resent(
    citizen, settings, django_capture_on_commit_callbacks
):
    settings.TONGBAN_SMS_BACKEND = "tongban.notifications.tests.test_services.FlakySms"
    FlakySms.fail, FlakySms.sent = True, []
    with django_capture_on_commit_callbacks(execute=True):
        _enqueue(citizen)
    sms = OutboxMessage.objects.get(channel=Channel.SMS)
    assert sms.status == OutboxStatus.PENDING and sms.attempts == 1
    assert "gateway down" in sms.last_error
    assert sms.next_attempt_at > timezone.now()
    assert InboxMessage.objects.count() == 1 and len(mail.outbox) == 1

    # Not due yet: the sweep leaves it alone.
    assert services.deliver_pending() == {}
    assert FlakySms.sent == []

    FlakySms.fail = False
    OutboxMessage.objects.filter(pk=sms.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert services.deliver_pending() == {"sent": 1}
    sms.refresh_from_db()
    assert sms.status == OutboxStatus.SENT and sms.attempts == 2
    assert len(FlakySms.sent) == 1
    assert InboxMessage.objects.count() == 1 and len(mail.outbox) == 1  # inbox and e-mail not resent


def test_delivering_a_sent_row_again_sends_nothing(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = _enqueue(citizen, channels=("inbox", "email"))
    assert services.deliver_messages([r.pk for r in rows]) == {"sent": 2}  # status re-checked, not re-sent
    assert InboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_same_dedupe_key_writes_nothing_twice(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _enqueue(citizen, dedupe_key="case-1:accepted")
        second = _enqueue(citizen, dedupe_key="case-1:accepted")
    assert [m.pk for m in first] == [m.pk for m in second]
    assert OutboxMessage.objects.count() == 3
    assert InboxMessage.objects.count() == 1


def test_a_channel_without_address_is_skipped_not_retried(django_capture_on_commit_callbacks):
    user = make_citizen("citizen2", real_name="李四")
    with django_capture_on_commit_callbacks(execute=True):
        _enqueue(user, channels=("email",))
    row = OutboxMessage.objects.get()
    assert row.status == OutboxStatus.SKIPPED
    assert mail.outbox == []
    assert services.deliver_pending() == {}


def test_it_gives_up_after_the_maximum_attempts(citizen, settings, django_capture_on_commit_callbacks):
    settings.TONGBAN_SMS_BACKEND = "tongban.notifications.tests.test_services.FlakySms"
    FlakySms.fail, FlakySms.sent = True, []
    with django_capture_on_commit_callbacks(execute=True):
        _enqueue(citizen, channels=("sms",))
    row = OutboxMessage.objects.get()
    for _ in range(services.MAX_ATTEMPTS):
        OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        services.deliver_pending()
    row.refresh_from_db()
    assert row.status == OutboxStatus.FAILED and row.attempts == services.MAX_ATTEMPTS
    assert FlakySms.sent == []


def test_backoff_grows_exponentially_and_is_capped():
    assert services.backoff_delay(1) == timedelta(minutes=1)
    assert services.backoff_delay(2) == timedelta(minutes=2)
    assert services.backoff_delay(4) == timedelta(minutes=8)
    assert services.backoff_delay(30) == timedelta(hours=6)


def test_the_command_delivers_due_rows(citizen, capsys):
    with transaction.atomic():
        _enqueue(citizen, channels=("inbox",))  # on_commit never runs in this test transaction
    assert InboxMessage.objects.count() == 0
    call_command("deliver_notifications")
    assert InboxMessage.objects.count() == 1
    assert "sent=1" in capsys.readouterr().out


def test_an_unknown_channel_is_refused_and_writes_nothing(citizen):
    from tongban.core.errors import DomainError

    with pytest.raises(DomainError) as exc:
        _enqueue(citizen, channels=("fax",))
    assert exc.value.code == "NOTIFICATION_UNKNOWN_CHANNEL"
    assert OutboxMessage.objects.count() == 0


def test_the_logging_sms_backend_masks_the_phone(caplog):
    from tongban.notifications.sms import LoggingSmsBackend

    with caplog.at_level("INFO", logger="tongban.sms"):
        LoggingSmsBackend().send("13812345678", "您的办件已受理")
    assert "138****5678" in caplog.text
    assert "13812345678" not in caplog.text
