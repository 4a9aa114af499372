"""A work's page in one language: byline, signatories, the other languages it is in."""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils import translation
from markupsafe import Markup, escape

from havza import countries, languages
from havza.links import reverse
from havza.publishing import jsonld as schema
from havza.publishing import queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages.frame import Alternate, NotFound, Page, Site, render
from havza.publishing.pages.labels import KIND_SEGMENTS, kind_singular
from havza.publishing.pages.work_media import work_media

# Functions (translation) -> list of (kind, text) notices shown above a work's body. Other
# apps register theirs here (the translation workflow adds "the original was updated").
WORK_NOTICES: list = []
# Functions (translation) -> list of HTML fragments shown after the signatories (public
# sign-on adds who signed and "sign this statement").
WORK_SECTIONS: list = []


# Kinds of work whose pages offer a PDF with their signatories (pages.companions).
PDF_KINDS = frozenset({Work.Kind.STATEMENT, Work.Kind.JOINT_STATEMENT, Work.Kind.DECLARATION})


def name_language(names: dict | None, lang: str) -> str:
    """The BCP 47 tag of the language an organization's NAMES are shown in on a LANG page,
    when it has none in LANG and another one stands in for it ("" when written in LANG)."""
    if not names or names.get(lang):
        return ""
    shown = next((code for code in ("en", languages.default().code) if names.get(code)), None)
    shown = shown or next((code for code, value in names.items() if value), None)
    other = languages.get(shown) if shown else None
    return other.tag if other else (shown or "")


def issuers_of(work: Work) -> list:
    """The issuers of a joint statement, in order (prefetched by listings as issuer_rows)."""
    if work.kind != Work.Kind.JOINT_STATEMENT:
        return []
    kept = getattr(work, "issuer_rows", None)
    if kept is not None:
        return kept
    return [s for s in work.signatories.all() if s.role == s.Role.ISSUER]


def byline(work: Work, lang: str) -> list[dict]:
    """A work's authors; a joint statement's byline goes on with its issuers (once each)."""
    credits, seen = [], set()
    for c in [*work.authorships.all(), *issuers_of(work)]:
        key = ("o", c.organization_id) if c.organization_id else ("p", c.person_id)
        if key in seen:
            continue
        seen.add(key)
        credits.append(
            {
                "name": c.organization.display(lang) if c.organization else c.person.display(lang),
                "href": c.credited.get_absolute_url(lang),
                "kind": "Organization" if c.organization else "Person",
                "lang": name_language(c.organization.names, lang) if c.organization else "",
            }
        )
    return credits


def signatory_rows(work: Work, lang: str) -> tuple[list[dict], list[dict]]:
    issuers, signers = [], []
    for s in work.signatories.all():
        row = {
            "name": s.organization.display(lang) if s.organization else s.person.display(lang),
            "href": s.signer.get_absolute_url(lang),
            "country": countries.name(s.country, lang) if s.country else "",
            "lang": name_language(s.organization.names, lang) if s.organization else "",
            "kind": "Organization" if s.organization else "Person",
        }
        (issuers if s.role == s.Role.ISSUER else signers).append(row)
    return issuers, signers


def work_date(t: Translation):
    return t.work.published_on or (t.published_at.date() if t.published_at else None)


def _siblings(work: Work) -> tuple[list[Translation], dict[int, str]]:
    """The work's published translations and their addresses, kept on the work while its
    pages in every language are rendered from it."""
    prefix = get_script_prefix()
    kept = work.__dict__.get("_havza_siblings")
    if kept is None or kept[0] != prefix:
        siblings = work.published_translations()
        kept = (prefix, siblings, {s.pk: s.get_absolute_url() for s in siblings})
        work.__dict__["_havza_siblings"] = kept
    return kept[1], kept[2]


@lru_cache(maxsize=4096)
def _also_in_item(code: str, href: str) -> str:
    """The "Also in" list's entry of the translation in CODE at HREF (the same on the page of
    every other language: made once, escaped as the template would)."""
    other = languages.get(code) or languages.default()
    tag = escape(other.tag)
    return (
        f'<li><a href="{escape(href)}" hreflang="{tag}" lang="{tag}"'
        f' dir="{escape(other.direction)}">{escape(other.native_name)}</a></li>'
    )


setting_changed.connect(lambda **_kwargs: _also_in_item.cache_clear(), weak=False)


def also_in(siblings: list[Translation], hrefs: dict[int, str], t: Translation) -> Markup:
    """The entries of the page's "Also in" list: its work's other translations."""
    return Markup("".join(_also_in_item(s.language, hrefs[s.pk]) for s in siblings if s.pk != t.pk))


def menu_links(work: Work, hrefs: dict[str, str]) -> dict[str, str]:
    """The language menu of WORK's pages: its translations (HREFS, by language), and for the
    other languages the page saying which languages it can be read in."""
    return {
        code: hrefs.get(code)
        or reverse("publishing:untranslated", kwargs={"lang": code, "work": work.pk})
        for code in languages.codes()
    }


def render_work(t: Translation, site: Site | None = None) -> Page:
    site = site or Site()
    lang = t.lang
    work = t.work
    siblings, hrefs = _siblings(work)
    alternates = [Alternate(s.lang, site.absolute(hrefs[s.pk]), hrefs[s.pk]) for s in siblings]
    original = next((s for s in siblings if s.language == work.original_language), None)
    authors = byline(work, lang.code)
    issuers, signers = signatory_rows(work, lang.code)
    date = work_date(t)
    url = t.get_absolute_url()
    jsonld = schema.work(
        kind=work.kind,
        title=t.title,
        lang_tag=lang.tag,
        lang_code=lang.code,
        url=site.absolute(url),
        published=date,
        modified=t.content_updated_at or t.modified_at,
        authors=authors,
        description=t.excerpt,
        site=site,
        original_url=site.absolute(original.get_absolute_url())
        if original and original.pk != t.pk
        else None,
        translator=t.translator_credit,
        signatories=signers,
        event_url=site.absolute(work.event.get_absolute_url(lang.code)) if work.event else None,
    )
    og = {
        "type": "article",
        "locale": lang.og_locale,
        "locale_alternates": [s.lang.og_locale for s in siblings if s.pk != t.pk],
        "published_time": date.isoformat() if date else "",
    }
    images_and_files = work_media(work, lang.code, site)
    og.update(images_and_files.pop("og"))
    with translation.override(lang.code):
        kind_label = kind_singular(work.kind)
        notices = [notice for provider in WORK_NOTICES for notice in provider(t)]
        sections = [section for provider in WORK_SECTIONS for section in provider(t)]
    return render(
        "publishing/work.html",
        lang,
        site,
        path=url,
        title=t.title,
        description=t.excerpt,
        alternates=alternates,
        x_default=site.absolute(original.get_absolute_url()) if original else None,
        t=t,
        work=work,
        kind_label=kind_label,
        notices=notices,
        sections=sections,
        kind_href=reverse(
            "publishing:listing", kwargs={"lang": lang.code, "kinds": KIND_SEGMENTS[work.kind]}
        ),
        date=date,
        authors=authors,
        issuers=issuers,
        signers=signers,
        also_in=also_in(siblings, hrefs, t),
        original=original if original and original.pk != t.pk else None,
        topics=[(tp.name(lang.code), tp.get_absolute_url(lang.code)) for tp in work.topics.all()],
        event=(work.event.name(lang.code), work.event.get_absolute_url(lang.code))
        if work.event
        else None,
        jsonld=jsonld,
        og=og,
        **images_and_files,
        menu_links=menu_links(work, {s.language: hrefs[s.pk] for s in siblings}),
        pdf_href=reverse("publishing:statement_pdf", kwargs={"lang": lang.code, "work": work.pk})
        if work.kind in PDF_KINDS
        else None,
    )


def fetch_work(lang: str, slug: str) -> Translation:
    t = queries.fetch_work_page(lang, slug)
    if t is not None:
        return t
    # The slug may be the work's slug in another language: offer the languages it exists in.
    other = Translation.objects.filter(slug=slug, status=queries.PUBLISHED).first()
    alternatives = other.work.published_translations() if other else []
    raise NotFound(lang, alternatives)
