from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "havza.media"
    label = "media"
    verbose_name = _("Images and files")
    default_auto_field = "django.db.models.BigAutoField"
