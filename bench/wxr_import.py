"""Benchmark: import a generated Polylang WordPress export (WXR) of statements in 11 languages.

    .venv/bin/python -m bench.wxr_import --statements 1000 [--files 2] [--jobs 0] [--runs 1]

Each statement is written in the 11 site languages (about 800 words each: paragraphs with
numbers, a heading, a quotation, a link, and half of them a signatory list), as WordPress
with Polylang exports it: every post names its language (a ``language`` category) and its
translation group (a ``post_translations`` category, and the group's term at the top of the
file). 1,000 statements make 11,000 posts, about 64 MB in two files. Every run imports them
with ``havza import`` into a fresh SQLite database, as a separate process, and measures the
time, the largest process's peak memory and the whole process tree's (sampled). The last line
printed is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.export_vs_hugo import CODES, HAVZA, Piece, measure
from bench.import_archive import SIGNATORIES, VOCABULARY

SITE = "https://network.example"
NAMES = {
    "tr": "Türkçe", "en": "English", "ar": "العربية", "fa": "فارسی", "it": "Italiano",
    "el": "Ελληνικά", "ku": "Kurdî", "hy": "Հայերեն", "es": "Español", "fr": "Français",
    "pt": "Português",
}  # fmt: skip
WORDS_PER_POST = 760  # then a paragraph more: about 800 words a post


@dataclass
class Statement:
    """One statement: its blocks in every language, (kind, text) with kind p, h or quote."""

    number: int
    date: dt.date
    signed: bool
    texts: dict[str, tuple[str, list[tuple[str, str]]]]  # lang -> (title, blocks)


def _sentence(rng: random.Random, words: list[str], numbers: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(12, 22))]
    if numbers:
        chosen.insert(rng.randint(1, len(chosen) - 1), numbers.pop())
    return " ".join(chosen).capitalize() + "."


def statements(count: int, seed: int = 3) -> list[Statement]:
    """COUNT statements, each in every site language with the same shape and numbers."""
    return [statement(n, seed) for n in range(count)]


def statement(n: int, seed: int = 3) -> Statement:
    rng = random.Random(seed * 1_000_003 + n)
    date = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))
    sentences = [rng.randint(3, 6) for _ in range(rng.randint(7, 9))]
    numbers = [str(rng.randint(10, 99_999)) for _ in range(rng.randint(4, 9))]
    heading_at, quote_at = rng.randint(2, 3), rng.randint(4, 5)
    signed = rng.random() < 0.5
    texts = {}
    for code in CODES:
        prng = random.Random(f"{seed}-{n}-{code}")
        words = VOCABULARY[code].split()
        left = list(numbers)
        title = " ".join(prng.choice(words) for _ in range(7)).capitalize() + f" {n}"
        blocks: list[tuple[str, str]] = []
        written = 0
        for i, count in enumerate(sentences):
            if i == heading_at:
                blocks.append(("h", " ".join(prng.choice(words) for _ in range(4)).capitalize()))
            text = " ".join(_sentence(prng, words, left) for _ in range(count))
            written += len(text.split())
            blocks.append(("quote" if i == quote_at else "p", text))
        while written < WORDS_PER_POST:
            text = " ".join(_sentence(prng, words, left) for _ in range(5))
            written += len(text.split())
            blocks.append(("p", text))
        blocks.append(("p", f"{SITE}/{n}/{code} " + _sentence(prng, words, [])))
        texts[code] = (title, blocks)
    return Statement(n, date, signed, texts)


def _html(blocks: list[tuple[str, str]], signed: bool) -> str:
    parts = []
    for kind, text in blocks:
        escaped = html.escape(text, quote=False)
        if kind == "h":
            parts.append(f"<!-- wp:heading -->\n<h2>{escaped}</h2>\n<!-- /wp:heading -->")
        elif kind == "quote":
            parts.append(f"<!-- wp:quote -->\n<blockquote><p>{escaped}</p></blockquote>")
        elif text.startswith(SITE):
            url, rest = text.split(" ", 1)
            parts.append(f'<p><a href="{url}">{url}</a> {html.escape(rest, quote=False)}</p>')
        else:
            parts.append(f"<!-- wp:paragraph -->\n<p>{escaped}</p>\n<!-- /wp:paragraph -->")
    if signed:
        parts.append("<p>" + "<br>\n".join(html.escape(s) for s in SIGNATORIES) + "</p>")
    return "\n\n".join(parts)


def markdown(blocks: list[tuple[str, str]], signed: bool) -> str:
    """The same text as Markdown (for a Hugo site of the same content)."""
    parts = []
    for kind, text in blocks:
        parts.append(f"## {text}" if kind == "h" else f"> {text}" if kind == "quote" else text)
    if signed:
        parts.append("  \n".join(SIGNATORIES))
    return "\n\n".join(parts)


def pieces(items: list[Statement]) -> list[Piece]:
    """The statements as the export benchmark's pieces, for its Hugo site writer."""
    return [
        Piece(
            number=s.number,
            kind="statement",
            original=CODES[0],
            date=s.date,
            topics=[],
            orgs=[],
            people=[],
            texts={c: (t, markdown(b, s.signed)) for c, (t, b) in s.texts.items()},
        )
        for s in items
    ]


def _post_id(n: int, code: int) -> int:
    return n * len(CODES) + code + 1


def _item(s: Statement, code: str, index: int) -> str:
    title, blocks = s.texts[code]
    post_id = _post_id(s.number, index)
    when = f"{s.date.isoformat()} 10:00:00"
    return (
        f"\n\t<item>\n\t\t<title>{html.escape(title)}</title>\n"
        f"\t\t<link>{SITE}/{code}/{s.number}/</link>\n"
        f"\t\t<dc:creator><![CDATA[admin]]></dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded><![CDATA[{_html(blocks, s.signed)}]]></content:encoded>\n"
        "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date><![CDATA[{when}]]></wp:post_date>\n"
        f"\t\t<wp:post_date_gmt><![CDATA[{when}]]></wp:post_date_gmt>\n"
        f"\t\t<wp:post_name><![CDATA[statement-{s.number}-{code}]]></wp:post_name>\n"
        "\t\t<wp:status><![CDATA[publish]]></wp:status>\n"
        "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
        f'\t\t<category domain="language" nicename="{code}"><![CDATA[{NAMES[code]}]]></category>\n'
        f'\t\t<category domain="post_translations" nicename="pll_{s.number:08x}">'
        f"<![CDATA[pll_{s.number:08x}]]></category>\n"
        '\t\t<category domain="category" nicename="statements"><![CDATA[Statements]]></category>\n'
        "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>\n"
        "\t\t\t<wp:meta_value><![CDATA[1]]></wp:meta_value>\n\t\t</wp:postmeta>\n"
        "\t</item>"
    )


def _term(s: Statement) -> str:
    entries = "".join(f's:{len(c)}:"{c}";i:{_post_id(s.number, i)};' for i, c in enumerate(CODES))
    return (
        f"\n\t<wp:term><wp:term_id>{100_000 + s.number}</wp:term_id>"
        "<wp:term_taxonomy><![CDATA[post_translations]]></wp:term_taxonomy>"
        f"<wp:term_slug><![CDATA[pll_{s.number:08x}]]></wp:term_slug>"
        f"<wp:term_name><![CDATA[pll_{s.number:08x}]]></wp:term_name>"
        f"<wp:term_description><![CDATA[a:{len(CODES)}:{{{entries}}}]]></wp:term_description>"
        "</wp:term>"
    )


HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>Network</title>
\t<link>{site}</link>
\t<language>tr</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>{site}</wp:base_site_url>"""


def write_wxr(folder: Path, count: int, files: int = 2, seed: int = 3) -> list[Path]:
    """Write COUNT statements as FILES Polylang exports in FOLDER (whole groups per file)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    per_file = -(-count // files)
    for f in range(files):
        numbers = range(f * per_file, min(count, (f + 1) * per_file))
        if not numbers:
            break
        path = folder / f"export-{f + 1}.xml"
        with path.open("w", encoding="utf-8") as out:
            out.write(HEAD.format(site=SITE))
            # Terms come before the posts in WordPress's exports; statements are generated
            # twice rather than kept, so memory does not grow with the export.
            for n in numbers:
                out.write(_term(statement(n, seed)))
            for n in numbers:
                s = statement(n, seed)
                for index, code in enumerate(CODES):
                    out.write(_item(s, code, index))
            out.write("\n</channel>\n</rss>\n")
        paths.append(path)
    return paths


def migrated_data_dir(folder: Path) -> Path:
    """A fresh data folder with a migrated SQLite database (made by a `havza` process)."""
    import subprocess

    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    subprocess.run([str(HAVZA), "migrate", "-v", "0"], env=env_for(data), check=True)
    return data


def env_for(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    env["HAVZA_DATA_DIR"] = str(data)
    env["HAVZA_BASE_URL"] = SITE
    return env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--files", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--dir", type=Path, default=None, help="work folder, made if missing (default: /dev/shm)"
    )
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    base = args.dir or (Path("/dev/shm") if Path("/dev/shm").is_dir() else None)
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="havza-wxr-", dir=base))
    try:
        paths = write_wxr(folder / "wxr", args.statements, args.files)
        size = sum(p.stat().st_size for p in paths)
        posts = args.statements * len(CODES)
        print(f"{posts} posts in {len(paths)} files, {size / 1e6:.1f} MB, in {folder}")
        runs = []
        for _ in range(args.runs):
            data = migrated_data_dir(folder)
            command = [str(HAVZA), "import", *map(str, paths), "--no-progress"]
            command += ["--jobs", str(args.jobs), "--report", str(folder / "report.json")]
            runs.append(measure(command, env_for(data)))
            print(f"  import: {runs[-1]}")
            summary = json.loads((folder / "report.json").read_text())["summary"]
            assert summary["imported"] == posts, summary
            assert summary["works"] == args.statements, summary
        seconds = statistics.median(r.seconds for r in runs)
        result = {
            "bench": "wxr_import",
            "statements": args.statements,
            "posts": posts,
            "megabytes": round(size / 1e6, 1),
            "seconds": round(seconds, 2),
            "posts_per_second": round(posts / seconds),
            "max_rss_mb": round(max(r.max_rss for r in runs) / 2**20),
            "tree_rss_mb": round(max(r.tree_rss for r in runs) / 2**20),
            "cores": os.cpu_count(),
            "load": round(os.getloadavg()[0], 2),
        }
        print(json.dumps(result))
        sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
