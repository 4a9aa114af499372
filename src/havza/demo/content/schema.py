"""The shapes of the demo content: plain, frozen records the loader turns into rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ref:
    """An organization or a person, named by slug."""

    kind: str  # "organization" or "person"
    slug: str


def org(slug: str) -> Ref:
    return Ref("organization", slug)


def person(slug: str) -> Ref:
    return Ref("person", slug)


@dataclass(frozen=True)
class OrganizationData:
    slug: str
    acronym: str
    names: dict[str, str]
    country: str
    kind: str
    is_member: bool = False
    website: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonData:
    slug: str
    name: str
    country: str
    organization: str | None = None  # an organization's slug
    display_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TopicData:
    key: str  # the English slug, which identifies the topic between loads
    names: dict[str, str]


@dataclass(frozen=True)
class SpeakerData:
    person: str  # a person's slug
    country: str = ""  # where they speak from, when it is not their own country


@dataclass(frozen=True)
class EventData:
    slug: str
    names: dict[str, str]
    starts_on: dt.date
    ends_on: dt.date | None
    place: dict[str, str]
    country: str
    online: bool
    organizers: tuple[str, ...]  # organizations' slugs
    speakers: tuple[SpeakerData, ...]


@dataclass(frozen=True)
class Text:
    """A work in one language."""

    title: str
    body: str  # Markdown
    subtitle: str = ""
    draft: bool = False
    translator: str = ""


@dataclass(frozen=True)
class WorkData:
    uid: str  # fixed, so that loading again updates the same work
    kind: str
    original_language: str
    published_on: dt.date
    texts: dict[str, Text]
    topics: tuple[str, ...] = ()  # topics' keys
    authors: tuple[Ref, ...] = ()
    issuers: tuple[Ref, ...] = ()
    signatories: tuple[Ref, ...] = ()
    event: str | None = None  # an event's slug
