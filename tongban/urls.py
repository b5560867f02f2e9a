"""Root URL configuration: the web UI (portal and each app's pages), the admin, ``/api/v1`` and ``/health/``."""

from django.contrib import admin
from django.urls import include, path

from tongban.api.routes import api
from tongban.core.health import HealthView

urlpatterns = [
    path("api/v1/", api.urls),
    path("health/", HealthView.as_view(), name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("accounts/", include("tongban.accounts.urls")),
    path("catalog/", include("tongban.catalog.urls")),
    path("cases/", include("tongban.cases.urls")),
    path("licenses/", include("tongban.licenses.urls")),
    path("signing/", include("tongban.signing.urls")),
    path("verify/", include("tongban.licenses.urls_public")),
    path("", include("tongban.portal.urls")),
]
