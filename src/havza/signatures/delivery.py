"""The list of signatures as a PDF for delivery to the statement's addressees, each signature
with a checksum: a SHA-256 over its shown fields and the version of the text it was given to.

How a recipient checks a signature's checksum (also printed on the PDF's first page): write
its fields, one per line, as ``field=value``, in this order and with nothing else (no space
around "=", no line end after the last one)::

    havza-signature=1
    statement=<the statement's number>
    version=<the text version it was signed on>
    signature=<the signature's number>
    type=<organization or individual>
    name=<name>
    organization=<organization, or empty>
    role=<role, or empty>
    country=<ISO 3166 code, or empty>
    signed=<date and time signed, UTC, e.g. 2026-05-01T09:30:00Z>

and compute the SHA-256 of that text in UTF-8; its hexadecimal form is the checksum. A field
the statement does not show publicly (role, country) is left empty. For example, in a
shell: ``printf '%s' "$TEXT" | sha256sum``; in Python:
``hashlib.sha256(text.encode()).hexdigest()``. Any change to a field, to the version or to
the signature's number gives another checksum."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from havza import languages
from havza.jobs.retries import job
from havza.publishing import pdf
from havza.signatures.models import Delivery, Signature, SignOn

FORMAT = "1"


def _one_line(value: object) -> str:
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return " ".join(text.split())


def fields(signature: Signature, sign_on: SignOn | None = None) -> list[tuple[str, str]]:
    """The (field, value) pairs SIGNATURE's checksum covers, in order."""
    sign_on = sign_on or signature.sign_on
    signed = signature.created_at.astimezone(dt.UTC).replace(microsecond=0)
    return [
        ("havza-signature", FORMAT),
        ("statement", str(sign_on.work_id)),
        ("version", str(signature.text_version)),
        ("signature", str(signature.pk)),
        ("type", signature.type),
        ("name", _one_line(signature.name)),
        ("organization", _one_line(signature.organization_name)),
        ("role", _one_line(signature.role) if sign_on.show_role else ""),
        ("country", signature.country if sign_on.show_country else ""),
        ("signed", signed.strftime("%Y-%m-%dT%H:%M:%SZ")),
    ]


def canonical_text(signature: Signature, sign_on: SignOn | None = None) -> str:
    return "\n".join(f"{name}={value}" for name, value in fields(signature, sign_on))


def checksum(signature: Signature, sign_on: SignOn | None = None) -> str:
    """SHA-256 (hexadecimal) of SIGNATURE's canonical text."""
    return hashlib.sha256(canonical_text(signature, sign_on).encode("utf-8")).hexdigest()


def _entry(values: dict[str, str], country_name) -> str:
    parts = [values["name"]]
    if values["organization"] and values["organization"] != values["name"]:
        parts.append(values["organization"])
    if values["role"]:
        parts.append(values["role"])
    if values["country"]:
        parts.append(f"{country_name(values['country'])} ({values['country']})")
    return " · ".join(parts)


def delivered(signatures: QuerySet[Signature]) -> QuerySet[Signature]:
    """The signatures that count: approved, in the order they were given."""
    return signatures.filter(status=Signature.Status.APPROVED).order_by("created_at", "pk")


def render(sign_on: SignOn, signatures: QuerySet[Signature], lang: str = "") -> bytes:
    """The PDF of SIGN_ON's approved SIGNATURES (among those given) in LANG (by default the
    statement's original language): each signature's number, shown fields, the date signed
    and its checksum. About 1 ms of CPU a signature: editors ask the worker for it (``ask``)."""
    return _render(sign_on, delivered(signatures).iterator(chunk_size=2000), lang)[0]


def ask(
    sign_on: SignOn, signatures: QuerySet[Signature], user: AbstractBaseUser | None, lang: str = ""
) -> Delivery:
    """Have the job worker make the PDF of SIGN_ON's approved SIGNATURES (among those chosen
    now); the row it is kept in, to download once made."""
    chosen = delivered(signatures.filter(sign_on=sign_on)).values_list("pk", flat=True)
    ids = list(chosen)
    row = Delivery.objects.create(
        sign_on=sign_on, language=lang, signature_ids=ids, requested_by=user, count=len(ids)
    )
    transaction.on_commit(lambda: make.enqueue(row.pk))
    return row


@job(attempts=3)
def make(delivery_id: int) -> int:
    """Make the PDF DELIVERY_ID asked for (``ask``); how many signatures it lists. A signature
    withdrawn or rejected since is left out."""
    row = Delivery.objects.select_related("sign_on__work").filter(pk=delivery_id).first()
    if row is None or row.status == Delivery.Status.READY:
        return 0
    chosen = set(row.signature_ids)
    every = delivered(row.sign_on.signatures.all()).iterator(chunk_size=2000)
    try:
        data, count = _render(row.sign_on, (s for s in every if s.pk in chosen), row.language)
    except Exception as failure:
        row.status, row.error = Delivery.Status.FAILED, f"{type(failure).__name__}: {failure}"
        row.save(update_fields=["status", "error"])
        raise
    row.pdf, row.count, row.status = data, count, Delivery.Status.READY
    row.made_at, row.error = timezone.now(), ""
    row.save(update_fields=["pdf", "count", "status", "made_at", "error"])
    return count


def _render(sign_on: SignOn, signatures: Iterable[Signature], lang: str) -> tuple[bytes, int]:
    """The PDF of SIGNATURES (approved, in order) and how many it lists."""
    from havza import countries

    work = sign_on.work
    language = languages.get(lang or work.original_language) or languages.default()
    titles = dict(work.translations.values_list("language", "title"))
    title = titles.get(language.code) or titles.get(work.original_language) or str(work)
    entries: list[str] = []
    count = 0

    def country_name(code: str) -> str:
        return countries.name(code, language.code)

    with translation.override(language.code):
        for signature in signatures:
            values = dict(fields(signature, sign_on))
            count += 1
            signed = _("Signed %(date)s on text version %(version)s") % {
                "date": values["signed"],
                "version": values["version"],
            }
            entries.append(f"{values['signature']}. {_entry(values, country_name)} – {signed}")
            entries.append(f"SHA-256 {checksum(signature, sign_on)}")
        explanation = _(
            "Each signature's checksum is the SHA-256, in hexadecimal, of its fields written "
            "one per line as field=value in this order, in UTF-8, with no line end after the "
            "last: %(fields)s. A field that is not printed is empty; the date is written as "
            "%(example)s."
        ) % {
            "fields": f"havza-signature=1, statement={work.pk}, version, signature, type, "
            "name, organization, role, country, signed",
            "example": "2026-05-01T09:30:00Z",
        }
        statement = pdf.Statement(
            lang_tag=language.tag,
            script=language.script,
            direction=language.direction,
            title=title,
            subtitle=_("List of signatures: %(count)s") % {"count": count},
            meta=_("Statement %(number)s, text version %(version)s, listed on %(date)s")
            % {
                "number": work.pk,
                "version": sign_on.text_version,
                "date": timezone.now().date().isoformat(),
            },
            address=settings.HAVZA_BASE_URL,
            body_html=f"<p>{_escape(explanation)}</p>",
            issuers_heading="",
            issuers=[],
            signatories_heading=_("Signatures"),
            signatories=entries,
            site_name=str(getattr(settings, "HAVZA_SITE_NAME", "havza")),
            updated=timezone.now(),
        )
    return pdf.render(statement), count


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)
