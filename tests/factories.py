"""Factories for the content model: each makes a valid object with the fewest arguments."""

from __future__ import annotations

import datetime as dt

import factory

from havza.network.models import Event, Organization, Person, Speaker, Topic
from havza.publishing.models import Authorship, Signatory, Translation, Work


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    acronym = factory.Sequence(lambda n: f"ORG{n}")
    names = factory.LazyAttribute(lambda o: {"en": f"Organization {o.acronym}"})
    country = "GR"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    country = "TR"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    names = factory.Sequence(lambda n: {"en": f"Topic {n}", "tr": f"Konu {n}", "ar": f"موضوع {n}"})


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    names = factory.Sequence(lambda n: {"en": f"Conference {n}"})
    starts_on = dt.date(2022, 6, 25)
    ends_on = dt.date(2022, 6, 26)
    online = True


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class WorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Work

    kind = Work.Kind.STATEMENT
    original_language = "en"
    published_on = dt.date(2023, 5, 9)


class TranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Translation

    work = factory.SubFactory(WorkFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"Statement number {n}")
    body_markdown = "First paragraph.\n\nSecond paragraph with *emphasis*."
    status = Translation.Status.PUBLISHED


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorship

    work = factory.SubFactory(WorkFactory)
    organization = factory.SubFactory(OrganizationFactory)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    work = factory.SubFactory(WorkFactory)
    organization = factory.SubFactory(OrganizationFactory)
