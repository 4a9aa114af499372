from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "havza.serving"
    verbose_name = "Serving"  # no models: never shown

    def ready(self) -> None:
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_save,
            pre_delete,
            pre_save,
        )

        from havza.publishing import changes
        from havza.serving import invalidation

        uid = "havza-serving-{}"
        for number, signal in enumerate((pre_save, pre_delete, m2m_changed)):
            signal.connect(invalidation.before_change, dispatch_uid=uid.format(f"before{number}"))
        for number, signal in enumerate((post_save, post_delete, m2m_changed)):
            signal.connect(invalidation.changed, dispatch_uid=uid.format(f"after{number}"))
        changes.observe(invalidation.OBSERVER)
