"""Benchmark: build the search index and query it, on SQLite FTS5 and PostgreSQL in one run.

    .venv/bin/python -m bench.search --sizes 110000,1100000 --runs 3 [--jobs 2] [--pg URL]
    .venv/bin/python -m bench.search --sizes 110000 --pg '' --keep /tmp/idx   # build, keep
    .venv/bin/python -m bench.search --pg '' --reuse /tmp/idx                # queries only

For each size and each backend in turn (each has the machine to itself), generates that many
translation documents in the 11 site languages, analyzes them (the analyzers of havza.search,
in --jobs processes as ``havza reindex --jobs``) and writes them in batches; the build time is
the wall time of all that but the generating (words are drawn a sentence at a time; the 1.1M
documents take a few minutes of one core). Beside it, the CPU per document of the writing
process and of the analysing processes, and the rate they allow on two free cores (for
PostgreSQL the server's own work is not in it). Then prints the size of each index and the
p50/p95 latency of one-word, two-word and phrase queries per language (the backend's search
call: matching, ranking, one hit per work, first page of 10 and the count).

The words: the export benchmark's vocabulary has 17-34 words per language, so every word is in
nearly every document and no query would be selective. Here each language has a lexicon of
20,000 words (its real vocabulary first, then words made of its own letter groups), drawn by
Zipf's law as in real text; query words are drawn from ranks 20-5,000 (the words a reader looks
for), phrases are two words that follow each other in a generated document. The most frequent
word of each language is timed apart, as the worst case.

The documents have no works or translations behind them (foreign keys are off in the bench
databases): what is measured is the index, not the page around it.

Memory stays bounded at any size: documents are generated as they are written (at most two
batches of 2,000 per analysing process in flight), only 2,000 bodies are kept to draw phrases
from, and each batch is its own transaction. The same seed gives each backend the same
documents. Progress goes to stderr every twentieth of the documents (at least every 10,000);
the last line of stdout is the figures as JSON.

``--keep DIR`` builds one size of the SQLite index into DIR and leaves it there (with the
bodies phrases are drawn from); ``--reuse DIR`` times the queries against it again without
building (SQLite only), so that a change to the search can be timed before and after on the
same index. Beside wall time, each kind of query reports its CPU time (the process's: SQLite
runs in it) and the SQL statements of one search.

A query matching 1,000 documents or more ("most frequent word", and most one-word queries at
a million documents) is answered by the backends' rule for common queries
(``havza.search.backends.base.COMMON``): no scoring of every match.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.import_archive import VOCABULARY

CODES = ["tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"]
LEXICON = 20_000
BATCH = 2_000
QUERIES = 40  # per language and kind of query, in each run
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"


# Content -------------------------------------------------------------------------------------


def lexicon(rng: random.Random, lang: str) -> list[str]:
    words = list(dict.fromkeys(w.strip(".,;:!?").lower() for w in VOCABULARY[lang].split()))
    pieces = sorted({w[i : i + n] for w in words for n in (2, 3) for i in range(len(w) - n + 1)})
    seen = set(words)
    while len(words) < LEXICON:
        word = "".join(rng.choice(pieces) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Language:
    def __init__(self, rng: random.Random, lang: str) -> None:
        self.lang = lang
        self.words = lexicon(rng, lang)
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng
        self.paragraphs = [self.sentence(rng.randint(25, 60)) for _ in range(3000)]

    def sentence(self, n: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=n)
        return " ".join(words).capitalize() + "."

    def document(self, n: int) -> tuple[str, str, str]:
        """(title, summary, body) of document N."""
        title = self.sentence(self.rng.randint(4, 9))
        intro = self.sentence(30)
        body = "\n\n".join([intro, *self.rng.sample(self.paragraphs, self.rng.randint(5, 9))])
        return title, intro[:200], body


def documents(count: int, seed: int = 11):
    """(translation id, work id, language, kind, date, title, summary, body) for COUNT
    documents: works in 5-11 languages, as in a network's archive."""
    import datetime as dt

    rng = random.Random(seed)
    langs = {code: Language(random.Random(f"{seed}-{code}"), code) for code in CODES}
    kinds = ["statement", "article", "declaration", "communique", "interview", "report"]
    start = dt.date(2005, 1, 1)
    made, work = 0, 0
    while made < count:
        work += 1
        if rng.random() < 0.6:
            codes = CODES
        else:
            codes = rng.sample(CODES, min(len(CODES), rng.randint(5, 10)))
        kind = rng.choice(kinds)
        date = start + dt.timedelta(days=rng.randint(0, 7500))
        for code in codes:
            if made == count:
                return
            made += 1
            yield (made, work, code, kind, date, *langs[code].document(made))


def queries(rng: random.Random, lang: Language, body_sample: list[str]) -> dict[str, list[str]]:
    def mid() -> str:
        return lang.words[rng.randint(20, 5000)]

    phrases = []
    for text in rng.sample(body_sample, min(QUERIES, len(body_sample))):
        words = text.split()
        i = rng.randrange(len(words) - 1)
        phrases.append(f'"{words[i].strip(".")} {words[i + 1].strip(".")}"')
    return {
        "one word": [mid() for _ in range(QUERIES)],
        "two words": [f"{mid()} {mid()}" for _ in range(QUERIES)],
        "phrase": phrases,
        "most frequent word": [lang.words[0]] * 5,
    }


# Running -------------------------------------------------------------------------------------


def setup(folder: Path, pg_url: str | None) -> list[str]:
    os.environ["HAVZA_DATA_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    os.environ.pop("HAVZA_DATABASE_URL", None)
    import dj_database_url
    from django.conf import settings

    aliases = ["default"]
    if pg_url:
        settings.DATABASES["pg"] = dj_database_url.parse(pg_url)
        aliases.append("pg")
    import django

    django.setup()
    from django.core.management import call_command

    for alias in aliases:
        call_command("migrate", database=alias, verbosity=0)
    return aliases


def create_pg_database(admin_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name}")
        c.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(admin_url: str, name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name}")


def no_foreign_keys(alias: str) -> None:
    from django.db import connections

    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
        else:
            cursor.execute("SET session_replication_role = replica")


def build(count: int, alias: str, jobs: int, sample: list[str] | None = None) -> dict:
    """Generate, analyze (in JOBS processes, as ``havza reindex --jobs``) and write COUNT
    documents to the backend of ALIAS, alone (each backend has the machine to itself).
    Returns seconds: "generation" (of the main process), "writes", "total" (wall) and the
    CPU seconds of this process ("cpu_main": generation, writes, receiving the entries) and
    of the analysing processes ("cpu_analysis"). SAMPLE, if given, gets bodies to draw
    phrases from."""
    from django.db import connections, transaction

    from havza.search import backends
    from havza.search.index import _analyzed

    no_foreign_keys(alias)
    backend = backends.get(alias)
    backend.begin_rebuild()
    timing = {"generation": 0.0, "writes": 0.0, "cpu_generation": 0.0}
    step = max(10_000, count // 20)
    name = alias_key(alias)
    cpu_began, children_began = time.process_time(), _children_cpu()
    began_all = time.perf_counter()

    def batches():
        batch = []
        started, cpu = time.perf_counter(), time.process_time()
        for tid, wid, lang, kind, date, title, summary, body in documents(count):
            if sample is not None and len(sample) < 2000 and tid % 7 == 0:
                sample.append(f"{lang}\t{body}")
            batch.append((tid, wid, lang, kind, date, title, "", summary, body))
            if len(batch) == BATCH:
                timing["generation"] += time.perf_counter() - started
                timing["cpu_generation"] += time.process_time() - cpu
                yield batch
                batch = []
                started, cpu = time.perf_counter(), time.process_time()
            if tid % step == 0:
                elapsed = time.perf_counter() - began_all
                print(f"  {name}: {tid:,} documents, {elapsed:.0f} s, "
                      f"{tid / elapsed:,.0f} docs/s", file=sys.stderr, flush=True)  # fmt: skip
        timing["generation"] += time.perf_counter() - started
        timing["cpu_generation"] += time.process_time() - cpu
        if batch:
            yield batch

    vendors = (connections[alias].vendor,)
    for entries in _analyzed(batches(), jobs, vendors):
        began = time.perf_counter()
        with transaction.atomic(using=alias):
            backend.write(entries, fresh=True)
        timing["writes"] += time.perf_counter() - began
    began = time.perf_counter()
    backend.optimize()
    timing["writes"] += time.perf_counter() - began
    timing["total"] = time.perf_counter() - began_all
    timing["cpu_main"] = time.process_time() - cpu_began
    timing["cpu_analysis"] = _children_cpu() - children_began
    return timing


def _children_cpu() -> float:
    """CPU seconds of the ended child processes (the analysing processes, once the pool
    has ended)."""
    times = os.times()
    return times.children_user + times.children_system


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(aliases: list[str], sample: list[str], runs: int) -> dict:
    """{(alias, language, kind): (p50 ms, p95 ms, CPU ms a query, SQL statements a query,
    FTS5/tsquery matches a query)}: the median of RUNS runs of each."""
    from django.db import connections

    from havza.search import backends
    from havza.search.backends import Filters
    from havza.search.services import analyzed

    rng = random.Random(5)
    bodies: dict[str, list[str]] = {}
    for line in sample:
        lang, body = line.split("\t", 1)
        bodies.setdefault(lang, []).append(body)
    langs = {code: Language(random.Random(f"11-{code}"), code) for code in CODES}
    result: dict = {}
    statements: list[str] = []

    def counted(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    for _run in range(runs):
        for code in CODES:
            for kind, texts in queries(rng, langs[code], bodies.get(code, ["a b"])).items():
                for alias in aliases:
                    backend = backends.get(alias)
                    times, cpu = [], 0.0
                    statements.clear()
                    with connections[alias].execute_wrapper(counted):
                        for text in texts:
                            q = analyzed(text, code, False)
                            started, cpu_started = time.perf_counter(), time.process_time()
                            backend.search(q, Filters(), 10, 0)
                            times.append((time.perf_counter() - started) * 1000)
                            cpu += time.process_time() - cpu_started
                    matches = sum(s.count(" MATCH ") + s.count(" @@ ") for s in statements)
                    key = (alias, code, kind)
                    result.setdefault(key, []).append(
                        (
                            percentile(times, 50),
                            percentile(times, 95),
                            cpu * 1000 / len(texts),
                            len(statements) / len(texts),
                            matches / len(texts),
                        )
                    )
    return {
        key: tuple(statistics.median(values) for values in zip(*runs_, strict=True))
        for key, runs_ in result.items()
    }


def report(count: int, timings: dict, sizes: dict, latencies: dict, aliases: list[str]) -> dict:
    """Print the figures of COUNT documents; returns them for the JSON line."""
    names = {"default": "SQLite FTS5", "pg": "PostgreSQL"}
    summary: dict = {"documents": count}
    print(f"\n## {count:,} documents")
    for alias in aliases:
        summary[alias_key(alias)] = {}
        timing = timings.get(alias)
        if timing is None:  # an index kept from before (--reuse)
            print(f"{names[alias]}: index {sizes[alias] / 1e6:,.0f} MB (built before)")
            continue
        build_s = timing["total"] - timing["generation"]
        # CPU per document of this process (receiving entries, writing) and of the
        # analysing processes; with two free cores the build cannot go faster than the
        # busier of: this process alone, or all of it shared by two cores.
        main_ms = (timing["cpu_main"] - timing["cpu_generation"]) / count * 1000
        analysis_ms = timing["cpu_analysis"] / count * 1000
        bound = max(main_ms, (main_ms + analysis_ms) / 2)
        summary[alias_key(alias)] |= {
            "build_s": round(build_s, 1),
            "docs_per_s": round(count / build_s),
            "generation_s": round(timing["generation"], 1),
            "cpu_ms_per_doc": {"main": round(main_ms, 3), "analysis": round(analysis_ms, 3)},
            "cpu_bound_docs_per_s_2_cores": round(1000 / bound),
            "index_mb": round(sizes[alias] / 1e6),
        }
        print(
            f"{names[alias]}: build {build_s:.1f} s = {count / build_s:,.0f} docs/s (generation "
            f"{timing['generation']:.1f} s not counted; writes {timing['writes']:.1f} s); CPU "
            f"per document: writing process {main_ms:.3f} ms, analysis {analysis_ms:.3f} ms "
            f"(at most {1000 / bound:,.0f} docs/s on two free cores"
            + ("" if alias == "default" else ", the database server's own work apart")
            + f"); index {sizes[alias] / 1e6:,.0f} MB"
        )
    kinds = ["one word", "two words", "phrase", "most frequent word"]
    print("\np50 / p95 ms | " + " | ".join(f"{names[a]} {k}" for a in aliases for k in kinds))
    for code in CODES:
        cells = [
            "{:.1f} / {:.1f}".format(*latencies[(a, code, k)][:2]) for a in aliases for k in kinds
        ]
        print(f"{code} | " + " | ".join(cells))
    print("\nCPU ms a query (statements, matches) | "
          + " | ".join(f"{names[a]} {k}" for a in aliases for k in kinds))  # fmt: skip
    for code in CODES:
        cells = [
            "{2:.1f} ({3:.0f}, {4:.0f})".format(*latencies[(a, code, k)])
            for a in aliases
            for k in kinds
        ]
        print(f"{code} | " + " | ".join(cells))
    for alias in aliases:
        for kind in kinds:
            p95s = [latencies[(alias, c, kind)][1] for c in CODES]
            p50s = [latencies[(alias, c, kind)][0] for c in CODES]
            cpus = [latencies[(alias, c, kind)][2] for c in CODES]
            print(
                f"{names[alias]} {kind}: p50 median {statistics.median(p50s):.1f} ms, "
                f"p95 worst language {max(p95s):.1f} ms; CPU a query: median "
                f"{statistics.median(cpus):.1f} ms, worst language {max(cpus):.1f} ms"
            )
            summary[alias_key(alias)][kind.replace(" ", "_")] = {
                "p50_median_ms": round(statistics.median(p50s), 1),
                "p95_worst_language_ms": round(max(p95s), 1),
                "cpu_ms_median": round(statistics.median(cpus), 1),
                "cpu_ms_worst_language": round(max(cpus), 1),
            }
    return summary


def alias_key(alias: str) -> str:
    return {"default": "sqlite", "pg": "postgresql"}[alias]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="110000,1100000")
    parser.add_argument("--runs", type=int, default=3, help="query runs (median reported)")
    parser.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL server ('' to skip)")
    parser.add_argument("--jobs", type=int, default=2, help="analysis processes")
    parser.add_argument(
        "--languages",
        default=",".join(CODES),
        help="the documents' languages: with one, N documents give each query the lists of "
        "an index of 11 x N (a search reads only its language's terms)",
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="build one size of the SQLite index into DIR and keep it"
    )
    parser.add_argument(
        "--reuse", metavar="DIR", help="time the queries on the index kept in DIR (no build)"
    )
    args = parser.parse_args(argv)
    CODES[:] = args.languages.split(",")
    kept = args.keep or args.reuse
    if (kept and args.pg) or (args.keep and "," in args.sizes):
        parser.error("--keep and --reuse: one size, SQLite alone (--pg '')")
    load_before = round(os.getloadavg()[0], 1)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"load {load_before}; Python {platform.python_version()}")  # fmt: skip
    results = []
    with tempfile.TemporaryDirectory(prefix="havza-search-bench-") as tmp:
        folder = Path(kept or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pg_name = f"havza_search_bench_{os.getpid()}"
        pg_url = create_pg_database(args.pg, pg_name) if args.pg else None
        try:
            if args.reuse:
                about = json.loads((folder / "bench.json").read_text())
                CODES[:] = about["languages"]
                sizes_ = [about["documents"]]
            else:
                (folder / "havza.sqlite3").unlink(missing_ok=True)
                sizes_ = [int(s) for s in args.sizes.split(",")]
            aliases = setup(folder, pg_url)
            from havza.search import backends

            for count in sizes_:
                sample: list[str] = []
                timings = {}
                if args.reuse:
                    sample = (folder / "sample.txt").read_text().split("\n\0\n")
                else:
                    for alias in aliases:
                        timings[alias] = build(
                            count, alias, args.jobs, sample if not sample else None
                        )
                        print(f"  {alias_key(alias)}: built in {timings[alias]['total']:.0f} s",
                              file=sys.stderr, flush=True)  # fmt: skip
                if args.keep:
                    (folder / "sample.txt").write_text("\n\0\n".join(sample))
                    about = {"documents": count, "languages": CODES}
                    (folder / "bench.json").write_text(json.dumps(about))
                sizes = {a: backends.get(a).size() for a in aliases}
                if not sizes["default"]:
                    sizes["default"] = (folder / "havza.sqlite3").stat().st_size
                print("  measuring queries", file=sys.stderr, flush=True)
                latencies = measure(aliases, sample, args.runs)
                summary = report(count, timings, sizes, latencies, aliases)
                summary["load_after"] = round(os.getloadavg()[0], 1)
                results.append(summary)
                print(f"load after: {os.getloadavg()[0]:.1f}", flush=True)
        finally:
            if args.pg:
                drop_pg_database(args.pg, pg_name)
    print(json.dumps({"benchmark": "search", "jobs": args.jobs, "runs": args.runs,
                      "load_before": load_before, "results": results}))  # fmt: skip


if __name__ == "__main__":
    main()
