"""The editor's one screen for a work, through the admin's own forms (no browser needed)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from havza.publishing.models import Signatory, Work
from havza.translation.models import LanguageGrant, Role
from tests import factories as f
from tests.admin.conftest import SIGNATORIES, TEXTS
from tests.admin.forms import form_fields

ADD = "/admin/publishing/work/add/"


def page(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def add_translation_rows(data: dict, texts: dict[str, tuple[str, str]], status="published"):
    for i, (lang, (title, body)) in enumerate(texts.items()):
        data.update({
            f"translations-{i}-language": lang,
            f"translations-{i}-title": title,
            f"translations-{i}-body_markdown": body,
            f"translations-{i}-status": status,
            f"translations-{i}-slug": "",
        })  # fmt: skip
    data["translations-TOTAL_FORMS"] = str(len(texts))


def new_statement_data(client, organizations, texts=TEXTS, original="en") -> dict:
    data = form_fields(client.get(ADD).content, "work_form")
    data.update({"kind": "statement", "original_language": original, "published_on": ""})
    add_translation_rows(data, texts)
    # The rows are filled in the order the organizations sign; positions are left at 0.
    for i, org in enumerate(organizations):
        data[f"signatories-{i}-organization"] = str(org.pk)
    data["_save"] = "Save"
    return data


@pytest.mark.django_db
def test_the_admin_speaks_the_editors_language_not_the_browsers(client, make_editor):
    editor = make_editor("ayse", lang="tr")
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "tr"
    html = page(response)
    assert html.html["lang"] == "tr"
    assert "Site yönetimi" in html.get_text()  # Django's own Turkish
    add_page = page(client.get(ADD, HTTP_ACCEPT_LANGUAGE="en"))
    assert "Eserin yazıldığı dil" in add_page.get_text()  # havza's own Turkish help text


@pytest.mark.django_db
def test_without_a_choice_the_admin_follows_the_browser(client, make_editor):
    client.force_login(make_editor("nikos"))
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="el-GR,el;q=0.9,en;q=0.5")
    assert response.headers["Content-Language"] == "el"
    assert page(response).html["lang"] == "el"


@pytest.mark.django_db
def test_a_kurmanji_editor_sees_havza_in_kurmanji_and_djangos_own_words_in_english(
    client, make_editor
):
    client.force_login(make_editor("rojda", lang="ku"))
    html = page(client.get(ADD))
    assert html.html["lang"] == "ku"
    save = html.find("input", attrs={"name": "_save"})
    # Django has no Kurmanji: its words are English, never the default language (Turkish).
    assert save["value"] == "Save"
    assert "Kaydet" not in html.get_text()
    assert "Zimanê ku berhem pê hatiye nivîsandin" in html.get_text()


@pytest.mark.django_db
def test_one_screen_creates_a_statement_in_four_languages_with_ordered_signatories(
    client, make_editor, organizations
):
    client.force_login(make_editor("ayse", lang="tr"))
    response = client.post(ADD, new_statement_data(client, organizations))
    assert response.status_code == 302, page(response).find(class_="errornote")
    work = Work.objects.get()
    assert work.kind == "statement" and work.original_language == "en"
    assert {t.language for t in work.published_translations()} == {"en", "tr", "ar", "el"}
    assert all(t.published_at is not None for t in work.translations.all())
    signed = list(Signatory.objects.filter(work=work).order_by("position"))
    assert [(s.organization.acronym, s.position) for s in signed] == [
        (acronym, n) for n, (acronym, *_) in enumerate(SIGNATORIES, start=1)
    ]
    assert [s.country for s in signed] == [country for _, _, country, *_ in SIGNATORIES]

    for lang in TEXTS:
        t = work.translations.get(language=lang)
        html = page(client.get(t.get_absolute_url()))
        switcher = [a["hreflang"] for a in html.select("nav.also-in a")]
        # Exactly the languages the statement exists in: this page's, and the three others.
        assert sorted([lang, *switcher]) == sorted(TEXTS)
        assert html.html["dir"] == ("rtl" if lang == "ar" else "ltr")
        listed = [li.get_text(" ", strip=True) for li in html.select("section.signatories li")]
        assert [row.split(" ")[0] for row in listed] == [s[0] for s in SIGNATORIES]
        if lang in ("tr", "ar"):
            column = 3 if lang == "tr" else 4
            assert [row.rsplit("– ", 1)[1] for row in listed] == [s[column] for s in SIGNATORIES]


@pytest.mark.django_db
def test_publishing_again_keeps_the_first_publication_time(client, make_editor, organizations):
    client.force_login(make_editor("ayse", lang="tr"))
    client.post(ADD, new_statement_data(client, organizations))
    work = Work.objects.get()
    first = work.translations.get(language="ar").published_at
    url = reverse("admin:publishing_work_change", args=[work.pk])

    def save_with_arabic(status: str) -> None:
        data = form_fields(client.get(url).content, "work_form")
        index = next(k for k, v in data.items() if k.endswith("-language") and v == "ar")
        data[index.replace("-language", "-status")] = status
        data["_save"] = "Save"
        assert client.post(url, data).status_code == 302

    save_with_arabic("draft")
    arabic = work.translations.get(language="ar")
    assert arabic.status == "draft" and arabic.published_at == first
    assert client.get(arabic.get_absolute_url()).status_code == 404
    save_with_arabic("published")
    arabic.refresh_from_db()
    assert arabic.is_published and arabic.published_at == first
    assert client.get(arabic.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_work_without_text_in_its_original_language_is_refused(
    client, make_editor, organizations
):
    client.force_login(make_editor("ayse", lang="en"))
    texts = {lang: TEXTS[lang] for lang in ("tr", "ar")}
    response = client.post(ADD, new_statement_data(client, organizations, texts, original="en"))
    assert response.status_code == 200
    errors = page(response).get_text()
    assert "There is no text in the original language (English)" in errors
    assert not Work.objects.exists()


@pytest.mark.django_db
def test_the_same_language_twice_is_refused(client, make_editor, organizations):
    client.force_login(make_editor("ayse", lang="en"))
    data = new_statement_data(client, organizations, {"en": TEXTS["en"], "tr": TEXTS["tr"]})
    data["translations-1-language"] = "en"
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for language" in page(response).get_text()
    assert not Work.objects.exists()


@pytest.mark.django_db
def test_arabic_fields_are_right_to_left_in_an_english_admin(client, make_editor):
    work = f.WorkFactory(original_language="en")
    f.TranslationFactory(work=work, language="en", title="Peace")
    f.TranslationFactory(work=work, language="ar", title="السلام", body_markdown="لا للحرب.")
    client.force_login(make_editor("sam", lang="en"))
    html = page(client.get(reverse("admin:publishing_work_change", args=[work.pk])))
    assert html.html["dir"] == "ltr"
    rows = {
        html.find("select", attrs={"name": f"translations-{i}-language"}).find(
            "option", selected=True
        )["value"]: i
        for i in range(2)
    }
    arabic = html.find("textarea", attrs={"name": f"translations-{rows['ar']}-body_markdown"})
    assert (arabic["dir"], arabic["lang"]) == ("rtl", "ar")
    title = html.find("input", attrs={"name": f"translations-{rows['ar']}-title"})
    assert (title["dir"], title["lang"]) == ("rtl", "ar")
    english = html.find("textarea", attrs={"name": f"translations-{rows['en']}-body_markdown"})
    assert (english["dir"], english["lang"]) == ("ltr", "en")
    # The row added by "Add another" has no language yet: its direction follows the text.
    blank = html.find("textarea", attrs={"name": "translations-2-body_markdown"})
    assert blank["dir"] == "auto" and not blank.has_attr("lang")


@pytest.mark.django_db
def test_a_published_translation_links_to_its_page_and_a_draft_does_not(client, make_editor):
    work = f.WorkFactory(original_language="en")
    en = f.TranslationFactory(work=work, language="en", title="Peace")
    f.TranslationFactory(work=work, language="ar", title="السلام", status="draft")
    client.force_login(make_editor("sam", lang="en"))
    html = page(client.get(reverse("admin:publishing_work_change", args=[work.pk])))
    links = [a["href"] for a in html.select("#translations-group .inline_label + a")]
    assert links == [en.get_absolute_url()]
    assert html.find("a", class_="viewsitelink")["href"] == en.get_absolute_url()


@pytest.mark.django_db
def test_country_menus_are_in_the_editors_language(client, make_editor):
    client.force_login(make_editor("ayse", lang="tr"))
    html = page(client.get(ADD))
    menu = html.find("select", attrs={"name": "signatories-0-country"})
    names = {o["value"]: o.get_text() for o in menu.find_all("option")}
    assert names["GR"] == "Yunanistan" and names["DE"] == "Almanya"


@pytest.mark.django_db
def test_language_menus_name_each_language_in_itself(client, make_editor):
    client.force_login(make_editor("ayse", lang="tr"))
    html = page(client.get(ADD))
    menu = html.find("select", attrs={"name": "translations-0-language"})
    names = {o["value"]: o.get_text() for o in menu.find_all("option") if o["value"]}
    assert names["ar"] == "العربية" and names["el"] == "Ελληνικά" and names["en"] == "English"
    original = html.find("select", attrs={"name": "original_language"})
    assert (
        original.find("option", selected=True) is None
        or not original.find("option", selected=True)["value"]
    )


@pytest.mark.django_db
def test_the_interface_language_is_chosen_on_the_users_screen(client, make_editor):
    admin = make_editor("root", lang="en", superuser=True)
    editor = make_editor("eleni")
    client.force_login(admin)
    url = reverse("admin:auth_user_change", args=[editor.pk])
    data = form_fields(client.get(url).content, "user_form")
    assert "havza_profile-0-interface_language" in data
    data["havza_profile-0-interface_language"] = "el"
    data["_save"] = "Save"
    assert client.post(url, data).status_code == 302
    client.force_login(editor)
    assert client.get("/admin/").headers["Content-Language"] == "el"


@pytest.mark.django_db
def test_the_translators_workspace_follows_the_profile_too(client, make_editor):
    translator = make_editor("layla", lang="ar", grant=None)
    LanguageGrant.objects.create(user=translator, language="ar", role=Role.TRANSLATOR)
    client.force_login(translator)
    response = client.get("/translate/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ar"
    # A page the translator may not open answers in their language as well.
    denied = client.get("/translate/coverage/", HTTP_ACCEPT_LANGUAGE="en")
    assert denied.status_code == 403
    assert denied.headers["Content-Language"] == "ar"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("grants", "links"),
    [
        ([], []),
        ([("ar", Role.TRANSLATOR)], ["/translate/"]),
        ([("*", Role.EDITOR)], ["/translate/", "/translate/coverage/"]),
    ],
)
def test_the_admin_index_links_to_the_workspace_for_those_who_may_use_it(
    client, make_editor, grants, links
):
    user = make_editor("someone", lang="en", grant=None)
    for language, role in grants:
        LanguageGrant.objects.create(user=user, language=language, role=role)
    client.force_login(user)
    html = page(client.get("/admin/"))
    box = html.find(id="havza-workspace")
    found = [a["href"] for a in box.find_all("a")] if box else []
    assert found == links
    for href in links:
        assert client.get(href).status_code == 200


def test_the_site_languages_all_have_an_admin_in_their_language():
    """Django's admin catalogs exist for every site language but Kurmanji, which has ours."""
    from pathlib import Path

    import django

    from havza import languages

    admin_locale = Path(django.__file__).parent / "contrib" / "admin" / "locale"
    ours = Path(__file__).resolve().parents[2] / "src" / "havza" / "accounts" / "locale"
    missing = [
        code
        for code in languages.codes()
        if code != "en" and not (admin_locale / code / "LC_MESSAGES" / "django.po").exists()
    ]
    assert missing == ["ku"]
    assert (ours / "ku" / "LC_MESSAGES" / "django.po").exists()
    assert (ours / "ku" / "LC_MESSAGES" / "djangojs.po").exists()


def test_the_kurmanji_admin_catalogs_are_up_to_date_with_django():
    from tests.i18n.conftest import load_script

    assert load_script("kurmanji_admin_catalog").main(["--check"]) == 0
