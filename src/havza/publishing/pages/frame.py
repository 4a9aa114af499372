"""The frame every public page is rendered in: the ``Page`` itself, the ``Site`` it is read
at, the parts shared by every page of a language, the language menu and hreflang links."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.template import engines
from django.urls import get_script_prefix
from django.utils import translation
from markupsafe import Markup, escape

from havza import languages
from havza.links import reverse
from havza.publishing import jsonld as schema
from havza.publishing.jinja import page_language


class NotFound(Exception):
    """The page does not exist; ``alternatives`` are translations that do."""

    def __init__(self, lang: str, alternatives: list | None = None):
        super().__init__(lang)
        self.lang = lang
        self.alternatives = alternatives or []


@dataclass
class Page:
    """A rendered page and the address it lives at (with the script prefix, as linked)."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    language: str = ""
    path: str = ""


@dataclass(frozen=True)
class Site:
    """Where the pages will be read: absolute links (canonical, feeds, sitemaps) start here."""

    base_url: str = field(default_factory=lambda: settings.HAVZA_BASE_URL)

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def absolute(self, path: str) -> str:
        return self.origin + path


def template(name: str):
    return engines["jinja2"].get_template(name)


@lru_cache(maxsize=256)
def _chrome(lang_code: str, prefix: str, site_name: str, logo: str) -> dict[str, Markup]:
    lang = languages.get(lang_code) or languages.default()
    with translation.override(lang.code), page_language(lang.code):
        module = template("publishing/chrome.html").template.make_module(
            {"lang": lang, "site_name": site_name}
        )
        return {part: Markup(getattr(module, part)()) for part in ("head", "masthead", "footer")}


def chrome(lang_code: str) -> dict[str, Markup]:
    """The parts of every page in LANG_CODE that do not depend on the page (asset links,
    taglines, sections, footer): rendered once per language and address scheme."""
    return _chrome(
        lang_code, get_script_prefix(), settings.HAVZA_SITE_NAME, settings.HAVZA_SITE_LOGO
    )


def _forget_chrome(**_kwargs) -> None:
    _chrome.cache_clear()


setting_changed.connect(_forget_chrome)


@dataclass
class Alternate:
    language: languages.Language
    href: str  # absolute
    path: str


def all_language_alternates(site: Site, url_name: str, **kwargs) -> list[Alternate]:
    return [
        Alternate(lang, site.absolute(p), p)
        for lang in languages.all_languages()
        for p in [reverse(url_name, kwargs={"lang": lang.code, **kwargs})]
    ]


def render_index(
    template_name: str,
    url_name: str,
    lang_code: str,
    site: Site | None,
    title,
    entries: list[tuple[str, str]] = (),
    **context,
) -> Page:
    """A page with one address per language and nothing else in it (the lists of
    organizations, topics, events): TITLE is a lazy message, read in the page's language;
    ENTRIES, (name, address) of what it lists, for its JSON-LD."""
    site = site or Site()
    with translation.override(lang_code):
        title = str(title)
    lang = languages.get(lang_code)
    path = reverse(url_name, kwargs={"lang": lang_code})
    context["jsonld"] = schema.collection(
        name=title,
        url=site.absolute(path),
        lang_tag=lang.tag,
        lang_code=lang_code,
        entries=list(entries),
        site=site,
    )
    return render(
        template_name,
        languages.get(lang_code),
        site,
        path=reverse(url_name, kwargs={"lang": lang_code}),
        title=title,
        alternates=all_language_alternates(site, url_name),
        **context,
    )


def render(
    template_name: str,
    lang: languages.Language,
    site: Site,
    *,
    path: str,
    title: str,
    alternates: list[Alternate],
    status: int = 200,
    description: str = "",
    address: str | None = None,
    menu_links: dict[str, str] | None = None,
    **context,
) -> Page:
    """TEMPLATE_NAME in the frame of LANG. PATH is the page's canonical address; ADDRESS,
    when it differs (the 404 page), where its file lives. The language menu leads to the
    ALTERNATES, then to MENU_LINKS (language code -> address), then to each home page."""
    targets = {**(menu_links or {}), **{a.language.code: a.path for a in alternates}}
    menu = [
        (other, targets.get(other.code) or reverse("publishing:home", kwargs={"lang": other.code}))
        for other in languages.all_languages()
    ]
    context["language_links"] = _language_links(lang, alternates, menu)
    with translation.override(lang.code), page_language(lang.code):
        html = template(template_name).render(
            {
                "lang": lang,
                "site_name": settings.HAVZA_SITE_NAME,
                "page_title": title,
                # Pages without a summary of their own are described by the tagline.
                "description": description or lang.tagline,
                "canonical": site.absolute(path),
                "alternates": alternates,
                "x_default": context.pop("x_default", None),
                "menu": menu,
                "chrome": chrome(lang.code),
                "path": path,
                "site": site,
                "jsonld": context.pop("jsonld", None),
                "og": context.pop("og", {}),
                **context,
            }
        )
    return Page(html.encode("utf-8"), status=status, language=lang.code, path=address or path)


@lru_cache(maxsize=64)
def _menu_entry(code: str, current: bool) -> tuple[str, str]:
    """The language menu's entry for CODE around its address: (before, after)."""
    other = languages.get(code)
    tag, direction, name = escape(other.tag), escape(other.direction), escape(other.native_name)
    mark = ' aria-current="page"' if current else ""
    return (
        '<li><a href="',
        f'" hreflang="{tag}" lang="{tag}" dir="{direction}"{mark}>{name}</a></li>\n',
    )


def _language_links(lang: languages.Language, alternates: list[Alternate], menu) -> dict:
    """The hreflang links of the head and the language menu: on every page, in every
    language, so written here rather than in a template loop."""
    links = "".join(
        f'<link rel="alternate" hreflang="{escape(a.language.tag)}" href="{escape(a.href)}">\n'
        for a in alternates
    )
    entries = []
    for other, href in menu:
        before, after = _menu_entry(other.code, other.code == lang.code)
        entries.append(f"{before}{escape(href)}{after}")
    return {"head": Markup(links), "menu": Markup("".join(entries))}
