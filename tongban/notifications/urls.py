"""URL patterns of the in-app messages (站内消息); included by ``tongban/cases/urls.py`` under ``/cases/messages/``,
so their names stay in the ``cases`` namespace (``cases:messages``)."""

from django.urls import path

from tongban.notifications import views

urlpatterns = [
    path("", views.message_list, name="messages"),
    path("<int:message_id>/open/", views.message_open, name="message_open"),
    path("read-all/", views.message_read_all, name="messages_read_all"),
]
