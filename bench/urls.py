"""The application's URLconf plus the bench floors at ``/bench/floor/<code>/`` and ``/bench/floor-case/<n>/``."""

from django.urls import include, path

from bench.floor import floor_case_view, floor_view

urlpatterns = [
    path("bench/floor/<str:code>/", floor_view, name="bench_floor"),
    path("bench/floor-case/<str:number>/", floor_case_view, name="bench_floor_case"),
    path("", include("tongban.urls")),
]
