"""Kinds of works: their address segment, their heading over a listing, their label."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

from havza.publishing.models import Work

KIND_SEGMENTS = {
    Work.Kind.ARTICLE: "articles",
    Work.Kind.STATEMENT: "statements",
    Work.Kind.JOINT_STATEMENT: "joint-statements",
    Work.Kind.DECLARATION: "declarations",
    Work.Kind.COMMUNIQUE: "communiques",
    Work.Kind.INTERVIEW: "interviews",
    Work.Kind.REPORT: "reports",
}
SEGMENT_KINDS = {segment: kind for kind, segment in KIND_SEGMENTS.items()}


# A kind's heading over a listing, and its label on a work, translated when shown.
KIND_PLURALS = {
    Work.Kind.ARTICLE: pgettext_lazy("work kind", "Articles"),
    Work.Kind.STATEMENT: pgettext_lazy("work kind", "Statements"),
    Work.Kind.JOINT_STATEMENT: pgettext_lazy("work kind", "Joint statements"),
    Work.Kind.DECLARATION: pgettext_lazy("work kind", "Declarations"),
    Work.Kind.COMMUNIQUE: pgettext_lazy("work kind", "Communiqués"),
    Work.Kind.INTERVIEW: pgettext_lazy("work kind", "Interviews"),
    Work.Kind.REPORT: pgettext_lazy("work kind", "Reports"),
}
KIND_LABELS = {
    Work.Kind.ARTICLE: pgettext_lazy("work kind", "Article"),
    Work.Kind.STATEMENT: pgettext_lazy("work kind", "Statement"),
    Work.Kind.JOINT_STATEMENT: pgettext_lazy("work kind", "Joint statement"),
    Work.Kind.DECLARATION: pgettext_lazy("work kind", "Declaration"),
    Work.Kind.COMMUNIQUE: pgettext_lazy("work kind", "Communiqué"),
    Work.Kind.INTERVIEW: pgettext_lazy("work kind", "Interview"),
    Work.Kind.REPORT: pgettext_lazy("work kind", "Report"),
}


def kind_plural(kind: str) -> str:
    """The heading of a listing of KIND, in the active language."""
    return str(KIND_PLURALS[kind])


def kind_singular(kind: str) -> str:
    """The label of one work of KIND, in the active language."""
    return str(KIND_LABELS[kind])
