# ruff: noqa: E501  (the Hugo templates below are Go templates, one element a line)
"""Benchmark: the static export against Hugo on the same content, and incremental republish.

    .venv/bin/python -m bench.export_vs_hugo --works 9000 --runs 3 [--second 1800]

Generates N works, most in all 11 site languages and the rest in a few, with Markdown bodies
(headings, emphasis, links, lists, quotations), authors (organizations and people), topics,
kinds and dates. The same content goes into a fresh SQLite database for havza and into a
multilingual Hugo site (one content file per translation with front matter; a single-page
template with byline, date, language switcher and hreflang; a paginated list template;
taxonomies for topics and authors; RSS and sitemaps on). Each run times ``havza build`` (default
jobs) and ``hugo --quiet`` from scratch on the same machine and records the peak resident
memory of both. With --second, havza is also built from a site of that many works, to show
that its memory does not grow with the site. Finally one translation after another is edited
and republished into the largest export (median time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.import_archive import VOCABULARY

CODES = ["tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"]
NATIVE = {
    "tr": "Türkçe", "en": "English", "ar": "العربية", "fa": "فارسی", "it": "Italiano",
    "el": "Ελληνικά", "ku": "Kurdî", "hy": "Հայերեն", "es": "Español", "fr": "Français",
    "pt": "Português",
}  # fmt: skip
KINDS = ["statement", "article", "declaration", "communique", "interview", "report"]
SEGMENTS = {
    "statement": "statements", "article": "articles", "declaration": "declarations",
    "communique": "communiques", "interview": "interviews", "report": "reports",
}  # fmt: skip
BASE_URL = "https://network.example"
REPO = Path(__file__).resolve().parents[1]
HAVZA = Path(sys.executable).parent / "havza"


# Content ----------------------------------------------------------------------------------


def _words(rng: random.Random, lang: str, n: int) -> str:
    words = VOCABULARY[lang].split()
    return " ".join(rng.choice(words) for _ in range(n))


def _body(rng: random.Random, lang: str) -> str:
    """A realistic piece: paragraphs, a heading, emphasis, a link, a list and a quotation."""
    parts = []
    for i in range(rng.randint(5, 9)):
        sentence = _words(rng, lang, rng.randint(25, 60))
        if i == 2:
            parts.append(f"## {_words(rng, lang, 4).capitalize()}")
        if i == 3:
            parts.append("\n".join(f"- {_words(rng, lang, 6)}" for _ in range(rng.randint(2, 5))))
        if i == 4:
            parts.append(f"> {_words(rng, lang, 20)}")
        words = sentence.split()
        words[3] = f"*{words[3]}*"
        words[8] = f"**{words[8]}**"
        words[12] = f"[{words[12]}](https://example.org/{i})"
        parts.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(parts)


@dataclass
class Piece:
    number: int
    kind: str
    original: str
    date: dt.date
    topics: list[int]
    orgs: list[int]
    people: list[int]
    texts: dict[str, tuple[str, str]]  # lang -> (title, markdown)


def generate(works: int, seed: int = 11) -> tuple[list[Piece], list[dict], list[str], list[dict]]:
    """(pieces, topics {lang: name}, people names, organizations {acronym, names})."""
    rng = random.Random(seed)
    topics = [{c: _words(rng, c, 2).capitalize() + f" {n}" for c in CODES} for n in range(30)]
    people = [f"{_words(rng, 'en', 1).capitalize()} {n}" for n in range(60)]
    orgs = [
        {"acronym": f"O{n}", "names": {c: _words(rng, c, 3).capitalize() for c in CODES}}
        for n in range(40)
    ]
    # A pool of bodies per language: every page still gets its own first paragraph.
    pool = {c: [_body(rng, c) for _ in range(60)] for c in CODES}
    pieces = []
    start = dt.date(2005, 1, 1)
    for n in range(works):
        original = rng.choice(CODES)
        langs = CODES if rng.random() < 0.6 else [original, *rng.sample(CODES, rng.randint(2, 9))]
        texts = {}
        for lang in dict.fromkeys(langs):
            title = f"{_words(rng, lang, rng.randint(4, 9)).capitalize()} {n}"
            intro = f"{_words(rng, lang, 30).capitalize()} ({n})."
            texts[lang] = (title, intro + "\n\n" + rng.choice(pool[lang]))
        pieces.append(
            Piece(
                number=n,
                kind=rng.choices(KINDS, weights=[5, 5, 1, 1, 1, 1])[0],
                original=original,
                date=start + dt.timedelta(days=rng.randint(0, 7500)),
                topics=rng.sample(range(len(topics)), rng.randint(1, 3)),
                orgs=rng.sample(range(len(orgs)), rng.randint(0, 2)),
                people=rng.sample(range(len(people)), rng.randint(0, 2) if n % 3 else 1),
                texts=texts,
            )
        )
    return pieces, topics, people, orgs


# havza ------------------------------------------------------------------------------------


def _render(markdown_text: str) -> tuple[str, str]:
    from havza.publishing import markdown

    html = markdown.render(markdown_text)
    return html, markdown.excerpt(html)


def load_havza(pieces: list[Piece], topics, people, orgs) -> int:
    """Fill the (fresh, migrated) database of this process; returns the translations saved."""
    from django.db import transaction
    from django.utils import timezone

    from havza.network.models import Organization, Person, Topic
    from havza.publishing.models import Authorship, Translation, Work
    from havza.slugs import slugify_for

    with transaction.atomic():
        topic_rows = [Topic.objects.create(names=names) for names in topics]
        person_rows = [Person.objects.create(name=name, country="TR") for name in people]
        org_rows = [Organization.objects.create(country="GR", is_member=True, **o) for o in orgs]
        work_rows = Work.objects.bulk_create(
            Work(kind=p.kind, original_language=p.original, published_on=p.date) for p in pieces
        )
        through = Work.topics.through
        through.objects.bulk_create(
            through(work_id=w.pk, topic_id=topic_rows[t].pk)
            for w, p in zip(work_rows, pieces, strict=True)
            for t in p.topics
        )
        authorships = []
        for w, p in zip(work_rows, pieces, strict=True):
            authorships += [
                Authorship(work=w, organization=org_rows[o], position=i)
                for i, o in enumerate(p.orgs)
            ]
            authorships += [
                Authorship(work=w, person=person_rows[o], position=10 + i)
                for i, o in enumerate(p.people)
            ]
        Authorship.objects.bulk_create(authorships)
        now = timezone.now()
        rendered: dict[str, tuple[str, str]] = {}
        batch, saved = [], 0
        for w, p in zip(work_rows, pieces, strict=True):
            for lang, (title, text) in p.texts.items():
                intro, rest = text.split("\n\n", 1)
                if rest not in rendered:
                    rendered[rest] = _render(rest)
                intro_html, excerpt = _render(intro)
                batch.append(
                    Translation(
                        work=w, language=lang, title=title,
                        slug=f"{slugify_for(title, lang, max_length=80)}-{p.number}",
                        body_markdown=text, body_html=intro_html + rendered[rest][0],
                        excerpt=excerpt, status=Translation.Status.PUBLISHED,
                        published_at=now, content_updated_at=now,
                    )
                )  # fmt: skip
            if len(batch) > 2000:
                saved += len(Translation.objects.bulk_create(batch))
                batch = []
        saved += len(Translation.objects.bulk_create(batch))
    return saved


# Hugo -------------------------------------------------------------------------------------

HUGO_LAYOUTS = {
    # Go templates, kept on their lines as Hugo reads them.
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/atom+xml" href="{{ .Permalink }}">{{ end }}
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<nav><ul>{{ range site.Home.AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ range $i, $a := .Params.authors }}{{ if $i }}, {{ end }}<a href="{{ (site.GetPage (printf "/authors/%s" ($a | urlize))).RelPermalink }}">{{ $a }}</a>{{ end }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Translations }}<nav><ul>{{ range . }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav>{{ end }}
<div class="body">{{ .Content }}</div>
<p>{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ delimit .Params.authors ", " }}</p>
<p>{{ .Summary | plainify | truncate 220 }}</p></li>{{ end }}</ol>
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav>{{ with .Prev }}<a rel="prev" href="{{ .URL }}">Newer</a>{{ end }} <span>{{ .PageNumber }} / {{ .TotalPages }}</span> {{ with .Next }}<a rel="next" href="{{ .URL }}">Older</a>{{ end }}</nav>{{ end }}{{ end }}
{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
}


def write_hugo_site(folder: Path, pieces: list[Piece], topics, people, orgs) -> int:
    languages = "\n".join(
        f'[languages.{c}]\ncontentDir = "content/{c}"\nlanguageName = "{NATIVE[c]}"\n'
        f"weight = {i + 1}\n" + ('languageDirection = "rtl"\n' if c in ("ar", "fa") else "")
        for i, c in enumerate(CODES)
    )
    (folder / "config.toml").write_text(
        f'baseURL = "{BASE_URL}/"\ntitle = "havza"\ndefaultContentLanguage = "tr"\n'
        "defaultContentLanguageInSubdir = true\npaginate = 20\nenableRobotsTXT = true\n"
        '[taxonomies]\ntopic = "topics"\nauthor = "authors"\n'
        '[outputs]\nhome = ["HTML", "RSS"]\nsection = ["HTML", "RSS"]\n'
        'taxonomy = ["HTML"]\nterm = ["HTML", "RSS"]\n'
        "[services.rss]\nlimit = 30\n" + languages
    )
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    count = 0
    for p in pieces:
        for lang, (title, text) in p.texts.items():
            names = [orgs[o]["acronym"] for o in p.orgs] + [people[o] for o in p.people]
            front = {
                "title": title,
                "date": p.date.isoformat(),
                "slug": f"{p.number}-{lang}",
                "translationKey": f"work-{p.number}",
                "topics": [topics[t][lang] for t in p.topics],
                "authors": names,
            }
            path = folder / "content" / lang / SEGMENTS[p.kind] / f"work-{p.number}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(front, ensure_ascii=False) + "\n\n" + text + "\n")
            count += 1
    return count


# Measuring --------------------------------------------------------------------------------


def _tree(root: int) -> tuple[list[int], dict[int, int]]:
    """ROOT and all its descendants, and each one's resident memory in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            continue
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found, rss


def _tree_rss(root: int) -> int:
    """Resident memory of ROOT and all its descendants, in bytes (pages that forked processes
    share are counted in each)."""
    pids, rss = _tree(root)
    return sum(rss.get(pid, 0) for pid in pids)


def _tree_pss(root: int) -> int:
    """The memory ROOT and its descendants use, each shared page counted once (the sum of
    their proportional set sizes), in bytes."""
    total = 0
    for pid in _tree(root)[0]:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except (OSError, ValueError):
            continue
    return total


# The sampler spends at most about 1/SPACING of a core: reading a process's PSS walks its page
# tables (40 ms of CPU for three processes of 650 MB, several hundred ms for Hugo's 14 GB), so
# sampling it at a fixed 200 ms took a third of a core and more from the run it measured.
SPACING = 40
RSS_EVERY = 0.05  # seconds, at least
PSS_EVERY = 0.2


@dataclass
class Run:
    seconds: float
    max_rss: int  # largest single process, from the kernel
    tree_rss: int  # sum over the process tree, sampled every 50 ms or more (SPACING)
    output: str = ""  # what it printed, when asked for (a few lines)
    tree_pss: int = 0  # the same with shared pages counted once, every 200 ms or more


def measure(command: list[str], env: dict, cwd: Path | None = None, output: bool = False) -> Run:
    started = time.perf_counter()
    stdout = tempfile.TemporaryFile() if output else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=stdout)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        next_pss = 0.0
        while not done.is_set():
            began = time.perf_counter()
            peak = max(peak, _tree_rss(process.pid))
            now = time.perf_counter()
            if now >= next_pss:
                peak_pss = max(peak_pss, _tree_pss(process.pid))
                cost = time.perf_counter() - now
                next_pss = now + max(PSS_EVERY, SPACING * cost)
            done.wait(max(RSS_EVERY, SPACING * (now - began)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with {process.returncode}")
    printed = ""
    if output:
        stdout.seek(0)
        printed = stdout.read().decode()
        stdout.close()
    return Run(seconds, usage.ru_maxrss * 1024, peak, printed, peak_pss)


def file_count(folder: Path, suffixes=(".html", ".xml")) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in suffixes and p.is_file())


def _setup_django(data_dir: Path) -> None:
    os.environ["HAVZA_DATA_DIR"] = str(data_dir)
    os.environ["HAVZA_BASE_URL"] = BASE_URL
    os.environ.pop("HAVZA_DATABASE_URL", None)
    os.environ.pop("HAVZA_EXPORT_DIR", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _havza_site(works: int, folder: Path) -> tuple[Path, int]:
    """A data dir with a fresh database of WORKS works (loaded by a child process)."""
    data = folder / f"havza-{works}"
    data.mkdir()
    code = (
        "import sys; from pathlib import Path; from bench import export_vs_hugo as b; "
        f"b._setup_django(Path({str(data)!r})); p = b.generate({works}); "
        "print(b.load_havza(*p))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True)
    return data, int(out.stdout.split()[-1])


def _load(works: int, folder: Path) -> tuple[Path, int]:
    started = time.perf_counter()
    data, translations = _havza_site(works, folder)
    print(f"{works} works, {translations} translations loaded in "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    return data, translations


def _env(data: Path) -> dict:
    env = {**os.environ, "HAVZA_DATA_DIR": str(data), "HAVZA_BASE_URL": BASE_URL}
    env.pop("HAVZA_DATABASE_URL", None)
    env.pop("HAVZA_EXPORT_DIR", None)
    return env


def _median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        max(r.max_rss for r in runs),
        max(r.tree_rss for r in runs),
    )


def republish_times(out: Path, edits: int) -> list[float]:
    """Edit one translation after another (title and body) and republish each (seconds)."""
    from havza.export import republish
    from havza.publishing.models import Translation

    rng = random.Random(5)
    ids = list(Translation.objects.values_list("id", flat=True))
    times = []
    for pk in rng.sample(ids, edits):
        t = Translation.objects.get(pk=pk)
        key = (t.work_id, t.language)
        before = republish.states([key])
        t.title = t.title + " (corrected)"
        t.body_markdown += "\n\nA corrected last paragraph."
        t.save()
        started = time.perf_counter()
        republish.republish(out, before)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=9000)
    parser.add_argument("--second", type=int, default=0, help="also build havza at this size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    hugo = shutil.which("hugo")
    if not hugo:
        raise SystemExit("hugo is not installed (apt-get install -y hugo)")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    folder = Path(tempfile.mkdtemp(prefix="havza-bench-"))
    print(f"{version}\nPython {sys.version.split()[0]}, {os.cpu_count()} cores, in {folder}")
    try:
        results = {}
        data, _translations = _load(args.works, folder)
        site = folder / "hugo"
        site.mkdir()
        write_hugo_site(site, *generate(args.works))
        env = _env(data)
        havza_runs, hugo_runs = [], []
        for _ in range(args.runs):  # alternating, so both see the same machine load
            shutil.rmtree(data / "public", ignore_errors=True)
            havza_runs.append(measure([str(HAVZA), "build", str(data / "public")], env))
            print(f"  havza build: {havza_runs[-1]}")
            shutil.rmtree(site / "public", ignore_errors=True)
            hugo_runs.append(measure([hugo, "--quiet"], dict(os.environ), cwd=site))
            print(f"  hugo: {hugo_runs[-1]}")
        results[("havza", args.works)] = (_median(havza_runs), file_count(data / "public"))
        results[("hugo", args.works)] = (_median(hugo_runs), file_count(site / "public"))
        if args.second:
            second, _count = _load(args.second, folder)
            runs = []
            for _ in range(args.runs):
                shutil.rmtree(second / "public", ignore_errors=True)
                runs.append(measure([str(HAVZA), "build", str(second / "public")], _env(second)))
                print(f"  havza build (second size): {runs[-1]}")
            results[("havza", args.second)] = (_median(runs), file_count(second / "public"))
        for (tool, works), (run, count) in results.items():
            print(
                f"{tool:6} {works:6} works: {run.seconds:7.1f} s, {count:7} pages, "
                f"{count / run.seconds:6.0f} pages/s, max RSS {run.max_rss / 2**20:5.0f} MiB, "
                f"process tree {run.tree_rss / 2**20:5.0f} MiB"
            )
        havza, hugo_run = results[("havza", args.works)][0], results[("hugo", args.works)][0]
        print(f"ratio havza / hugo (time): {havza.seconds / hugo_run.seconds:.2f}")
        print(f"load average after the runs: {os.getloadavg()}")
        if args.edits:
            largest = max(args.works, args.second)
            _setup_django(folder / f"havza-{largest}")
            times = republish_times(folder / f"havza-{largest}" / "public", args.edits)
            print(
                f"republish one edited translation: median {statistics.median(times) * 1000:.0f} "
                f"ms, max {max(times) * 1000:.0f} ms over {len(times)} edits"
            )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
