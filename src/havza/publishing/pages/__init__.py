"""The one page renderer: every public page, for the live site and the static export alike.

``catalogue`` and ``kinds`` declare each kind of page once (address, items, rendering, the
lists of works it shows); ``frame`` is what every page shares; ``work``, ``lists`` and
``entities`` render the pages from what was fetched. Live views fetch one page's objects;
the export streams objects in chunks and calls the same functions, so both write
byte-identical pages. Import from here: the modules inside may move.
"""

from havza.publishing.pages import kinds, site_kinds
from havza.publishing.pages.basics import render_not_found, render_robots, render_root
from havza.publishing.pages.catalogue import CATALOGUE, PagedList, PageKind, WindowedList
from havza.publishing.pages.entities import (
    WORKS_PER_ENTITY,
    Listed,
    organizations_listed,
    people_listed,
    reach_sentence,
    render_event,
    render_events,
    render_organization,
    render_organizations,
    render_person,
)
from havza.publishing.pages.frame import Alternate, NotFound, Page, Site, chrome
from havza.publishing.pages.labels import (
    KIND_LABELS,
    KIND_PLURALS,
    KIND_SEGMENTS,
    SEGMENT_KINDS,
    kind_plural,
    kind_singular,
)
from havza.publishing.pages.lists import (
    Pagination,
    find_topic,
    page_count,
    remembering_items,
    render_home,
    render_items,
    render_listing,
    render_topic,
    render_topics,
    topic_alternates,
)
from havza.publishing.pages.work import (
    WORK_NOTICES,
    byline,
    fetch_work,
    render_work,
    signatory_rows,
    work_date,
)

__all__ = [
    "CATALOGUE", "KIND_LABELS", "KIND_PLURALS", "KIND_SEGMENTS", "SEGMENT_KINDS",
    "WORKS_PER_ENTITY", "WORK_NOTICES", "Alternate", "Listed", "NotFound", "Page", "PageKind",
    "PagedList", "Pagination", "Site", "WindowedList", "byline", "chrome", "fetch_work",
    "find_topic", "kind_plural", "kind_singular", "kinds", "organizations_listed",
    "page_count", "people_listed", "reach_sentence", "remembering_items", "render_event",
    "render_events", "render_home", "render_items", "render_listing", "render_not_found",
    "render_organization", "render_organizations", "render_person", "render_robots",
    "render_root", "render_topic", "render_topics", "render_work", "signatory_rows",
    "site_kinds", "topic_alternates", "work_date",
]  # fmt: skip
