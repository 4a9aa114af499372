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


def listing(lang: str) -> QuerySet[Translation]:
    """Published translations in LANG, newest first, with what a listing shows of each."""
    return newest_first(
        published(lang).select_related("work").prefetch_related(_authorships(), _issuers())
    ).defer("body_markdown", "body_html")


def work_pages() -> QuerySet[Translation]:
    """Translations with everything their page shows."""
    from havza.publishing.models import Signatory

    return (
        Translation.objects.filter(status=PUBLISHED)
        .select_related("work", "work__event", "work__lead_image")
        .prefetch_related(
            _published_siblings(),
            "work__attachments",
            _authorships(),
            Prefetch(
                "work__signatories",
                queryset=Signatory.objects.select_related("organization", "person"),
            ),
            "work__topics",
        )
        .annotate(**{name: expression() for name, expression in WORK_PAGE_ANNOTATIONS.items()})
        .defer("body_markdown")
    )


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


def works_for_pages() -> QuerySet[Work]:
    """Works with everything the pages of all their published translations show: what
    work_pages() fetches per translation, fetched once per work (an export renders every
    language of a work from one fetch)."""
    from havza.publishing.models import Signatory

    translations = (
        Translation.objects.filter(status=PUBLISHED)
        .annotate(**{name: expression() for name, expression in WORK_PAGE_ANNOTATIONS.items()})
        .defer("body_markdown")
    )
    return (
        Work.objects.filter(translations__status=PUBLISHED)
        .distinct()
        .order_by("id")
        .select_related("event")
        .prefetch_related(
            Prefetch("translations", queryset=translations),
            _authorships(prefix=""),
            Prefetch(
                "signatories", queryset=Signatory.objects.select_related("organization", "person")
            ),
            "topics",
        )
    )


def works_linked(lang: str, links) -> QuerySet[Translation]:
    """The works in LANG (listing order) that LINKS (authorships or signatures) point to."""
    return listing(lang).filter(work_id__in=links.values("work_id"))
