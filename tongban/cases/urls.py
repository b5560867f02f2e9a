"""URL patterns of ``cases``."""

from django.urls import path

app_name = "cases"

urlpatterns: list = []
