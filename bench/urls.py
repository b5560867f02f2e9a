"""The application's URLconf plus the bench floor at ``/bench/floor/<code>/``."""

from django.urls import include, path

from bench.floor import floor_view

urlpatterns = [
    path("bench/floor/<str:code>/", floor_view, name="bench_floor"),
    path("", include("tongban.urls")),
]
