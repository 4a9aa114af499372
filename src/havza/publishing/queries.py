"""The queries the public pages are built from, in one place so live pages and exports share
them and their prefetches (a page costs a fixed number of queries, whatever its size)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from havza.publishing.models import Authorship, Translation, Work

PUBLISHED = Translation.Status.PUBLISHED

# Name -> function returning a query expression: values other apps compute in the same query
# as a work page's translation (the translation workflow adds when the original last changed
# in a way the page does not follow yet), so a page costs no extra query per app.
WORK_PAGE_ANNOTATIONS: dict = {}


def _published_siblings() -> Prefetch:
    return Prefetch(
        "work__translations",
        queryset=Translation.objects.filter(status=PUBLISHED).only(
            "id", "work_id", "language", "slug", "title", "status", "published_at",
            "content_updated_at",
        ),
    )  # fmt: skip


def _authorships(prefix: str = "work__") -> Prefetch:
    return Prefetch(
        f"{prefix}authorships",
        queryset=Authorship.objects.select_related("organization", "person"),
    )


def _issuers(prefix: str = "work__") -> Prefetch:
    """Joint statements' issuers, their byline in listings (work.issuer_rows)."""
    from havza.publishing.models import Signatory

    return Prefetch(
        f"{prefix}signatories",
        queryset=Signatory.objects.filter(
            role=Signatory.Role.ISSUER, work__kind=Work.Kind.JOINT_STATEMENT
        ).select_related("organization", "person"),
        to_attr="issuer_rows",
    )


def published(lang: str) -> QuerySet[Translation]:
    return Translation.objects.filter(language=lang, status=PUBLISHED)


def newest_first(qs: QuerySet[Translation]) -> QuerySet[Translation]:
    return qs.order_by(
        F("work__published_on").desc(nulls_last=True), F("published_at").desc(nulls_last=True),
        "-id",
    )  # fmt: skip


def listing_rows(lang: str) -> QuerySet[Translation]:
    """Published translations in LANG, newest first, with their work (one query)."""
    return newest_first(published(lang).select_related("work")).defer("body_markdown", "body_html")


# What a listing shows of each work besides the work: (relation, queryset, shape, to_attr).
LISTING_RELATIONS = [
    ("authorships", lambda: _authorships().queryset, "credited", None),
    ("signatories", lambda: _issuers().queryset, "issuers", "issuer_rows"),
]


def listing(lang: str) -> QuerySet[Translation]:
    """Published translations in LANG, newest first, with what a listing shows of each."""
    return listing_rows(lang).prefetch_related(
        *(
            Prefetch(f"work__{relation}", queryset=queryset(), to_attr=to_attr)
            for relation, queryset, _shape, to_attr in LISTING_RELATIONS
        )
    )


def prefetch_listed(translations: list[Translation]) -> None:
    """What listing() prefetches, for TRANSLATIONS fetched without it (SQL compiled once)."""
    from havza.publishing import prefetched

    works = [t.work for t in translations]
    for relation, queryset, shape, to_attr in LISTING_RELATIONS:
        prefetched.prefetch(works, relation, queryset, to_attr=to_attr, key=shape)


def _signatories():
    from havza.publishing.models import Signatory

    return Signatory.objects.select_related("organization", "person")


def _published_sibling_rows() -> QuerySet[Translation]:
    return _published_siblings().queryset


# What a work page shows of its work besides the work itself: (relation of the work, its
# queryset or None, name of the queryset's shape). work_pages() prefetches them through the
# translation; fetch_work_page() runs them compiled once (publishing.prepared).
WORK_PAGE_RELATIONS = [
    ("translations", _published_sibling_rows, "published"),
    ("attachments", None, None),
    ("authorships", lambda: _authorships().queryset, "credited"),
    ("signatories", _signatories, "credited"),
    ("topics", None, None),
]


def work_page_rows() -> QuerySet[Translation]:
    """Published translations with their work, its event and lead image (one query)."""
    return (
        Translation.objects.filter(status=PUBLISHED)
        .select_related("work", "work__event", "work__lead_image")
        .annotate(**{name: expression() for name, expression in WORK_PAGE_ANNOTATIONS.items()})
        .defer("body_markdown")
    )


def work_pages() -> QuerySet[Translation]:
    """Translations with everything their page shows."""
    return work_page_rows().prefetch_related(
        *(
            Prefetch(f"work__{relation}", queryset=queryset() if queryset else None)
            for relation, queryset, _shape in WORK_PAGE_RELATIONS
        )
    )


def fetch_work_page(lang: str, slug: str) -> Translation | None:
    """The published translation at LANG/SLUG with everything its page shows: the queries of
    work_pages(), their SQL compiled once (a work page is the most asked page)."""
    from havza.publishing import prefetched, prepared

    def build(lang: str, slug: str) -> QuerySet[Translation]:
        return work_page_rows().filter(language=lang, slug=slug)[:1]

    shape = ("work-page", tuple(WORK_PAGE_ANNOTATIONS))
    found = prepared.rows(shape, Translation, build, lang=lang, slug=slug)
    if found is None:
        return work_pages().filter(language=lang, slug=slug).first()
    if not found:
        return None
    t = found[0]
    for relation, queryset, shape in WORK_PAGE_RELATIONS:
        prefetched.prefetch([t.work], relation, queryset, key=shape)
    return t


def works_with_translations() -> QuerySet[Work]:
    """Works that have at least one published translation, with those translations."""
    return (
        Work.objects.filter(translations__status=PUBLISHED)
        .distinct()
        .order_by("id")
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=Translation.objects.filter(status=PUBLISHED).only(
                    "id", "work_id", "language", "slug", "status", "content_updated_at",
                    "published_at",
                ),
            )
        )
    )  # fmt: skip


def _page_translations() -> QuerySet[Translation]:
    return (
        Translation.objects.filter(status=PUBLISHED)
        .annotate(**{name: expression() for name, expression in WORK_PAGE_ANNOTATIONS.items()})
        .defer("body_markdown")
    )


# What the pages of a work in every language show of it besides the work itself, as
# WORK_PAGE_RELATIONS, for works_for_pages() and fetch_work_for_pages().
WORK_RELATIONS = [
    ("translations", _page_translations, "pages"),
    *(relation for relation in WORK_PAGE_RELATIONS if relation[0] != "translations"),
]


def _work_rows() -> QuerySet[Work]:
    return (
        Work.objects.filter(translations__status=PUBLISHED)
        .distinct()
        .order_by("id")
        .select_related("event", "lead_image")
    )


def works_for_pages() -> QuerySet[Work]:
    """Works with everything the pages of all their published translations show: what
    work_pages() fetches per translation, fetched once per work (an export renders every
    language of a work from one fetch)."""
    return _work_rows().prefetch_related(
        *(
            Prefetch(relation, queryset=queryset() if queryset else None)
            for relation, queryset, _shape in WORK_RELATIONS
        )
    )


def fetch_work_for_pages(pk: int) -> Work | None:
    """Work PK as works_for_pages() fetches it (None: nothing of it is published), its SQL
    compiled once (republishing fetches the work an editor changed)."""
    from havza.publishing import prefetched, prepared

    annotations = tuple(WORK_PAGE_ANNOTATIONS)
    found = prepared.rows(
        ("work-for-pages",), Work, lambda pk: _work_rows().filter(pk=pk)[:1], pk=pk
    )
    if found is None:
        return works_for_pages().filter(pk=pk).first()
    if not found:
        return None
    for relation, queryset, shape in WORK_RELATIONS:
        prefetched.prefetch(found, relation, queryset, key=(shape, annotations) if shape else None)
    return found[0]


def works_linked(lang: str, links) -> QuerySet[Translation]:
    """The works in LANG (listing order) that LINKS (authorships or signatures) point to."""
    return listing(lang).filter(work_id__in=links.values("work_id"))
