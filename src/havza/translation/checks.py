"""Checks of a translated segment against its source: warnings a reviewer may override.

Each check returns a code (stable, stored with an override) and a message for the translator.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from havza.translation.glossary import Glossary
from havza.translation.segmentation import placeholders, plain

# Embeddings, overrides and isolates; the marks LRM/RLM/ALM are legitimate in RTL text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
PAIRS = [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("“", "”"), ("‹", "›"), ("「", "」")]
MIN_RATIO, MAX_RATIO = 0.35, 3.0  # target length / source length, beyond which a human looks


@dataclass
class Issue:
    code: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def numbers(text: str) -> Counter:
    """The numbers of TEXT in any digit script, as ASCII runs: "٤٥" and "۴۵" are "45"."""
    ascii_text = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    return Counter(re.findall(r"[0-9]+", ascii_text))


def _balanced(text: str, open_: str, close: str) -> bool:
    depth = 0
    for ch in text:
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _straight_quotes_even(text: str) -> bool:
    return text.count('"') % 2 == 0


def check(
    source: str,
    target: str,
    *,
    glossary: Glossary | None = None,
) -> list[Issue]:
    """The warnings for TARGET as a translation of SOURCE (both with placeholders)."""
    issues: list[Issue] = []
    if not target.strip():
        return [Issue("empty", _("The translation is empty."))]
    source_plain, target_plain = plain(source), plain(target)
    if source_plain == target_plain and re.search(r"[^\W\d_]{3,}", source_plain):
        issues.append(Issue("identical", _("The translation is the same as the source.")))
    if placeholders(source) != placeholders(target):
        if sorted(placeholders(source)) != sorted(placeholders(target)):
            issues.append(
                Issue(
                    "placeholders",
                    _("Markup placeholders differ from the source: %(expected)s")
                    % {"expected": " ".join(placeholders(source))},
                )
            )
        elif not _nested(placeholders(target)):
            issues.append(Issue("placeholders", _("Markup placeholders are not nested properly.")))
    if numbers(source_plain) != numbers(target_plain):
        missing = numbers(source_plain) - numbers(target_plain)
        extra = numbers(target_plain) - numbers(source_plain)
        issues.append(
            Issue(
                "numbers",
                _("Numbers differ from the source (missing: %(missing)s; extra: %(extra)s).")
                % {
                    "missing": ", ".join(sorted(missing.elements())) or "—",
                    "extra": ", ".join(sorted(extra.elements())) or "—",
                },
            )
        )
    for open_, close in PAIRS:
        if _balanced(source_plain, open_, close) and not _balanced(target_plain, open_, close):
            issues.append(
                Issue("brackets", _("Unbalanced %(pair)s.") % {"pair": f"{open_} {close}"})
            )
            break
    if _straight_quotes_even(source_plain) and not _straight_quotes_even(target_plain):
        issues.append(Issue("quotes", _("Unbalanced quotation marks.")))
    if BIDI_CONTROLS.search(target):
        issues.append(
            Issue("bidi", _("The translation contains invisible direction control characters."))
        )
    if len(source_plain) >= 20:
        ratio = len(target_plain) / len(source_plain)
        if not MIN_RATIO <= ratio <= MAX_RATIO:
            issues.append(
                Issue(
                    "length",
                    _("The translation is %(ratio)s times as long as the source.")
                    % {"ratio": f"{ratio:.1f}"},
                )
            )
    if glossary is not None:
        for hit in glossary.missing(source, target):
            issues.append(
                Issue(
                    "glossary",
                    _("Glossary: “%(source)s” is “%(target)s”.")
                    % {"source": hit.source_term, "target": " / ".join(hit.target_terms)},
                )
            )
    return issues


def _nested(found: list[str]) -> bool:
    stack: list[str] = []
    for p in found:
        if p.endswith("/}"):
            continue
        if p.startswith("{/"):
            if not stack or stack.pop() != p[2:-1]:
                return False
        else:
            stack.append(p[1:-1])
    return not stack
