"""Signatory lists as real statements write them: under a label in the page's language or none,
the country in brackets or after a dash, people among organizations, a closing dateline."""

import json
import shutil
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.archive import importer, signatories
from havza.archive.names import PERSON_TITLES, fold, has_organization_word, is_person, person_parts
from havza.network.models import Organization, Person
from havza.publishing.models import Signatory

RECORDS = Path(__file__).resolve().parent / "data" / "records" / "signatories"
PAGES = sorted(RECORDS.glob("*.txt"))


def expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def test_the_fixtures_cover_five_languages_or_more():
    assert len({expected(p)["language"] for p in PAGES}) >= 5


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_each_list_is_read_from_the_page(page):
    facts = expected(page)
    lines = [line.text for line in importer_lines(page)]
    block = signatories.find_block(lines)
    assert block is not None
    read = [
        {"name": s.name, "country": s.country, "person": s.person, "acronym": s.acronym or None}
        for s in block.signatories
    ]
    assert read == [{"acronym": None, **f} for f in facts["signatories"]]
    assert (block.date.isoformat() if block.date else None) == facts.get("dateline")
    kept = lines[: block.start]
    for text in facts["not_in_body"]:
        assert not any(text in line for line in kept), text


def importer_lines(page: Path):
    from havza.archive.page import from_text

    return from_text(page.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_imported_signatories_are_organizations_and_people(tmp_path):
    for page in PAGES:
        shutil.copy(page, tmp_path / page.name)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    by_name = {Path(d["path"]).name: d for d in report.documents}
    for page in PAGES:
        facts, entry = expected(page), by_name[page.name]
        assert entry["status"] == "imported", entry
        assert entry["language"] == facts["language"]
        reported = [(s["name"], s["country"], bool(s.get("person"))) for s in entry["signatories"]]
        assert reported == [(f["name"], f["country"], f["person"]) for f in facts["signatories"]]
        body = entry_body(entry)
        for text in facts["not_in_body"]:
            assert text not in body, (page.name, text)
    # The pages are translations of one statement: its work keeps its original's list.
    people = set(Person.objects.values_list("name", flat=True))
    listed = {f["name"] for p in PAGES for f in expected(p)["signatories"] if f["person"]}
    assert "Ayşe Demir" in people and people <= listed
    names = {n for org in Organization.objects.all() for n in (org.names or {}).values()}
    assert not people & names  # nobody is both
    assert "Caracas" not in " ".join(people | names)
    signed = Signatory.objects.filter(person__name="Ayşe Demir")
    assert signed.exists() and {s.country for s in signed} == {"TR"}
    assert all(s.organization_id is None for s in signed)


def entry_body(entry: dict) -> str:
    from havza.publishing.models import Translation

    return Translation.objects.get(pk=entry["translation"]).body_markdown


@pytest.mark.parametrize(
    "line",
    ["Caracas, 26 June 2017", "İstanbul, 3 Mart 2024", "Buenos Aires, 3 de marzo de 2024",
     "Αθήνα, 26 Ιουνίου 2017", "Paris, 26 juin 2017", "26 June 2017"],
)  # fmt: skip
def test_a_closing_dateline_is_not_a_signatory(line):
    assert signatories.parse_line(line) is None
    assert signatories.closing_date(line) is not None


@pytest.mark.parametrize(
    "label",
    ["Signed by:", "Signatories", "İmzacılar:", "الموقعون:", "امضاکنندگان:", "Firmatari:",
     "Υπογράφουν:", "Îmzeker:", "Ստորագրել են՝".rstrip("՝"), "Firmantes:", "Signataires :",
     "Assinado por:"],
)  # fmt: skip
def test_labels_in_the_site_languages(label):
    assert signatories.is_label(label)


@pytest.mark.parametrize(
    ("text", "person"),
    [("Ayşe Demir", "Ayşe Demir"), ("Dr. Ayşe Demir", "Ayşe Demir"),
     ("Sungur Savran, general secretary", "Sungur Savran"), ("Ahmad al-Hakim", "Ahmad al-Hakim"),
     ("Opción Obrera", None), ("Workers' Party of Cyprus", None), ("Union of Dockers", None),
     ("Association “Soviet Union”", None), ("Long live the strike", None), ("EEK Greece", None)],
)  # fmt: skip
def test_people_and_organizations(text, person):
    found = person_parts(text)
    assert (found[0] if found else None) == person


def test_a_person_already_known_as_an_organization_stays_one(db):
    from havza.archive.entities import Directory

    org = Organization.objects.create(names={"es": "Opción Obrera"}, country="VE")
    signer = signatories.Signer(name="Opción Obrera", country="VE", person=True)
    assert Directory().signer(signer, "es") == org


# -- properties of the line parser

COUNTRIES = ["Greece", "Malta", "Cyprus", "Turkey", "Venezuela", "France", "Ελλάδα", "Türkiye"]
CODES = {"Greece": "GR", "Malta": "MT", "Cyprus": "CY", "Turkey": "TR", "Venezuela": "VE",
         "France": "FR", "Ελλάδα": "GR", "Türkiye": "TR"}  # fmt: skip
ORG_WORDS = ["Party", "Union", "League", "Front", "Committee", "Federation", "Movement"]
word = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=9).map(str.capitalize)


@st.composite
def organization_names(draw):
    words = draw(st.lists(word, min_size=1, max_size=3))
    return " ".join([*words, draw(st.sampled_from(ORG_WORDS))])


@settings(max_examples=150, deadline=None)
@given(organization_names(), st.sampled_from(COUNTRIES), st.sampled_from([" – ", " - ", ", "]))
def test_a_name_and_its_country_after_a_dash_or_comma(name, country, separator):
    signer = signatories.parse_line(f"{name}{separator}{country}")
    assert signer is not None
    assert (signer.name, signer.country, signer.person) == (name, CODES[country], False)


@settings(max_examples=150, deadline=None)
@given(organization_names(), st.sampled_from(COUNTRIES))
def test_a_name_and_its_country_in_brackets(name, country):
    signer = signatories.parse_line(f"{name} ({country})")
    assert signer is not None and (signer.name, signer.country) == (name, CODES[country])


_TITLES = frozenset(fold(w).rstrip(".") for w in PERSON_TITLES)


def _is_title(word: str) -> bool:
    return fold(word).rstrip(".") in _TITLES


@settings(max_examples=150, deadline=None)
@given(
    # A title ("Professor", "Dr.") is not part of the name: it is read as the person's title.
    st.lists(
        word.filter(lambda w: not has_organization_word(w) and not _is_title(w)),
        min_size=2,
        max_size=3,
    ),
    st.sampled_from(COUNTRIES),
)
def test_a_persons_name_and_country(words, country):
    name = " ".join(words)
    signer = signatories.parse_line(f"{name}, {country}")
    assert signer is not None and signer.person and is_person(signer.name)
    assert (signer.name, signer.country) == (name, CODES[country])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_line_parses_or_is_refused(line):
    signer = signatories.parse_line(line)
    if signer is not None:
        assert signer.name.strip() and len(signer.name) <= 160
        assert signer.country is None or len(signer.country) == 2


@settings(max_examples=150, deadline=None)
@given(word, st.integers(1, 28), st.sampled_from(["June", "marzo", "Mart", "juin"]),
       st.integers(1990, 2030))  # fmt: skip
def test_a_place_and_date_is_never_a_signatory(place, day, month, year):
    line = f"{place}, {day} {month} {year}"
    assert signatories.parse_line(line) is None
    assert signatories.closing_date(line) is not None


def test_a_person_written_in_another_script_is_the_same_person(db):
    from havza.archive.entities import Directory

    known = Person.objects.create(name="Savas Michael Matsas", country="GR")
    greek = signatories.Signer(name="Σάββας Μιχαήλ Ματσάς", country="GR", person=True)
    assert Directory().signer(greek, "el") == known
    known.refresh_from_db()
    assert known.display_names == {"el": "Σάββας Μιχαήλ Ματσάς"}
    other = signatories.Signer(name="Sungur Savran", person=True)
    assert Directory().signer(other, "en") != known
