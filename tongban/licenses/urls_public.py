"""The public verification page (``/verify/``): no login. The QR codes hold ``/verify/?p=<token>``."""

from django.urls import path

from tongban.licenses import views

app_name = "verify"

urlpatterns = [
    path("", views.verify, name="verify"),
]
