"""URL patterns of ``portal``: the public pages."""

from django.urls import path

from tongban.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("guide/<str:code>/", views.guide, name="guide"),
    path("guide/<str:code>/pdf/", views.guide_pdf, name="guide_pdf"),
    path("guide/<str:code>/files/<str:kind>/<int:material_id>/", views.guide_file, name="guide_file"),
    path("guide/<str:code>/result-sample/", views.guide_result_sample, name="guide_result_sample"),
    path("elderly/", views.elderly_toggle, name="elderly_toggle"),
]
