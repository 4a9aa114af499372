import contextlib
import fcntl
import os
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controlling process, before its workers
        os.environ.setdefault("HAVZA_TEST_RUN", str(os.getpid()))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL, test databases named per run (test_test_gw0_<pid>): two runs on one
    server, an engineer's and CI's, never drop each other's database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    run = os.environ.get("HAVZA_TEST_RUN")
    if run and "postgresql" in database["ENGINE"]:
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_{run}"


@pytest.fixture
def require(request):
    """require("what", ok, why): skip, or fail when HAVZA_REQUIRE_<WHAT>=1 asks for it."""

    def check(what: str, ok: bool, why: str) -> None:
        if ok:
            return
        if os.environ.get(f"HAVZA_REQUIRE_{what.upper()}") == "1":
            pytest.fail(f"HAVZA_REQUIRE_{what.upper()}=1 but {why}")
        pytest.skip(why)

    return check


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """Compile the catalogs whose .mo is missing or older (as `make setup` does), one test
    worker at a time, then make Django reload its catalogs in this worker. Every test that
    reads a page in another language needs them, whichever folder it is in. Reloading is
    unconditional: another worker may have compiled them after this one cached the old ones."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from django.utils.translation import trans_real

    root = Path(__file__).resolve().parents[1] / "src" / "havza"
    with (Path(tempfile.gettempdir()) / "havza-compile-messages.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for po in root.rglob("locale/*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            with po.open("rb") as fh:
                catalog = read_po(fh)
            with tempfile.NamedTemporaryFile(dir=mo.parent, suffix=".tmp", delete=False) as fh:
                write_mo(fh, catalog)
            os.replace(fh.name, mo)
    # What Django's own setting_changed handler does when LANGUAGES change.
    trans_real.reset_cache(setting="LANGUAGES")
    trans_real._translations = {}
    trans_real._default = None


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def quick_password_hashing(request):
    """Passwords hashed with a quick hasher: argon2 takes a core for a quarter of a second per
    hash, and the suite makes users and logs them in by the hundred. Tests marked
    `password_hashing` (tests/security) keep the hashers of the settings."""
    if request.node.get_closest_marker("password_hashing"):
        yield
        return
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@contextlib.contextmanager
def shared_transaction(django_db_blocker):
    """Rows saved once for several tests (a module's), as Django's ``TestCase.setUpTestData``
    saves them: in a transaction that each test's own transaction nests in, rolled back after
    the last of them. Only for tests that never commit (no ``transactional_db``): save inside
    ``django_db_blocker.unblock()``."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def network(db):
    """A small network as an editor would build it: see ``make_network``."""
    return make_network()


def make_network() -> dict:
    """A small network as an editor would build it: a statement in five languages with
    authors, issuers and signatories; an article only in English and Turkish; a topic and an
    event with speakers from three continents."""
    import datetime as dt

    from havza.publishing.models import Signatory
    from tests import factories as f

    topic = f.TopicFactory(
        names={
            "en": "War and peace",
            "tr": "Savaş ve barış",
            "ar": "الحرب والسلام",
            "el": "Πόλεμος και ειρήνη",
            "hy": "Պատերազմ և խաղաղություն",
        }
    )
    event = f.EventFactory(
        names={"en": "Conference of the Shores", "ar": "مؤتمر الشواطئ"}, country="GR"
    )
    speakers = [
        ("Ayşe Demir", "TR"),
        ("Nikos Pappas", "GR"),
        ("Amina Haddad", "EG"),
        ("Lucía Ortega", "VE"),
        ("Hovig Sarkissian", "AM"),
    ]
    for position, (name, country) in enumerate(speakers):
        f.SpeakerFactory(
            event=event, person=f.PersonFactory(name=name, country=country), position=position
        )
    eek = f.OrganizationFactory(
        acronym="WRP",
        names={"en": "Workers Revolutionary Party", "el": "Εργατικό Επαναστατικό Κόμμα"},
        country="GR",
        is_member=True,
    )
    dip = f.OrganizationFactory(
        acronym="RWP",
        names={"en": "Revolutionary Workers Party", "tr": "Devrimci İşçi Partisi"},
        country="TR",
        is_member=True,
    )
    center = f.OrganizationFactory(
        acronym="", names={"en": "International Center of the Shores"}, country=""
    )
    author = f.PersonFactory(name="Selin Kaya", country="TR", organization=dip)

    statement = f.WorkFactory(
        kind="statement", original_language="en", published_on=dt.date(2023, 5, 9), event=event
    )
    statement.topics.add(topic)
    f.AuthorshipFactory(work=statement, organization=center, person=None)
    Signatory.objects.create(
        work=statement, organization=center, role=Signatory.Role.ISSUER, position=0
    )
    for position, org in enumerate([eek, dip], start=1):
        Signatory.objects.create(work=statement, organization=org, position=position)
    Signatory.objects.create(work=statement, person=author, position=3)
    bodies = {
        "en": (
            "Long live the day of victory",
            "The first paragraph.\n\n> A quoted declaration.\n\n- one\n- two",
        ),
        "tr": ("Zafer günü çok yaşa", "İlk paragraf.\n\n> Alıntılanan bildiri."),
        "ar": ("عاش يوم النصر", "الفقرة الأولى.\n\n> إعلان مقتبس."),
        "el": ("Ζήτω η ημέρα της νίκης", "Η πρώτη παράγραφος."),
        "hy": ("Կեցցե հաղթանակի օրը", "Առաջին պարբերությունը։"),
    }
    translations = {
        lang: f.TranslationFactory(work=statement, language=lang, title=title, body_markdown=body)
        for lang, (title, body) in bodies.items()
    }
    f.TranslationFactory(work=statement, language="fa", title="پیش‌نویس", status="draft")

    article = f.WorkFactory(
        kind="article", original_language="tr", published_on=dt.date(2024, 1, 15)
    )
    article.topics.add(topic)
    f.AuthorshipFactory(work=article, organization=None, person=author)
    f.TranslationFactory(
        work=article, language="tr", title="Limanlarda grev", body_markdown="Grev sürüyor."
    )
    f.TranslationFactory(
        work=article,
        language="en",
        title="Strike at the ports",
        body_markdown="The strike goes on.",
    )

    return {
        "statement": statement,
        "translations": translations,
        "article": article,
        "topic": topic,
        "event": event,
        "organizations": [eek, dip, center],
        "author": author,
    }


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def uses_database(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("django_db")) or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


SLOW_FIXTURES = {"browser", "live_server", "vnu"}


def is_slow(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("slow")) or bool(
        SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def database_order(item: pytest.Item) -> int:
    """pytest-django's (and Django's) order: tests in a rolled-back transaction, then tests
    that commit (their database is emptied after them), then tests without a database."""
    from pytest_django.plugin import validate_django_db

    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transaction = reset_sequences = False
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
    if transaction or reset_sequences or {"transactional_db", "live_server"} & fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 2


def pytest_collection_modifyitems(config, items):
    """In each group of Django's order, slow tests (marked `slow`, or driving a browser, a
    live server or the HTML validator) run first, so that with several test processes
    (pytest-xdist hands tests out in this order) none is left running alone at the end.

    The PostgreSQL pass of `make test` (HAVZA_TEST_SECOND_PASS=1) runs what can differ
    between databases: it leaves out tests that touch no database, and those marked `once`
    (checkers of the rendered HTML, pages and screenshots; what only the file system or a
    command decides, its database reads made by other tests of both passes), run already in
    the SQLite pass."""
    items.sort(key=lambda item: (database_order(item), not is_slow(item)))  # stable
    if os.environ.get("HAVZA_TEST_SECOND_PASS") != "1":
        return
    keep, once = [], []
    for item in items:
        (once if item.get_closest_marker("once") or not uses_database(item) else keep).append(item)
    if once:
        config.hook.pytest_deselected(items=once)
        items[:] = keep
