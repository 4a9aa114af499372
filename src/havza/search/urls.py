from django.urls import re_path

from havza.search import views

app_name = "search"
LANG = r"(?P<lang>[a-z]{2,3})"

urlpatterns = [
    re_path(rf"^{LANG}/search/$", views.page, name="page"),
    re_path(rf"^{LANG}/search\.json$", views.as_json, name="json"),
]
