"""Root URL configuration: the web UI (portal and each app's pages), the admin and ``/api/v1``."""

from django.contrib import admin
from django.urls import include, path

from tongban.api.routes import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("accounts/", include("tongban.accounts.urls")),
    path("catalog/", include("tongban.catalog.urls")),
    path("cases/", include("tongban.cases.urls")),
    path("", include("tongban.portal.urls")),
]
