from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "havza.publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from havza.multilingual import clean_before_save
        from havza.publishing import scheduling

        # Bidi controls are removed from every text of the public models, however saved.
        pre_save.connect(clean_before_save, dispatch_uid="havza-clean-stored-text")
        scheduling.connect()  # a new "publish at" time enqueues the worker's job
