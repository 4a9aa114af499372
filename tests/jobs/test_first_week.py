"""The editor's and the translator's first week, in Chromium, with the mail going through a
real SMTP server and the worker's own loop: an editor invites an Arabic translator; she sets
a password from the mailed link, works in an Arabic workspace, translates the statement and
so sends it for review; the editor is told, previews the draft, approves it and schedules it
on the work screen; at that time the worker publishes it, and it comes first on ``/ar/`` and
in the Arabic feed."""

from __future__ import annotations

import datetime as dt
import email.header
import re

import feedparser
import pytest
from django.utils import timezone

from havza.jobs.worker import run_due_jobs
from havza.publishing.models import Translation
from havza.translation.models import TargetSegment
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ORIGINAL = (
    "Solidarity across the sea",
    ["The workers of the shores stand together.", "No port will load weapons for the war."],
)
ARABIC = ("التضامن عبر البحر", ["عمال الشواطئ يقفون معًا.", "لن يحمّل أي ميناء أسلحة للحرب."])

# Latin words an Arabic workspace may show: the product's name and the text formats' names.
NAMES = {"havza", "Markdown", "xliff", "xliff2", "xliff12", "po"}


@pytest.fixture(autouse=True)
def database_beside_the_browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def week(db):
    """A network that has published in Arabic before, and today's English statement."""
    for day, title in ((dt.date(2023, 5, 9), "بيان قديم"), (timezone.localdate(), "خبر اليوم")):
        older = f.WorkFactory(published_on=day)
        f.TranslationFactory(work=older, language="en", title=f"Earlier {day}")
        f.TranslationFactory(work=older, language="ar", title=title)
    work = f.WorkFactory(original_language="en", published_on=None)
    f.TranslationFactory(
        work=work, language="en", title=ORIGINAL[0], body_markdown="\n\n".join(ORIGINAL[1])
    )
    return work


def body_of(message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def subject_of(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def latin_interface_words(page) -> list[str]:
    """Words in Latin letters in the page's own (interface) text: text whose nearest
    ``lang`` is the page's, outside ``<bdi>`` (user text of unknown language)."""
    return page.evaluate(
        r"""() => {
        const words = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const page = document.documentElement.lang;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el || el.closest('bdi, script, style, [hidden]')) continue;
            if (el.closest('[lang]').getAttribute('lang') !== page) continue;
            if (!el.checkVisibility()) continue;
            words.push(...(node.textContent.match(/[A-Za-z]{2,}/g) || []));
        }
        return words;
    }"""
    )


def test_the_week_from_invitation_to_publication(
    browser, live_server, transactional_db, week, make_editor, smtp, clock
):
    inbox = smtp()
    eda = make_editor("eda", lang="en", grant="ar")
    eda.email = "eda@shores.example"
    eda.save()
    editor = browser.new_context(locale="en-US").new_page()
    editor.goto(f"{live_server.url}/translate/")
    editor.fill("#id_username", "eda")
    editor.fill("#id_password", "pw-eda")
    editor.click("input[type=submit]")
    editor.wait_for_url(f"{live_server.url}/translate/")

    # Monday: the invitation.
    editor.click("text=Invite a translator")
    editor.fill("#id_email", "mona@shores.example")
    editor.fill("#id_name", "Mona")
    editor.check("input[name=languages][value=ar]")
    editor.select_option("#id_role", "translator")
    editor.select_option("#id_interface_language", "ar")
    editor.click("form.tx-invite button[type=submit]")
    assert "mona@shores.example" in editor.locator(".messagelist").inner_text()
    assert inbox.messages == []  # the request sends nothing itself: the worker does
    assert run_due_jobs() == 1
    [(_, to, invitation)] = inbox.messages
    assert to == ["mona@shores.example"]
    link = re.search(r"http://\S+(/translate/welcome/\S+/)", body_of(invitation)).group(1)

    # The translator chooses her password and lands in an Arabic workspace.
    mona = browser.new_context(locale="en-US").new_page()  # her browser asks for English
    mona.goto(f"{live_server.url}{link}")
    assert mona.get_attribute("html", "lang") == "ar"
    mona.fill("#id_new_password1", "olive trees by the sea 7")
    mona.fill("#id_new_password2", "olive trees by the sea 7")
    mona.click("input[type=submit]")
    mona.wait_for_url(f"{live_server.url}/translate/")
    assert (mona.get_attribute("html", "lang"), mona.get_attribute("html", "dir")) == ("ar", "rtl")
    assert set(latin_interface_words(mona)) == {"havza"}
    mona.locator("tr", has_text=ORIGINAL[0]).locator(f"a[href$='/{week.pk}/ar/']").click()
    mona.wait_for_url(re.compile(rf"/translate/{week.pk}/ar/$"))
    mona.click("form[action$='/start/'] button")
    mona.wait_for_load_state()
    assert set(latin_interface_words(mona)) <= NAMES

    # She translates every segment; the last save sends the translation for review.
    keys = mona.eval_on_selector_all(".tx-segment", "items => items.map(li => li.dataset.key)")
    assert len(keys) == 3
    for key, text in zip(keys, [ARABIC[0], *ARABIC[1]], strict=True):
        mona.fill(f"#text-{key}", text)
        mona.locator(f"#seg-{key} button[value=save]").click()
        mona.wait_for_load_state()
        assert mona.locator(f"#seg-{key}.state-translated").count() == 1
    saved = TargetSegment.objects.filter(translation__work=week, translation__language="ar")
    assert sorted(saved.values_list("text", flat=True)) == sorted([ARABIC[0], *ARABIC[1]])
    assert run_due_jobs() == 1
    [(_, to, ready)] = inbox.messages[1:]
    assert to == ["eda@shores.example"] and ORIGINAL[0] in subject_of(ready)
    review_link = re.search(r"http://\S+(/translate/\d+/ar/)", body_of(ready)).group(1)

    # The editor reads the draft as it will be published, approves it and schedules it.
    editor.goto(f"{live_server.url}{review_link}")
    preview = editor.locator("a[href^='/translate/preview/']").get_attribute("href")
    reader = browser.new_context(locale="en-US").new_page()  # a reviewer outside havza
    reader.goto(f"{live_server.url}{preview}")
    assert reader.get_attribute("html", "lang") == "ar"
    assert reader.locator("h1").inner_text() == ARABIC[0]
    assert ARABIC[1][1] in reader.locator("main").inner_text()
    editor.click("text=Approve every translated segment without warnings")
    editor.wait_for_load_state()
    assert not saved.filter(approved_source_hash="").exists()

    when = (timezone.now() + dt.timedelta(minutes=30)).replace(microsecond=0)
    local = timezone.localtime(when)
    editor.goto(f"{live_server.url}/admin/publishing/work/{week.pk}/change/")
    row = editor.evaluate(
        """() => [...document.querySelectorAll("select[name^=translations-][name$=-language]")]
             .find(s => s.value === "ar").name.replace(/-language$/, "")"""
    )
    editor.fill(f"[name={row}-publish_at_0]", local.date().isoformat())
    editor.fill(f"[name={row}-publish_at_1]", local.strftime("%H:%M:%S"))
    editor.click("input[name=_continue]")
    editor.wait_for_load_state()
    assert editor.locator(".errornote, .errorlist").count() == 0
    arabic = Translation.objects.get(work=week, language="ar")
    assert (arabic.status, arabic.publish_at) == ("draft", when)

    # Nobody is at the keyboard: the worker publishes it at its time, not before.
    assert run_due_jobs() == 0
    with clock(when + dt.timedelta(seconds=2)):
        assert run_due_jobs() == 1
    arabic.refresh_from_db()
    assert (arabic.status, arabic.title) == ("published", ARABIC[0])

    site = browser.new_context(locale="en-US").new_page()
    site.goto(f"{live_server.url}/ar/")
    assert site.locator(".items .item-title a").first.inner_text() == ARABIC[0]
    site.locator(".items .item-title a").first.click()
    assert site.locator("h1").inner_text() == ARABIC[0]
    assert ARABIC[1][0] in site.locator("main").inner_text()
    feed = feedparser.parse(site.request.get(f"{live_server.url}/ar/feed.xml").body())
    assert feed.entries[0].title == ARABIC[0]
