"""The public site's addresses: the routes of every kind in the page catalogue."""

from django.urls import path, re_path

from havza.publishing import views
from havza.publishing.pages import CATALOGUE

app_name = "publishing"

urlpatterns = [
    (re_path if route.startswith("^") else path)(
        route, views.LIVE_ONLY.get(name) or views.page_view(kind), name=name
    )
    for kind in CATALOGUE.values()
    for name, route in kind.routes
]
