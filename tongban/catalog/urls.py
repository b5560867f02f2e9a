"""URL patterns of ``catalog``: the staff pages of catalog administrators (事项管理)."""

from django.urls import path

from tongban.catalog import views

app_name = "catalog"

urlpatterns = [
    path("admin/", views.admin_list, name="admin_list"),
    path("admin/new/", views.implementation_create, name="implementation_create"),
    path("admin/versions/<int:pk>/edit/", views.version_edit, name="version_edit"),
    path("admin/versions/<int:pk>/quality/", views.version_quality, name="version_quality"),
    path("admin/versions/<int:pk>/submit/", views.version_submit, name="version_submit"),
    path("admin/versions/<int:pk>/return/", views.version_return, name="version_return"),
    path("admin/versions/<int:pk>/publish/", views.version_publish, name="version_publish"),
    path("admin/versions/<int:pk>/diff/", views.version_diff, name="version_diff"),
    path("admin/<str:code>/", views.implementation_detail, name="implementation_detail"),
    path("admin/<str:code>/draft/", views.draft_start, name="draft_start"),
    path("admin/<str:code>/names/", views.item_names_update, name="item_names_update"),
]
