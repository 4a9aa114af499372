"""Pages that go with a work or an event: the "not in this language" page of a work in each
language it is not published in (where the language menu leads), a statement's PDF in each
language, an event's calendar file.

A work's companions are written by the build with its pages (``WorkPage.build`` calls
``pages_of``) and re-rendered or removed, in every language, whenever any translation of
the work changes: they show the list of works ``work`` (the work itself), so republishing
asks them (``affected``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from havza import countries, languages
from havza.links import reverse
from havza.multilingual import pick
from havza.network.models import Event
from havza.publishing import ics, pdf, pdf_cache, queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages.catalogue import (
    CATALOGUE,
    LANG,
    PageKind,
    PageStream,
    Plan,
    register,
)
from havza.publishing.pages.frame import NotFound, Page, Site, render
from havza.publishing.pages.labels import kind_singular
from havza.publishing.pages.lists_of_works import ListChange
from havza.publishing.pages.work import (
    PDF_KINDS,
    _siblings,
    byline,
    menu_links,
    signatory_rows,
    work_date,
)

WORK_ID = r"(?P<work>[0-9]+)"


def _work(pk: int | str) -> Work | None:
    """A work with what its pages and companions show (None unless something is published)."""
    return queries.works_for_pages().filter(pk=int(pk)).first()


class WorkCompanion(PageKind):
    """A page of a work in one language, kept in step with the work's translations."""

    task = "works"  # written with the work's pages
    shows = ("work",)

    def exists(self, work: Work, lang: str) -> bool:
        raise NotImplementedError

    def address(self, lang: str, work_id: int) -> str:
        return reverse(f"publishing:{self.name}", kwargs={"lang": lang, "work": work_id})

    def location(self, lang, item=None, number=1) -> str:
        return self.address(lang, item.pk)

    def find(self, lang, work) -> Work:
        found = _work(work)
        if found is None or not self.exists(found, lang):
            siblings = found.published_translations() if found else []
            raise NotFound(lang, [s for s in siblings if s.language != lang])
        return found

    def pages_of(self, work: Work, site: Site) -> PageStream:
        for code in languages.codes():
            if self.exists(work, code):
                page = self.render(code, work, site)
                yield page.path, page.body

    def build(self, site, lang) -> PageStream:
        return iter(())  # written by WorkPage.build with the work's own pages

    def affected(self, plan: Plan, change: ListChange, site: Site) -> None:
        work = plan.work(int(change.listing.ref))
        for code in languages.codes():
            if work is not None and self.exists(work, code):
                plan.add(
                    self.address(code, work.pk),
                    lambda c=code: self.render(c, work, site).body,
                )
            else:
                plan.remove.add(self.address(code, int(change.listing.ref)))


@register
class Untranslated(WorkCompanion):
    """Where the language menu of a work leads for a language it is not published in: the
    languages it can be read in, in the reader's language."""

    name = "untranslated"
    routes = [("untranslated", rf"^{LANG}/other-languages/{WORK_ID}/$")]

    def exists(self, work, lang) -> bool:
        siblings, _hrefs = _siblings(work)
        return bool(siblings) and all(s.language != lang for s in siblings)

    def render(self, lang, item, site, number=1) -> Page:
        return render_untranslated(item, lang, site)


def render_untranslated(work: Work, lang_code: str, site: Site) -> Page:
    lang = languages.get(lang_code)
    siblings, hrefs = _siblings(work)
    with translation.override(lang.code):
        title = _("Not published in this language")
    return render(
        "publishing/untranslated.html",
        lang,
        site,
        path=Untranslated().address(lang.code, work.pk),
        title=title,
        alternates=[],
        menu_links=menu_links(work, {s.language: hrefs[s.pk] for s in siblings}),
        noindex=True,
        alternatives=[(s, hrefs[s.pk]) for s in siblings],
    )


@register
class StatementPdf(WorkCompanion):
    """A statement with its signatories as a PDF, in each language it is published in."""

    name = "statement_pdf"
    routes = [("statement_pdf", rf"^{LANG}/pdf/{WORK_ID}\.pdf$")]

    def exists(self, work, lang) -> bool:
        if work.kind not in PDF_KINDS:
            return False
        siblings, _hrefs = _siblings(work)
        return any(s.language == lang for s in siblings)

    def affected(self, plan: Plan, change: ListChange, site: Site) -> None:
        """A PDF shows its own language's translation and the work: a change of the work
        changes every language (and so every language's list ``work``), a change of one
        translation only its own PDF."""
        lang, ref = change.listing.lang, int(change.listing.ref)
        work = plan.work(ref)
        if work is not None and self.exists(work, lang):
            plan.add(self.address(lang, ref), lambda: self.render(lang, work, site).body)
        else:
            plan.remove.add(self.address(lang, ref))

    def pages_of(self, work: Work, site: Site) -> PageStream:
        if _later is None:
            yield from super().pages_of(work, site)
            return
        for code in languages.codes():
            if self.exists(work, code):
                body = pdf_cache.kept(statement_of(_translation(work, code), site))
                if body is None:
                    _later.append((code, work.pk))  # rendered after the pages
                else:
                    yield self.address(code, work.pk), body

    def render(self, lang, item, site, number=1) -> Page:
        return Page(
            pdf_cache.rendered(statement_of(_translation(item, lang), site)),
            content_type="application/pdf",
            language=lang,
            path=self.address(lang, item.pk),
        )


_later: list[tuple[str, int]] | None = None


@contextmanager
def pdfs_later() -> Iterator[list[tuple[str, int]]]:
    """Within it, the build writes with a work's pages only the statement PDFs kept from
    before (``pdf_cache``); the (language, work id) of each PDF still to render are added to
    the list it gives, for a later step to render (``StatementPdf().render``)."""
    global _later
    previous, _later = _later, []
    try:
        yield _later
    finally:
        _later = previous


def _translation(work: Work, lang: str) -> Translation:
    t = next(t for t in work.translations.all() if t.language == lang)
    t.work = work
    return t


def pdf_address(t: Translation) -> str | None:
    """The address of T's PDF, when its kind of work has one."""
    if t.work.kind not in PDF_KINDS:
        return None
    return StatementPdf().address(t.language, t.work_id)


def statement_of(t: Translation, site: Site) -> pdf.Statement:
    """What T's PDF shows, in its language."""
    lang = t.lang
    work = t.work
    issuers, signers = signatory_rows(work, lang.code)
    with translation.override(lang.code):
        date = work_date(t)
        from havza.publishing.jinja import localized_date

        meta = [kind_singular(work.kind), localized_date(date, lang.code) if date else ""]
        authors = [a["name"] for a in byline(work, lang.code)]
        separator = pgettext("list separator", ", ")
        if authors:
            meta.append(separator.join(authors))

        def row(s: dict, number: int | None = None) -> str:
            name = f"{s['name']} – {s['country']}" if s["country"] else s["name"]
            return f"{lang.localize_digits(str(number))}. {name}" if number else name

        return pdf.Statement(
            lang_tag=lang.tag,
            script=lang.script,
            direction=lang.direction,
            title=t.title,
            subtitle=t.subtitle,
            meta=" · ".join(m for m in meta if m),
            address=unquote(site.absolute(t.get_absolute_url())),  # as readers type it
            body_html=t.body_html,
            issuers_heading=_("Issued by"),
            issuers=[row(s) for s in issuers],
            signatories_heading=_("Signatories"),
            signatories=[row(s, n) for n, s in enumerate(signers, start=1)],
            site_name=settings.HAVZA_SITE_NAME,
            updated=t.content_updated_at or t.modified_at,
        )


@register
class EventCalendar(PageKind):
    """An event as an iCalendar file, in each language (its name and place in it)."""

    name = "event_ics"
    routes = [("event_ics", rf"^{LANG}/events/(?P<slug>[^/]+)/event\.ics$")]
    task = "entities"

    def items(self, lang) -> list[Event]:
        return list(Event.objects.all())

    def location(self, lang, item=None, number=1) -> str:
        return reverse("publishing:event_ics", kwargs={"lang": lang, "slug": item.slug})

    def find(self, lang, slug) -> Event:
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            raise NotFound(lang)
        return event

    def render(self, lang, item, site, number=1) -> Page:
        place = ", ".join(
            p for p in (pick(item.place, lang, "en"), countries.name(item.country, lang)) if p
        ) if item.country else pick(item.place, lang, "en")  # fmt: skip
        body = ics.event_calendar(
            uid=f"event-{item.pk}@{site.origin.split('://', 1)[1]}",
            name=item.name(lang),
            starts_on=item.starts_on,
            ends_on=item.ends_on or item.starts_on,
            place=place,
            url=site.absolute(item.get_absolute_url(lang)),
            lang=languages.get(lang).tag,
            site_name=settings.HAVZA_SITE_NAME,
        )
        return Page(
            body,
            content_type="text/calendar; charset=utf-8",
            language=lang,
            path=self.location(lang, item),
        )


def companions() -> list[WorkCompanion]:
    """The kinds of pages written with each work's pages."""
    return [k for k in CATALOGUE.values() if isinstance(k, WorkCompanion)]
