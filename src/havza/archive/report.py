"""The import report: a summary for people, and a stable JSON format for tools.

The JSON format is documented in docs/archive-import.md; ``FORMAT`` and ``VERSION`` name it.
Fields are only ever added within a version; a change to an existing field's meaning gets a
new version.

Memory holds only the entries that may still change. An entry is final once added, except
those of works being saved (``holding``: the grouping's possible translations and the
translation memory's ``alignment`` are added to them until their save ends). Final entries
are written to a temporary file as JSON lines and counted for the summary as they go; the
report is written from that file, so an import's memory does not grow with its report.
"""

from __future__ import annotations

import json
import os
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    from havza.archive.listing import Listing

FORMAT = "havza-archive-import"
VERSION = 1
# "listing": a page of teasers of other pages, read for their evidence; no work made from it.
STATUSES = ("imported", "updated", "unchanged", "skipped", "listing", "failed")
SPOOL_EVERY = 256  # final entries held before they are written out together


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
class _Tally:
    """What the summary counts, entry by entry."""

    documents: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    # The work of each entry that joined one: 8 bytes an entry, not a dict of works.
    works: array = field(default_factory=lambda: array("q"))
    to_confirm: int = 0
    aligned: dict[str, list] = field(default_factory=dict)  # "en-tr": [pairs, weight, low]
    alignment_queued: int = 0  # translations left to the job worker (``--align job``)

    def count(self, d: dict[str, Any]) -> None:
        self.documents += 1
        self.statuses[d["status"]] += 1
        if d["status"] in {"imported", "updated"}:
            self.languages[d["language"]] += 1
        if d["work"] is not None and d["status"] != "failed":
            self.works.append(d["work"])
        self.to_confirm += len(d["group_candidates"])
        found = d.get("alignment")
        if found and found.get("queued"):
            self.alignment_queued += 1
        if found and found.get("pairs"):
            total = self.aligned.setdefault(f"{found['with']}-{d['language']}", [0, 0.0, 0])
            total[0] += found["pairs"]
            total[1] += found["confidence"] * found["pairs"]
            total[2] += found.get("low", 0)


@dataclass
class Report:
    dry_run: bool = False
    started_at: str = field(default_factory=lambda: timezone.now().isoformat())
    complete: bool = False
    seconds: float = 0.0
    _pending: list[dict[str, Any]] = field(default_factory=list, repr=False)
    _listings: list[dict[str, Any]] = field(default_factory=list, repr=False)
    _tally: _Tally = field(default_factory=_Tally, repr=False)
    _spool: IO[str] | None = field(default=None, repr=False)
    _held: int = field(default=0, repr=False)

    def add(self, document: dict[str, Any]) -> None:
        self._pending.append(document)
        if document.get("teasers"):
            self._listings.append({"path": document.get("path"), "teasers": document["teasers"]})
        if not self._held and len(self._pending) >= SPOOL_EVERY:
            self.settle()

    @contextmanager
    def holding(self) -> Iterator[None]:
        """The entries added meanwhile may still change: they are kept until it ends."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if not self._held:
            self.settle()

    def settle(self) -> None:
        """Write out the entries added so far: none of them changes any more."""
        if not self._pending:
            return
        if self._spool is None:
            # Open for the report's lifetime; the file has no name and goes with the process.
            self._spool = tempfile.TemporaryFile(  # noqa: SIM115
                "w+", encoding="utf-8", newline="\n", prefix="havza-report-"
            )
        pending, self._pending = self._pending, []
        lines = []
        for document in pending:
            if self.dry_run and document["status"] == "imported":
                # A new work of a dry run was rolled back: it has no id to report.
                document = {**document, "work": None, "translation": None}
            self._tally.count(document)
            lines.append(json.dumps(document, ensure_ascii=False, default=str))
        self._spool.seek(0, os.SEEK_END)
        self._spool.write("\n".join(lines) + "\n")
        # Emptied before a process is forked, so that a child never writes it out again.
        self._spool.flush()

    def listings(self) -> list[dict[str, Any]]:
        """The listing pages reported so far (their ``path`` and ``teasers``)."""
        return self._listings

    def entries(self) -> Iterator[dict[str, Any]]:
        """Every entry, in the order added (for a finished import)."""
        self.settle()
        if self._spool is None:
            return
        self._spool.seek(0)
        for line in self._spool:
            yield json.loads(line)

    @property
    def documents(self) -> list[dict[str, Any]]:
        """Every entry at once: for tests and small imports; ``entries`` reads them one by one."""
        return list(self.entries())

    def failed(self) -> Iterator[dict[str, Any]]:
        return (d for d in self.entries() if d["status"] == "failed")

    def summary(self) -> dict[str, Any]:
        self.settle()
        tally = self._tally
        per_work = [len(list(same)) for _, same in groupby(sorted(tally.works))]
        return {
            **{status: tally.statuses.get(status, 0) for status in STATUSES},
            "documents": tally.documents,
            "languages": dict(sorted(tally.languages.items())),
            "works": len(per_work),
            "works_grouped": sum(1 for n in per_work if n > 1),
            "to_confirm": tally.to_confirm,
            "aligned": {
                key: {"pairs": n, "confidence": round(weight / n, 3), "low": low}
                for key, (n, weight, low) in sorted(tally.aligned.items())
            },
            "alignment_queued": tally.alignment_queued,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(tally.documents / self.seconds, 1) if self.seconds else None,
        }

    def _head(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "started_at": self.started_at,
            "finished_at": timezone.now().isoformat(),
            "complete": self.complete,
            "dry_run": self.dry_run,
            "summary": self.summary(),
        }

    def as_json(self) -> dict[str, Any]:
        return {**self._head(), "documents": self.documents}

    def write(self, path: Path) -> None:
        """Write atomically: a reader never sees half a report, an old one stays until then.

        The entries are written one by one, exactly as ``json.dump(self.as_json(), indent=1)``
        writes them, without holding them all."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".json", dir=path.parent)
        encoder = json.JSONEncoder(ensure_ascii=False, indent=1, default=str)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                head = encoder.encode(self._head())
                fh.write(head[: -len("\n}")] + ',\n "documents": [')
                separator = "\n  "
                for document in self.entries():
                    # JSON strings hold no line breaks: every one is the entry's own indent.
                    fh.write(separator + encoder.encode(document).replace("\n", "\n  "))
                    separator = ",\n  "
                fh.write("]\n}" if separator == "\n  " else "\n ]\n}")
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
        if s["alignment_queued"]:
            lines.append(
                f"{s['alignment_queued']} translations are left to the job worker (havza worker) "
                "to align into the translation memory."
            )
        if not self.complete:
            lines.append("The import was interrupted; run it again to resume.")
        return "\n".join(lines)
