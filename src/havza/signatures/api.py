"""The JSON endpoint a member organization's site uses to embed sign-on: the public list and
signing, described by an OpenAPI document. Browsers may call it only from the websites of the
network's member organizations (CORS); signing needs the same proof of work as the form."""

from __future__ import annotations

import json
from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from havza import languages
from havza.links import reverse
from havza.network.models import Organization
from havza.signatures import listing
from havza.signatures.defences import client_ip
from havza.signatures.forms import SignForm
from havza.signatures.models import SignOn
from havza.signatures.views import attempt

MAX_BODY = 16_384


def allowed_origins() -> set[str]:
    """The origins of the member organizations' websites."""
    origins = set()
    for url in (
        Organization.objects.filter(is_member=True)
        .exclude(website="")
        .values_list("website", flat=True)
    ):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}".lower())
    return origins


def cors(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        origin = request.headers.get("Origin", "")
        allowed = origin.lower() in allowed_origins() if origin else False
        if request.method == "OPTIONS":
            response = HttpResponse(status=204 if allowed else 403)
        else:
            response = view(request, *args, **kwargs)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Content-Type"
            response["Vary"] = "Origin"
        return response

    return wrapper


def error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@cors
def signatures(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return error("method not allowed", 405)
    sign_on = SignOn.objects.filter(pk=pk).first()
    if sign_on is None:
        return error("no such statement", 404)
    lang = request.GET.get("lang", "")
    lang = lang if languages.get(lang) else languages.default().code
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return error("page must be a number", 400)
    qs = listing.approved(sign_on).select_related("organization")
    total = qs.count()
    if page < 1 or page > listing.page_count(total):
        return error("no such page", 404)
    chunk = qs[(page - 1) * listing.PAGE : page * listing.PAGE]
    s = listing.summary(sign_on)
    return JsonResponse(
        {
            "organizations": s.organizations,
            "individuals": s.individuals,
            "countries": s.countries,
            "continents": s.continents,
            "page": page,
            "pages": listing.page_count(total),
            "signatures": [
                {"name": r["name"], "detail": r["detail"], "country": r["country"]}
                for r in listing.rows(sign_on, chunk, lang)
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@csrf_exempt
@cors
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return error("method not allowed", 405)
    sign_on = SignOn.objects.filter(pk=pk).first()
    if sign_on is None:
        return error("no such statement", 404)
    if len(request.body) > MAX_BODY:
        return error("too large", 413)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return error("the body must be a JSON object", 400)
    if not isinstance(data, dict) or not all(isinstance(v, (str, bool)) for v in data.values()):
        return error("the body must be a JSON object of strings", 400)
    lang = data.get("language") if isinstance(data.get("language"), str) else ""
    lang = lang if languages.get(lang) else languages.default().code
    fields = {k: ("1" if v is True else "" if v is False else v) for k, v in data.items()}
    form = SignForm(fields, lang=lang)
    outcome, status = attempt(sign_on, form, lang, client_ip(request.META))
    if outcome == "sent":
        return JsonResponse({"status": "check your mailbox"}, status=202)
    body = {"error": outcome.split(":")[0]}
    if outcome == "invalid":
        body["fields"] = {f: [str(e) for e in errs] for f, errs in form.errors.items()}
    response = JsonResponse(body, status=status)
    if outcome.startswith("limited:"):
        response["Retry-After"] = outcome.split(":", 1)[1]
    return response


def openapi(request: HttpRequest) -> HttpResponse:
    from havza.signatures.openapi import document

    return JsonResponse(document(reverse("signatures:openapi").rsplit("/", 1)[0]))
