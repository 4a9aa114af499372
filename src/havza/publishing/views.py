"""Live views: one view per kind of page of the catalogue, which fetches and renders it."""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.views.decorators.gzip import gzip_page

from havza import languages
from havza.publishing import pages
from havza.publishing.pages.catalogue import PageKind


def _response(page: pages.Page) -> HttpResponse:
    response = HttpResponse(page.body, content_type=page.content_type, status=page.status)
    if page.language:
        response["Content-Language"] = languages.get(page.language).tag
    return response


def _not_found(error: pages.NotFound) -> HttpResponse:
    return _response(pages.render_not_found(error.lang, error.alternatives))


# Public pages may be kept by browsers and proxies this long before they ask again (with the
# page's ETag, answered 304 when unchanged).
PUBLIC_MAX_AGE = 300


def _cached(view):
    """VIEW's pages compressed when the browser accepts it (they hold no secret, so no
    BREACH), with an ETag and a short public cache lifetime for readers who are not logged in;
    a request repeating the ETag is answered 304 without the page."""

    @gzip_page
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if getattr(getattr(request, "user", None), "is_authenticated", False):
            add_never_cache_headers(response)
            return response
        set_response_etag(response)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    return wrapper


def page_view(kind: PageKind):
    """The view of KIND's pages, with 404s in the reader's language."""
    return _cached(_page_view(kind))


def _page_view(kind: PageKind):
    if not kind.per_language:

        def view(request: HttpRequest, **kwargs) -> HttpResponse:
            try:
                return _response(kind.live(None, **kwargs))
            except pages.NotFound as error:
                raise Http404 from error

    else:

        def view(request: HttpRequest, lang: str, **kwargs) -> HttpResponse:
            if languages.get(lang) is None:
                raise Http404(lang)
            if "page" in kwargs:
                kwargs["page"] = int(kwargs["page"])
                if kwargs["page"] < 2:  # page 1 lives at the listing's own address
                    return _not_found(pages.NotFound(lang))
            try:
                return _response(kind.live(lang, **kwargs))
            except pages.NotFound as error:
                return _not_found(error)

    view.__name__ = kind.name
    return view


def root(request: HttpRequest) -> HttpResponse:
    """The site's root sends readers to their language (the export writes a chooser)."""
    lang = languages.best_match(request.headers.get("Accept-Language"))
    response = HttpResponseRedirect(reverse("publishing:home", kwargs={"lang": lang.code}))
    patch_vary_headers(response, ["Accept-Language"])
    return response


# Views that answer differently from the export's page of the same kind.
LIVE_ONLY = {"root": root}


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    first = request.path.strip("/").split("/", 1)[0]
    lang = (
        first
        if languages.get(first)
        else languages.best_match(request.headers.get("Accept-Language")).code
    )
    return _response(pages.render_not_found(lang))
