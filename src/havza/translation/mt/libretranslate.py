"""A LibreTranslate-compatible HTTP API: POST /translate with a list of texts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from havza.translation.mt.backend import Unavailable


class LibreTranslate:
    def __init__(self, url: str, api_key: str = "", timeout: float = 10):
        if not url:
            raise Unavailable("no address configured")
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        payload = {"q": texts, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        request = urllib.request.Request(
            self.url + "/translate",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise Unavailable(f"HTTP {exc.code} from {self.url}") from exc
        except TimeoutError as exc:
            raise Unavailable(f"no answer from {self.url} within {self.timeout:g} s") from exc
        except urllib.error.URLError as exc:
            raise Unavailable(f"cannot reach {self.url}: {exc.reason}") from exc
        except (ValueError, OSError) as exc:
            raise Unavailable(f"unreadable answer from {self.url}: {exc}") from exc
        translated = data.get("translatedText") if isinstance(data, dict) else None
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list):
            raise Unavailable(f"unexpected answer from {self.url}: {str(data)[:200]}")
        return [str(t) for t in translated]
