"""Logging into the translators' workspace and inviting translators (under /translate/)."""

from django.urls import path

from havza.accounts import workspace_views

app_name = "accounts"

urlpatterns = [
    path("login/", workspace_views.LoginView.as_view(), name="login"),
    path("logout/", workspace_views.LogoutView.as_view(), name="logout"),
    path("invite/", workspace_views.invite, name="invite"),
    path("welcome/<uidb64>/<token>/", workspace_views.WelcomeView.as_view(), name="welcome"),
]
