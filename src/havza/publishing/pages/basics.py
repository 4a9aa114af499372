"""The pages outside any language's tree: the language chooser, 404 pages, robots.txt."""

from __future__ import annotations

from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import gettext as _

from havza import languages
from havza.links import reverse
from havza.publishing.pages.frame import Page, Site, all_language_alternates, render


def render_root(site: Site | None = None) -> Page:
    """The language chooser at the site root (the live site redirects instead)."""
    site = site or Site()
    lang = languages.default()
    return render(
        "publishing/root.html",
        lang,
        site,
        path=reverse("publishing:root"),
        title=settings.HAVZA_SITE_NAME,
        alternates=all_language_alternates(site, "publishing:home"),
        x_default=site.absolute(reverse("publishing:root")),
    )


def render_not_found(
    lang_code: str, alternatives=(), site: Site | None = None, address: str | None = None
) -> Page:
    """The 404 page in LANG_CODE; its file lives at ADDRESS (default: LANG_CODE/404.html)."""
    site = site or Site()
    lang = languages.get(lang_code) or languages.default()
    with translation.override(lang.code):
        title = _("Page not found")
    return render(
        "publishing/404.html",
        lang,
        site,
        path=reverse("publishing:home", kwargs={"lang": lang.code}),
        title=title,
        alternates=[],
        status=404,
        alternatives=list(alternatives),
        noindex=True,
        address=address or f"{get_script_prefix()}{lang.code}/404.html",
    )


def render_robots(site: Site | None = None) -> Page:
    site = site or Site()
    sitemap = site.absolute(reverse("publishing:sitemap"))
    text = f"User-agent: *\nDisallow: /admin/\nDisallow: /translate/\nSitemap: {sitemap}\n"
    return Page(
        text.encode(), content_type="text/plain; charset=utf-8", path=reverse("publishing:robots")
    )
