"""Web pages of the `licenses` app (``/licenses/…``): the holder's 证照夹 and the issuing department's pages."""

from django.urls import include, path

from tongban.licenses import views

app_name = "licenses"

urlpatterns = [
    path("", views.wallet, name="wallet"),
    # Fixed prefixes come before <identifier>/ ("manage", "imports" are never identifiers: those start "1.2.156").
    # 存量证照导入: the stock import's own pages, their names in this namespace.
    path("imports/", include("tongban.licenses.stock.urls")),
    path("manage/", views.manage, name="manage"),
    path("manage/<str:identifier>/", views.manage_detail, name="manage_detail"),
    path("manage/<str:identifier>/<str:action>/", views.manage_action, name="manage_action"),
    path("<str:identifier>/", views.license_detail, name="license_detail"),
    path("<str:identifier>/pdf/", views.license_pdf, name="license_pdf"),
    path("<str:identifier>/present/", views.license_present, name="license_present"),
]
