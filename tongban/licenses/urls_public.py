"""The public verification page (``/verify/``): no login."""

from django.urls import path  # noqa: F401

app_name = "verify"

urlpatterns: list = []
