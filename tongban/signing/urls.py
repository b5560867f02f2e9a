"""Web pages of the `signing` app: the seals page (system administrators) and the public root certificate."""

from django.urls import path

from tongban.signing import views

app_name = "signing"

urlpatterns = [
    path("seals/", views.seal_list, name="seal_list"),
    path("seals/<int:pk>/certificate.pem", views.seal_certificate, name="seal_certificate"),
    path("keys/rotate/", views.key_rotate, name="key_rotate"),
    path("root.pem", views.root_certificate, name="root_certificate"),
]
