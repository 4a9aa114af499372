"""The import report: a summary for people, and a stable JSON format for tools.

The JSON format is documented in docs/archive-import.md; ``FORMAT`` and ``VERSION`` name it.
Fields are only ever added within a version; a change to an existing field's meaning gets a
new version.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    from havza.archive.listing import Listing

FORMAT = "havza-archive-import"
VERSION = 1
# "listing": a page of teasers of other pages, read for their evidence; no work made from it.
STATUSES = ("imported", "updated", "unchanged", "skipped", "listing", "failed")


def entry(path: str, key: str | None = None, status: str = "failed") -> dict[str, Any]:
    """A report entry with every documented field present."""
    return {
        "path": path,
        "key": key or path,
        "format": None,
        "status": status,
        "language": None,
        "language_confidence": None,
        "title": None,
        "date": None,
        "authors": [],
        "issuers": [],
        "signatories": [],
        "work": None,
        "translation": None,
        "group_confidence": None,
        "group_candidates": [],
        "paragraph_languages": [],
        "teasers": [],
        "problems": [],
    }


def report_teasers(listing: Listing) -> list[dict[str, str | None]]:
    """The teasers of a listing page as the report lists them."""
    return [teaser.as_report() for teaser in listing.teasers]


@dataclass
class Report:
    dry_run: bool = False
    started_at: str = field(default_factory=lambda: timezone.now().isoformat())
    documents: list[dict[str, Any]] = field(default_factory=list)
    complete: bool = False
    seconds: float = 0.0

    def add(self, document: dict[str, Any]) -> None:
        self.documents.append(document)

    def summary(self) -> dict[str, Any]:
        counts = Counter(d["status"] for d in self.documents)
        languages = Counter(
            d["language"] for d in self.documents if d["status"] in {"imported", "updated"}
        )
        per_work = Counter(
            d["work"] for d in self.documents if d["work"] is not None and d["status"] != "failed"
        )
        return {
            **{status: counts.get(status, 0) for status in STATUSES},
            "documents": len(self.documents),
            "languages": dict(sorted(languages.items())),
            "works": len(per_work),
            "works_grouped": sum(1 for n in per_work.values() if n > 1),
            "to_confirm": sum(len(d["group_candidates"]) for d in self.documents),
            "aligned": self._aligned(),
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(len(self.documents) / self.seconds, 1)
            if self.seconds
            else None,
        }

    def _aligned(self) -> dict[str, dict[str, Any]]:
        """Paragraph pairs the translation memory took from the import, per language pair
        ("en-tr"): how many, their mean confidence and how many were unsure."""
        pairs: dict[str, list] = {}
        for d in self.documents:
            found = d.get("alignment")
            if not found or not found.get("pairs"):
                continue
            key = f"{found['with']}-{d['language']}"
            total = pairs.setdefault(key, [0, 0.0, 0])
            total[0] += found["pairs"]
            total[1] += found["confidence"] * found["pairs"]
            total[2] += found.get("low", 0)
        return {
            key: {"pairs": n, "confidence": round(weight / n, 3), "low": low}
            for key, (n, weight, low) in sorted(pairs.items())
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "started_at": self.started_at,
            "finished_at": timezone.now().isoformat(),
            "complete": self.complete,
            "dry_run": self.dry_run,
            "summary": self.summary(),
            "documents": self.documents,
        }

    def write(self, path: Path) -> None:
        """Write atomically: a reader never sees half a report, an old one stays until then."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.as_json(), fh, ensure_ascii=False, indent=1, default=str)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def text_summary(self) -> str:
        s = self.summary()
        languages = ", ".join(f"{code} {n}" for code, n in s["languages"].items()) or "none"
        lines = [
            ("Dry run: nothing was saved. " if self.dry_run else "")
            + f"{s['documents']} documents: {s['imported']} imported, {s['updated']} updated, "
            f"{s['unchanged']} unchanged, {s['skipped']} skipped, {s['failed']} failed."
            + (
                f" {s['listing']} listing pages (teasers of other pages): no work made from them."
                if s["listing"]
                else ""
            ),
            f"Languages: {languages}.",
            f"Works: {s['works']}, of which {s['works_grouped']} with several languages; "
            f"{s['to_confirm']} possible translations for an editor to confirm.",
        ]
        if s["aligned"]:
            aligned = ", ".join(
                f"{key} {a['pairs']} (confidence {a['confidence']:.2f})"
                for key, a in s["aligned"].items()
            )
            lines.append(f"Paragraphs aligned into the translation memory: {aligned}.")
        if not self.complete:
            lines.append("The import was interrupted; run it again to resume.")
        return "\n".join(lines)
