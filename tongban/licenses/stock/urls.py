"""Pages of the stock import, included by ``tongban/licenses/urls.py`` at ``/licenses/imports/``.

No ``app_name``: the names live in the ``licenses`` namespace (``licenses:stock_import_list`` …).
"""

from django.urls import path

from tongban.licenses.stock import views

urlpatterns = [
    path("", views.stock_import_list, name="stock_import_list"),
    path("template.xlsx", views.stock_import_template, name="stock_import_template"),
    path("<int:pk>/", views.stock_import_detail, name="stock_import_detail"),
    path("<int:pk>/resume/", views.stock_import_resume, name="stock_import_resume"),
    path("<int:pk>/rejected.xlsx", views.stock_import_rejected, name="stock_import_rejected"),
]
