"""Which files a change affects: the plan of a republish.

A change is keyed by (work, language). For each one we compare what the export showed
(``before``: a ``State``, ``None`` when nothing was published, or ``UNKNOWN``) with what the
database holds now, and derive the output files that can differ:

- the translation's own page (written, or removed when it is gone or moved to a new slug);
- the work's pages in its other languages (language switcher, hreflang, original, notices);
- every list of works that holds it (``publishing.pages.lists_of_works``), before or now, and
  on each list the pages that show the places it left or took: each kind of page in the
  catalogue that shows the list decides which of its pages those are (``affected``);
- the sitemap files holding its translation group (``sitemap_files``).
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from havza.export import files, ranks
from havza.export.sitemap_files import kinds_present, plan_sitemaps, replace_groups
from havza.export.states import UNKNOWN, Before, Key, State, potential, states
from havza.links import reverse
from havza.publishing import pages, queries
from havza.publishing.models import Translation
from havza.publishing.pages import catalogue
from havza.publishing.pages.lists_of_works import ListChange, WorkList, works_for_lists

Render = Callable[[], bytes | None]  # None: the file on disk holds the page already


@dataclass
class Plan:
    render: dict[str, Render] = field(default_factory=dict)  # url path -> body
    remove: set[str] = field(default_factory=set)
    # (url of page N, first surplus page): remove every page N on disk from there on
    prune: list[tuple[Callable[[int], str], int]] = field(default_factory=list)

    sitemap: set[str] = field(default_factory=set)  # those of ``render`` that are sitemap files
    works: dict[int, object] = field(default_factory=dict)  # fetched for the pages, by id
    export: tuple[Path, str] | None = None  # (folder, address prefix) of the export

    def add(self, path: str, render: Render) -> None:
        self.render.setdefault(path, render)

    def pages_on_disk(self, href: Callable[[int], str]) -> int | None:
        """How many pages of the series HREF the export holds: pages 1 to N are there and
        N + 1 is not (found by doubling, then halving: a few looks for hundreds of pages).
        None when page 1 is not there (a new list, or an address not known to the export)."""
        if self.export is None:
            return None
        out, prefix = self.export

        def there(number: int) -> bool:
            return files.file_for(out, href(number), prefix).is_file()

        if not there(1):
            return None
        low, high = 1, 2  # page LOW is there; is HIGH?
        while there(high):
            low, high = high, high * 2
        while high - low > 1:  # LOW there, HIGH not
            middle = (low + high) // 2
            low, high = (middle, high) if there(middle) else (low, middle)
        return low

    def work(self, pk: int):
        """Work PK with what its pages show, fetched once for the plan (None: nothing of
        it is published)."""
        if pk not in self.works:
            self.works[pk] = queries.fetch_work_for_pages(pk)
        return self.works[pk]


def _stale_work_pages(out: Path, prefix: str, lang: str) -> set[str]:
    """Work pages of LANG in the export whose translation is no longer published there (the
    previous address of a changed translation is not known without its previous state)."""
    sample = reverse("publishing:work", kwargs={"lang": lang, "slug": "x"})
    folder = files.file_for(out, sample, prefix).parent.parent
    if not folder.is_dir():
        return set()
    published = set(queries.published(lang).values_list("slug", flat=True))
    return {
        reverse("publishing:work", kwargs={"lang": lang, "slug": entry.name})
        for entry in os.scandir(folder)
        if entry.is_dir() and entry.name not in published
    }


def _kinds_before(before: Mapping[Key, Before], works, others: set[str]) -> set[str] | None:
    """The kinds of works published before the changes, among the changed works' kinds
    before and now (None: not known); OTHERS: those of the works published that did not
    change, among the same kinds."""
    if any(old is UNKNOWN for old in before.values()):
        return None
    kinds = set(others)
    kinds |= {old.kind for old in before.values() if isinstance(old, State)}
    for work in works.values():
        langs = {lang for (w, lang) in before if w == work.pk}
        others = Translation.objects.filter(work_id=work.pk, status=queries.PUBLISHED)
        if others.exclude(language__in=langs).exists():
            kinds.add(work.kind)  # unchanged languages: the work's kind did not change
    return kinds


def _shown_in_other_languages(
    work, before: Mapping[Key, Before], after: Mapping[Key, State | None]
) -> bool:
    """Whether the changes of WORK's translations in BEFORE show on its pages in other
    languages. Those pages show of another translation its address and language (switcher,
    hreflang, "also in"), and of the original also its content (the notice that it was
    updated): a translation other than the original that stays published at the same
    address changes none of them, whatever else of it changed."""
    for (work_id, lang), old in before.items():
        if work_id != work.pk:
            continue
        new = after[(work_id, lang)]
        if not isinstance(old, State) or new is None or old.url != new.url:
            return True
        if lang == work.original_language:
            return True
    return False


def plan(
    before: Mapping[Key, Before], site: pages.Site, out: Path, prefix: str = "/"
) -> tuple[Plan, dict[Key, State | None]]:
    """The files to render and remove for the changes in BEFORE (see the module's doc)."""
    works = works_for_lists(w for w, _ in before)
    after = states(before, works)
    result = Plan(export=(out, prefix))
    changes: dict[WorkList, ListChange] = {}

    def change_for(listing: WorkList) -> ListChange:
        return changes.setdefault(listing, ListChange(listing))

    work_pages = _WorkPages(site, result)
    for key, old in before.items():
        work_id, lang = key
        new = after[key]
        if new is not None:
            result.add(new.url, lambda w=work_id, pk=new.pk: work_pages.render(w, pk))
        if old is UNKNOWN:
            result.remove |= _stale_work_pages(out, prefix, lang)
            work = works.get(work_id)
            candidates = new.listings() if new else set()
            if work is not None:
                candidates |= potential(work, lang).listings()
            for listing in candidates:
                change = change_for(listing)
                change.unknown = True
                if new is not None and listing in new.listings():
                    change.members_now.add(new.pk)
            continue
        if old is not None and (new is None or old.url != new.url):
            result.remove.add(old.url)
        old_lists = old.listings() if old else set()
        new_lists = new.listings() if new else set()
        for listing in old_lists | new_lists:
            exclude = [s.pk for s in (old, new) if s]
            up_to = ranks.needed(listing.kind)
            change = change_for(listing)
            old_rank = None
            if listing in old_lists:
                old_rank = ranks.rank(listing, old.key, exclude, up_to)
            if listing not in new_lists:
                new_rank = None
            elif old_rank is not None and new.key == old.key:
                new_rank = old_rank  # the same place in the same list: counted once
            else:
                new_rank = ranks.rank(listing, new.key, exclude, up_to)
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
        for page_kind in catalogue.showing(change.listing.kind):
            page_kind.affected(result, change, site)

    # The work's pages in its other languages: switcher, hreflang, original, notices.
    shown = [w for w in works.values() if _shown_in_other_languages(w, before, after)]
    siblings = Translation.objects.filter(work_id__in=shown, status=queries.PUBLISHED)
    for t in siblings.only("id", "language", "slug", "work_id"):
        result.add(t.get_absolute_url(), lambda w=t.work_id, pk=t.pk: work_pages.render(w, pk))

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
        def render() -> bytes | None:
            try:
                fh = files.file_for(out, path, prefix).open("rb")
            except FileNotFoundError:
                return whole()
            # Mapped, not read: the lines are searched in place, and the file is copied only
            # when they changed (a sitemap file holds thousands of works).
            with fh, _mapped(fh) as data:
                if data is None:
                    return whole()
                patched = replace_groups(data, ids & has_now, old_locs, site)
                if patched is data:
                    return None  # the file holds these lines already
                return whole() if patched is None else patched

        return render

    has_now = set(
        queries.works_with_translations().filter(pk__in=work_ids).values_list("pk", flat=True)
    )
    if work_ids:
        kinds_before = kinds_now = None  # not known: the sitemap's listings are written
        if not any(old is UNKNOWN for old in before.values()):
            # Only the changed works' kinds, before or now, can appear or disappear.
            kinds = {old.kind for old in before.values() if isinstance(old, State)}
            kinds |= {work.kind for work in works.values()}
            others = kinds_present(exclude=work_ids, kinds=kinds)
            kinds_before = _kinds_before(before, works, others)
            kinds_now = others | kinds_present(among=work_ids)
        pages_before = set(result.render)
        plan_sitemaps(
            result, work_ids, had, site, patch, kinds_before, kinds_now, export=(out, prefix)
        )
        result.sitemap = set(result.render) - pages_before
    result.remove -= set(result.render)
    return result, after


@contextmanager
def _mapped(fh):
    """The bytes of the open file FH, mapped read-only (None when it is empty)."""
    try:
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except ValueError:  # an empty file cannot be mapped
        yield None
        return
    with data:
        yield data


class _WorkPages:
    """The pages of the changed works, each work fetched once with what the pages of all its
    languages show (as the full build fetches it), when the first of them is rendered."""

    def __init__(self, site: pages.Site, plan: Plan):
        self.site = site
        self.plan = plan
        self.works: dict[int, dict[int, Translation]] = {}

    def render(self, work_id: int, pk: int) -> bytes:
        if work_id not in self.works:
            work = self.plan.work(work_id)
            found = work.published_translations() if work else []
            self.works[work_id] = {t.pk: t for t in found}
        t = self.works[work_id].get(pk) or queries.work_pages().get(pk=pk)
        return pages.render_work(t, self.site).body
