"""The interface strings of the public templates, translated once per language and page
catalog and reused by the next pages: each page still reads in its own language, and a
message with values is formatted with each page's values."""

from __future__ import annotations

from django.template import engines

from havza.publishing.jinja import page_language

SOURCE = (
    '{{ _("Skip to content") }}|{{ pgettext("list separator", ", ") }}|'
    '{{ _("Event: %(event)s", event=name) }}'
)


def render(lang: str, name: str) -> str:
    with page_language(lang):
        return engines["jinja2"].from_string(SOURCE).render({"name": name})


def test_pages_in_turn_in_several_languages_each_read_in_their_own():
    first = {lang: render(lang, "Rally") for lang in ("en", "ku", "tr", "en", "ku")}
    assert first["en"].startswith("Skip to content|, |")
    assert first["ku"].startswith("Here naverokê|")
    assert first["tr"] != first["en"] and not first["tr"].startswith("Skip to content")
    assert {lang: render(lang, "Rally") for lang in first} == first


def test_a_message_with_values_takes_each_pages_values_escaped():
    assert render("en", "Rally").endswith("Rally")
    assert render("en", "<b>March</b>").endswith("&lt;b&gt;March&lt;/b&gt;")
