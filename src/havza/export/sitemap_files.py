"""Republishing the sitemap: the files holding the changed works' translation groups.

When no group appears or disappears, the file holding them is patched (its lines for those
groups rendered anew and put in place of the old ones); otherwise the files from the first
changed one on are rendered whole.

The number of files and the file holding a work are read from the export when no group
appears or disappears (they cannot have changed): its works files are counted and the first
address of each is read, so an edit costs no count of the site's works.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import escape, unescape

from django.db.models import Exists, OuterRef, Q
from django.urls import Resolver404, get_script_prefix, resolve

from havza.export import files
from havza.publishing import queries, sitemaps
from havza.publishing.models import Translation, Work
from havza.publishing.pages import catalogue

Render = Callable[[], bytes]


def works_file(number: int) -> str:
    """The address of the sitemap's file of works NUMBER."""
    return catalogue.kind("sitemap_works").location(None, number)


def kinds_present(
    exclude: set[int] = frozenset(), among: set[int] | None = None, kinds: set[str] | None = None
) -> set[str]:
    """Kinds of the works with a published translation (the sitemap lists their listings):
    all but those in EXCLUDE, or only those AMONG; only KINDS, when given (each looked for
    until a work of it is found, not by reading every work's kind)."""
    qs = Work.objects.filter(translations__status=queries.PUBLISHED).exclude(pk__in=exclude)
    if among is not None:
        qs = qs.filter(pk__in=among)
    if kinds is not None:
        return {kind for kind in kinds if qs.filter(kind=kind).exists()}
    return set(qs.order_by().values_list("kind", flat=True).distinct())


def _with_translations():
    """Works with a published translation, the sitemap's works (counted without reading
    their rows, as ``queries.works_with_translations().count()`` would)."""
    published = Translation.objects.filter(work_id=OuterRef("pk"), status=queries.PUBLISHED)
    return Work.objects.filter(Exists(published))


def _files_on_disk(out: Path, prefix: str) -> int:
    """How many works files the export at OUT has (0: the whole sitemap is one file)."""
    count = 0
    while files.file_for(out, works_file(count + 1), prefix).is_file():
        count += 1
    return count


_HEAD_BYTES = 16384  # the first <url> line of a works file, with its alternates


def _first_works(out: Path, prefix: str, count: int, site, changed: set[int]) -> list[int] | None:
    """The id of the first work of each of the COUNT works files of the export at OUT (read
    from its first address), or None when one cannot be read or is a CHANGED work's (its
    address may be another now)."""
    addresses = []
    for n in range(1, count + 1):
        with files.file_for(out, works_file(n), prefix).open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
        start = head.find(b"<url><loc>")
        end = head.find(b"</loc>", start)
        if start < 0 or end < 0:
            return None
        loc = unescape(head[start + len(b"<url><loc>") : end].decode("utf-8"))
        if not loc.startswith(site.origin + get_script_prefix()):
            return None
        path = "/" + unquote(loc[len(site.origin + get_script_prefix()) :])
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name != "work":
            return None
        addresses.append((match.kwargs["lang"], match.kwargs["slug"]))
    query = Q()
    for lang, slug in addresses:
        query |= Q(language=lang, slug=slug)
    found = dict(
        ((lang, slug), work)
        for lang, slug, work in Translation.objects.filter(query).values_list(
            "language", "slug", "work_id"
        )
    )
    if any(a not in found or found[a] in changed for a in addresses):
        return None
    return [found[a] for a in addresses]


def _line(data: bytes, loc: str, near: int | None = None) -> tuple[int, int] | None:
    """Where the line of LOC is in DATA (a sitemap file): (start, end after its newline).
    NEAR: a position its group's lines are around, searched first (an address has one line,
    so what is found there is what a search of the whole file finds)."""
    needle = b"\n<url><loc>" + loc.encode("utf-8") + b"</loc>"
    start = -1
    if near is not None:
        start = data.find(needle, max(0, near - _NEAR), near + _NEAR)
    if start < 0:
        start = data.find(needle)
    if start < 0:
        return None
    end = data.find(b"\n", start + 1)
    if end < 0:
        raise ValueError(f"the sitemap's line of {loc} does not end")
    return start + 1, end + 1


_NEAR = 1 << 20  # bytes either side of a group's first line where its other lines are


def replace_groups(data: bytes, work_ids: set[int], old_locs: set[str], site) -> bytes | None:
    """DATA (a sitemap file's bytes, or the file mapped) with the changed works' groups
    rendered anew in their place, as bytes (DATA itself when they are the same; None when a
    group's lines are not found together).
    The lines are found by searching the bytes, not by reading the file line by line."""
    works = {w.pk: w for w in queries.works_with_translations().filter(pk__in=work_ids)}
    spans = []
    for work_id in work_ids:
        group = {
            escape(site.absolute(t.get_absolute_url())) for t in works[work_id].translations.all()
        }
        first = _line(data, min(group)) if group else None
        near = first[0] if first else None
        found = sorted(filter(None, (_line(data, loc, near) for loc in group | old_locs)))
        if not found or any(a[1] != b[0] for a, b in itertools.pairwise(found)):
            return None
        lines = "".join(sitemaps.work_urls(site, [works[work_id]])).encode("utf-8")
        spans.append((found[0][0], found[-1][1], lines))
    spans.sort(reverse=True)
    if any(a[0] < b[1] for a, b in itertools.pairwise(spans)):
        return None  # groups overlap: an old address belongs to another work's lines
    patched = data
    for start, end, lines in spans:
        if data[start:end] != lines:
            patched = patched[:start] + lines + patched[end:]
    return patched


def plan_sitemaps(
    plan,
    work_ids: set[int],
    had: dict[int, bool | None],
    site,
    patch: Callable[[str, Render, set[int]], Render],
    kinds_before: set[str] | None,
    kinds_now: set[str] | None = None,
    export: tuple[Path, str] | None = None,
) -> None:
    """The sitemap files holding the changed works' groups (HAD: published before, if known).

    When no group appears or disappears, the file holding them is patched: the groups' lines
    are rendered anew and put in place of the old ones (a file holds up to 4,000 works).
    KINDS_BEFORE: the kinds of works published before (None: not known); when they differ
    from today's (KINDS_NOW, when known already), the sitemap's part for listings changes too.
    EXPORT: (folder, address prefix) of the export, whose files are read when no group
    appears or disappears (None: the works are counted)."""
    per_file = sitemaps.WORKS_PER_FILE
    with_translations = _with_translations()
    has = set(
        queries.works_with_translations().filter(pk__in=work_ids).values_list("pk", flat=True)
    )
    unknown = any(had[w] is None for w in work_ids)
    membership_changed = unknown or any(bool(had[w]) != (w in has) for w in work_ids)
    first_works = None
    if not membership_changed and export is not None:
        # As many works as before: the export's files are those of the sitemap now.
        on_disk = _files_on_disk(*export)
        files_now = files_before = max(1, on_disk)
        if on_disk > 1:
            first_works = _first_works(*export, on_disk, site, work_ids)
    else:
        total_now = with_translations.count()
        total_before = total_now - len(has) + sum(bool(had[w]) for w in work_ids)
        files_now = max(1, -(-total_now // per_file))
        files_before = max(1, -(-total_before // per_file))
    index = catalogue.kind("sitemap").location(None)
    stable = not membership_changed and files_now == files_before
    if kinds_now is None and kinds_before is not None:
        kinds_now = kinds_present()
    listings_changed = kinds_before is None or kinds_before != kinds_now
    stable = stable and not listings_changed
    if files_now == 1:
        whole = lambda: catalogue.kind("sitemap").render(None, None, site).body  # noqa: E731
        plan.add(index, patch(index, whole, work_ids) if stable else whole)
        numbers = range(0)
    else:
        # The file of each changed work: after the files whose first work has a lower id,
        # or by where it sits among the works of the sitemap (counted once each).
        if first_works is not None:
            in_file = [max(1, bisect.bisect_right(first_works, w)) for w in work_ids]
        else:
            in_file = [with_translations.filter(pk__lt=w).count() // per_file + 1 for w in work_ids]
        first = min(in_file)
        if files_now != files_before or unknown:
            plan.add(index, lambda: catalogue.kind("sitemap").render(None, None, site).body)
            numbers = range(1, files_now + 1)
        elif membership_changed:
            numbers = range(first, files_now + 1)
        else:
            last = max(in_file)
            numbers = range(first, last + 1)
            if first == last and stable:
                path = works_file(first)
                whole = lambda: catalogue.kind("sitemap_works").render(None, first, site).body  # noqa: E731
                plan.add(path, patch(path, whole, work_ids))
        if membership_changed or files_now != files_before or listings_changed:
            pages_file = catalogue.kind("sitemap_pages").location(None)
            plan.add(
                pages_file, lambda: catalogue.kind("sitemap_pages").render(None, None, site).body
            )
    for n in numbers:
        plan.add(
            works_file(n),
            lambda n=n: catalogue.kind("sitemap_works").render(None, n, site).body,
        )
    if files_now == 1 and (files_before > 1 or unknown):
        plan.remove.add(catalogue.kind("sitemap_pages").location(None))
        plan.prune.append((works_file, 1))
    elif files_before > files_now:
        plan.remove |= {works_file(n) for n in range(files_now + 1, files_before + 1)}
    elif unknown:
        plan.prune.append((works_file, files_now + 1))
