"""URL patterns of ``accounts`` (mounted at ``/accounts/``)."""

from django.urls import path

from tongban.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("register/", views.register_view, name="register"),
    path("register/<str:challenge>/", views.register_confirm_view, name="register_confirm"),
    path("password-reset/", views.password_reset_view, name="password_reset"),
    path("password-reset/<str:challenge>/", views.password_reset_confirm_view, name="password_reset_confirm"),
    path("profile/real-name/", views.real_name_check_view, name="real_name_check"),
    path("window-confirmation/", views.window_confirmation_view, name="window_confirmation"),
    path(
        "window-confirmation/<str:challenge>/",
        views.window_confirmation_code_view,
        name="window_confirmation_code",
    ),
    path("profile/", views.profile_view, name="profile"),
    path("profile/tokens/", views.token_issue_view, name="token_issue"),
    path("profile/tokens/<int:token_id>/revoke/", views.token_revoke_view, name="token_revoke"),
    path("profile/<str:username>/", views.profile_view, name="profile_of"),
    path("workspace/", views.workspace_view, name="workspace"),
]
