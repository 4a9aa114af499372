"""The kinds of pages of each language, declared once (see ``catalogue``). The order is the
order in which the live site matches their addresses (after those of ``site_kinds``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count, F

from havza.links import reverse
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import feeds, queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages import companions, entities, lists, site_kinds, work
from havza.publishing.pages.catalogue import (
    CHUNK,
    LANG,
    PagedList,
    PageKind,
    PageStream,
    WindowedList,
    in_chunks,
    register,
)
from havza.publishing.pages.frame import NotFound, Page
from havza.publishing.pages.labels import KIND_SEGMENTS, SEGMENT_KINDS
from havza.publishing.pages.lists_of_works import listed, listed_from_works, page_count

WORKS_CHUNK = 50  # works with the bodies of all their languages in memory at once
FIRST = site_kinds  # declared first: their addresses are matched before these
KINDS = "(?P<kinds>" + "|".join(SEGMENT_KINDS) + ")"
SLUG = "(?P<slug>[^/]+)"


def _get(model, lang: str, **lookup):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        raise NotFound(lang)
    return obj


# A language's newest works -----------------------------------------------------------------


@register
class Home(WindowedList):
    name = "home"
    routes = [("home", rf"^{LANG}/$")]
    task = "listings"
    shows = ("all",)

    def window(self) -> int:
        return settings.HAVZA_PAGE_SIZE

    def render(self, lang, item, site, number=1) -> Page:
        latest = listed("all", lang, None, 0, settings.HAVZA_PAGE_SIZE)
        return lists.render_home(lang, latest, site)


@register
class Feed(WindowedList):
    name = "feed"
    routes = [("feed", rf"^{LANG}/feed\.xml$")]
    task = "listings"
    shows = ("all",)

    def window(self) -> int:
        return settings.HAVZA_FEED_SIZE

    def render(self, lang, item, site, number=1) -> Page:
        return feeds.render_language_feed(lang, site)


# Works --------------------------------------------------------------------------------------


@register
class WorkPage(PageKind):
    """A work in one language. Republishing renders it for every change of its work."""

    name = "work"
    routes = [("work", rf"^{LANG}/works/{SLUG}/$")]
    task = "works"

    def location(self, lang, item=None, number=1) -> str:
        return item.get_absolute_url()

    def find(self, lang, slug) -> Translation:
        return work.fetch_work(lang, slug)

    def render(self, lang, item, site, number=1) -> Page:
        return work.render_work(item, site)

    def build(self, site, lang, shard: int = 0, shards: int = 1) -> PageStream:
        """Every published translation, work by work: a work and what its pages show are
        fetched once for all its languages (every SHARDS-th work from SHARD)."""
        works = queries.works_for_pages()
        if shards > 1:
            # A shard is every n-th work; ids are dense enough to split the work evenly.
            works = works.alias(shard=F("id") % shards).filter(shard=shard)
        for w in works.iterator(chunk_size=WORKS_CHUNK):
            for t in w.published_translations():
                page = work.render_work(t, site)
                yield page.path, page.body
            for companion in companions.companions():
                yield from companion.pages_of(w, site)


@register
class KindListing(PagedList):
    """The works of one kind (articles, statements, ...), newest first."""

    name = "listing"
    routes = [
        ("listing", rf"^{LANG}/{KINDS}/$"),
        ("listing_page", rf"^{LANG}/{KINDS}/page/(?P<page>[0-9]+)/$"),
    ]
    task = "listings"
    shows = ("kind",)

    def items(self, lang) -> list[str]:
        return list(KIND_SEGMENTS)

    def url_kwargs(self, lang, item) -> dict:
        return {"lang": lang, "kinds": KIND_SEGMENTS[item]}

    def find(self, lang, kinds) -> str:
        return SEGMENT_KINDS[kinds]

    def render_items(self, lang, item, items, number, count, site) -> Page:
        return lists.render_listing(lang, item, items, number, count, site)


# Organizations and people -------------------------------------------------------------------


@register
class Organizations(PageKind):
    name = "organizations"
    routes = [("organizations", rf"^{LANG}/organizations/$")]
    task = "entities"

    def render(self, lang, item, site, number=1) -> Page:
        return entities.render_organizations(lang, list(Organization.objects.all()), site)


class EntityPage(WindowedList):
    model: Any
    task = "entities"

    def window(self) -> int:
        return entities.WORKS_PER_ENTITY

    def location(self, lang, item=None, number=1) -> str:
        return item.get_absolute_url(lang)

    def find(self, lang, slug):
        return _get(self.model, lang, slug=slug)

    def item_for(self, lang, ref):
        return self.model.objects.filter(pk=ref).first()


@register
class OrganizationPage(EntityPage):
    name = "organization"
    routes = [("organization", rf"^{LANG}/organizations/{SLUG}/$")]
    shows = ("org-authored", "org-signed")
    model = Organization

    def render(self, lang, item, site, number=1) -> Page:
        return entities.render_organization(item, lang, site)

    def build(self, site, lang) -> PageStream:
        for chunk in in_chunks(Organization.objects.iterator(chunk_size=CHUNK), CHUNK):
            listed = entities.organizations_listed([org.pk for org in chunk], lang)
            for org in chunk:
                page = entities.render_organization(org, lang, site, listed)
                yield page.path, page.body


@register
class PersonPage(EntityPage):
    name = "person"
    routes = [("person", rf"^{LANG}/people/{SLUG}/$")]
    shows = ("person-authored", "person-signed")
    model = Person

    def item_for(self, lang, ref):
        return Person.objects.select_related("organization").filter(pk=ref).first()

    def render(self, lang, item, site, number=1) -> Page:
        return entities.render_person(item, lang, site)

    def build(self, site, lang) -> PageStream:
        people = Person.objects.select_related("organization").iterator(chunk_size=CHUNK)
        for chunk in in_chunks(people, CHUNK):
            listed = entities.people_listed([person.pk for person in chunk], lang)
            for person in chunk:
                page = entities.render_person(person, lang, site, listed)
                yield page.path, page.body


# Topics ------------------------------------------------------------------------------------


@register
class Topics(PageKind):
    name = "topics"
    routes = [("topics", rf"^{LANG}/topics/$")]
    task = "topics"

    def render(self, lang, item, site, number=1) -> Page:
        return lists.render_topics(lang, list(Topic.objects.all()), site)


@register
class TopicPage(PagedList):
    name = "topic"
    routes = [
        ("topic", rf"^{LANG}/topics/{SLUG}/$"),
        ("topic_page", rf"^{LANG}/topics/{SLUG}/page/(?P<page>[0-9]+)/$"),
    ]
    task = "topics"
    shows = ("topic",)

    def items(self, lang) -> list[Topic]:
        return list(Topic.objects.all())

    def url_kwargs(self, lang, item) -> dict:
        return {"lang": lang, "slug": item.slug(lang)}

    def ref(self, item) -> int:
        return item.pk

    def item_for(self, lang, ref):
        return Topic.objects.filter(pk=ref).first()

    def find(self, lang, slug) -> Topic:
        return lists.find_topic(lang, slug)

    def render_items(self, lang, item, items, number, count, site) -> Page:
        return lists.render_topic(item, lang, items, number, count, site)

    def build(self, site, lang) -> PageStream:
        """Every topic's pages and feed, from one pass over the language's works, newest
        first: each work goes to the open page of each of its topics, and a page is written
        as soon as it is full. Memory holds at most one page of works per topic."""
        size = settings.HAVZA_PAGE_SIZE
        topics = {topic.pk: topic for topic in self.items(lang)}
        totals = dict(
            queries.published(lang)
            .filter(work__topics__isnull=False)
            .values_list("work__topics")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = {pk: page_count(totals.get(pk, 0), size) for pk in topics}
        open_pages: dict[int, list] = {pk: [] for pk in topics}
        numbers = dict.fromkeys(topics, 1)
        feed_entries: dict[int, list] = {pk: [] for pk in topics}

        def page(pk: int) -> tuple[str, bytes]:
            number = numbers[pk]
            rendered = self.render_items(lang, topics[pk], open_pages[pk], number, counts[pk], site)
            open_pages[pk] = []
            numbers[pk] += 1
            return rendered.path, rendered.body

        through = Work.topics.through
        listing = queries.listing(lang).filter(work__topics__isnull=False).distinct()
        for chunk in in_chunks(listing.iterator(chunk_size=CHUNK), CHUNK):
            topics_of: dict[int, list[int]] = {}
            for work_id, topic_id in through.objects.filter(
                work_id__in=[t.work_id for t in chunk]
            ).values_list("work_id", "topic_id"):
                topics_of.setdefault(work_id, []).append(topic_id)
            for t in chunk:
                for pk in topics_of.get(t.work_id, ()):
                    open_pages[pk].append(t)
                    if len(feed_entries[pk]) < settings.HAVZA_FEED_SIZE:
                        feed_entries[pk].append(t)
                    if len(open_pages[pk]) == size:
                        yield page(pk)
        for pk, topic in topics.items():
            if open_pages[pk] or numbers[pk] == 1:  # a topic without works still has its page
                yield page(pk)
            entries = with_bodies(feed_entries.pop(pk))
            feed = feeds.render_topic_feed(topic, lang, site, entries=entries)
            yield feed.path, feed.body


@register
class TopicFeed(WindowedList):
    name = "topic_feed"
    routes = [("topic_feed", rf"^{LANG}/topics/{SLUG}/feed\.xml$")]
    task = "topics"
    shows = ("topic",)

    def window(self) -> int:
        return settings.HAVZA_FEED_SIZE

    def item_for(self, lang, ref):
        return Topic.objects.filter(pk=ref).first()

    def location(self, lang, item=None, number=1) -> str:
        return reverse("publishing:topic_feed", kwargs={"lang": lang, "slug": item.slug(lang)})

    def find(self, lang, slug) -> Topic:
        return lists.find_topic(lang, slug)

    def render(self, lang, item, site, number=1) -> Page:
        # Read from the topic's works (see ``queries.listed_from_works``), then the bodies.
        entries = listed_from_works("topic", lang, item.pk, 0, settings.HAVZA_FEED_SIZE)
        return feeds.render_topic_feed(item, lang, site, entries=with_bodies(entries))

    def build(self, site, lang) -> PageStream:
        return iter(())  # written by TopicPage's one pass over the works


def with_bodies(entries: list[Translation]) -> list[Translation]:
    """ENTRIES, fetched without their bodies, with the HTML body a feed shows (one query)."""
    bodies = dict(
        Translation.objects.filter(pk__in=[t.pk for t in entries]).values_list("pk", "body_html")
    )
    for t in entries:
        t.body_html = bodies[t.pk]
    return entries


# Events ------------------------------------------------------------------------------------


@register
class Events(PageKind):
    name = "events"
    routes = [("events", rf"^{LANG}/events/$")]
    task = "entities"

    def render(self, lang, item, site, number=1) -> Page:
        return entities.render_events(lang, list(Event.objects.all()), site)


@register
class EventPage(EntityPage):
    name = "event"
    routes = [("event", rf"^{LANG}/events/{SLUG}/$")]
    shows = ("event",)
    model = Event

    def items(self, lang) -> list[Event]:
        return list(Event.objects.all())

    def render(self, lang, item, site, number=1) -> Page:
        return entities.render_event(item, lang, site)
