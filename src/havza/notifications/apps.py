from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "havza.notifications"
    label = "havza_notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from havza.notifications import assignments, progress

        assignments.connect()
        progress.connect()
