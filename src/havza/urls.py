from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from havza.accounts.views import preferences
from havza.media import views as media
from havza.publishing import assets


def favicon(request):
    """Pages that name no icon (the admin's) make browsers ask for /favicon.ico."""
    return redirect(static("havza/favicon.svg"), permanent=True)


urlpatterns = [
    path("admin/preferences/", preferences, name="preferences"),
    path("admin/", admin.site.urls),
    path("translate/", include("havza.accounts.urls")),
    path("translate/", include("havza.translation.urls")),
    path("favicon.ico", favicon),
    path("static/<path:name>", assets.serve),  # fingerprinted names (whitenoise: the plain ones)
    path("media/<path:path>", media.serve),  # images and files: names that never change
    path("", include("havza.signatures.urls")),
    path("", include("havza.search.urls")),
    path("", include("havza.publishing.urls")),
]

# The admin and the workspace answer in the person's language; the public site as before.
handler403 = "havza.accounts.errors.permission_denied"
handler404 = "havza.accounts.errors.not_found"
handler500 = "havza.accounts.errors.server_error"
