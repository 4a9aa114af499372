"""WordPress exports are read as a stream: any size, memory held by one post, progress by post,
and the language and translation group WPML or Polylang state are taken as given."""

import io
import tracemalloc

import pytest

from havza.archive import importer, pipeline
from havza.archive.boilerplate import Boilerplate
from havza.archive.sources import wxr
from havza.publishing.models import Translation, Work
from tests.archive.conftest import write
from tests.archive.test_sources import _item, _wxr

EN = (
    "The workers of the port went on strike for the third day, and {n} of them marched to the "
    "city centre. They demand the release of the comrades arrested on {n} May."
)
WORDS = [
    "the",
    "workers",
    "of",
    "the",
    "port",
    "went",
    "on",
    "strike",
    "and",
    "marched",
    "to",
    "the",
    "city",
    "centre",
    "again",
]


def _polylang(post_id: int, lang: str, group: str) -> str:
    return (
        f'<category domain="language" nicename="{lang}"><![CDATA[{lang}]]></category>'
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
    )


def export_of(posts: int, body_words: int = 60) -> bytes:
    items = []
    for n in range(posts):
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(body_words))
        body = f"<p>{EN.format(n=n + 10)}</p><p>{text} {n}.</p>"
        items.append(_item(n + 1, f"Strike number {n}", body, _polylang(n + 1, "en", f"g{n}")))
    return _wxr("".join(items)).encode()


def read_all(data: bytes) -> int:
    return sum(1 for _ in wxr.Export(io.BytesIO(data)).fields())


def test_memory_of_reading_an_export_does_not_grow_with_its_posts():
    few, many = export_of(20), export_of(2000)
    assert len(many) > 50 * len(few)  # the same posts, a hundred times as many

    def peak(data: bytes) -> int:
        tracemalloc.start()
        try:
            assert read_all(data) in {20, 2000}
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(few)  # warm up: caches of the parser and the regexes
    small, large = peak(few), peak(many)
    # Holding the posts read would take at least their text (the file's size); what reading
    # holds is a few posts' worth, whatever the count (garbage collection makes it vary).
    assert small < len(few) * 5
    assert large < len(many) // 8, (small, large, len(many))


@pytest.mark.django_db
def test_an_export_larger_than_any_page_limit_imports(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVZA_IMPORT_PAGE_MB", "1")
    data = export_of(400, body_words=400)
    assert len(data) > 1_000_000
    write(tmp_path, "export.xml", data)
    write(tmp_path, "page.txt", "Strike\n\n" + "the workers of the port went on strike " * 30_000)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    by_format: dict = {}
    for document in report.documents:
        by_format.setdefault(document["format"], []).append(document)
    assert len(by_format["wxr"]) == 400
    assert {d["status"] for d in by_format["wxr"]} == {"imported"}
    [page] = by_format[None]
    assert page["status"] == "failed" and "HAVZA_IMPORT_PAGE_MB" in page["problems"][0]
    assert Translation.objects.count() == 400


@pytest.mark.django_db
def test_progress_is_told_post_by_post(tmp_path):
    write(tmp_path, "export.xml", export_of(60))
    seen: list[tuple[str, int, int]] = []
    importer.run([str(tmp_path)], importer.Options(jobs=1), progress=lambda *a: seen.append(a))
    reading = [done for stage, done, _ in seen if stage == "read"]
    importing = [(done, total) for stage, done, total in seen if stage == "import"]
    assert reading[-1] == 60 and reading[0] < 60
    assert importing[-1] == (60, 60) and importing[0][0] < 60


@pytest.mark.django_db
def test_a_broken_post_is_reported_and_the_others_imported(tmp_path, monkeypatch):
    convert = wxr.convert

    def breaks_on_one(fields):
        if fields.title == "Strike number 3":
            raise ValueError("a body no parser reads")
        return convert(fields)

    monkeypatch.setattr(wxr, "convert", breaks_on_one)
    path = write(tmp_path, "export.xml", export_of(6))
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    statuses = {d["key"].rsplit("#", 1)[1]: d for d in report.documents}
    assert statuses["post-4"]["status"] == "failed"
    assert "a body no parser reads" in statuses["post-4"]["problems"][0]
    assert statuses["post-4"]["path"] == str(path.resolve())
    others = [d for k, d in statuses.items() if k != "post-4"]
    assert len(others) == 5 and {d["status"] for d in others} == {"imported"}


FR_WITH_EN = (
    "<p>Les travailleurs du port sont en grève pour le troisième jour consécutif, et ils "
    "exigent la libération de leurs camarades arrêtés la semaine dernière à Marseille.</p>"
    "<p>The workers of the port went on strike for the third day in a row, and they demand "
    "the release of their comrades who were arrested last week in the city.</p>"
)


@pytest.mark.django_db
def test_polylang_language_and_group_are_taken_as_given(tmp_path):
    body_es = "<p>Los trabajadores del puerto están en huelga por tercer día consecutivo.</p>"
    export = _wxr(
        _item(1, "Grève au port", FR_WITH_EN, _polylang(1, "fr", "pll_a"))
        + _item(2, "Huelga en el puerto", body_es, _polylang(2, "es", "pll_a"))
        # Declared Portuguese, written in Spanish: the export says which it is.
        + _item(3, "Outra", body_es.replace("tercer", "cuarto"), _polylang(3, "pt", "pll_b"))
    )
    write(tmp_path, "export.xml", export)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    docs = {d["key"].rsplit("#", 1)[1]: d for d in report.documents}
    assert [docs[k]["language"] for k in ("post-1", "post-2", "post-3")] == ["fr", "es", "pt"]
    assert {docs[k]["language_confidence"] for k in docs} == {1.0}
    assert docs["post-1"]["work"] == docs["post-2"]["work"] != docs["post-3"]["work"]
    assert docs["post-1"]["group_confidence"] == 1.0
    # The paragraph in another site language is still found and marked.
    assert docs["post-1"]["paragraph_languages"] == [{"paragraph": 1, "language": "en"}]


@pytest.mark.django_db
def test_wpml_language_code_is_taken_as_given(tmp_path):
    from tests.archive.test_sources import wpml_export

    write(tmp_path, "export.xml", wpml_export())
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    languages = {d["language"]: d["language_confidence"] for d in report.documents}
    assert languages == {"en": 1.0, "fr": 1.0, "tr": 1.0}


@pytest.mark.django_db
def test_a_group_split_across_the_export_is_saved_as_one_work(tmp_path):
    """Posts of one group far apart in the file (more than a lookup chunk between them)."""
    from havza.archive import stream

    filler = "".join(
        _item(100 + n, f"Other {n}", f"<p>{EN.format(n=n)}</p>", _polylang(0, "en", f"x{n}"))
        for n in range(stream.LOOKUP_CHUNK + 5)
    )
    export = _wxr(
        _item(1, "Strike at the port", f"<p>{EN.format(n=4000)}</p>", _polylang(1, "en", "g"))
        + filler
        + _item(2, "Grève au port", FR_WITH_EN, _polylang(2, "fr", "g"))
    )
    write(tmp_path, "export.xml", export)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    docs = {d["key"].rsplit("#", 1)[1]: d for d in report.documents}
    assert docs["post-1"]["work"] == docs["post-2"]["work"] is not None
    assert Work.objects.get(pk=docs["post-1"]["work"]).translations.count() == 2
    again = importer.run([str(tmp_path)], importer.Options(jobs=1))
    assert {d["status"] for d in again.documents} == {"unchanged"}


@pytest.mark.parametrize("seed", range(6))
def test_edge_counts_learn_what_every_page_at_once_learns(seed):
    import random

    rng = random.Random(seed)
    lines = [f"line {n}" for n in range(12)]
    for pages in (1, 2, 5, 19, 20, 61, 200):
        edges = [frozenset(rng.sample(lines, rng.randint(0, 8))) for _ in range(pages)]
        counts = pipeline.EdgeCounts()
        for keys in edges:
            counts.add(keys)
        assert counts.boilerplate() == Boilerplate.from_edges(edges)


@pytest.mark.django_db
def test_worker_processes_import_the_same_as_one_process(tmp_path):
    write(tmp_path, "export.xml", export_of(220))  # enough posts for worker processes

    def imported(jobs: int) -> list[tuple]:
        report = importer.run([str(tmp_path)], importer.Options(jobs=jobs, dry_run=True))
        return sorted(
            (d["key"], d["status"], d["language"], d["title"], d["paragraph_languages"])
            for d in report.documents
        )

    one = imported(1)
    assert len(one) == 220 and {d[1] for d in one} == {"imported"}
    assert imported(2) == one


@pytest.mark.django_db
def test_the_search_index_an_import_writes_is_the_one_a_rebuild_writes(tmp_path, monkeypatch):
    # The posts' terms are analyzed in the analysis workers, the rebuild's from the database.
    from django.db import connection

    from havza.search import documents, index
    from havza.search.backends.sqlite import TABLE

    if connection.vendor != "sqlite":
        pytest.skip("reads the SQLite index")
    write(tmp_path, "export.xml", export_of(220))  # enough posts for worker processes
    analyzed_here = []
    analyzed = documents.analyzed
    monkeypatch.setattr(
        documents, "analyzed", lambda *args: analyzed_here.append(args) or analyzed(*args)
    )
    importer.run([str(tmp_path)], importer.Options(jobs=2))
    assert analyzed_here == []  # every post's terms came from a worker

    def rows() -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, title, summary, body FROM {TABLE} ORDER BY rowid")
            return cursor.fetchall()

    imported = rows()
    assert len(imported) == 220 and all(body.startswith("en.") for *_, body in imported)
    assert index.reindex() == 220
    assert rows() == imported
