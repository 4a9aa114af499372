"""What translators, reviewers and editors do: start, save, approve, reject, publish.

Each function checks the acting person's role in the language itself (``user=None`` is the
network acting from the command line), so views, the API and imports share one set of rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from havza.publishing import changes, history
from havza.publishing.models import Translation, Work
from havza.publishing.scheduling import NotReady
from havza.translation import checks, existing, memory, roles
from havza.translation.glossary import Glossary
from havza.translation.models import (
    Origin,
    Role,
    SegmentVersion,
    SourceSegment,
    State,
    TargetSegment,
)
from havza.translation.prefill import prefill
from havza.translation.segmentation import assemble
from havza.translation.signals import ready_for_review
from havza.translation.sync import sync_source

DONE = (State.TRANSLATED, State.REVIEWED)  # a translation whose segments all are awaits review


class WorkflowError(Exception):
    """An action that cannot be done now; the message says why, for the person who tried."""


@dataclass
class Result:
    ok: bool
    segment: TargetSegment
    conflict: bool = False
    message: str = ""
    warnings: list[dict] = field(default_factory=list)


def original_of(work: Work) -> Translation:
    original = Translation.objects.filter(work=work, language=work.original_language).first()
    if original is None:
        raise WorkflowError(_("This work has no original text yet."))
    return original


def ensure_source(original: Translation) -> None:
    if not SourceSegment.objects.filter(translation=original).exists():
        sync_source(original)


@transaction.atomic
def start(work: Work, language: str, user) -> Translation:
    """The translation of WORK into LANGUAGE, with a segment for each source segment; one
    written outside the workspace gets its segments from its text (``existing``)."""
    roles.require(user, Role.TRANSLATOR, language)
    original = original_of(work)
    if language == original.language:
        raise WorkflowError(_("This is the language of the original."))
    ensure_source(original)
    target = Translation.objects.filter(work=work, language=language).first()
    if target is None:
        # The original's title holds the place until the title is translated; the public
        # address is made from the translated title when the translation is first published.
        target = Translation.objects.create(
            work=work, language=language, title=original.title, status=Translation.Status.DRAFT
        )
    have = set(TargetSegment.objects.filter(translation=target).values_list("source_id", flat=True))
    if not have and existing.has_text(target, original):
        # Written outside the workspace (imported, or in the admin): its text fills them.
        created = existing.adopt(target, original)
    else:
        missing = SourceSegment.objects.filter(translation=original).exclude(pk__in=have)
        created = TargetSegment.objects.bulk_create(
            [TargetSegment(translation=target, source=s) for s in missing]
        )
    if created:
        prefill(target, created)
    return target


def clean_segment_text(text: str) -> str:
    # One line, NFC; direction controls are kept so the check can show them to a reviewer.
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _locked(segment: TargetSegment) -> TargetSegment:
    return (
        TargetSegment.objects.select_for_update(of=("self",))
        .select_related("source", "source__translation", "translation")
        .get(pk=segment.pk)
    )


def _warnings(seg: TargetSegment) -> list[dict]:
    glossary = Glossary(seg.source.translation.language, seg.translation.language)
    return [i.as_dict() for i in checks.check(seg.source.text, seg.text, glossary=glossary)]


def _record(seg: TargetSegment, event: str, user, note: str = "") -> None:
    SegmentVersion.objects.create(
        segment=seg, version=seg.version, text=seg.text, state=seg.state, event=event,
        note=note, user=user if user is not None and user.is_authenticated else None,
    )  # fmt: skip


def save_segment(
    segment: TargetSegment,
    text: str,
    user,
    expected_version: int | None,
    *,
    origin: str = Origin.HUMAN,
    event: str = "saved",
) -> Result:
    """Save a translator's TEXT, unless someone saved the segment since they loaded it."""
    roles.require(user, Role.TRANSLATOR, segment.translation.language)
    with transaction.atomic():
        seg = _locked(segment)
        if expected_version is not None and seg.version != expected_version:
            who = seg.updated_by.get_username() if seg.updated_by else _("someone")
            return Result(
                False,
                seg,
                conflict=True,
                message=_(
                    "Not saved: %(who)s saved this segment after you opened it. Their text is "
                    "shown; copy what you need from yours and save again."
                )
                % {"who": who},
            )
        text = clean_segment_text(text)
        current = seg.source_hash == seg.source.source_hash
        was_done = current and seg.state in DONE
        if text == seg.text and current and seg.state in (State.TRANSLATED, State.REVIEWED):
            return Result(True, seg, warnings=seg.warnings)
        if seg.state == State.REVIEWED and text != seg.approved_text:
            memory.forget(seg)  # a corrected translation leaves the memory
        seg.text = text
        if not text:
            seg.state = State.UNTRANSLATED
        elif origin == Origin.MACHINE:
            seg.state = State.MACHINE_DRAFT
        else:
            seg.state = State.TRANSLATED
        seg.origin = origin
        seg.version += 1
        seg.source_text, seg.source_hash = seg.source.text, seg.source.source_hash
        seg.updated_by = user if user is not None and user.is_authenticated else None
        seg.updated_at = timezone.now()
        seg.review_note = ""
        seg.warnings = _warnings(seg) if text else []
        seg.overridden = []
        seg.save()
        _record(seg, event, user)
        if seg.state == State.TRANSLATED and not was_done and _all_translated(seg.translation):
            ready_for_review.send(Translation, translation=seg.translation, user=user)
    return Result(True, seg, warnings=seg.warnings)


def _all_translated(translation: Translation) -> bool:
    """Every segment of TRANSLATION is translated or approved."""
    return not translation.target_segments.exclude(state__in=DONE).exists()


def review(
    segment: TargetSegment,
    user,
    *,
    approve: bool,
    override: bool = False,
    note: str = "",
    write: bool = True,
) -> Result:
    """Approve a translated segment (into the memory, and onto the page if published and
    WRITE), or send it back to its translator with NOTE (and out of the memory)."""
    roles.require(user, Role.REVIEWER, segment.translation.language)
    with changes.changing([segment.translation.work_id]):
        seg = _locked(segment)
        if not approve:
            memory.forget(seg)
            seg.state = State.TRANSLATED if seg.text else State.UNTRANSLATED
            seg.review_note = note
            seg.version += 1
            seg.save()
            _record(seg, "rejected", user, note)
            return Result(True, seg)
        if seg.state not in (State.TRANSLATED, State.MACHINE_DRAFT, State.REVIEWED):
            return Result(
                False, seg, message=_("Only a translated, up-to-date segment can be approved.")
            )
        if seg.state == State.REVIEWED:
            return Result(True, seg)
        warnings = _warnings(seg)
        if warnings and not override:
            return Result(
                False,
                seg,
                message=_("The checks found problems; approve anyway to override them."),
                warnings=warnings,
            )
        seg.state = State.REVIEWED
        seg.approved_text = seg.text
        seg.approved_source_hash = seg.source_hash
        seg.approved_by = user if user is not None and user.is_authenticated else None
        seg.warnings = warnings
        seg.overridden = sorted({w["code"] for w in warnings})
        seg.review_note = ""
        seg.version += 1
        seg.save()
        _record(seg, "approved", user, ",".join(seg.overridden))
        memory.remember(seg, seg.approved_by)
        if write and seg.translation.status == Translation.Status.PUBLISHED:
            write_public(seg.translation)
            history.record(seg.translation.work, user, _("Approved in the workspace"))
    return Result(True, seg, warnings=warnings)


def approve_all(translation: Translation, user, *, override: bool = False) -> tuple[int, int]:
    """Approve every translated segment; returns (approved, left for a closer look)."""
    roles.require(user, Role.REVIEWER, translation.language)
    done = left = 0
    # One change of the page: the approved texts are written onto it once, at the end.
    with changes.changing([translation.work_id]):
        for seg in TargetSegment.objects.filter(
            translation=translation, state__in=[State.TRANSLATED, State.MACHINE_DRAFT]
        ):
            result = review(seg, user, approve=True, override=override, write=False)
            done, left = (done + 1, left) if result.ok else (done, left + 1)
        translation.refresh_from_db()
        if done and translation.status == Translation.Status.PUBLISHED:
            write_public(translation)
            history.record(translation.work, user, _("Approved in the workspace"))
    return done, left


def _approved(translation: Translation) -> dict[int, tuple[SourceSegment, TargetSegment]]:
    segs = TargetSegment.objects.filter(translation=translation).select_related("source")
    return {s.source.order: (s.source, s) for s in segs}


def write_public(translation: Translation) -> None:
    """Write the approved texts into the translation's title and body (which renders them)."""
    original = original_of(translation.work)
    by_order = _approved(translation)

    def approved(order: int) -> str | None:
        pair = by_order.get(order)
        if pair is None or not pair[1].approved_source_hash:
            return None
        return pair[1].approved_text

    title = approved(-2)
    if title:
        translation.title = title
    translation.subtitle = approved(-1) or ""
    translation.body_markdown = assemble(original.body_markdown, lambda i, _b: approved(i))
    if translation.published_at is None:
        translation.slug = ""  # made from the translated title, not the original's
    translation.save()


@changes.changes_works(lambda translation, user: translation.work_id)
def publish(translation: Translation, user) -> None:
    """Put the approved translation online (an editor's decision)."""
    roles.require(user, Role.EDITOR, translation.language)
    unapproved = TargetSegment.objects.filter(translation=translation, approved_source_hash="")
    if unapproved.exists():
        raise WorkflowError(
            _("%(count)s segments are not approved yet.") % {"count": unapproved.count()}
        )
    if not TargetSegment.objects.filter(translation=translation).exists():
        raise WorkflowError(_("Nothing to publish."))
    translation.status = Translation.Status.PUBLISHED
    write_public(translation)
    history.record(translation.work, user, _("Published from the workspace"))


def prepare_scheduled(translation: Translation) -> None:
    """A scheduled publication of a translation made here: as ``publish`` does, without an
    editor at the keyboard. One written in the admin (no segments) is published as it is."""
    segments = TargetSegment.objects.filter(translation=translation)
    if not segments.exists():
        return
    unapproved = segments.filter(approved_source_hash="").count()
    if unapproved:
        raise NotReady(_("%(count)s segments are not approved yet.") % {"count": unapproved})
    write_public(translation)


@changes.changes_works(lambda translation, user: translation.work_id)
def unpublish(translation: Translation, user) -> None:
    roles.require(user, Role.EDITOR, translation.language)
    translation.status = Translation.Status.DRAFT
    translation.save(update_fields=["status", "modified_at"])
    history.record(translation.work, user, _("Unpublished from the workspace"))


def _not_followed(segments):
    from django.db.models import F

    return segments.exclude(approved_source_hash=F("source__source_hash"))


def stale_since(translation: Translation):
    """When the original changed in a way this translation's public text does not yet
    follow (None when it follows the original)."""
    from django.db.models import Max

    segments = _not_followed(TargetSegment.objects.filter(translation=translation))
    return segments.aggregate(when=Max("source__changed_at"))["when"]


def stale_since_expression():
    """stale_since() of each row of a query of translations, computed in that query."""
    from django.db.models import Max, OuterRef, Subquery

    segments = _not_followed(TargetSegment.objects.filter(translation=OuterRef("pk")))
    return Subquery(
        segments.order_by()
        .values("translation")
        .annotate(when=Max("source__changed_at"))
        .values("when")[:1]
    )


def diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word diff of two source texts: ("equal"|"delete"|"insert", text) pieces."""
    a = re.findall(r"\s+|\w+|[^\w\s]", old)
    b = re.findall(r"\s+|\w+|[^\w\s]", new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out
