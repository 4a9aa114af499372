"""The import reads only what it was given, never the site's own files, and says what it left."""

import os
import shutil
import socket
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from havza.archive import importer
from havza.archive.paths import expand
from havza.archive.sources import MAX_PAGE_BYTES, SourceError, read_bytes
from havza.publishing.models import Translation
from tests.archive.conftest import write

pytestmark = pytest.mark.django_db

PAGE = "Strike at the port\n\nThe workers of the port went on strike for the third day. " * 3


def run(*paths):
    return importer.run([str(p) for p in paths], importer.Options(jobs=1))


def by_name(report) -> dict[str, tuple[str, list[str]]]:
    return {Path(d["path"]).name: (d["status"], d["problems"]) for d in report.documents}


def published_text() -> str:
    return " ".join(f"{t.title} {t.body_markdown}" for t in Translation.objects.all())


def test_links_out_of_the_folder_are_refused_and_reported(tmp_path):
    secret = Path(settings.DATA_DIR) / "secret_key"
    outside = write(tmp_path, "outside/notes.txt", PAGE.replace("port", "harbour"))
    archive = tmp_path / "a"
    write(archive, "good.txt", PAGE)
    (archive / "k.txt").symlink_to(secret)
    (archive / "p.txt").symlink_to("/etc/passwd")
    (archive / "n.txt").symlink_to(outside)
    (archive / "inside.txt").symlink_to(archive / "good.txt")
    (archive / "folder").symlink_to(tmp_path / "outside", target_is_directory=True)
    report = run(archive)
    status = by_name(report)
    assert status["good.txt"][0] == "imported"
    for name in ("k.txt", "p.txt", "n.txt"):
        assert status[name][0] == "failed"
        assert "outside the folder: not read" in status[name][1][0]
    assert status["folder"] == ("skipped", ["a link to a folder: not followed"])
    assert "inside.txt" not in status  # the file it leads to is read once, as good.txt
    assert Translation.objects.count() == 1
    assert "harbour" not in published_text() and "root:" not in published_text()
    assert settings.SECRET_KEY not in published_text()


def test_a_link_named_directly_may_not_lead_out_of_its_folder(tmp_path):
    archive = tmp_path / "a"
    archive.mkdir()
    (archive / "k.txt").symlink_to(Path(settings.DATA_DIR) / "secret_key")
    (archive / "p.txt").symlink_to("/etc/passwd")
    # What a shell makes of `havza import a/*`: every link named one by one.
    report = run(archive / "k.txt", archive / "p.txt", str(archive / "*.txt"))
    assert {d["status"] for d in report.documents} == {"failed"}
    assert Translation.objects.count() == 0


def test_the_sites_own_files_are_never_read(tmp_path):
    data = Path(settings.DATA_DIR)
    report = run(data / "secret_key", data)
    assert report.documents and {d["status"] for d in report.documents} == {"failed"}
    assert all("the site's own files" in d["problems"][0] for d in report.documents)
    assert Translation.objects.count() == 0


def test_a_copy_of_the_secret_key_is_not_imported(tmp_path):
    write(tmp_path, "copy.txt", f"Notes\n\nThe key is {settings.SECRET_KEY} for the site.")
    status = by_name(run(tmp_path))
    assert status["copy.txt"] == ("failed", ["holds the site's secret key: never imported"])


def test_pipes_devices_and_sockets_are_never_opened(tmp_path):
    short = Path(tempfile.mkdtemp(dir="/tmp"))  # a socket's path must be short
    try:
        os.mkfifo(short / "pipe.txt")
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(short / "sock.txt"))
        write(short, "good.txt", PAGE)
        # Opening the pipe would wait for a writer forever; /dev/zero never ends.
        report = run(short, short / "pipe.txt", "/dev/zero")
        sock.close()
    finally:
        shutil.rmtree(short)
    status = {d["path"]: (d["status"], d["problems"]) for d in report.documents}
    assert status[str(short / "good.txt")][0] == "imported"
    assert status[str(short / "pipe.txt")] == ("failed", ["a named pipe, not a file: not read"])
    assert status[str(short / "sock.txt")] == ("failed", ["a socket, not a file: not read"])
    assert status["/dev/zero"] == ("failed", ["a device, not a file: not read"])


def test_a_page_larger_than_the_limit_is_not_read():
    with pytest.raises(SourceError, match="pages are read up to 5 MB"):
        read_bytes(b"word " * (MAX_PAGE_BYTES // 5 + 1), "big.txt")


def test_a_file_name_that_is_not_utf8_is_reported_readably(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(PAGE.encode())
    write(tmp_path, "good.txt", PAGE.replace("port", "mines"))
    report = importer.run([str(tmp_path)], importer.Options(jobs=1), report_path=tmp_path / "r")
    names = sorted(Path(d["path"]).name for d in report.documents)
    assert names == ["caf\\xe9.txt", "good.txt"]
    assert {d["status"] for d in report.documents} == {"imported"}
    assert Translation.objects.count() == 2
    assert "caf\\\\xe9.txt" in (tmp_path / "r").read_text(encoding="utf-8")


def test_the_command_fails_when_a_file_failed(tmp_path):
    write(tmp_path, "good.txt", PAGE)
    write(tmp_path, "empty.txt", "")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 2 documents failed") as raised:
        call_command("import", str(tmp_path), stdout=out, stderr=err)
    assert raised.value.returncode == 1
    assert "empty.txt: the file is empty" in err.getvalue()
    assert Translation.objects.count() == 1  # the rest is saved


def test_the_command_succeeds_when_files_are_skipped_with_a_reason(tmp_path):
    write(tmp_path, "good.txt", PAGE)
    write(tmp_path, "german.txt", "Die Arbeiter streiken.\n\n" + "Die Arbeiter des Hafens " * 20)
    out = StringIO()
    call_command("import", str(tmp_path), stdout=out)
    assert "1 imported, 0 updated, 0 unchanged, 1 skipped, 0 failed" in out.getvalue()


def test_expand_reports_what_names_nothing(tmp_path):
    files, refused = expand([str(tmp_path / "missing.txt"), str(tmp_path / "*.none")])
    assert files == []
    assert [d["problems"] for d in refused] == [["no such file or folder"]] * 2
