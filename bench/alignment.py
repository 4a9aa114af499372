"""Benchmark: how right and how fast the paragraph aligner is (translation memory from the archive).

    .venv/bin/python -m bench.alignment [--texts 300] [--archive 30] [--seed 7]

Three measures, printed as one JSON object:

- ``fixtures``: the hand-written texts of tests/translation/data/alignment/ (real-looking
  statements in several site languages with merged, split, left-out and added paragraphs),
  against the pairs written with them;
- ``generated``: TEXTS generated pairs of texts with known correspondences: a text in one
  site language and its "translation" in another, written from the same plan (sentences
  per paragraph, numbers in them) with the words of each language, where the translator
  merged two paragraphs, split one, left one out or added a note, each now and then;
- ``archive`` (unless ``--archive 0``): the archive of bench.import_archive (ARCHIVE pieces
  × 11 languages), imported into a fresh SQLite database (alignment included, as the import
  does it), then aligned again by ``archive_memory.align_works`` for its time; there every
  language has the same paragraphs, so paragraph n translates paragraph n.

Precision and recall are over links (source paragraph, target paragraph); ``pairs_per_second``
counts the beads the aligner makes per second of aligning (features included, no database);
the archive's figure includes segmenting and writing the memory. ``*_cpu_*`` are the same
over CPU time (this process and the processes it waited for), which other work on a busy
machine changes much less than the time on the clock.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests/translation/data/alignment"
NOTES = {
    "tr": "Çevirmenin notu: bu metin kısaltılmıştır.",
    "en": "Translator's note: this text was shortened.",
    "es": "Nota del traductor: este texto fue abreviado.",
    "fr": "Note du traducteur : ce texte a été abrégé.",
    "it": "Nota del traduttore: questo testo è stato abbreviato.",
    "pt": "Nota do tradutor: este texto foi abreviado.",
    "el": "Σημείωση του μεταφραστή: το κείμενο συντομεύτηκε.",
    "ar": "ملاحظة المترجم: تم اختصار هذا النص.",
    "fa": "یادداشت مترجم: این متن کوتاه شده است.",
    "ku": "Nota wergêr: ev nivîs hatiye kurtkirin.",
    "hy": "Թարգմանչի նշում. այս տեքստը կրճատվել է։",
}


def _score(predicted: set, truth: set) -> dict:
    hits = len(predicted & truth)
    return {"predicted": len(predicted), "true": len(truth), "correct": hits}


def _total(scores: list[dict]) -> dict:
    predicted = sum(s["predicted"] for s in scores)
    true = sum(s["true"] for s in scores)
    correct = sum(s["correct"] for s in scores)
    return {
        "links": true,
        "precision": round(correct / predicted, 4) if predicted else None,
        "recall": round(correct / true, 4) if true else None,
    }


def _truth(pairs: list) -> set[tuple[int, int]]:
    return {(i, j) for sources, targets in pairs for i in sources for j in targets}


def _cpu() -> float:
    """CPU seconds of this process and of its children that ended (the aligner's fork)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def fixtures() -> dict:
    from havza.translation import alignment

    scores, per_language = [], {}
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        source = data["source"]["paragraphs"]
        for language, translation in data["translations"].items():
            beads = alignment.align(source, translation["paragraphs"])
            score = _score(alignment.links(beads), _truth(translation["pairs"]))
            scores.append(score)
            key = f"{data['source']['language']}-{language}"
            per_language.setdefault(key, []).append(score)
    pairs = {k: _total(v) for k, v in sorted(per_language.items())}
    return {**_total(scores), "texts": len(scores), "by_language_pair": pairs}


def _sentence(rng: random.Random, words: list[str], number: str | None, size: int) -> str:
    chosen = [rng.choice(words) for _ in range(max(3, size))]
    if number:
        chosen.insert(rng.randint(1, len(chosen) - 1), number)
    return " ".join(chosen).capitalize() + "."


def generated_pair(rng: random.Random, codes: list[str]):
    """A text, its translation and the true links: (source, target, truth)."""
    from bench.import_archive import VOCABULARY

    a, b = rng.sample(codes, 2)
    plan = []  # per paragraph: per sentence, its number (or None) and its words
    for _ in range(rng.randint(4, 14)):
        plan.append(
            [
                (str(rng.randint(2, 9999)) if rng.random() < 0.35 else None, rng.randint(6, 30))
                for _ in range(rng.randint(1, 4))
            ]
        )
    source = [
        " ".join(_sentence(rng, VOCABULARY[a].split(), n, size) for n, size in sentences)
        for sentences in plan
    ]
    # A translated sentence has about as many words as its original (± a fifth).
    translated = [
        [
            _sentence(rng, VOCABULARY[b].split(), n, round(size * rng.uniform(0.8, 1.2)))
            for n, size in sentences
        ]
        for sentences in plan
    ]
    target: list[str] = []
    truth: set[tuple[int, int]] = set()
    i = 0
    while i < len(plan):
        event = rng.random()
        if event < 0.06 and i + 1 < len(plan):  # two paragraphs merged into one
            truth |= {(i, len(target)), (i + 1, len(target))}
            target.append(" ".join(translated[i] + translated[i + 1]))
            i += 2
            continue
        if event < 0.12 and len(translated[i]) > 1:  # one paragraph split in two
            cut = rng.randint(1, len(translated[i]) - 1)
            truth |= {(i, len(target)), (i, len(target) + 1)}
            target += [" ".join(translated[i][:cut]), " ".join(translated[i][cut:])]
        elif event < 0.15:  # left out
            pass
        else:
            truth.add((i, len(target)))
            target.append(" ".join(translated[i]))
        if rng.random() < 0.03:  # a translator's note
            target.append(NOTES[b])
        i += 1
    return source, target, truth


def generated(texts: int, seed: int) -> dict:
    from bench.import_archive import VOCABULARY
    from havza.translation import alignment

    rng = random.Random(seed)
    codes = sorted(VOCABULARY)
    cases = [generated_pair(rng, codes) for _ in range(texts)]
    scores, beads = [], 0
    alignment.ascii_digits("٠")  # the table of digits is made once per process, not timed
    started, cpu = time.perf_counter(), _cpu()
    for source, target, truth in cases:
        found = alignment.align(source, target)
        beads += len(found)
        scores.append(_score(alignment.links(found), truth))
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    return {**_total(scores), "texts": texts, "beads": beads, "seconds": round(seconds, 3),
            "pairs_per_second": round(beads / seconds) if seconds else None,
            "cpu_seconds": round(cpu, 3),
            "pairs_per_cpu_second": round(beads / cpu) if cpu else None}  # fmt: skip


def archive(pieces: int) -> dict:
    from bench import import_archive as bench_import

    folder = Path(tempfile.mkdtemp(prefix="havza-bench-align-"))
    bench_import._setup(folder / "data" / "havza.sqlite3")
    bench_import._fresh_database()
    from havza.archive import importer
    from havza.publishing.models import Translation, Work
    from havza.translation import alignment
    from havza.translation.archive_memory import Segments, align_works

    pages = bench_import.generate_archive(folder / "archive", pieces)
    started = time.perf_counter()
    report = importer.run([str(folder / "archive")], importer.Options(jobs=1))
    import_seconds = time.perf_counter() - started
    ids = list(Work.objects.values_list("pk", flat=True))
    started, cpu = time.perf_counter(), _cpu()
    summary = align_works(ids)
    align_seconds, align_cpu = time.perf_counter() - started, _cpu() - cpu
    scores, uneven = [], 0
    for work in Work.objects.all():
        texts = {t.language: Segments.of(t) for t in Translation.objects.filter(work=work)}
        source = texts.pop(work.original_language)
        for target in texts.values():
            if len(target.body) != len(source.body):
                uneven += 1  # the import read them differently: no known truth
                continue
            beads = alignment.align(
                [b.text for b in source.body], [b.text for b in target.body],
                [b.kind for b in source.body], [b.kind for b in target.body],
            )  # fmt: skip
            truth = {(n, n) for n in range(len(source.body))}
            scores.append(_score(alignment.links(beads), truth))
    return {
        **_total(scores),
        "pages": pages,
        "works": summary.works,
        "translations_uneven": uneven,
        "memory_pairs": summary.pairs,
        "import_pages_per_second": round(pages / import_seconds, 1),
        "documents_with_alignment": sum(1 for d in report.documents if d.get("alignment")),
        "align_seconds": round(align_seconds, 3),
        "align_works_per_second": round(summary.works / align_seconds, 1),
        "align_pairs_per_second": round(summary.pairs / align_seconds),
        "align_cpu_seconds": round(align_cpu, 3),
        "align_pairs_per_cpu_second": round(summary.pairs / align_cpu) if align_cpu else None,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--archive", type=int, default=30, help="pieces; 0 leaves it out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    result = {"fixtures": fixtures(), "generated": generated(args.texts, args.seed)}
    if args.archive:
        result["archive"] = archive(args.archive)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
