"""What the search index knows of a published translation beside its terms.

The terms themselves live where each database searches them: an FTS5 table on SQLite, a
``tsvector`` column of this table on PostgreSQL (``backends``). Kind, year and date are
copied from the work so that filters and the recency tie-break need no join.
"""

from __future__ import annotations

from django.db import models

from havza.publishing.models import Translation, Work


class SearchDocument(models.Model):
    translation = models.OneToOneField(
        Translation, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField(null=True)
    published = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["language", "kind"]),
            models.Index(fields=["work"], name="search_doc_work"),
        ]

    def __str__(self) -> str:
        return f"{self.language}:{self.translation_id}"
