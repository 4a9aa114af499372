"""Loading the demo network into the database.

``load_demo`` can run any number of times: every row is found again by a stable key (an
organization's, person's or event's slug, a topic's English slug, a work's fixed uid, a
translation's work and language) and updated in place, so a second load changes nothing and a
load after an upgrade of the demo brings the database in line with it. Rows go through the
models' own ``save``, so bodies are rendered and slugs made exactly as in the admin.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TextIO

from django.db import transaction

from havza.demo.content import EVENTS, ORGANIZATIONS, PEOPLE, TOPICS, WORKS
from havza.demo.content.schema import Ref, WorkData
from havza.network.models import Event, Organization, Person, Speaker, Topic
from havza.publishing.models import Authorship, Signatory, Translation, Work

# Translations appear a few days after the original, as they would in a real network.
TRANSLATION_DELAY = dt.timedelta(days=2)


@dataclass(frozen=True)
class Summary:
    organizations: int
    people: int
    topics: int
    events: int
    works: int
    translations: int
    languages: int

    def __str__(self) -> str:
        return (
            f"{self.works} works in {self.translations} translations "
            f"({self.languages} languages), {self.organizations} organizations, "
            f"{self.people} people, {self.topics} topics, "
            f"{self.events} {'event' if self.events == 1 else 'events'}"
        )


def _update(instance, **fields) -> None:
    """Set FIELDS on INSTANCE and save it if anything differs (or it is new)."""
    changed = instance.pk is None
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    if changed:
        instance.save()


class _Loader:
    def __init__(self) -> None:
        self.organizations: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        self.topics: dict[str, Topic] = {}
        self.events: dict[str, Event] = {}

    def load_organizations(self) -> None:
        for data in ORGANIZATIONS:
            organization = Organization.objects.filter(slug=data.slug).first()
            organization = organization or Organization(slug=data.slug)
            _update(
                organization,
                acronym=data.acronym,
                names=dict(data.names),
                aliases=list(data.aliases),
                country=data.country,
                kind=data.kind,
                website=data.website,
                is_member=data.is_member,
            )
            self.organizations[data.slug] = organization

    def load_people(self) -> None:
        for data in PEOPLE:
            person = Person.objects.filter(slug=data.slug).first() or Person(slug=data.slug)
            _update(
                person,
                name=data.name,
                display_names=dict(data.display_names),
                organization=self.organizations[data.organization] if data.organization else None,
                country=data.country,
            )
            self.people[data.slug] = person

    def load_topics(self) -> None:
        existing = {(t.slugs or {}).get("en"): t for t in Topic.objects.all()}
        for data in TOPICS:
            topic = existing.get(data.key) or Topic()
            _update(topic, names=dict(data.names), slugs={**(topic.slugs or {}), "en": data.key})
            self.topics[data.key] = topic

    def load_events(self) -> None:
        for data in EVENTS:
            event = Event.objects.filter(slug=data.slug).first() or Event(slug=data.slug)
            _update(
                event,
                names=dict(data.names),
                starts_on=data.starts_on,
                ends_on=data.ends_on,
                place=dict(data.place),
                country=data.country,
                online=data.online,
            )
            event.organizers.set([self.organizations[slug] for slug in data.organizers])
            wanted = set()
            for position, speaker_data in enumerate(data.speakers):
                person = self.people[speaker_data.person]
                speaker = Speaker.objects.filter(event=event, person=person).first()
                speaker = speaker or Speaker(event=event, person=person)
                _update(
                    speaker,
                    country=speaker_data.country or person.country,
                    position=position,
                )
                wanted.add(speaker.pk)
            event.speakers.exclude(pk__in=wanted).delete()
            self.events[data.slug] = event

    def _signer(self, ref: Ref) -> dict[str, Organization | Person | None]:
        if ref.kind == "organization":
            return {"organization": self.organizations[ref.slug], "person": None}
        return {"organization": None, "person": self.people[ref.slug]}

    def load_work(self, data: WorkData) -> Work:
        uid = uuid.UUID(data.uid)
        work = Work.objects.filter(uid=uid).first() or Work(uid=uid)
        _update(
            work,
            kind=data.kind,
            original_language=data.original_language,
            published_on=data.published_on,
            event=self.events[data.event] if data.event else None,
        )
        work.topics.set([self.topics[key] for key in data.topics])

        wanted = set()
        for position, ref in enumerate(data.authors):
            signer = self._signer(ref)
            authorship = Authorship.objects.filter(work=work, **signer).first()
            authorship = authorship or Authorship(work=work, **signer)
            _update(authorship, position=position)
            wanted.add(authorship.pk)
        work.authorships.exclude(pk__in=wanted).delete()

        wanted = set()
        signers = [(Signatory.Role.ISSUER, ref) for ref in data.issuers]
        signers += [(Signatory.Role.SIGNATORY, ref) for ref in data.signatories]
        for position, (role, ref) in enumerate(signers):
            signer = self._signer(ref)
            signatory = Signatory.objects.filter(work=work, role=role, **signer).first()
            signatory = signatory or Signatory(work=work, role=role, **signer)
            signer_object = signer["organization"] or signer["person"]
            _update(signatory, position=position, country=signer_object.country)
            wanted.add(signatory.pk)
        work.signatories.exclude(pk__in=wanted).delete()

        published = dt.datetime.combine(data.published_on, dt.time(9, 0), tzinfo=dt.UTC)
        for language, text in data.texts.items():
            translation = Translation.objects.filter(work=work, language=language).first()
            translation = translation or Translation(work=work, language=language)
            if text.draft:
                status, published_at = Translation.Status.DRAFT, None
            else:
                status = Translation.Status.PUBLISHED
                delay = TRANSLATION_DELAY if language != data.original_language else dt.timedelta()
                published_at = published + delay
            _update(
                translation,
                title=text.title,
                subtitle=text.subtitle,
                body_markdown=text.body,
                status=status,
                published_at=published_at,
                translator_credit=text.translator,
            )
        work.translations.exclude(language__in=list(data.texts)).delete()
        return work


def load_demo(stdout: TextIO | None = None) -> Summary:
    """Create or update the demo network; return what it holds."""
    loader = _Loader()
    with transaction.atomic():
        loader.load_organizations()
        loader.load_people()
        loader.load_topics()
        loader.load_events()
        for data in WORKS:
            loader.load_work(data)
            if stdout is not None:
                original = data.texts[data.original_language]
                stdout.write(f"  {data.kind}: {original.title} [{', '.join(data.texts)}]\n")
    languages = {code for data in WORKS for code in data.texts}
    return Summary(
        organizations=len(loader.organizations),
        people=len(loader.people),
        topics=len(loader.topics),
        events=len(loader.events),
        works=len(WORKS),
        translations=sum(len(data.texts) for data in WORKS),
        languages=len(languages),
    )
