from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaturesConfig(AppConfig):
    name = "havza.signatures"
    verbose_name = _("Signatures")

    def ready(self) -> None:
        from havza.publishing.pages import lists_of_works, work
        from havza.signatures import pages

        if pages.LIST_KIND not in lists_of_works.LIST_KINDS:
            lists_of_works.LIST_KINDS[pages.LIST_KIND] = pages.sign_on_list_kind()
        if pages.statement_section not in work.WORK_SECTIONS:
            work.WORK_SECTIONS.append(pages.statement_section)
