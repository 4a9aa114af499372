"""An SQLite too old for havza's queries stops the start with a message saying what to do."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from havza.settings import require_sqlite


def test_old_sqlite_is_refused_with_what_to_do():
    with pytest.raises(ImproperlyConfigured) as refused:
        require_sqlite((3, 31, 1))
    message = str(refused.value)
    assert "3.31.1" in message and "3.35" in message
    assert "HAVZA_DATABASE_URL" in message


@pytest.mark.parametrize("version", [(3, 35, 0), (3, 40, 1), (4, 0, 0)])
def test_recent_sqlite_is_accepted(version):
    require_sqlite(version)
