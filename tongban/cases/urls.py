"""URL patterns of ``cases``: the case lifecycle pages and the in-app messages (``/cases/…``)."""

from django.urls import path

from tongban.cases import views
from tongban.notifications import views as message_views

app_name = "cases"

urlpatterns = [
    # Applicant
    path("apply/<str:code>/", views.apply, name="apply"),
    # In-app messages (站内消息)
    path("messages/", message_views.message_list, name="messages"),
    path("messages/<int:message_id>/open/", message_views.message_open, name="message_open"),
    path("messages/read-all/", message_views.message_read_all, name="messages_read_all"),
]
