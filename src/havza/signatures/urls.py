"""Sign-on's live addresses (the pages of the catalogue are publishing's: see ``pages``)."""

from django.urls import path

from havza.signatures import api, views

app_name = "signatures"

urlpatterns = [
    path("signon/challenge.json", views.challenge_view, name="challenge"),
    path("<str:lang>/signon/<int:pk>/", views.submit, name="submit"),
    path("<str:lang>/signon/thanks/", views.thanks, name="thanks"),
    path("<str:lang>/signon/confirm/<str:token>/", views.confirm, name="confirm"),
    path("<str:lang>/signon/code/", views.code, name="code"),
    path("<str:lang>/signon/yours/<str:token>/", views.manage, name="manage"),
    path("api/signon/openapi.json", api.openapi, name="openapi"),
    path("api/signon/<int:pk>/signatures.json", api.signatures, name="api_signatures"),
    path("api/signon/<int:pk>/sign", api.sign, name="api_sign"),
]
