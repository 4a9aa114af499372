"""Every saved version of a work, kept with who saved it, when and what changed.

The work screen saves a work, its translations, authors and signatories as one revision
(django-reversion); its "History" lists them and opens any of them to restore. A restore
writes the old rows back and saves the screen as an editor's save does, inside one unit of
work (``changes.changing``), so the export and the search follow. Changes made elsewhere
that reach the public page (the workspace's publish, approvals written onto a published
page, unpublishing, scheduled publication) are kept as revisions too (``record``). An editor
restores only what they may change: translations in the languages they hold, and the work's
own fields and credits if they hold its original language.
"""

from __future__ import annotations

import datetime as dt

import reversion
from reversion.models import Version

from havza.publishing.models import Authorship, Signatory, Translation, Work

reversion.register(Translation)
reversion.register(Authorship)
reversion.register(Signatory)
reversion.register(Work, follow=("translations", "authorships", "signatories"))


def _differs(version: Version, obj) -> bool:
    """Whether restoring VERSION would change OBJ as it is now."""
    fields = {f.attname: f for f in obj._meta.fields}
    many = {f.attname for f in obj._meta.many_to_many}
    for name, old in version.field_dict.items():
        if name in many:  # the ids it had
            now = {str(pk) for pk in getattr(obj, name).values_list("pk", flat=True)}
            if now != {str(pk) for pk in old or ()}:
                return True
        # What an editor writes; not what follows from it (the HTML, the times of saving).
        elif name in fields and fields[name].editable and _kept(getattr(obj, name)) != old:
            return True
    return False


def _kept(value):
    """VALUE as a version keeps it (JSON keeps times to the millisecond)."""
    if isinstance(value, dt.datetime | dt.time):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def languages_touched(version: Version, work: Work) -> set[str]:
    """The languages whose rows restoring the revision of VERSION (a version of WORK) would
    change: a translation's language, or the work's original language for its own fields,
    authors and signatories (rows added since, which a restore deletes, count too)."""
    touched: set[str] = set()
    owner = {work.original_language}
    kept: dict[type, set[str]] = {Translation: set(), Authorship: set(), Signatory: set()}
    for old in version.revision.version_set.all():
        model = old._model
        if model not in (Work, *kept):
            continue
        now = model._default_manager.filter(pk=old.object_id).first()
        if model in kept:
            kept[model].add(str(old.object_id))
        if now is not None and not _differs(old, now):
            continue
        if model is Translation:
            touched.add(old.field_dict["language"])
            if now is not None:
                touched.add(now.language)
        else:
            touched |= owner | {old.field_dict.get("original_language", work.original_language)}
    for model, ids in kept.items():
        added = model._default_manager.filter(work=work).exclude(pk__in=ids)
        if model is Translation:
            touched |= set(added.values_list("language", flat=True))
        elif added.exists():
            touched |= owner
    return touched


def record(work: Work, user=None, comment: str = "") -> None:
    """Keep WORK as it is now (its translations, authors and signatories with it) as one
    revision: for changes made outside the work screen (the translations' workspace, a
    scheduled publication), so that the history shows them and can restore what came before."""
    with reversion.create_revision(manage_manually=True):
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(work)
