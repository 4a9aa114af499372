from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "havza.search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Publishing knows nothing of search: the index follows its saves and deletions
        # through Django's signals (and the post_save that bulk creation sends).
        from havza.search import signals

        signals.connect()
        # The search page is a kind of the page catalogue (havza.search.pages).
        from havza.search import pages

        pages.register()
