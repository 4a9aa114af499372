"""The public pages of sign-on in the page catalogue: a statement's sign page and its list of
signatures (paged), and the section of the statement's own page that shows who signed."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from markupsafe import Markup

from havza import languages
from havza.links import reverse
from havza.publishing import queries
from havza.publishing.jinja import page_language
from havza.publishing.models import Translation, Work
from havza.publishing.pages import frame
from havza.publishing.pages.catalogue import LANG, PageKind, register
from havza.publishing.pages.frame import NotFound, Page, Site
from havza.publishing.pages.lists import Pagination
from havza.publishing.pages.lists_of_works import ListKind
from havza.signatures import listing
from havza.signatures.forms import consent_text, country_choices
from havza.signatures.models import Signature, SignOn

SLUG = "(?P<slug>[^/]+)"
LIST_KIND = "sign-on"  # the list of works a statement's signature pages "show": itself


def sign_on_list_kind() -> ListKind:
    """A list holding one statement (republishing follows it to the signature pages)."""
    return ListKind(
        LIST_KIND,
        lambda lang, ref: queries.listing(lang).filter(work_id=ref),
        lambda work: [work.pk] if work.kind == Work.Kind.JOINT_STATEMENT else [],
    )


def sign_on_of(work: Work) -> SignOn | None:
    try:
        return work.sign_on
    except SignOn.DoesNotExist:
        return None


def _translation(lang: str, slug: str) -> Translation:
    t = queries.work_pages().filter(language=lang, slug=slug).first()
    if t is None or sign_on_of(t.work) is None:
        raise NotFound(lang)
    return t


def _statements(lang: str):
    return (
        Translation.objects.filter(
            language=lang, status=queries.PUBLISHED, work__sign_on__isnull=False
        )
        .select_related("work", "work__sign_on")
        .order_by("pk")
    )


def _alternates(t: Translation, site: Site, url_name: str, **kwargs) -> list[frame.Alternate]:
    result = []
    for s in t.work.published_translations():
        path = reverse(url_name, kwargs={"lang": s.language, "slug": s.slug, **kwargs})
        result.append(frame.Alternate(s.lang, site.absolute(path), path))
    return result


def submit_address(sign_on: SignOn, lang: str) -> str:
    """The live server's address that takes the form (the export's pages post there too)."""
    path = reverse("signatures:submit", kwargs={"lang": lang, "pk": sign_on.pk})
    return settings.HAVZA_SIGNON_LIVE_URL + path


@register
class SignPage(PageKind):
    """The sign form of a statement, in each of its languages."""

    name = "sign_on"
    routes = [("sign_on", rf"^{LANG}/works/{SLUG}/sign/$")]
    task = "entities"

    def items(self, lang):
        return _statements(lang).iterator(chunk_size=500)

    def location(self, lang, item=None, number=1) -> str:
        return reverse("publishing:sign_on", kwargs={"lang": lang, "slug": item.slug})

    def find(self, lang, slug):
        return _translation(lang, slug)

    def render(self, lang, item, site, number=1) -> Page:
        lang_obj = languages.get(lang)
        sign_on = item.work.sign_on
        path = self.location(lang, item)
        live = settings.HAVZA_SIGNON_LIVE_URL
        # Pages read elsewhere than on the live server (an export with another address) send
        # signers there: the form's check asks the live server, which the page's policy
        # (default-src 'self') allows only from the same site.
        elsewhere = frame.Site(live).origin != site.origin
        return frame.render(
            "signatures/sign.html",
            lang_obj,
            site,
            path=path,
            title=item.title,
            alternates=_alternates(item, site, "publishing:sign_on"),
            t=item,
            sign_on=sign_on,
            action=submit_address(sign_on, lang),
            challenge_url=settings.HAVZA_SIGNON_LIVE_URL + reverse("signatures:challenge"),
            countries=country_choices(lang),
            consent=consent_text(lang),
            statement_href=item.get_absolute_url(),
            live_sign_href=live + path if elsewhere else "",
        )


@register
class SignatureList(PageKind):
    """Every approved signature of a statement, in pages of listing.PAGE."""

    name = "signatures"
    routes = [
        ("signatures", rf"^{LANG}/works/{SLUG}/signatures/$"),
        ("signatures_page", rf"^{LANG}/works/{SLUG}/signatures/page/(?P<page>[0-9]+)/$"),
    ]
    task = "entities"
    shows = (LIST_KIND,)

    def items(self, lang):
        return _statements(lang).iterator(chunk_size=500)

    def pagination(self, item: Translation, number: int, count: int) -> Pagination:
        return Pagination(
            number, count, "publishing:signatures", {"lang": item.language, "slug": item.slug}
        )

    def location(self, lang, item=None, number=1) -> str:
        return self.pagination(item, number, number).href(number)

    def find(self, lang, slug):
        return _translation(lang, slug)

    def render(self, lang, item, site, number=1) -> Page:
        sign_on = item.work.sign_on
        everyone = listing.approved(sign_on).select_related("organization")
        count = listing.page_count(everyone.count())
        if number < 1 or number > count:
            raise NotFound(lang)
        chunk = everyone[(number - 1) * listing.PAGE : number * listing.PAGE]
        pagination = self.pagination(item, number, count)
        with translation.override(lang):
            line = listing.summary_line(listing.summary(sign_on), lang)
        return frame.render(
            "signatures/list.html",
            languages.get(lang),
            site,
            path=pagination.href(number),
            title=item.title,
            alternates=_alternates(item, site, "publishing:signatures") if number == 1 else [],
            t=item,
            summary=line,
            rows=listing.rows(sign_on, chunk, lang),
            first=(number - 1) * listing.PAGE + 1,
            pagination=pagination,
            statement_href=item.get_absolute_url(),
            versions=sign_on.text_version > 1,
        )

    def build(self, site, lang):
        for item in self.items(lang):
            total = listing.approved(item.work.sign_on).count()
            for number in range(1, listing.page_count(total) + 1):
                page = self.render(lang, item, site, number)
                yield page.path, page.body

    def affected(self, plan, change, site) -> None:
        lang = change.listing.lang
        t = _statements(lang).filter(work_id=change.listing.ref).first()
        if t is None:
            return
        total = listing.approved(t.work.sign_on).count()
        count = listing.page_count(total)
        for number in range(1, count + 1):
            plan.add(
                self.location(lang, t, number),
                lambda n=number: self.render(lang, t, site, n).body,
            )
        plan.prune.append((lambda n: self.location(lang, t, n), count + 1))


def statement_section(t: Translation) -> list[Markup]:
    """The signatures part of a statement's page (nothing for a work without sign-on)."""
    if t.work.kind != Work.Kind.JOINT_STATEMENT:
        return []
    sign_on = sign_on_of(t.work)
    if sign_on is None:
        return []
    lang = t.language
    with page_language(lang):
        html = _section(sign_on, t, lang)
    return [Markup(html)]


def _section(sign_on: SignOn, t: Translation, lang: str) -> str:
    summary = listing.summary(sign_on)
    organizations = listing.approved(sign_on, Signature.Type.ORGANIZATION)
    people = listing.approved(sign_on, Signature.Type.INDIVIDUAL)
    return frame.template("signatures/section.html").render(
        {
            "lang": languages.get(lang),
            "summary": listing.summary_line(summary, lang),
            "organizations": listing.rows(
                sign_on, organizations.select_related("organization")[: listing.PREVIEW], lang
            ),
            "people": listing.rows(sign_on, people[: listing.PREVIEW], lang),
            "more": summary.total > len_shown(summary),
            "total": summary.total,
            "list_href": reverse("publishing:signatures", kwargs={"lang": lang, "slug": t.slug}),
            "sign_href": reverse("publishing:sign_on", kwargs={"lang": lang, "slug": t.slug})
            if sign_on.is_accepting()
            else "",
            "versions": sign_on.text_version > 1,
        }
    )


def len_shown(summary: listing.Summary) -> int:
    return min(summary.organizations, listing.PREVIEW) + min(summary.individuals, listing.PREVIEW)
