from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "havza.jobs"
    label = "havza_jobs"
    verbose_name = "Background jobs"
