"""Private previews of a draft translation, as it will look once published.

A preview link carries a signed token (``django.core.signing``) naming the translation; it
needs no login, so a translator or an editor can send it to a reviewer outside havza, and it
stops working after ``PREVIEW_DAYS``. The page is the public work page's own renderer given
the draft: the text of the workspace's segments (a paragraph not yet translated is left out,
as on publication) or, for a translation written in the admin, its stored text. Nothing is
saved; search engines and caches are asked to keep nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.utils import timezone

from havza.publishing.derived import derive
from havza.publishing.models import Translation
from havza.publishing.pages.frame import Page
from havza.publishing.pages.work import render_work
from havza.translation.models import TargetSegment
from havza.translation.segmentation import assemble

PREVIEW_DAYS = 7
SALT = "havza.translation.preview"
NOINDEX = b'<meta name="robots" content="noindex, nofollow">'


class PreviewExpired(Exception):
    """The link is older than PREVIEW_DAYS, was altered, or its translation is gone."""


def token_for(translation: Translation) -> str:
    return signing.dumps({"t": translation.pk}, salt=SALT, compress=True)


def expiry():
    """When a link made now stops working."""
    return timezone.now() + timedelta(days=PREVIEW_DAYS)


def translation_for(token: str) -> Translation:
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=PREVIEW_DAYS))
    except signing.BadSignature as exc:  # SignatureExpired is one
        raise PreviewExpired from exc
    found = Translation.objects.select_related("work").filter(pk=data.get("t")).first()
    if found is None:
        raise PreviewExpired
    return found


def draft_of(translation: Translation) -> Translation:
    """An unsaved copy of TRANSLATION holding its draft: the segments' latest text."""
    segments = {
        s.source.order: s.text
        for s in TargetSegment.objects.filter(translation=translation).select_related("source")
    }
    draft = Translation.objects.get(pk=translation.pk)  # a copy of its own, never saved
    if segments:
        original = Translation.objects.get(
            work=translation.work, language=translation.work.original_language
        )
        draft.title = segments.get(-2) or draft.title
        draft.subtitle = segments.get(-1) or ""
        draft.body_markdown = assemble(
            original.body_markdown, lambda i, _b: segments.get(i) or None
        )
    derived = derive(draft.language, draft.title, draft.body_markdown, draft.subtitle, draft.slug)
    draft.title, draft.subtitle = derived.title, derived.subtitle
    draft.body_html, draft.excerpt = derived.body_html, derived.excerpt
    draft.slug = draft.slug or derived.slug_base or "preview"
    return draft


def render(translation: Translation) -> Page:
    page = render_work(draft_of(translation))
    page.body = page.body.replace(b"<head>", b"<head>" + NOINDEX, 1)
    return page
