"""Broken and hostile archive files, each with what the import must say about it.

``build(folder, secret)`` writes the corpus and returns, per file name as the report shows
it, the expected status and a phrase its reason must contain (None: no reason needed).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.archive.test_sources import _wxr

PAGE = (
    "Strike at the port\n\n9 May 2023\n\n"
    "The workers of the port went on strike for the third day, and 4,000 of them marched.\n\n"
    "They demand the release of the comrades arrested on 2 May 2023."
)
BODY = "<p>The dockers of the city stopped work at dawn and 300 of them marched.</p>"


def _item(post_id: int, title: str, body: str = BODY, status: str | None = "publish") -> str:
    status_tag = f"<wp:status>{status}</wp:status>" if status is not None else ""
    return (
        f"<item><title>{title}</title><content:encoded><![CDATA[{body}]]></content:encoded>"
        # Dated: an undated post is kept as a draft, whatever its status says.
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2023-05-09 10:00:00</wp:post_date>"
        f"{status_tag}<wp:post_type>post</wp:post_type></item>"
    )


def _with_doctype(export: str, doctype: str) -> str:
    return export.replace("<rss", f"{doctype}\n<rss", 1)


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
)
XXE = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def build(folder: Path, secret: Path) -> dict[str, tuple[str, str | None]]:
    rng = random.Random(9)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, tuple[str, str | None]] = {}

    def add(name: str, content: str | bytes, status: str, reason: str | None) -> None:
        data = content.encode() if isinstance(content, str) else content
        (folder / name).write_bytes(data)
        expected[name] = (status, reason)

    add("good.txt", PAGE, "imported", None)
    add("empty.txt", b"", "failed", "the file is empty")
    add("blank.txt", b" \n\n\t\r\n", "failed", "the file is empty")
    add("junk.bin", bytes(rng.randrange(256) for _ in range(5000)), "failed", "binary")
    add(
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "failed",
        "binary",
    )
    add("nul-inside.txt", PAGE[:60] + "\x00\x00\x00" + PAGE[60:], "failed", "binary")
    add("controls.txt", "".join(chr(rng.randrange(1, 9)) for _ in range(3000)), "failed", "binary")
    add("utf16-without-bom.txt", PAGE.encode("utf-16-le"), "failed", "binary")
    add("truncated.html", "<html><body><article><p>" + PAGE.replace("\n\n", "</p><p>")[:150],
        "imported", None)  # fmt: skip
    add("only-script.html", "<html><body><script>var a = 1;</script></body></html>",
        "skipped", "no text found")  # fmt: skip
    nested = "<div>" * 5000 + "<p>The workers of the port went on strike.</p>" + "</div>" * 5000
    add("deeply-nested.html", f"<html><body>{nested}</body></html>", "skipped", "no main content")
    add("huge-line.txt", "Strike\n\n" + "the workers of the port went on strike " * 25_000,
        "imported", None)  # fmt: skip
    add("too-large.txt", b"word " * 1_100_000, "failed", "pages are read up to 5 MB")
    add("cp1254.txt", "Liman işçileri grevde\n\nİşçiler üçüncü gün de grevi sürdürdü, "
        "4.000 işçi kent merkezine yürüdü. Tutuklanan arkadaşlarının serbest bırakılmasını "
        "istiyorlar.".encode("cp1254"), "imported", "not UTF-8")  # fmt: skip
    add("one-bad-byte.txt", PAGE.encode()[:80] + b"\xff" + PAGE.encode()[80:], "imported",
        "not UTF-8")  # fmt: skip
    add("german.txt", "Die Arbeiter streiken.\n\n" + "Die Arbeiter des Hafens streiken. " * 20,
        "skipped", "not a site language")  # fmt: skip
    add("broken.xml", "<?xml version='1.0'?><root><unclosed>text", "imported", None)
    # Cut inside the second post: the first is read, and the repair is reported.
    add("wxr-truncated.xml", _wxr(_item(1, "Dockers strike") + _item(2, "Cut"))[:-200],
        "imported", "XML error repaired")  # fmt: skip
    add("wxr-empty.xml", _wxr(""), "skipped", "no posts or pages")
    add("wxr-no-status.xml", _wxr(_item(1, "Dockers without status", status=None)), "imported",
        "no status in the export: saved as a draft")  # fmt: skip
    add("wxr-odd-status.xml", _wxr(_item(1, "Dockers odd status", status="weird")), "imported",
        "saved as a draft")  # fmt: skip
    add("wxr-no-body.xml", _wxr(_item(1, "Dockers without body", body="")), "imported",
        "saved as a draft: it has no body text")  # fmt: skip
    long_doctype = "<!DOCTYPE rss [" + "<!-- padding -->" * 600 + "]>"
    add("wxr-long-doctype.xml", _with_doctype(_wxr(_item(1, "Dockers long doctype")),
        long_doctype), "imported", None)  # fmt: skip
    add("wxr-laughs.xml", _with_doctype(_wxr(_item(1, "Dockers &f; laugh")), LAUGHS),
        "imported", None)  # fmt: skip
    add("wxr-xxe.xml", _with_doctype(_wxr(_item(1, "Dockers &x; file")), XXE), "imported", None)
    add("wxr-comment.xml", _wxr(_item(1, "Dockers comment", body="<!-- hidden note -->" + BODY)),
        "imported", None)  # fmt: skip
    # Links out of the archive, and files no import may open.
    (folder / "secret.txt").symlink_to(secret)
    expected["secret.txt"] = ("failed", "outside the folder")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    expected["passwd.txt"] = ("failed", "outside the folder")
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    expected["dangling.txt"] = ("failed", "a broken link")
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = ("failed", "a named pipe")
    name = os.path.join(os.fsencode(folder), b"caf\xe9-\xff.txt")
    Path(os.fsdecode(name)).write_text(PAGE.replace("port", "mines"), encoding="utf-8")
    expected["caf\\xe9-\\xff.txt"] = ("imported", None)
    return expected
