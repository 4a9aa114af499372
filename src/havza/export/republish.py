"""Incremental republish: bring an existing export in line with a few changed translations.

A change is keyed by (work, language). For each one we compare what the export showed
(``before``: a ``State``, ``None`` when nothing was published, or ``UNKNOWN``) with what the
database holds now, and derive the output files that can differ:

- the translation's own page (written, or removed when it is gone or moved to a new slug);
- the work's pages in its other languages (language switcher, hreflang, original, notices);
- every list of its language that holds it (kind listing, home, feed, topic pages and feeds,
  organization, person and event pages): the page holding it, or, when it moved, was added or
  removed, the pages whose items shift, and all of them when the number of pages changes;
- the sitemap file holding its translation group (and those after it when the group appears
  or disappears).

Those pages are rendered by the same functions as the full build and written atomically
(temporary file, then rename) only where their bytes differ, so a republish touches exactly
the files whose content changed.
"""

from __future__ import annotations

import fcntl
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import get_script_prefix, set_script_prefix

from havza import languages
from havza.export import builder
from havza.links import reverse
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import feeds, pages, queries, sitemaps
from havza.publishing.models import Authorship, Translation, Work
from havza.publishing.models import Signatory

ENTITY_WINDOW = pages.WORKS_PER_ENTITY  # works an organization, person or event page lists


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
"""The previous state is not known (the command line): check every page that can hold it."""


@dataclass(frozen=True)
class State:
    """What the export shows of one published translation: where it sits and what lists it."""

    pk: int
    work_id: int
    language: str
    url: str
    published_on: date | None
    published_at: datetime | None
    kind: str
    topics: frozenset[int] = frozenset()
    event: int | None = None
    org_authored: frozenset[int] = frozenset()
    org_signed: frozenset[int] = frozenset()
    person_authored: frozenset[int] = frozenset()
    person_signed: frozenset[int] = frozenset()

    @property
    def key(self) -> tuple:
        return (self.published_on, self.published_at, self.pk)


Key = tuple[int, str]  # (work id, language)
Before = State | None | _Unknown


def _work_facts(work: Work) -> dict:
    authorships = list(work.authorships.all())
    signatories = list(work.signatories.all())
    return {
        "published_on": work.published_on,
        "kind": work.kind,
        "topics": frozenset(t.pk for t in work.topics.all()),
        "event": work.event_id,
        "org_authored": frozenset(a.organization_id for a in authorships if a.organization_id),
        "org_signed": frozenset(s.organization_id for s in signatories if s.organization_id),
        "person_authored": frozenset(a.person_id for a in authorships if a.person_id),
        "person_signed": frozenset(s.person_id for s in signatories if s.person_id),
    }


def _works(ids: Iterable[int]) -> dict[int, Work]:
    return {
        w.pk: w
        for w in Work.objects.filter(pk__in=set(ids)).prefetch_related(
            "topics", "authorships", "signatories"
        )
    }


def states(keys: Iterable[Key]) -> dict[Key, State | None]:
    """The current state of each (work, language): None where nothing is published."""
    keys = set(keys)
    found: dict[Key, State | None] = dict.fromkeys(keys)
    if not keys:
        return found
    works = _works(w for w, _ in keys)
    rows = Translation.objects.filter(
        work_id__in=works, status=queries.PUBLISHED, language__in={lang for _, lang in keys}
    ).only("id", "work_id", "language", "slug", "published_at")
    for t in rows:
        if (t.work_id, t.language) in keys:
            found[(t.work_id, t.language)] = State(
                pk=t.pk,
                work_id=t.work_id,
                language=t.language,
                url=t.get_absolute_url(),
                published_at=t.published_at,
                **_work_facts(works[t.work_id]),
            )
    return found


def state_of(t: Translation) -> State | None:
    """The state of T as stored now (before an editor's change is saved)."""
    if t.pk is None:
        return None
    return states([(t.work_id, t.language)]).get((t.work_id, t.language))


# Lists a translation appears in -----------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """A list of published translations of one language, newest first, shown by some pages."""

    kind: str  # "all", "kind", "topic", "org-authored", "org-signed", ... , "event"
    lang: str
    ref: str | int | None = None

    def queryset(self) -> QuerySet[Translation]:
        qs = queries.listing(self.lang)
        match self.kind:
            case "all":
                return qs
            case "kind":
                return qs.filter(work__kind=self.ref)
            case "topic":
                return qs.filter(work__topics=self.ref)
            case "event":
                return qs.filter(work__event=self.ref)
            case "org-authored":
                return pages.works_linked(
                    self.lang, Authorship.objects.filter(organization=self.ref)
                )
            case "org-signed":
                return pages.works_linked(
                    self.lang, Signatory.objects.filter(organization=self.ref)
                )
            case "person-authored":
                return pages.works_linked(self.lang, Authorship.objects.filter(person=self.ref))
            case "person-signed":
                return pages.works_linked(self.lang, Signatory.objects.filter(person=self.ref))
        raise ValueError(self.kind)

    @property
    def paged(self) -> bool:
        return self.kind in {"kind", "topic"}


def listings_of(s: State) -> set[Listing]:
    lang = s.language
    found = {Listing("all", lang), Listing("kind", lang, s.kind)}
    found |= {Listing("topic", lang, t) for t in s.topics}
    if s.event:
        found.add(Listing("event", lang, s.event))
    for name in ("org_authored", "org_signed", "person_authored", "person_signed"):
        found |= {Listing(name.replace("_", "-"), lang, ref) for ref in getattr(s, name)}
    return found


def _potential(work: Work, lang: str) -> State:
    """The state the work would have in LANG, to find the lists it may have been in."""
    return State(
        pk=0, work_id=work.pk, language=lang, url="", published_at=None, **_work_facts(work)
    )


def _before_q(key: tuple) -> Q:
    """Translations a listing shows before one with KEY (queries.newest_first's order)."""
    published_on, published_at, pk = key

    def later(field: str, value) -> Q:  # descending, empty values last
        return Q(**{f"{field}__isnull": False}) if value is None else Q(**{f"{field}__gt": value})

    def same(field: str, value) -> Q:
        return Q(**{f"{field}__isnull": True}) if value is None else Q(**{field: value})

    tie = same("published_at", published_at) & Q(id__gt=pk)
    return later("work__published_on", published_on) | (
        same("work__published_on", published_on) & (later("published_at", published_at) | tie)
    )


@dataclass
class _ListChange:
    """How one list changed: ranks of the changed items before and after (lower bounds)."""

    listing: Listing
    members_now: set[int] = field(default_factory=set)  # changed translations in it now
    members_before: int = 0
    unknown: bool = False
    ranks: list[int] = field(default_factory=list)
    moves: list[tuple[int | None, int | None]] = field(default_factory=list)


# Files ------------------------------------------------------------------------------------

Render = Callable[[], bytes]


@dataclass
class Plan:
    render: dict[str, Render] = field(default_factory=dict)  # url path -> body
    remove: set[str] = field(default_factory=set)
    # (url prefix of page N, first surplus page): remove every page/N/ from there on disk
    prune: list[tuple[Callable[[int], str], int]] = field(default_factory=list)

    def add(self, path: str, render: Render) -> None:
        self.render.setdefault(path, render)


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    seconds: float = 0.0

    @property
    def rendered(self) -> int:
        return len(self.written) + self.unchanged


def _pages_between(first: int, last: int, size: int) -> range:
    return range(first // size + 1, last // size + 2)


def _affected_pages(change: _ListChange, total_now: int, size: int) -> tuple[range, int, int]:
    """(page numbers to render, pages now, pages before) for a paged list."""
    total_before = total_now - len(change.members_now) + change.members_before
    count_now, count_before = pages.page_count(total_now), pages.page_count(total_before)
    if change.unknown or count_now != count_before:
        return range(1, count_now + 1), count_now, count_before
    if len(change.moves) == 1:
        old, new = change.moves[0]
        if old is None and new is None:
            return range(0), count_now, count_before
        if old is None:  # added: everything after it shifts
            span = _pages_between(new, total_now - 1, size)
        elif new is None:  # removed
            span = _pages_between(old, total_before - 1, size)
        else:
            span = _pages_between(min(old, new), max(old, new), size)
    else:
        # Several changes in one list: from the first possible position to the end.
        span = _pages_between(min(change.ranks), max(total_now, total_before) - 1, size)
    return range(max(1, span.start), min(count_now, span.stop - 1) + 1), count_now, count_before


def _plan_listing(plan: Plan, change: _ListChange, site: pages.Site) -> None:
    listing = change.listing
    qs = listing.queryset()
    lang = listing.lang
    if listing.kind == "all":
        first = min(change.ranks, default=math.inf)
        if change.unknown or first < settings.HAVZA_PAGE_SIZE:
            plan.add(
                reverse("publishing:home", kwargs={"lang": lang}),
                lambda: pages.render_home(lang, pages.fetch_home(lang), site).body,
            )
        if change.unknown or first < settings.HAVZA_FEED_SIZE:
            plan.add(
                reverse("publishing:feed", kwargs={"lang": lang}),
                lambda: feeds.render_language_feed(lang, site).body,
            )
        return
    if not listing.paged:
        if not change.unknown and min(change.ranks, default=math.inf) >= ENTITY_WINDOW:
            return
        model, render = {
            "org": (Organization, pages.render_organization),
            "person": (Person, pages.render_person),
            "event": (Event, pages.render_event),
        }[listing.kind.split("-")[0]]
        entity = model.objects.filter(pk=listing.ref).first()
        if entity is not None:
            plan.add(entity.get_absolute_url(lang), lambda: render(entity, lang, site).body)
        return
    size = settings.HAVZA_PAGE_SIZE
    total = qs.count()
    numbers, count, count_before = _affected_pages(change, total, size)
    if listing.kind == "kind":
        segment = pages.KIND_SEGMENTS[listing.ref]
        kwargs = {"lang": lang, "kinds": segment}
        pagination = pages.Pagination(1, count, "publishing:listing", kwargs)

        def render_page(number: int) -> bytes:
            items = list(qs[(number - 1) * size : number * size])
            return pages.render_listing(lang, listing.ref, items, number, count, site).body
    else:
        topic = Topic.objects.filter(pk=listing.ref).first()
        if topic is None:
            return
        slug = topic.slug(lang)
        pagination = pages.Pagination(1, count, "publishing:topic", {"lang": lang, "slug": slug})

        def render_page(number: int) -> bytes:
            items = list(qs[(number - 1) * size : number * size])
            return pages.render_topic(topic, lang, items, number, count, site).body

        if change.unknown or min(change.ranks, default=math.inf) < settings.HAVZA_FEED_SIZE:
            plan.add(
                reverse("publishing:topic_feed", kwargs={"lang": lang, "slug": slug}),
                lambda: feeds.render_topic_feed(topic, lang, site).body,
            )
    for number in numbers:
        plan.add(pagination.href(number), lambda n=number: render_page(n))
    if change.unknown:
        plan.prune.append((pagination.href, count + 1))
    else:
        plan.remove |= {pagination.href(n) for n in range(count + 1, count_before + 1)}


def _replace_groups(text: str, work_ids: set[int], old_locs: set[str], site) -> str | None:
    """TEXT (a sitemap file) with the changed works' groups rendered anew in their place."""
    lines = text.splitlines(keepends=True)
    works = {w.pk: w for w in queries.works_with_translations().filter(pk__in=work_ids)}
    for work_id in sorted(work_ids, reverse=True):
        group = {
            escape(site.absolute(t.get_absolute_url())) for t in works[work_id].translations.all()
        }
        group |= old_locs
        found = [
            i for i, line in enumerate(lines)
            if line.startswith("<url><loc>") and line[10 : line.find("</loc>")] in group
        ]  # fmt: skip
        if not found or found != list(range(found[0], found[-1] + 1)):
            return None
        lines[found[0] : found[-1] + 1] = list(sitemaps.work_urls(site, [works[work_id]]))
    return "".join(lines)


def _plan_sitemaps(
    plan: Plan,
    work_ids: set[int],
    had: dict[int, bool | None],
    site,
    patch: Callable[[str, Render, set[int]], Render],
) -> None:
    """The sitemap files holding the changed works' groups (HAD: published before, if known).

    When no group appears or disappears, the file holding them is patched: the groups' lines
    are rendered anew and put in place of the old ones (a file holds up to 4,000 works)."""
    per_file = sitemaps.WORKS_PER_FILE
    with_translations = queries.works_with_translations()
    total_now = with_translations.count()
    has = set(with_translations.filter(pk__in=work_ids).values_list("pk", flat=True))
    unknown = any(had[w] is None for w in work_ids)
    total_before = total_now - len(has) + sum(bool(had[w]) for w in work_ids)
    files_now = max(1, -(-total_now // per_file))
    files_before = max(1, -(-total_before // per_file))
    index = reverse("publishing:sitemap")
    stable = not unknown and files_now == files_before
    stable = stable and all(bool(had[w]) == (w in has) for w in work_ids)
    if files_now == 1:
        whole = lambda: sitemaps.as_page(sitemaps.iter_sitemap(site)).body  # noqa: E731
        plan.add(index, patch(index, whole, work_ids) if stable else whole)
        numbers = range(0)
    else:
        first = min(
            with_translations.filter(pk__lt=w).count() for w in work_ids
        ) // per_file + 1  # fmt: skip
        membership_changed = unknown or any(bool(had[w]) != (w in has) for w in work_ids)
        if files_now != files_before or unknown:
            plan.add(index, lambda: sitemaps.as_page(sitemaps.iter_sitemap(site)).body)
            numbers = range(1, files_now + 1)
        elif membership_changed:
            numbers = range(first, files_now + 1)
        else:
            last = max(with_translations.filter(pk__lt=w).count() for w in work_ids) // per_file + 1
            numbers = range(first, last + 1)
            if first == last and stable:
                path = reverse("publishing:sitemap_works", kwargs={"number": first})
                whole = lambda: sitemaps.as_page(sitemaps.iter_works_file(site, first)).body  # noqa: E731
                plan.add(path, patch(path, whole, work_ids))
        if membership_changed or files_now != files_before:
            pages_file = reverse("publishing:sitemap_pages")
            plan.add(pages_file, lambda: sitemaps.as_page(sitemaps.iter_pages_file(site)).body)
    for n in numbers:
        plan.add(
            reverse("publishing:sitemap_works", kwargs={"number": n}),
            lambda n=n: sitemaps.as_page(sitemaps.iter_works_file(site, n)).body,
        )
    if files_now == 1 and (files_before > 1 or unknown):
        plan.remove.add(reverse("publishing:sitemap_pages"))
        plan.prune.append((lambda n: reverse("publishing:sitemap_works", kwargs={"number": n}), 1))
    elif files_before > files_now:
        plan.remove |= {
            reverse("publishing:sitemap_works", kwargs={"number": n})
            for n in range(files_now + 1, files_before + 1)
        }
    elif unknown:
        plan.prune.append(
            (lambda n: reverse("publishing:sitemap_works", kwargs={"number": n}), files_now + 1)
        )


def _stale_work_pages(out: Path, strip: int, lang: str) -> set[str]:
    """Work pages of LANG in the export whose translation is no longer published there (the
    previous address of a changed translation is not known without its previous state)."""
    sample = reverse("publishing:work", kwargs={"lang": lang, "slug": "x"})
    folder = builder.file_for(out, sample[strip:]).parent.parent
    if not folder.is_dir():
        return set()
    published = set(queries.published(lang).values_list("slug", flat=True))
    return {
        reverse("publishing:work", kwargs={"lang": lang, "slug": entry.name})
        for entry in os.scandir(folder)
        if entry.is_dir() and entry.name not in published
    }


def plan(
    before: Mapping[Key, Before], site: pages.Site, out: Path, strip: int
) -> tuple[Plan, dict[Key, State | None]]:
    """The files to render and remove for the changes in BEFORE (see the module's doc)."""
    after = states(before)
    result = Plan()
    works = _works(w for w, _ in before)
    changes: dict[Listing, _ListChange] = {}

    def change_for(listing: Listing) -> _ListChange:
        return changes.setdefault(listing, _ListChange(listing))

    for key, old in before.items():
        work_id, lang = key
        new = after[key]
        if new is not None:
            result.add(new.url, lambda pk=new.pk: _render_work(pk, site))
        if old is UNKNOWN:
            result.remove |= _stale_work_pages(out, strip, lang)
            work = works.get(work_id)
            candidates = listings_of(new) if new else set()
            if work is not None:
                candidates |= listings_of(_potential(work, lang))
            for listing in candidates:
                change = change_for(listing)
                change.unknown = True
                if new is not None and listing in listings_of(new):
                    change.members_now.add(new.pk)
            continue
        if old is not None and (new is None or old.url != new.url):
            result.remove.add(old.url)
        old_lists = listings_of(old) if old else set()
        new_lists = listings_of(new) if new else set()
        for listing in old_lists | new_lists:
            qs = listing.queryset().exclude(pk__in=[s.pk for s in (old, new) if s])
            change = change_for(listing)
            old_rank = qs.filter(_before_q(old.key)).count() if listing in old_lists else None
            new_rank = qs.filter(_before_q(new.key)).count() if listing in new_lists else None
            change.moves.append((old_rank, new_rank))
            change.ranks += [r for r in (old_rank, new_rank) if r is not None]
            change.members_before += listing in old_lists
            if listing in new_lists:
                change.members_now.add(new.pk)

    for change in changes.values():
        if len(change.moves) > 1:
            # Ranks were counted with the other changed items at their new places: count
            # them out to keep a lower bound of the true positions.
            change.ranks = [max(0, r - len(change.members_now)) for r in change.ranks]
        _plan_listing(result, change, site)

    # The work's pages in its other languages: switcher, hreflang, original, notices.
    siblings = Translation.objects.filter(work_id__in=works, status=queries.PUBLISHED)
    for t in siblings.only("id", "language", "slug", "work_id"):
        result.add(t.get_absolute_url(), lambda pk=t.pk: _render_work(pk, site))

    work_ids = {w for w, _ in before}
    had: dict[int, bool | None] = {}
    for work_id in work_ids:
        olds = [old for (w, _), old in before.items() if w == work_id]
        if any(o is UNKNOWN for o in olds):
            had[work_id] = None
            continue
        langs_changed = {lang for (w, lang) in before if w == work_id}
        others = Translation.objects.filter(work_id=work_id, status=queries.PUBLISHED).exclude(
            language__in=langs_changed
        )
        had[work_id] = any(o is not None for o in olds) or others.exists()
    old_locs = {escape(site.absolute(old.url)) for old in before.values() if isinstance(old, State)}

    def patch(path: str, whole: Render, ids: set[int]) -> Render:
        def render() -> bytes:
            try:
                text = builder.file_for(out, path[strip:]).read_text(encoding="utf-8")
            except FileNotFoundError:
                return whole()
            patched = _replace_groups(text, ids & has_now, old_locs, site)
            return whole() if patched is None else patched.encode("utf-8")

        return render

    has_now = set(
        queries.works_with_translations().filter(pk__in=work_ids).values_list("pk", flat=True)
    )
    if work_ids:
        _plan_sitemaps(result, work_ids, had, site, patch)
    result.remove -= set(result.render)
    return result, after


def _render_work(pk: int, site: pages.Site) -> bytes:
    return pages.render_work(queries.work_pages().get(pk=pk), site).body


# Writing ----------------------------------------------------------------------------------


def write_if_changed(target: Path, body: bytes) -> bool:
    """Write BODY to TARGET atomically unless it already holds exactly that."""
    try:
        if target.stat().st_size == len(body) and target.read_bytes() == body:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(body)
    temporary.replace(target)
    return True


def remove(out: Path, target: Path) -> bool:
    """Remove TARGET and the folders it leaves empty (never OUT itself)."""
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    folder = target.parent
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
    return True


@contextmanager
def _locked(out: Path):
    """One republish at a time per export (editors may save at the same moment)."""
    lock = out.parent / f".{out.name}.lock"
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def base_url_of(out: Path) -> str | None:
    """The address the export at OUT was built for, read from its robots.txt."""
    try:
        text = (out / "robots.txt").read_text()
    except FileNotFoundError:
        return None
    match = re.search(r"^Sitemap: (\S+)/sitemap\.xml$", text, re.MULTILINE)
    return match.group(1) if match else None


def republish(out: Path, before: Mapping[Key, Before], *, base_url: str | None = None) -> Result:
    """Re-render into the export at OUT the pages the changes in BEFORE affect.

    BEFORE maps (work id, language) to what the export showed of it: a ``State`` (taken
    with ``state_of`` before the change was saved), None (nothing published) or UNKNOWN.
    """
    started = time.perf_counter()
    out = Path(out).resolve()
    if not (out / "robots.txt").is_file():
        raise FileNotFoundError(f"{out} holds no export: run a full build first")
    base_url = (base_url or base_url_of(out) or settings.HAVZA_BASE_URL).rstrip("/")
    previous_prefix = get_script_prefix()
    prefix = builder._script_prefix(base_url)
    strip = len(prefix) - 1
    set_script_prefix(prefix)
    result = Result()
    try:
        with _locked(out):
            todo, _after = plan(before, pages.Site(base_url), out, strip)
            for path, render in todo.render.items():
                target = builder.file_for(out, path[strip:])
                if write_if_changed(target, render()):
                    result.written.append(target)
                else:
                    result.unchanged += 1
            for path in todo.remove:
                target = builder.file_for(out, path[strip:])
                if remove(out, target):
                    result.removed.append(target)
            for href, first in todo.prune:
                number = first
                while True:
                    target = builder.file_for(out, href(number)[strip:])
                    if not remove(out, target):
                        break
                    result.removed.append(target)
                    number += 1
    finally:
        set_script_prefix(previous_prefix)
    result.seconds = time.perf_counter() - started
    return result


def republish_work(
    out: Path, work_id: int, langs: Iterable[str] | None = None, *, base_url: str | None = None
) -> Result:
    """Bring OUT in line with the database for WORK_ID in LANGS (default: every language).

    Without the previous state, every page that can hold the work in those languages is
    checked; only files whose bytes differ are written.
    """
    codes = list(langs) if langs else languages.codes()
    return republish(out, dict.fromkeys(((work_id, c) for c in codes), UNKNOWN), base_url=base_url)
