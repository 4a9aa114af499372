import os

import pytest


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
