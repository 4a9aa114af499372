import pytest

from havza.archive import signatories


@pytest.mark.parametrize(
    ("line", "acronym", "name", "country"),
    [
        ("EEK (Workers Revolutionary Party)- Greece", "EEK", "Workers Revolutionary Party", "GR"),
        ("MTL (Marxist Workers League) -Finland", "MTL", "Marxist Workers League", "FI"),
        ("ROR (Renaissance Ouvriere Revolutionnaire) – France", "ROR",
         "Renaissance Ouvriere Revolutionnaire", "FR"),
        ("Opción Obrera (Workers’ Option), Venezuela", "", "Opción Obrera", "VE"),
        ("RPK (Russian Party of Communists)- Russian Federation", "RPK",
         "Russian Party of Communists", "RU"),
        ("OKP (United Communist Party)- Russia", "OKP", "United Communist Party", "RU"),
        ("Association “Soviet Union”", "", "Association “Soviet Union”", None),
        ("Workers Revolutionary Party (EEK) — Greece", "EEK", "Workers Revolutionary Party", "GR"),
        ("DIP (Devrimci İşçi Partisi) - Türkiye", "DIP", "Devrimci İşçi Partisi", "TR"),
        ("EEK (Εργατικό Επαναστατικό Κόμμα) - Ελλάδα", "EEK", "Εργατικό Επαναστατικό Κόμμα", "GR"),
        ("ROR (Renaissance Ouvrière Révolutionnaire), Fransa", "ROR",
         "Renaissance Ouvrière Révolutionnaire", "FR"),
    ],
)  # fmt: skip
def test_signatory_lines(line, acronym, name, country):
    signer = signatories.parse_line(line)
    assert signer is not None
    assert (signer.acronym, signer.name, signer.country) == (acronym, name, country)


@pytest.mark.parametrize(
    "line",
    [
        "The Red Flag of internationalism in action is the flag of our new Victory!",
        "We call on all the revolutionary forces to step up the fight against the war.",
        "",
    ],
)
def test_sentences_are_not_signatories(line):
    assert signatories.parse_line(line) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Greece", "GR"), ("Yunanistan", "GR"), ("Ελλάδα", "GR"), ("Rusya", "RU"),
     ("Russian Federation", "RU"), ("فرنسا", "FR"), ("Ֆրանսիա", "FR"), ("Turkey", "TR"),
     ("the Netherlands", "NL"), ("Atlantis", None)],
)  # fmt: skip
def test_country_names_in_site_languages(name, code):
    assert signatories.country_code(name) == code


def test_two_issuing_bodies_on_one_line():
    line = "The International Socialist Center “Christian Rakovsky” The RedMed web network"
    assert signatories.split_bodies(line) == [
        "International Socialist Center “Christian Rakovsky”",
        "RedMed web network",
    ]


def test_block_at_the_end_with_issuers():
    lines = [
        "The Red Flag of internationalism in action is the flag of our new Victory!",
        "The Center One The Network Two",
        "EEK (Workers Revolutionary Party)- Greece",
        "Association “Soviet Union”",
        "DIP (Revolutionary Workers Party)- Turkey",
    ]
    block = signatories.find_block(lines)
    assert block.start == 1
    assert [s.name for s in block.issuers] == ["Center One", "Network Two"]
    assert [s.country for s in block.signatories] == ["GR", None, "TR"]


def test_no_block_in_running_text():
    assert signatories.find_block(["A sentence that ends.", "Another one, in Greece."]) is None
