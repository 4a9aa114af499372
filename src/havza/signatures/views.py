"""The live sign-on views: they read the request, call ``services`` and answer with a page in
the signer's language. None of them is in the static export (it links to them)."""

from __future__ import annotations

import json
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from havza import languages
from havza.links import reverse
from havza.publishing import prepared
from havza.publishing.pages import frame
from havza.signatures import challenge, services
from havza.signatures.defences import Limited, client_ip
from havza.signatures.forms import SignForm, consent_text
from havza.signatures.models import SignOn


def in_language(view):
    """Run VIEW in its address's language: its messages are read in it."""

    @wraps(view)
    def wrapper(request: HttpRequest, lang: str, *args, **kwargs) -> HttpResponse:
        with translation.override(_language(lang).code):
            return view(request, lang, *args, **kwargs)

    return wrapper


def _language(lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None:
        raise Http404(lang)
    return language


def message_page(
    request: HttpRequest,
    lang: str,
    title: str,
    template: str = "signatures/message.html",
    status: int = 200,
    **context,
) -> HttpResponse:
    language = _language(lang)
    page = frame.render(
        template,
        language,
        frame.Site(),
        path=request.path,
        title=title,
        alternates=[],
        status=status,
        heading=title,
        csrf_token=_csrf(request),
        **context,
    )
    response = HttpResponse(page.body, status=status, content_type=page.content_type)
    response["Content-Language"] = language.tag
    add_never_cache_headers(response)
    return response


def _csrf(request: HttpRequest) -> str:
    from django.middleware.csrf import get_token

    return get_token(request)


@require_GET
def challenge_view(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(challenge.new_challenge())
    add_never_cache_headers(response)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def signing_from(form: SignForm, lang: str, proof: str = "") -> services.Signing:
    data = form.cleaned_data
    return services.Signing(
        type=data["type"],
        name=data["name"],
        email=data["email"],
        country=data["country"],
        consent_text=consent_text(lang),
        language=lang,
        organization_name=data["organization_name"],
        role=data["role"],
        website=data["website"],
        proof=proof,
    )


def attempt(sign_on: SignOn, form: SignForm, lang: str, ip: str) -> tuple[str, int]:
    """(outcome, HTTP status) of a submitted form: the same "sent" for a new signature, a
    repeated one and a robot, so that nothing tells whether an address has signed."""
    if not form.is_valid():
        return "invalid", 400
    if form.is_robot:
        return "sent", 200
    proof = challenge.solved(form.cleaned_data["altcha"])
    if not proof:
        return "challenge", 400
    try:
        services.sign(sign_on, signing_from(form, lang, proof), ip)
    except Limited as limited:
        return f"limited:{limited.retry_after}", 429
    except services.Refused as refused:
        return refused.reason, 400 if refused.reason == "challenge" else 403
    return "sent", 200


def _sign_on(pk: int) -> SignOn | None:
    """The sign-on PK, read by SQL compiled once per thread (``publishing.prepared``)."""
    found = prepared.rows("signatures.sign_on", SignOn, _sign_on_query, pk=pk)
    if found is None:
        return _sign_on_query(pk).first()
    return found[0] if found else None


def _sign_on_query(pk: int):
    return SignOn.objects.filter(pk=pk)


@csrf_exempt  # the form is also on exported pages; a signature is confirmed by email
@require_POST
@in_language
def submit(request: HttpRequest, lang: str, pk: int) -> HttpResponse:
    language = _language(lang)
    sign_on = _sign_on(pk)  # its work is read only for mail titles
    if sign_on is None:
        raise Http404
    form = SignForm(request.POST, lang=language.code)
    outcome, status = attempt(sign_on, form, language.code, client_ip(request.META))
    if outcome == "sent":
        return redirect(reverse("signatures:thanks", kwargs={"lang": language.code}))
    messages = {
        "invalid": _("Some fields need another look:"),
        "challenge": _(
            "The page's check did not finish. Please allow its script, wait for the button "
            "and send the form again."
        ),
        "closed": _("This statement no longer takes signatures."),
        "type": _("This statement does not take signatures of this kind."),
    }
    text = messages.get(outcome) or _("Too many signatures at once. Please try again later.")
    response = message_page(
        request,
        language.code,
        _("Your signature was not recorded"),
        status=status,
        text=text,
        errors=[(form.fields[f].label or f, e) for f, errs in form.errors.items() for e in errs]
        if outcome == "invalid"
        else [],
    )
    if outcome.startswith("limited:"):
        response["Retry-After"] = outcome.split(":", 1)[1]
    return response


@require_GET
@in_language
def thanks(request: HttpRequest, lang: str) -> HttpResponse:
    return message_page(
        request,
        lang,
        _("Check your mailbox"),
        text=_(
            "We have sent you an email. Your signature counts only once you confirm it with "
            "the link or the code in that message. If it is not in your inbox within a few "
            "minutes, look in your spam folder."
        ),
        code_href=reverse("signatures:code", kwargs={"lang": lang}),
    )


@require_http_methods(["GET", "POST"])
@in_language
def confirm(request: HttpRequest, lang: str, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links); only its POST confirms."""
    if request.method == "GET":
        return message_page(
            request,
            lang,
            _("Confirm your signature"),
            template="signatures/confirm.html",
            action=request.path,
        )
    signature = services.confirm(token=token)
    return _confirmed(request, lang, signature)


def _confirmed(request, lang, signature) -> HttpResponse:
    if signature is None:
        return message_page(
            request,
            lang,
            _("Nothing to confirm"),
            status=404,
            text=_("This link or code is not valid, or the signature was withdrawn."),
        )
    return message_page(
        request,
        lang,
        _("Thank you: your signature is confirmed"),
        text=_("It appears on the statement's page once an editor has approved it.")
        if signature.status == signature.Status.CONFIRMED
        else _("It now appears on the statement's page."),
        manage_href=reverse("signatures:manage", kwargs={"lang": lang, "token": signature.token}),
    )


@require_http_methods(["GET", "POST"])
@in_language
def code(request: HttpRequest, lang: str) -> HttpResponse:
    if request.method == "GET":
        return message_page(
            request,
            lang,
            _("Confirm with your code"),
            template="signatures/code.html",
            action=request.path,
        )
    value = request.POST.get("code", "")[:32]
    return _confirmed(request, lang, services.confirm(code=value) if value else None)


@require_http_methods(["GET", "POST"])
@in_language
def manage(request: HttpRequest, lang: str, token: str) -> HttpResponse:
    """The signer's own page: withdraw, download or delete their data."""
    from havza.signatures.models import Signature

    signature = Signature.objects.select_related("sign_on__work").filter(token=token).first()
    if signature is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "withdraw":
            services.withdraw(token)
            return message_page(
                request,
                lang,
                _("Your signature is withdrawn"),
                text=_("It no longer counts and is no longer shown."),
            )
        if action == "delete":
            services.erase(token)
            return message_page(
                request,
                lang,
                _("Your data is deleted"),
                text=_("Nothing about this signature is kept any more."),
            )
        if action == "download":
            data = json.dumps(services.personal_data(signature), ensure_ascii=False, indent=2)
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="signature.json"'
            add_never_cache_headers(response)
            return response
    return message_page(
        request,
        lang,
        _("Your signature"),
        template="signatures/manage.html",
        signature=signature,
        action=request.path,
    )
