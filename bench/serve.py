"""The live server under load: `havza serve` on the demo network, measured with wrk.

    python -m bench.serve                       # granian, cached pages, 10 s per run
    python -m bench.serve --servers granian,gunicorn,waitress --uncached
    python -m bench.serve --wagtail             # and Wagtail + wagtail-localize, same pages

For each server it starts `havza serve` (one worker per core), finds a work page, a listing
and the home page of the demo, and runs `wrk -t2 -c1` and `wrk -t2 -c64` (--latency) on
each, asking for Brotli as browsers do. `--uncached` runs the same with HAVZA_PAGE_CACHE=false
(every request rendered). `--wagtail` builds a virtual environment with Wagtail and
wagtail-localize (from PyPI), a page of the same text in it, and serves it with granian and
the same number of workers. One JSON object per run is printed, then a summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAVZA = Path(sys.executable).with_name("havza")
WRK_HEADERS = ["-H", "Accept-Encoding: br, gzip"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_for(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server stopped: {process.stdout.read() if process.stdout else ''}"
            )
        try:
            if fetch(url)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def wrk(url: str, connections: int, duration: int) -> dict:
    """wrk's figures for URL: requests a second, p50 and p99 in ms, errors."""
    threads = min(2, connections)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            *WRK_HEADERS,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.MULTILINE))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "connections": connections,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": round(_seconds(latency["50"]) * 1000, 3) if "50" in latency else None,
        "p99_ms": round(_seconds(latency["99"]) * 1000, 3) if "99" in latency else None,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def demo_data(folder: Path) -> dict:
    env = {**os.environ, "HAVZA_DATA_DIR": str(folder)}
    if not (folder / "havza.sqlite3").exists() and "HAVZA_DATABASE_URL" not in env:
        subprocess.run([str(HAVZA), "demo", "--no-serve"], env=env, check=True, capture_output=True)
    subprocess.run([str(HAVZA), "migrate", "--noinput"], env=env, check=True, capture_output=True)
    return env


def pages_of(base: str) -> dict[str, str]:
    """A work page, a listing and the home page of the English site."""
    _status, home = fetch(base + "/en/")
    return pages_in(home)


def pages_in(home: str) -> dict[str, str]:
    """A work page, a listing and the home page, as the English home page HOME links them."""
    work = re.search(r'href="(/en/works/[^"/]+/)"', home).group(1)
    listing = next(
        path
        for path in re.findall(r'href="(/en/[a-z-]+/)"', home)
        if path.rstrip("/").rsplit("/", 1)[-1] in {"statements", "articles", "declarations"}
    )
    return {"work": work, "listing": listing, "home": "/en/"}


def measure(name: str, base: str, paths: dict[str, str], duration: int) -> list[dict]:
    results = []
    for page, path in paths.items():
        for _ in range(3):  # every worker has it
            fetch(base + path)
        for connections in (1, 64):
            figures = wrk(base + path, connections, duration)
            result = {"server": name, "page": page, "path": path, **figures}
            print(json.dumps(result), flush=True)
            results.append(result)
    return results


def run_havza(server: str, env: dict, workers: int, duration: int, cached: bool) -> list[dict]:
    port = free_port()
    env = {**env, "HAVZA_PAGE_CACHE": "true" if cached else "false"}
    command = [str(HAVZA), "serve", "--port", str(port), "--server", server]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/en/", process)
        name = f"havza-{server}" + ("" if cached else "-uncached")
        return measure(name, base, pages_of(base), duration)
    finally:
        process.terminate()
        process.wait(timeout=30)


# Wagtail -----------------------------------------------------------------------------------

# The anchor's versions, so that runs months apart compare the same Wagtail.
WAGTAIL_PACKAGES = ["wagtail==8.0.1", "wagtail-localize==1.14.5", "granian==2.8.9"]

WAGTAIL_SETUP = r"""
import os, sys
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_under_test.settings.production")
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
from wagtail.models import Page, Site
from home.models import HomePage
home = HomePage.objects.first()
text = open(sys.argv[1]).read()
if not home.get_children().filter(slug="statement").exists():
    child = HomePage(title="A statement of the network", slug="statement", body=text)
    home.add_child(instance=child)
    child.save_revision().publish()
print(home.get_children().get(slug="statement").url)
"""


def run_wagtail(workers: int, duration: int, text: str) -> list[dict]:
    """Wagtail with wagtail-localize in its own venv, serving a page of TEXT with granian."""
    folder = Path(tempfile.gettempdir()) / "havza-bench-wagtail"
    venv = folder / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *WAGTAIL_PACKAGES],
            check=True,
        )
    project = folder / "site_under_test"
    if not project.exists():
        project.mkdir(parents=True)
        subprocess.run(
            [str(venv / "bin" / "wagtail"), "start", "site_under_test", str(project)], check=True
        )
        home_models = project / "home" / "models.py"
        home_models.write_text(
            "from django.db import models\nfrom wagtail.models import Page\n\n\n"
            "class HomePage(Page):\n    body = models.TextField(blank=True)\n"
        )
        template = project / "home" / "templates" / "home" / "home_page.html"
        template.write_text(
            '{% extends "base.html" %}\n{% block content %}<article><h1>{{ page.title }}</h1>'
            "{{ page.body|linebreaks }}</article>{% endblock %}\n"
        )
        settings = project / "site_under_test" / "settings" / "base.py"
        settings.write_text(
            settings.read_text().replace(
                '"wagtail.contrib.forms",',
                '"wagtail.contrib.forms",\n    "wagtail_localize",'
                '\n    "wagtail_localize.locales",',
            )
            + "\nWAGTAIL_I18N_ENABLED = True\nLANGUAGE_CODE = 'en'\n"
            "WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = "
            "[('en', 'English'), ('tr', 'Türkçe'), ('ar', 'Arabic')]\n"
            "ALLOWED_HOSTS = ['*']\nSECRET_KEY = 'bench-only'\n"
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_under_test.settings.dev"}
        subprocess.run(
            [str(python), "manage.py", "makemigrations", "home"], cwd=project, env=env, check=True
        )
    text_file = folder / "text.txt"
    text_file.write_text(text)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_under_test.settings.production"}
    env["SECRET_KEY"] = "bench-only"
    setup = subprocess.run(
        [str(python), "-c", WAGTAIL_SETUP, str(text_file)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    path = setup.stdout.strip().splitlines()[-1]
    port = free_port()
    process = subprocess.Popen(
        [str(venv / "bin" / "granian"), "--interface", "wsgi", "--workers", str(workers),
         "--blocking-threads", "8", "--port", str(port), "site_under_test.wsgi:application"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + path, process)
        return measure("wagtail-granian", base, {"work": path}, duration)
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--servers", default="granian", help="Comma-separated: granian,gunicorn,waitress"
    )
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--duration", type=int, default=10, help="Seconds of each wrk run.")
    parser.add_argument("--data", type=Path, help="DATA_DIR of a loaded site (default: the demo).")
    parser.add_argument("--uncached", action="store_true", help="Also with the render cache off.")
    parser.add_argument("--wagtail", action="store_true", help="Also Wagtail + wagtail-localize.")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    data = args.data or Path(tempfile.gettempdir()) / "havza-bench-serve"
    env = demo_data(data)
    results = []
    for server in args.servers.split(","):
        results += run_havza(server, env, args.workers, args.duration, cached=True)
        if args.uncached:
            results += run_havza(server, env, args.workers, args.duration, cached=False)
    if args.wagtail:
        work = next(r for r in results if r["page"] == "work")
        text = _text_of(env, work["path"])
        try:
            results += run_wagtail(args.workers, args.duration, text)
        except (subprocess.CalledProcessError, RuntimeError, OSError) as error:
            print(json.dumps({"server": "wagtail-granian", "error": str(error)[:500]}), flush=True)
    summary = {
        f"{r['server']}/{r['page']}/c{r['connections']}": r["requests_per_s"] for r in results
    }
    print(json.dumps({"summary": summary}))
    return summary


def _text_of(env: dict, path: str) -> str:
    """The text of the work page at PATH (its paragraphs), for the Wagtail page."""
    code = (
        "import django, os, sys; django.setup();"
        "from django.urls import resolve; from urllib.parse import unquote;"
        "from havza.publishing.models import Translation;"
        "m = resolve(unquote(sys.argv[1]));"
        "t = Translation.objects.get(language=m.kwargs['lang'], slug=m.kwargs['slug']);"
        "print(t.body_markdown)"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "havza.settings"}
    out = subprocess.run(
        [sys.executable, "-c", code, path], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout


if __name__ == "__main__":
    main()
