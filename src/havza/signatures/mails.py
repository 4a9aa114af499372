"""The messages a signer receives, in the language they signed in. They are enqueued in
the transaction that records the signature, so a stored signature always has its mail: the
confirmation as a small job naming the signature, written by the worker when it sends it."""

from __future__ import annotations

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from havza.jobs.mail import send_mail
from havza.jobs.retries import job
from havza.links import reverse
from havza.signatures import rows
from havza.signatures.models import Signature


def live(name: str, **kwargs) -> str:
    return settings.HAVZA_SIGNON_LIVE_URL + reverse(f"signatures:{name}", kwargs=kwargs)


TITLES_KEPT = 60  # seconds a statement's titles are kept for the messages of a busy sign-on


def statement_title(signature: Signature, lang: str) -> str:
    """The statement's title in LANG (else in its original language): read once a minute,
    not once per signature."""
    key = f"havza:signon:titles:{signature.sign_on.work_id}"
    found = cache.get(key)
    if found is None:
        work = signature.sign_on.work
        titles = dict(work.translations.values_list("language", "title"))
        found = (titles, titles.get(work.original_language) or str(work))
        cache.set(key, found, timeout=TITLES_KEPT)
    titles, fallback = found
    return titles.get(lang) or fallback


def _send(subject: str, body: str, to: str) -> None:
    send_mail.enqueue(subject, body, [to])


def confirmation(signature: Signature, job: rows.Job | None = None) -> None:
    """Have the worker write and send SIGNATURE's confirmation message (in the current
    transaction, as one small row: the message is written when it is sent). JOB: the row
    of ``confirmation_job``, made beforehand; its ``announce`` is then the caller's."""
    if job is None:
        rows.enqueue(send_confirmation, signature.pk)
    else:
        job.run(signature.pk)


def confirmation_job() -> rows.Job:
    """The job row of a confirmation message, to be written by ``confirmation``."""
    return rows.Job(send_confirmation)


@job()
def send_confirmation(signature_id: int) -> int:
    """Send the confirmation message of the signature SIGNATURE_ID, unless it was withdrawn
    or deleted meanwhile; fail to be tried again when the mail server does not take it."""
    signature = (
        Signature.objects.select_related("sign_on")
        .filter(pk=signature_id)
        .exclude(status=Signature.Status.WITHDRAWN)
        .exclude(email="")
        .first()
    )
    if signature is None:
        return 0
    subject, body = confirmation_message(signature)
    return mail.send_mail(subject, body, None, [signature.email], fail_silently=False)


def confirmation_message(signature: Signature) -> tuple[str, str]:
    """(subject, body) of the message that asks SIGNATURE's signer to confirm it."""
    lang = signature.language
    with translation.override(lang):
        title = statement_title(signature, lang)
        subject = _("Confirm your signature: %(title)s") % {"title": title}
        body = "\n\n".join(
            [
                _("Hello %(name)s,") % {"name": signature.name},
                _(
                    "You signed “%(title)s”. It counts once you confirm it: open this page "
                    "and press its button."
                )
                % {"title": title},
                live("confirm", lang=lang, token=signature.token),
                _("Or type this code at %(address)s: %(code)s")
                % {"address": live("code", lang=lang), "code": signature.code},
                _(
                    "If you did not sign, do nothing: an unconfirmed signature is deleted "
                    "after %(days)s days."
                )
                % {"days": signature.sign_on.purge_days},
                _("To withdraw your signature later, or to download or delete your data:"),
                live("manage", lang=lang, token=signature.token),
            ]
        )
    return subject, body + "\n"


def already_signed(signature: Signature, to: str, lang: str) -> None:
    with translation.override(lang):
        title = statement_title(signature, lang)
        subject = _("You have already signed: %(title)s") % {"title": title}
        body = "\n\n".join(
            [
                _(
                    "Someone, perhaps you, tried to sign “%(title)s” again with this address. "
                    "Your signature was already recorded; nothing has changed."
                )
                % {"title": title},
                _("To withdraw your signature, or to download or delete your data:"),
                live("manage", lang=lang, token=signature.token),
            ]
        )
    _send(subject, body + "\n", to)


def text_changed(signature: Signature, reason: str) -> None:
    lang = signature.language
    with translation.override(lang):
        title = statement_title(signature, lang)
        subject = _("The statement you signed has changed: %(title)s") % {"title": title}
        body = "\n\n".join(
            [
                _(
                    "The text of “%(title)s” has changed since you signed it. The editors "
                    "give this reason:"
                )
                % {"title": title},
                reason,
                _(
                    "Your signature stays on the list, marked as given to the earlier text. "
                    "To withdraw it:"
                ),
                live("manage", lang=lang, token=signature.token),
            ]
        )
    _send(subject, body + "\n", signature.email)
