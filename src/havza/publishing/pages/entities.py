"""The pages of organizations, people and events, and their indexes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from havza import countries, languages
from havza.links import reverse
from havza.multilingual import pick
from havza.network.models import Event, Organization, Person
from havza.publishing import jsonld as schema
from havza.publishing import queries
from havza.publishing.jinja import localized_date_range, localized_number
from havza.publishing.models import Authorship, Translation, Work
from havza.publishing.pages.frame import (
    Page,
    Site,
    all_language_alternates,
    render,
    render_index,
)
from havza.publishing.pages.lists import render_items
from havza.publishing.pages.work import name_language

WORKS_PER_ENTITY = 100


@dataclass
class Listed:
    """What the pages of some organizations or people list, fetched for all of them at once:
    owner id -> items (newest first, at most WORKS_PER_ENTITY) or rows."""

    authored: dict[int, list[Translation]]
    signed: dict[int, list[Translation]]
    related: dict[int, list[tuple[str, str]]]  # an organization's members, a person's events


def _works_by_owner(
    lang: str, links, owner_field: str, ids: list[int]
) -> dict[int, list[Translation]]:
    """LINKS: authorships or signatures of the owners IDS; their works in LANG, per owner."""
    if len(ids) == 1:
        # One page (the live site's, a republish's): read from the owner's works, not from
        # the language's (see ``queries.listed_from_works``).
        works = Work.objects.filter(pk__in=links.values("work_id"))
        return {ids[0]: queries.listed_from_works(lang, works, 0, WORKS_PER_ENTITY)}
    owners_of: dict[int, list[int]] = defaultdict(list)
    for owner, work in links.values_list(owner_field, "work_id"):
        if owner not in owners_of[work]:
            owners_of[work].append(owner)
    listed: dict[int, list[Translation]] = defaultdict(list)
    if not owners_of:
        return listed
    # Which translations each owner lists is decided from ids alone, in the listing's order;
    # only those are then read whole. Reading every linked work whole built all of them (at
    # 10,000 statements, 80,000 translations for the organizations' 100 pages) to keep 100
    # of each owner's.
    counts: dict[int, int] = defaultdict(int)
    chosen: list[tuple[int, list[int]]] = []
    ids = queries.works_linked(lang, links).values_list("pk", "work_id")
    for pk, work in ids.iterator(chunk_size=2000):
        owners = [o for o in owners_of.get(work, ()) if counts[o] < WORKS_PER_ENTITY]
        for owner in owners:
            counts[owner] += 1
        if owners:
            chosen.append((pk, owners))
    for start in range(0, len(chosen), READ_AT_ONCE):
        part = chosen[start : start + READ_AT_ONCE]
        found = queries.by_ids([pk for pk, _owners in part])
        for t, (_pk, owners) in zip(found, part, strict=True):
            for owner in owners:
                listed[owner].append(t)
    return listed


READ_AT_ONCE = 500  # translations read whole in one query


def organizations_listed(ids: list[int], lang: str) -> Listed:
    from havza.publishing.models import Signatory

    members: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for p in Person.objects.filter(organization_id__in=ids):
        members[p.organization_id].append((p.display(lang), p.get_absolute_url(lang)))
    return Listed(
        authored=_works_by_owner(
            lang, Authorship.objects.filter(organization_id__in=ids), "organization_id", ids
        ),
        signed=_works_by_owner(
            lang, Signatory.objects.filter(organization_id__in=ids), "organization_id", ids
        ),
        related=members,
    )


def people_listed(ids: list[int], lang: str) -> Listed:
    from havza.network.models import Speaker
    from havza.publishing.models import Signatory

    talks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for s in Speaker.objects.filter(person_id__in=ids).select_related("event"):
        talks[s.person_id].append((s.event.name(lang), s.event.get_absolute_url(lang)))
    return Listed(
        authored=_works_by_owner(
            lang, Authorship.objects.filter(person_id__in=ids), "person_id", ids
        ),
        signed=_works_by_owner(lang, Signatory.objects.filter(person_id__in=ids), "person_id", ids),
        related=talks,
    )


def render_organization(
    org: Organization, lang_code: str, site: Site | None = None, listed: Listed | None = None
) -> Page:
    """LISTED may come from organizations_listed() for many organizations at once."""
    site = site or Site()
    lang = languages.get(lang_code)
    listed = listed or organizations_listed([org.pk], lang_code)
    return render(
        "publishing/organization.html",
        lang,
        site,
        path=org.get_absolute_url(lang_code),
        title=org.display(lang_code),
        alternates=all_language_alternates(site, "publishing:organization", slug=org.slug),
        jsonld=schema.organization(
            name=org.display(lang_code),
            url=site.absolute(org.get_absolute_url(lang_code)),
            lang_code=lang_code,
            country_code=org.country or "",
            website=org.website,
            acronym=org.acronym,
            site=site,
        ),
        org=org,
        name_lang=name_language(org.names, lang_code),
        country=countries.name(org.country, lang_code) if org.country else "",
        authored=render_items(listed.authored.get(org.pk, []), lang_code, 3),
        signed=render_items(listed.signed.get(org.pk, []), lang_code, 3),
        members=listed.related.get(org.pk, []),
    )


def render_organizations(lang_code: str, orgs: list[Organization], site: Site | None = None):
    rows = [
        {
            "name": o.display(lang_code),
            "href": o.get_absolute_url(lang_code),
            "country": countries.name(o.country, lang_code) if o.country else "",
            "member": o.is_member,
            "lang": name_language(o.names, lang_code),
        }
        for o in orgs
    ]
    return render_index(
        "publishing/organizations.html",
        "publishing:organizations",
        lang_code,
        site,
        gettext_lazy("Organizations"),
        entries=[(r["name"], r["href"]) for r in rows],
        members=[r for r in rows if r["member"]],
        others=[r for r in rows if not r["member"]],
    )


def render_person(
    person: Person, lang_code: str, site: Site | None = None, listed: Listed | None = None
) -> Page:
    """LISTED may come from people_listed() for many people at once."""
    site = site or Site()
    lang = languages.get(lang_code)
    org = person.organization
    listed = listed or people_listed([person.pk], lang_code)
    return render(
        "publishing/person.html",
        lang,
        site,
        path=person.get_absolute_url(lang_code),
        title=person.display(lang_code),
        alternates=all_language_alternates(site, "publishing:person", slug=person.slug),
        jsonld=schema.person(
            name=person.display(lang_code),
            url=site.absolute(person.get_absolute_url(lang_code)),
            lang_code=lang_code,
            country_code=person.country or "",
            organization=(org.display(lang_code), org.get_absolute_url(lang_code)) if org else None,
            site=site,
        ),
        person=person,
        country=countries.name(person.country, lang_code) if person.country else "",
        organization=(org.display(lang_code), org.get_absolute_url(lang_code)) if org else None,
        authored=render_items(listed.authored.get(person.pk, []), lang_code, 3),
        signed=render_items(listed.signed.get(person.pk, []), lang_code, 3),
        events=listed.related.get(person.pk, []),
    )


def reach_sentence(event: Event, lang_code: str) -> str:
    """ "45 speakers from 25 countries across 5 continents", in LANG, from the speakers."""
    speakers, country_count, continent_count = event.reach()
    if not speakers:
        return ""
    n = lambda value: localized_number(value, lang_code)  # noqa: E731
    with translation.override(lang_code):
        parts = {
            # Translators: the first part of "45 speakers from 25 countries across 5
            # continents" on an event's page; the count is written in the page's digits.
            "speakers": ngettext(
                "%(count)s speaker", "%(count)s speakers", speakers
            ) % {"count": n(speakers)},
            # Translators: the second part, "from 25 countries": where the speakers come from.
            "countries": ngettext(
                "from %(count)s country", "from %(count)s countries", country_count
            ) % {"count": n(country_count)},
            # Translators: the third part, "across 5 continents".
            "continents": ngettext(
                "across %(count)s continent", "across %(count)s continents", continent_count
            ) % {"count": n(continent_count)},
        }  # fmt: skip
        # Translators: joins the three parts above into one sentence: "45 speakers from 25
        # countries across 5 continents". Reorder them, or add words, as the language needs.
        return _("%(speakers)s %(countries)s %(continents)s") % parts


def render_event(event: Event, lang_code: str, site: Site | None = None) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    dates = localized_date_range(event.starts_on, event.ends_on or event.starts_on, lang_code)
    speakers = [
        {
            "name": s.person.display(lang_code),
            "href": s.person.get_absolute_url(lang_code),
            "country": countries.name(s.country, lang_code) if s.country else "",
        }
        for s in event.speakers.select_related("person")
    ]
    organizers = [
        (o.display(lang_code), o.get_absolute_url(lang_code), name_language(o.names, lang_code))
        for o in event.organizers.all()
    ]
    place = pick(event.place, lang_code, "en")
    url = site.absolute(event.get_absolute_url(lang_code))
    return render(
        "publishing/event.html",
        lang,
        site,
        path=event.get_absolute_url(lang_code),
        title=event.name(lang_code),
        jsonld=schema.event(
            name=event.name(lang_code),
            url=url,
            lang_tag=lang.tag,
            lang_code=lang_code,
            starts_on=event.starts_on,
            ends_on=event.ends_on or event.starts_on,
            place=place,
            country_code=event.country or "",
            online=event.online,
            organizers=[(name, href) for name, href, _ in organizers],
            speakers=speakers,
            site=site,
        ),
        calendar=reverse("publishing:event_ics", kwargs={"lang": lang_code, "slug": event.slug}),
        alternates=all_language_alternates(site, "publishing:event", slug=event.slug),
        event=event,
        dates=dates,
        place=place,
        country=countries.name(event.country, lang_code) if event.country else "",
        reach=reach_sentence(event, lang_code),
        organizers=organizers,
        speakers=speakers,
        works=render_items(
            queries.listed_from_works(
                lang_code, Work.objects.filter(event=event), 0, WORKS_PER_ENTITY
            ),
            lang_code,
            3,
        ),
    )


def render_events(lang_code: str, events: list[Event], site: Site | None = None) -> Page:
    return render_index(
        "publishing/events.html",
        "publishing:events",
        lang_code,
        site,
        gettext_lazy("Events"),
        entries=[(e.name(lang_code), e.get_absolute_url(lang_code)) for e in events],
        events=[(e.name(lang_code), e.get_absolute_url(lang_code), e.starts_on) for e in events],
    )
