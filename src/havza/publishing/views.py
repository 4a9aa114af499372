"""Live views: one view per kind of page of the catalogue, which fetches and renders it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers

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


def page_view(kind: PageKind):
    """The view of KIND's pages, with 404s in the reader's language."""
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
