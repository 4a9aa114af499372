"""Machine translation: a LibreTranslate-speaking server and a tiny CTranslate2 model."""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from havza.translation import mt
from havza.translation.models import MachineEngine, MachineSuggestion
from tests.translation.tiny_model import build

pytestmark = pytest.mark.django_db


class LibreTranslateHandler(BaseHTTPRequestHandler):
    delay = 0.0
    requests: list

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        body = json.dumps([{"code": "en", "name": "English", "targets": ["ar", "tr"]}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(data)
        time.sleep(self.delay)
        q = data["q"]
        out = [f"[{data['target']}] {t}" for t in q] if isinstance(q, list) else f"[x] {q}"
        body = json.dumps({"translatedText": out}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should


@pytest.fixture
def server():
    servers = []

    def start(delay: float = 0.0):
        handler = type("Handler", (LibreTranslateHandler,), {"delay": delay, "requests": []})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}", handler

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_libretranslate_batches_and_keeps_suggestions(server):
    url, handler = server()
    MachineEngine.objects.create(
        name="lt", backend="libretranslate", url=url, batch_size=2, api_key="k"
    )
    texts = ["One.", "Two.", "Three."]
    result = mt.suggest(texts, "en", "ar")
    assert result.texts == ["[ar] One.", "[ar] Two.", "[ar] Three."] and not result.reason
    assert [r["q"] for r in handler.requests] == [["One.", "Two."], ["Three."]]
    assert handler.requests[0]["api_key"] == "k" and handler.requests[0]["format"] == "text"
    assert MachineSuggestion.objects.count() == 3
    again = mt.suggest(texts, "en", "ar")  # answered from what was kept
    assert again.texts == result.texts and len(handler.requests) == 2


def test_a_slow_or_down_engine_gives_no_suggestion_and_a_logged_reason(server, caplog):
    url, _ = server(delay=1.5)
    engine = MachineEngine.objects.create(
        name="slow", backend="libretranslate", url=url, timeout=0.3
    )
    with caplog.at_level(logging.WARNING, logger="havza.translation.mt"):
        result = mt.suggest(["One."], "en", "ar")
    assert result.texts == [None] and "within 0.3 s" in result.reason
    assert "within 0.3 s" in caplog.text
    engine.url = "http://127.0.0.1:9"  # nothing listens there
    engine.save()
    result = mt.suggest(["One."], "en", "ar")
    assert result.texts == [None] and "cannot reach" in result.reason


def test_the_most_specific_engine_wins():
    MachineEngine.objects.create(
        name="any", backend="libretranslate", url="http://127.0.0.1:9", priority=5
    )
    MachineEngine.objects.create(
        name="en-ar", backend="libretranslate", url="http://127.0.0.1:9", source_language="en",
        target_language="ar",
    )  # fmt: skip
    assert mt.engine_for("en", "ar").name == "en-ar"
    assert mt.engine_for("en", "tr").name == "any"
    assert mt.suggest(["x"], "en", "tr").texts == [None]  # nothing listens on port 9


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    return build(tmp_path_factory.mktemp("mt"))


def test_ctranslate2_loads_a_model_and_batches(tiny_model):
    MachineEngine.objects.create(
        name="opus", backend="ctranslate2", model_dir=str(tiny_model), batch_size=2
    )
    texts = ["Solidarity must cross every border.", "Long live!", "The workers met."]
    result = mt.suggest(texts, "en", "el")
    assert not result.reason
    assert len(result.texts) == 3 and all(isinstance(t, str) and t for t in result.texts)


def test_a_missing_or_broken_model_folder_gives_a_reason(tmp_path, caplog):
    engine = MachineEngine.objects.create(
        name="gone", backend="ctranslate2", model_dir=str(tmp_path / "nothing")
    )
    with caplog.at_level(logging.WARNING, logger="havza.translation.mt"):
        assert mt.suggest(["One."], "en", "el").texts == [None]
    assert "does not exist" in caplog.text
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "model.bin").write_bytes(b"not a model")
    engine.model_dir = str(tmp_path / "broken")
    engine.save()
    result = mt.suggest(["One."], "en", "el")
    assert result.texts == [None] and "cannot load the model" in result.reason
