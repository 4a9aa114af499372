"""Atom feeds per language and per topic, with full content, authors and xml:lang."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from havza import languages
from havza.links import rebased, reverse
from havza.network.models import Topic
from havza.publishing import assets, queries
from havza.publishing.models import Translation
from havza.publishing.pages.frame import Page, Site
from havza.publishing.pages.work import byline

EMPTY_FEED_UPDATED = datetime(2000, 1, 1, tzinfo=UTC)


class ContentAtomFeed(Atom1Feed):
    """Atom with each entry's whole body as <content type="html">, and the network's logo as
    the feed's icon and logo."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("logo"):
            handler.addQuickElement("icon", self.feed["logo"])
            handler.addQuickElement("logo", self.feed["logo"])

    def latest_post_date(self):
        # An empty feed would otherwise say "updated now", and every export would differ.
        if not self.items:
            return EMPTY_FEED_UPDATED
        return super().latest_post_date()

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


def _entry_time(t: Translation) -> datetime:
    if t.work.published_on:
        return datetime.combine(t.work.published_on, time(12, 0), tzinfo=UTC)
    return t.published_at or t.created_at


def render_feed(
    lang_code: str,
    entries: list[Translation],
    *,
    path: str,
    title: str,
    alternate: str,
    site: Site | None = None,
) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    feed = ContentAtomFeed(
        title=title,
        link=site.absolute(alternate),
        description=lang.tagline,
        language=lang.tag,
        feed_url=site.absolute(path),
        feed_guid=site.absolute(path),
        author_name=settings.HAVZA_SITE_NAME,
        logo=site.absolute(assets.url(assets.site_logo())),
    )
    for t in entries:
        authors = byline(t.work, lang_code)
        url = site.absolute(t.get_absolute_url())
        feed.add_item(
            title=t.title,
            link=url,
            unique_id=f"{site.origin}/{t.work.uid}/{t.language}",
            description=t.excerpt,
            content=rebased(t.body_html, site.absolute(get_script_prefix())),
            author_name=", ".join(a["name"] for a in authors) or settings.HAVZA_SITE_NAME,
            author_link=site.absolute(authors[0]["href"]) if len(authors) == 1 else None,
            pubdate=_entry_time(t),
            updateddate=t.content_updated_at or _entry_time(t),
        )
    body = feed.writeString("utf-8").encode("utf-8")
    return Page(
        body, content_type="application/atom+xml; charset=utf-8", language=lang_code, path=path
    )


def feed_entries(lang: str, topic: Topic | None = None) -> list[Translation]:
    """The newest works in LANG (of TOPIC), with their bodies."""
    qs = queries.listing(lang).defer(None)
    if topic is not None:
        qs = qs.filter(work__topics=topic)
    return list(qs[: settings.HAVZA_FEED_SIZE])


def render_language_feed(lang_code: str, site: Site | None = None) -> Page:
    with translation.override(lang_code):
        # Translators: the title of a language's Atom feed of the latest works.
        title = _("%(site)s: latest") % {"site": settings.HAVZA_SITE_NAME}
    return render_feed(
        lang_code,
        feed_entries(lang_code),
        path=reverse("publishing:feed", kwargs={"lang": lang_code}),
        title=title,
        alternate=reverse("publishing:home", kwargs={"lang": lang_code}),
        site=site,
    )


def render_topic_feed(
    topic: Topic, lang_code: str, site: Site | None = None, entries: list | None = None
) -> Page:
    """ENTRIES, when the caller has them, are feed_entries(lang_code, topic)."""
    slug = topic.slug(lang_code)
    with translation.override(lang_code):
        # Translators: the title of a topic's Atom feed: the site's name, then the topic's.
        title = _("%(site)s: %(topic)s") % {
            "site": settings.HAVZA_SITE_NAME,
            "topic": topic.name(lang_code),
        }
    return render_feed(
        lang_code,
        feed_entries(lang_code, topic) if entries is None else entries,
        path=reverse("publishing:topic_feed", kwargs={"lang": lang_code, "slug": slug}),
        title=title,
        alternate=topic.get_absolute_url(lang_code),
        site=site,
    )
