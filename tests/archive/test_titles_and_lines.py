"""Pages as real archives hold them: no title line, and lines that are items of their own.

A page without a title line keeps its first paragraph in the body (the title is made from
its first sentence and "no title found" is reported); short lines written one under the
other (a schedule, a subtitle block, a list of names) keep their line breaks.
"""

import pytest

from havza.archive import importer
from havza.archive.page import Page, from_text
from havza.archive.store import title_of
from havza.archive.structure import analyze
from havza.publishing.markdown import render
from havza.publishing.models import Translation
from tests.archive.conftest import write

# Pages that open with their text: the first paragraph is several sentences, not a title.
UNTITLED = {
    "en": (
        "The dockers of the port stopped work at dawn against the sale of the harbour. "
        "The union called every worker of the city to join them at noon.",
        "It is the third strike this year, and the first one that closed every quay.",
    ),
    "tr": (
        "Liman işçileri limanın satışına karşı sabah erkenden işi bıraktı. "
        "Sendika kentteki bütün işçileri öğlen onlara katılmaya çağırdı.",
        "Bu yılın üçüncü grevi ve bütün rıhtımları kapatan ilki oldu.",
    ),
    "fr": (
        "Les dockers du port ont arrêté le travail à l'aube contre la vente du port. "
        "Le syndicat a appelé tous les travailleurs de la ville à les rejoindre à midi.",
        "C'est la troisième grève de l'année, et la première qui ferme tous les quais.",
    ),
    "es": (
        "Los estibadores del puerto pararon al amanecer contra la venta del puerto. "
        "El sindicato llamó a todos los trabajadores de la ciudad a unirse al mediodía.",
        "Es la tercera huelga del año y la primera que cierra todos los muelles.",
    ),
    "el": (
        "Οι λιμενεργάτες σταμάτησαν τη δουλειά τα ξημερώματα ενάντια στην πώληση του λιμανιού. "
        "Το συνδικάτο κάλεσε όλους τους εργάτες της πόλης να ενωθούν μαζί τους το μεσημέρι.",
        "Είναι η τρίτη απεργία της χρονιάς και η πρώτη που έκλεισε όλες τις αποβάθρες.",
    ),
}


def parse(text: str):
    return analyze(Page(lines=from_text(text)))


@pytest.mark.parametrize("lang", sorted(UNTITLED))
def test_a_page_without_a_title_line_keeps_its_first_paragraph(lang):
    first, second = UNTITLED[lang]
    parsed = parse(f"{first}\n\n{second}")
    assert parsed.title == ""
    assert [p.text for p in parsed.paragraphs] == [first, second]
    assert "no title found" in parsed.problems
    assert parsed.language.code == lang
    # The title shown is the first sentence; the text keeps it too.
    title = title_of(parsed)
    assert title.rstrip("…").split() == first.split()[: len(title.rstrip("…").split())]
    assert len(title.split()) <= 12


@pytest.mark.parametrize(
    "first",
    [
        "Strike at the port",
        "Long live the strike of the dockers!",
        "Liman işçileri grevde: ekmek ve özgürlük için",
        "Un texte court qui finit par un point.",
    ],
)
def test_a_heading_like_first_line_is_still_the_title(first):
    parsed = parse(f"{first}\n\n{UNTITLED['en'][0]}")
    assert parsed.title == first
    assert "no title found" not in parsed.problems


@pytest.mark.django_db
def test_an_untitled_page_is_imported_with_all_its_text(tmp_path):
    first, second = UNTITLED["fr"]
    write(tmp_path, "page.txt", f"{first}\n\n{second}")
    [document] = importer.run([str(tmp_path)], importer.Options(jobs=1)).documents
    assert "no title found" in document["problems"]
    translation = Translation.objects.get()
    assert translation.title == "Les dockers du port ont arrêté le travail à l'aube contre la…"
    assert translation.body_markdown.startswith("Les dockers du port ont arrêté")
    assert "C'est la troisième grève" in translation.body_markdown


SCHEDULES = {
    "en": ("Programme of the day", ["10:00 Opening", "11:30 The ports and the war", "14:00 March"]),
    "tr": ("Günün programı", ["10:00 Açılış", "11:30 Limanlar ve savaş", "14:00 Yürüyüş"]),
    "it": ("Programma della giornata", ["10:00 Apertura", "11:30 I porti e la guerra"]),
    "es": ("Programa del día", ["10:00 Apertura", "11:30 Los puertos y la guerra"]),
    "el": ("Πρόγραμμα της ημέρας", ["10:00 Έναρξη", "11:30 Τα λιμάνια και ο πόλεμος"]),
}


@pytest.mark.parametrize("lang", sorted(SCHEDULES))
def test_short_lines_keep_their_line_breaks(lang):
    heading, items = SCHEDULES[lang]
    first, second = UNTITLED[lang if lang in UNTITLED else "en"]
    schedule = "\n".join(items)
    parsed = parse(f"{heading}\n\n{first}\n\n{schedule}\n\n{second}")
    assert [p.text for p in parsed.paragraphs] == [first, schedule, second]
    html = render(parsed.markdown)
    assert "<br>\n".join(items) in html


def test_a_sentence_written_over_two_lines_stays_one_paragraph():
    parsed = parse("A title\n\nThe workers of the port\nwent on strike today.\n\nMore text here.")
    assert parsed.paragraphs[0].text == "The workers of the port went on strike today."


def test_line_breaks_are_kept_in_quotations():
    text = "A title\n\n“We will not go back\nUntil they are free\n\nWe said it and we say it.”"
    parsed = parse(text + "\n\nMore text follows here.")
    assert [p.kind for p in parsed.paragraphs] == ["quote", "quote", "p"]
    html = render(parsed.markdown)
    assert "We will not go back<br>\nUntil they are free" in html


def test_line_breaks_of_a_wordpress_post_are_kept_for_short_items():
    from havza.archive.sources.html import fragment_lines

    lines, _ = fragment_lines(
        "<p>10:00 Apertura<br>11:30 I porti e la guerra<br>14:00 Corteo</p>"
        f"<p>{UNTITLED['es'][1]}</p>"
    )
    parsed = analyze(Page(lines=lines, title="Programma"))
    assert parsed.paragraphs[0].text == ("10:00 Apertura\n11:30 I porti e la guerra\n14:00 Corteo")
