"""Republishing the sitemap: the files holding the changed works' translation groups.

When no group appears or disappears, the file holding them is patched (its lines for those
groups rendered anew and put in place of the old ones); otherwise the files from the first
changed one on are rendered whole.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from xml.sax.saxutils import escape

from havza.publishing import queries, sitemaps
from havza.publishing.models import Work
from havza.publishing.pages import catalogue

Render = Callable[[], bytes]


def works_file(number: int) -> str:
    """The address of the sitemap's file of works NUMBER."""
    return catalogue.kind("sitemap_works").location(None, number)


def kinds_present(exclude: set[int] = frozenset(), among: set[int] | None = None) -> set[str]:
    """Kinds of the works with a published translation (the sitemap lists their listings):
    all but those in EXCLUDE, or only those AMONG."""
    qs = Work.objects.filter(translations__status=queries.PUBLISHED).exclude(pk__in=exclude)
    if among is not None:
        qs = qs.filter(pk__in=among)
    return set(qs.order_by().values_list("kind", flat=True).distinct())


def _line(data: bytes, loc: str) -> tuple[int, int] | None:
    """Where the line of LOC is in DATA (a sitemap file): (start, end after its newline)."""
    start = data.find(b"\n<url><loc>" + loc.encode("utf-8") + b"</loc>")
    if start < 0:
        return None
    return start + 1, data.index(b"\n", start + 1) + 1


def replace_groups(data: bytes, work_ids: set[int], old_locs: set[str], site) -> bytes | None:
    """DATA (a sitemap file) with the changed works' groups rendered anew in their place
    (DATA itself when they are the same; None when a group's lines are not found together).
    The lines are found by searching the bytes, not by reading the file line by line."""
    works = {w.pk: w for w in queries.works_with_translations().filter(pk__in=work_ids)}
    spans = []
    for work_id in work_ids:
        group = {
            escape(site.absolute(t.get_absolute_url())) for t in works[work_id].translations.all()
        }
        found = sorted(filter(None, (_line(data, loc) for loc in group | old_locs)))
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
) -> None:
    """The sitemap files holding the changed works' groups (HAD: published before, if known).

    When no group appears or disappears, the file holding them is patched: the groups' lines
    are rendered anew and put in place of the old ones (a file holds up to 4,000 works).
    KINDS_BEFORE: the kinds of works published before (None: not known); when they differ
    from today's (KINDS_NOW, when known already), the sitemap's part for listings changes too."""
    per_file = sitemaps.WORKS_PER_FILE
    with_translations = queries.works_with_translations()
    total_now = with_translations.count()
    has = set(with_translations.filter(pk__in=work_ids).values_list("pk", flat=True))
    unknown = any(had[w] is None for w in work_ids)
    total_before = total_now - len(has) + sum(bool(had[w]) for w in work_ids)
    files_now = max(1, -(-total_now // per_file))
    files_before = max(1, -(-total_before // per_file))
    index = catalogue.kind("sitemap").location(None)
    stable = not unknown and files_now == files_before
    stable = stable and all(bool(had[w]) == (w in has) for w in work_ids)
    if kinds_now is None and kinds_before is not None:
        kinds_now = kinds_present()
    listings_changed = kinds_before is None or kinds_before != kinds_now
    stable = stable and not listings_changed
    if files_now == 1:
        whole = lambda: catalogue.kind("sitemap").render(None, None, site).body  # noqa: E731
        plan.add(index, patch(index, whole, work_ids) if stable else whole)
        numbers = range(0)
    else:
        # Where each changed work sits among the works of the sitemap (counted once each).
        places = [with_translations.filter(pk__lt=w).count() for w in work_ids]
        first = min(places) // per_file + 1
        membership_changed = unknown or any(bool(had[w]) != (w in has) for w in work_ids)
        if files_now != files_before or unknown:
            plan.add(index, lambda: catalogue.kind("sitemap").render(None, None, site).body)
            numbers = range(1, files_now + 1)
        elif membership_changed:
            numbers = range(first, files_now + 1)
        else:
            last = max(places) // per_file + 1
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
