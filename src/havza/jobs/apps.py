from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class JobsConfig(AppConfig):
    name = "havza.jobs"
    label = "havza_jobs"
    verbose_name = _("Background jobs")


class TaskResultsConfig(TasksAppConfig):
    """The job queue's own results, under a name the admin shows in the editor's language."""

    default = False
    verbose_name = _("Job results")
