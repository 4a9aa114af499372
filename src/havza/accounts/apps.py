from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "havza.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # The admin has read every admin.py (its own ready() runs first): whatever login form
        # it was given also tells a translator where to log in.
        from django.contrib import admin

        from havza.accounts.forms import telling_translators

        admin.site.login_form = telling_translators(admin.site.login_form)
