"""Benchmark: import a generated archive of plain-text pages in the 11 site languages.

    .venv/bin/python -m bench.import_archive [--pages 5500] [--runs 3] [--jobs 0]

Each piece of the archive is written in every site language, as a scraped multilingual site
shows it: the tagline block on top, title, byline, date in the language's own way, body with
numbers and a quotation, signatories. Every run imports the whole archive into a fresh
SQLite database, with language identification, grouping and saving; the peer run times the
reading and parsing alone (no database), so the ratio shows what saving costs. The figures
are the median of the runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Words of each language to write bodies with: enough for language identification to work
# on them as it does on real text.
VOCABULARY = {
    "tr": "işçiler emperyalist savaşa karşı birleşik mücadele grev kararı aldı faşizme zafer "
    "günü halkların kardeşliği için yürüyoruz sendika barış ekmek özgürlük devrimci parti "
    "bir ve bu da ile olan gibi daha çok her kadar sonra",
    "en": "workers of the world unite against war statement on general strike struggle "
    "continues in every factory solidarity with people down imperialist our comrades were "
    "arrested call to all revolutionary organizations victory freedom political prisoners",
    "ar": "يا عمال العالم اتحدوا ضد الحرب بيان حول الإضراب العام النضال مستمر في كل مصنع "
    "التضامن مع شعب يسقط الإمبريالية اعتقل رفاقنا هذا الصباح نداء إلى جميع المنظمات الثورية",
    "fa": "کارگران جهان علیه جنگ متحد شوید بیانیه درباره اعتصاب عمومی مبارزه در هر کارخانه "
    "ادامه دارد همبستگی با مردم مرگ بر امپریالیستی رفقای ما امروز صبح دستگیر شدند فراخوانی",
    "it": "lavoratori di tutto il mondo uniti contro la guerra dichiarazione sullo sciopero "
    "generale lotta continua in ogni fabbrica solidarietà con il popolo abbasso imperialista",
    "el": "εργάτες όλου του κόσμου ενωθείτε ενάντια στον πόλεμο ανακοίνωση για τη γενική "
    "απεργία ο αγώνας συνεχίζεται σε κάθε εργοστάσιο αλληλεγγύη στον λαό κάτω ιμπεριαλιστικός",
    "ku": "karkerên hemû cîhanê li dijî şer bibin yek daxuyanî li ser greva giştî têkoşîn her "
    "kargehê berdewam dike piştgirî bi gelê re bimre şerê emperyalîst hevalên me îro sibê",
    "hy": "աշխարհի բանվորներ միավորվեք պատերազմի դեմ հայտարարություն համընդհանուր գործադուլի "
    "մասին պայքարը շարունակվում է յուրաքանչյուր գործարանում համերաշխություն ժողովրդի հետ",
    "es": "trabajadores del mundo uníos contra la guerra declaración sobre la huelga general "
    "lucha continúa en cada fábrica solidaridad con el pueblo abajo imperialista nuestros",
    "fr": "travailleurs du monde entier unissez-vous contre la guerre déclaration sur la grève "
    "générale lutte continue dans chaque usine solidarité avec le peuple à bas impérialiste",
    "pt": "trabalhadores do mundo uni-vos contra a guerra declaração sobre a greve geral luta "
    "continua em cada fábrica solidariedade com o povo abaixo imperialista nossos camaradas",
}
TAGLINES = {
    "tr": "Kıyılar: mücadelenin ortak denizi!",
    "en": "The shores: common sea of the struggle!",
    "ar": "الشواطئ: البحر المشترك للنضال",
    "fa": "کرانه‌ها: دریای مشترک مبارزه",
    "it": "Le sponde: mare comune della lotta!",
    "el": "Οι ακτές: κοινή θάλασσα του αγώνα!",
    "ku": "Peravên: deryaya hevpar a têkoşînê",
    "hy": "Ափերը՝ պայքարի ընդհանուր ծով։",
    "es": "Las orillas: mar común de la lucha!",
    "fr": "Les rives : mer commune de la lutte !",
    "pt": "As margens: mar comum da luta!",
}
SIGNATORIES = [
    "EEK (Workers Revolutionary Party)- Greece",
    "DIP (Revolutionary Workers Party)- Turkey",
    "MTL (Marxist Workers League) -Finland",
    "ROR (Renaissance Ouvriere Revolutionnaire) – France",
    "Opción Obrera (Workers’ Option), Venezuela",
]


def _sentence(rng: random.Random, words: list[str], numbers: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(10, 18))]
    if numbers:
        chosen.insert(rng.randint(1, len(chosen) - 1), numbers.pop())
    return " ".join(chosen).capitalize() + "."


def generate_archive(folder: Path, pieces: int, seed: int = 7) -> int:
    """Write PIECES pieces in every language to FOLDER; return the number of pages."""
    from babel.dates import format_date

    from havza import languages

    folder.mkdir(parents=True, exist_ok=True)
    codes = [c for c in languages.codes() if c in VOCABULARY]
    tagline_block = "\n\n".join(TAGLINES[c] for c in codes)
    pages = 0
    for piece in range(pieces):
        rng = random.Random(seed * 100_003 + piece)
        date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        shape = [rng.randint(1, 3) for _ in range(rng.randint(5, 12))]
        numbers = [str(rng.randint(2, 99_999)) for _ in range(rng.randint(3, 8))]
        quote_at = rng.randrange(len(shape))
        signed = rng.random() < 0.5
        for code in codes:
            prng = random.Random(f"{seed}-{piece}-{code}")
            words = VOCABULARY[code].split()
            left = list(numbers)
            title = " ".join(prng.choice(words) for _ in range(7)).capitalize() + f" {piece}"
            lang = languages.get(code)
            written = format_date(date, "long", locale=lang.locale if lang else code)
            parts = [tagline_block, title, "International Socialist Center", written]
            for n, sentences in enumerate(shape):
                text = " ".join(_sentence(prng, words, left) for _ in range(sentences))
                parts.append(f"“{text}”" if n == quote_at and len(text) > 150 else text)
            if signed:
                parts.append("\n\n".join(SIGNATORIES))
            (folder / f"{piece:05d}-{code}.txt").write_text("\n\n".join(parts), encoding="utf-8")
            pages += 1
    return pages


def _setup(database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    os.environ["HAVZA_DATA_DIR"] = str(database.parent)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    import django

    django.setup()


def _fresh_database() -> None:
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    path = Path(connection.settings_dict["NAME"])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def _parse_only(folder: Path, jobs: int) -> float:
    from havza.archive import importer

    started = time.perf_counter()
    files, _ = importer.expand([str(folder)])
    sources = [s for r in importer.read_all(files, jobs) for s in r]
    importer.analyze_all(sources, importer.learn_boilerplate(sources), jobs)
    return time.perf_counter() - started


def _runs(seconds: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in seconds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="havza-bench-import-"))
    # The site's data folder and the archive are apart: an import never reads the former.
    _setup(work / "data" / "havza.sqlite3")
    from havza.archive import importer

    pages = generate_archive(work / "archive", max(1, args.pages // 11))
    full, parse = [], []
    for _ in range(args.runs):
        _fresh_database()
        report = importer.run([str(work / "archive")], importer.Options(jobs=args.jobs))
        summary = report.summary()
        assert summary["imported"] == pages, summary
        full.append(report.seconds)
        parse.append(_parse_only(work / "archive", args.jobs or os.cpu_count() or 1))
    full_s, parse_s = statistics.median(full), statistics.median(parse)
    print(f"archive: {pages} pages, {pages // 11} works in 11 languages; cores: {os.cpu_count()}")
    # Other processes on the machine slow both runs alike; the load says how busy it was.
    print(f"runs (s): import {_runs(full)}; analyze only {_runs(parse)}")
    print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"import (read, identify, group, save): {pages / full_s:.0f} pages/s ({full_s:.2f} s)")
    print(f"peer: read and analyze only:          {pages / parse_s:.0f} pages/s ({parse_s:.2f} s)")
    print(f"ratio import / analyze-only time: {full_s / parse_s:.2f}")
    print(f"works grouped: {summary['works_grouped']} of {summary['works']}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
