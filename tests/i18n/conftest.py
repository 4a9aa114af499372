import fcntl
import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(f"havza_scripts_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """Compile the catalogs whose .mo is missing or older (as `make setup` does), one test
    worker at a time, then make Django reload its catalogs in this worker. Reloading is
    unconditional: another worker may have compiled them after this one cached the old ones."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from django.utils.translation import trans_real

    root = load_script("compile_messages").ROOT
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
