"""The in-app message page: only the owner's messages, unread count, marking read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongban.accounts.testing import make_citizen
from tongban.notifications.models import InboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    return InboxMessage.objects.create(
        user=make_citizen(), title="您的办件已受理", body="请留意", url="/cases/my/"
    )


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("cases:messages"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_owner_sees_the_message_and_the_unread_count(client, message):
    client.force_login(message.user)
    response = client.get(reverse("cases:messages"))
    assert response.status_code == 200
    assert "您的办件已受理" in response.content.decode()
    assert response.context["unread"] == 1


def test_opening_marks_read_and_follows_the_link(client, message):
    client.force_login(message.user)
    response = client.post(reverse("cases:message_open", args=[message.pk]))
    assert response.status_code == 302 and response["Location"] == "/cases/my/"
    message.refresh_from_db()
    assert message.read_at is not None


def test_another_user_cannot_open_the_message(client, message):
    other = make_citizen("citizen2", real_name="李四")
    client.force_login(other)
    assert "您的办件已受理" not in client.get(reverse("cases:messages")).content.decode()
    assert client.post(reverse("cases:message_open", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_mark_all_read(client, message):
    client.force_login(message.user)
    client.post(reverse("cases:messages_read_all"))
    message.refresh_from_db()
    assert message.read_at is not None


def test_the_case_pages_show_the_unread_badge(client, message):
    client.force_login(message.user)
    html = client.get(reverse("cases:my_cases")).content.decode()
    assert 'id="unread-badge"' in html


def test_a_message_about_a_case_opens_the_case_page(client):
    message = InboxMessage.objects.create(
        user=make_citizen(), title="已受理", case_number="41020020260105000001"
    )
    client.force_login(message.user)
    response = client.post(reverse("cases:message_open", args=[message.pk]))
    assert response.status_code == 302 and response["Location"] == "/cases/41020020260105000001/"
