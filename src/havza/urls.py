from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("translate/", include("havza.translation.urls")),
    path("", include("havza.publishing.urls")),
]

handler404 = "havza.publishing.views.not_found"
