"""The queries the public pages are built from, in one place so live pages and exports share
them and their prefetches (a page costs a fixed number of queries, whatever its size)."""

from __future__ import annotations

from django.db import connections, router
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


def _with_work(qs: QuerySet[Translation]) -> QuerySet[Translation]:
    return qs.select_related("work").defer("body_markdown", "body_html")


def listing_rows(lang: str) -> QuerySet[Translation]:
    """Published translations in LANG, newest first, with their work (one query)."""
    return newest_first(_with_work(published(lang)))


# What a listing shows of each work besides the work: (relation, queryset, shape, to_attr).
LISTING_RELATIONS = [
    ("authorships", lambda: _authorships().queryset, "credited", None),
    ("signatories", lambda: _issuers().queryset, "issuers", "issuer_rows"),
]


def listing(lang: str) -> QuerySet[Translation]:
    """Published translations in LANG, newest first, with what a listing shows of each."""
    return _with_listed(listing_rows(lang))


def _with_listed(qs: QuerySet[Translation]) -> QuerySet[Translation]:
    return qs.prefetch_related(
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


# Reading a list from its works ---------------------------------------------------------------
#
# A list of one language (a topic's, a kind's, an author's works) is a few hundred or thousand
# of the language's translations. Read as listing() reads it, SQLite (which keeps no statistics
# here) walks every published translation of the language, joins its work and sorts them all:
# 30-40 ms at 10,000 works, for one page of 20. Read from the list's works, each translation is
# found by its unique (work, language) row and only those are sorted. CROSS JOIN keeps that
# order of the tables on SQLite (its planner does not reorder a CROSS JOIN); PostgreSQL plans
# it as any join, from its statistics.


def _from_works(lang: str, works: QuerySet[Work], select: str) -> tuple[str, list, str]:
    """(SQL, params, database) of SELECT over the published translations in LANG of WORKS
    (SELECT and what follows may name the columns of w, the work, and t, the translation)."""
    using = router.db_for_read(Translation)
    quote = connections[using].ops.quote_name
    inner, params = works.order_by().values("pk").query.get_compiler(using=using).as_sql()
    sql = (
        f"SELECT {select} FROM {quote(Work._meta.db_table)} w"
        f" CROSS JOIN {quote(Translation._meta.db_table)} t"
        f" WHERE w.{quote('id')} IN ({inner}) AND t.{quote('work_id')} = w.{quote('id')}"
        f" AND t.{quote('language')} = %s AND t.{quote('status')} = %s"
    )
    return sql, [*params, lang, PUBLISHED], using


def count_from_works(lang: str, works: QuerySet[Work]) -> int:
    """How many of WORKS are published in LANG (a list's total, read from its works)."""
    sql, params, using = _from_works(lang, works, "COUNT(*)")
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def listed_from_works(lang: str, works: QuerySet[Work], start: int, stop: int) -> list[Translation]:
    """Translations START to STOP of WORKS' list in LANG (newest_first's order), with what a
    listing shows of each: listing()[start:stop] for the list of WORKS, read from the works."""
    quote = connections[router.db_for_read(Translation)].ops.quote_name
    work_day, day, pk = (quote(name) for name in ("published_on", "published_at", "id"))
    sql, params, using = _from_works(lang, works, f"t.{pk}")
    sql += (  # newest_first's order
        f" ORDER BY w.{work_day} DESC NULLS LAST, t.{day} DESC NULLS LAST, t.{pk} DESC"
        " LIMIT %s OFFSET %s"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, max(0, stop - start), start])
        ids = [row[0] for row in cursor.fetchall()]
    return by_ids(ids)


def by_ids(ids: list[int]) -> list[Translation]:
    """The translations IDS, in that order, with what a listing shows of each (as listing()
    fetches them; the SQL compiled once per number of ids). By id alone: with the language
    too, SQLite walks the language's translations again."""
    from havza.publishing import prepared

    if not ids:
        return []
    values = {f"id{n}": pk for n, pk in enumerate(ids)}

    def build(**values) -> QuerySet[Translation]:
        return _with_work(Translation.objects.filter(pk__in=list(values.values())))

    found = prepared.rows(("listed-by-ids", len(ids)), Translation, build, **values)
    if found is None:
        found = list(_with_work(Translation.objects.filter(pk__in=ids)))
    prefetch_listed(found)
    by_pk = {t.pk: t for t in found}
    return [by_pk[pk] for pk in ids]
