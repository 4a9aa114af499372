"""Live views: each fetches one page's objects and hands them to the shared renderer."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from havza import languages
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import feeds, pages, sitemaps


def _response(page: pages.Page) -> HttpResponse:
    response = HttpResponse(page.body, content_type=page.content_type, status=page.status)
    if page.language:
        response["Content-Language"] = languages.get(page.language).tag
    return response


def _language(lang: str) -> str:
    if languages.get(lang) is None:
        raise Http404(lang)
    return lang


def _not_found(error: pages.NotFound) -> HttpResponse:
    return _response(pages.render_not_found(error.lang, error.alternatives))


def page_view(fetch_and_render):
    """Wrap a function (lang, **kwargs) -> Page into a view with 404s in the reader's language."""

    def view(request: HttpRequest, lang: str, **kwargs) -> HttpResponse:
        _language(lang)
        if "page" in kwargs:
            kwargs["page"] = int(kwargs["page"])
            if kwargs["page"] < 2:  # page 1 lives at the listing's own address
                return _not_found(pages.NotFound(lang))
        try:
            return _response(fetch_and_render(lang, **kwargs))
        except pages.NotFound as error:
            return _not_found(error)

    view.__name__ = fetch_and_render.__name__
    return view


def root(request: HttpRequest) -> HttpResponse:
    lang = languages.best_match(request.headers.get("Accept-Language"))
    response = HttpResponseRedirect(reverse("publishing:home", kwargs={"lang": lang.code}))
    patch_vary_headers(response, ["Accept-Language"])
    return response


@page_view
def home(lang):
    return pages.render_home(lang, pages.fetch_home(lang))


@page_view
def work(lang, slug):
    return pages.render_work(pages.fetch_work(lang, slug))


@page_view
def listing(lang, kinds, page=1):
    kind = pages.SEGMENT_KINDS[kinds]
    items, count = pages.fetch_listing(lang, kind, page)
    return pages.render_listing(lang, kind, items, page, count)


def _get(model, lang, **lookup):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        raise pages.NotFound(lang)
    return obj


@page_view
def organization(lang, slug):
    return pages.render_organization(_get(Organization, lang, slug=slug), lang)


@page_view
def organizations(lang):
    return pages.render_organizations(lang, list(Organization.objects.all()))


@page_view
def person(lang, slug):
    return pages.render_person(_get(Person, lang, slug=slug), lang)


@page_view
def topics(lang):
    return pages.render_topics(lang, list(Topic.objects.all()))


@page_view
def topic(lang, slug, page=1):
    found, items, count = pages.fetch_topic(lang, slug, page)
    return pages.render_topic(found, lang, items, page, count)


@page_view
def topic_feed(lang, slug):
    return feeds.render_topic_feed(pages.find_topic(lang, slug), lang)


@page_view
def events(lang):
    return pages.render_events(lang, list(Event.objects.all()))


@page_view
def event(lang, slug):
    return pages.render_event(_get(Event, lang, slug=slug), lang)


@page_view
def feed(lang):
    return feeds.render_language_feed(lang)


def sitemap(request: HttpRequest) -> HttpResponse:
    return _response(sitemaps.as_page(sitemaps.iter_sitemap(pages.Site())))


def sitemap_pages(request: HttpRequest) -> HttpResponse:
    return _response(sitemaps.as_page(sitemaps.iter_pages_file(pages.Site())))


def sitemap_works(request: HttpRequest, number: int) -> HttpResponse:
    if number < 1 or number > sitemaps.work_file_count():
        raise Http404
    return _response(sitemaps.as_page(sitemaps.iter_works_file(pages.Site(), number)))


def robots(request: HttpRequest) -> HttpResponse:
    return _response(pages.render_robots())


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    first = request.path.strip("/").split("/", 1)[0]
    lang = (
        first
        if languages.get(first)
        else languages.best_match(request.headers.get("Accept-Language")).code
    )
    return _response(pages.render_not_found(lang))
