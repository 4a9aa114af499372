"""The public list of a statement's signatures: who signed (organizations named as the
registry names them in the page's language, CLDR country names), and how many from how many
countries and continents. Read in pages from the database, never all at once."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from havza import countries
from havza.publishing.jinja import localized_number
from havza.signatures.models import Signature, SignOn

PAGE = 200  # signatures per list page
PREVIEW = 50  # of each type on the statement's own page


@dataclass
class Summary:
    organizations: int
    individuals: int
    countries: int
    continents: int
    org_countries: int
    org_continents: int

    @property
    def total(self) -> int:
        return self.organizations + self.individuals


def approved(sign_on: SignOn, signer_type: str | None = None) -> QuerySet[Signature]:
    qs = sign_on.signatures.filter(status=Signature.Status.APPROVED)
    if signer_type:
        qs = qs.filter(type=signer_type)
    return qs.order_by("created_at", "id")


def summary(sign_on: SignOn) -> Summary:
    """Counts by type, country and continent (one grouped query)."""
    counts = {"organization": 0, "individual": 0}
    all_countries: set[str] = set()
    org_countries: set[str] = set()
    rows = approved(sign_on).order_by().values("type", "country").annotate(n=Count("id"))
    for row in rows:
        counts[row["type"]] = counts.get(row["type"], 0) + row["n"]
        if row["country"]:
            all_countries.add(row["country"])
            if row["type"] == Signature.Type.ORGANIZATION:
                org_countries.add(row["country"])

    def continents(codes: set[str]) -> int:
        return len({countries.continent(c) for c in codes} - {None})

    return Summary(
        counts["organization"],
        counts["individual"],
        len(all_countries),
        continents(all_countries),
        len(org_countries),
        continents(org_countries),
    )


def summary_line(s: Summary, lang: str) -> str:
    """ "312 organizations from 41 countries on 5 continents" in the active language."""

    def n(value: int) -> str:
        return localized_number(value, lang)

    parts = []
    if s.organizations:
        parts.append(
            _("%(organizations)s from %(countries)s on %(continents)s")
            % {
                "organizations": ngettext(
                    "%(count)s organization", "%(count)s organizations", s.organizations
                )
                % {"count": n(s.organizations)},
                "countries": ngettext("%(count)s country", "%(count)s countries", s.org_countries)
                % {"count": n(s.org_countries)},
                "continents": ngettext(
                    "%(count)s continent", "%(count)s continents", s.org_continents
                )
                % {"count": n(s.org_continents)},
            }
        )
    if s.individuals:
        parts.append(
            ngettext("%(count)s individual", "%(count)s individuals", s.individuals)
            % {"count": n(s.individuals)}
        )
    return _("; ").join(parts)


def rows(sign_on: SignOn, signatures, lang: str) -> list[dict]:
    """What the list shows of each signature, as the statement's public fields allow."""
    result = []
    for s in signatures:
        name = s.organization.display(lang) if s.organization_id and s.organization else s.name
        if s.type == Signature.Type.INDIVIDUAL:
            name = s.name
        detail = []
        if sign_on.show_role:
            detail += [d for d in (s.role, s.organization_name) if d]
        result.append(
            {
                "name": name,
                "detail": ", ".join(detail)
                if s.type == Signature.Type.INDIVIDUAL
                else s.role
                if sign_on.show_role
                else "",
                "country": countries.name(s.country, lang)
                if s.country and sign_on.show_country
                else "",
                "website": s.website if sign_on.show_website and safe_link(s.website) else "",
                "version": s.text_version,
            }
        )
    return result


def safe_link(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url.split("/", 3)[2]) > 0


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE))
