from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "havza.network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from django.conf.locale import LANG_INFO

        from havza import languages

        # Django needs to know every interface language; CLDR knows the ones Django lacks.
        for lang in languages.all_languages():
            LANG_INFO.setdefault(
                lang.code,
                {
                    "bidi": lang.is_rtl,
                    "code": lang.code,
                    "name": lang.babel.get_display_name("en") or lang.code,
                    "name_local": lang.native_name,
                },
            )
