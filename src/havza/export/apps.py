from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportConfig(AppConfig):
    name = "havza.export"
    verbose_name = _("Static export")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

        from havza.export import hooks
        from havza.publishing import changes
        from havza.publishing.models import Translation, Work

        uid = "havza-export-{}"
        pre_save.connect(hooks.before_save, sender=Translation, dispatch_uid=uid.format(1))
        post_save.connect(hooks.after_save, sender=Translation, dispatch_uid=uid.format(2))
        pre_delete.connect(hooks.before_delete, sender=Translation, dispatch_uid=uid.format(3))
        post_delete.connect(hooks.after_delete, sender=Translation, dispatch_uid=uid.format(4))
        pre_save.connect(hooks.before_work_save, sender=Work, dispatch_uid=uid.format(5))
        post_save.connect(hooks.after_work_save, sender=Work, dispatch_uid=uid.format(6))
        changes.observe(hooks.OBSERVER)
