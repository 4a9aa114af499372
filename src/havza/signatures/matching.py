"""An organization signing is matched with the registry by its acronym or its name in any
language (case and spacing aside); a name drawn like a registry name but spelled with other
letters is flagged, never matched."""

from __future__ import annotations

import time

from havza.network import homoglyphs
from havza.network.models import Organization

_INDEX: tuple[float, dict[str, int], list[tuple[int, list[str]]]] | None = None
LIFETIME = 60.0  # seconds a process keeps the registry's names


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _index() -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    global _INDEX
    now = time.monotonic()
    if _INDEX is None or now - _INDEX[0] > LIFETIME:
        exact: dict[str, int] = {}
        names: list[tuple[int, list[str]]] = []
        rows = Organization.objects.values_list("pk", "acronym", "names", "aliases")
        for pk, acronym, multilingual, aliases in rows.order_by("pk"):
            all_names = [acronym, *(multilingual or {}).values(), *(aliases or [])]
            all_names = [n for n in all_names if isinstance(n, str) and n.strip()]
            for n in all_names:
                exact.setdefault(_key(n), pk)
            names.append((pk, all_names))
        _INDEX = (now, exact, names)
    return _INDEX[1], _INDEX[2]


def forget() -> None:
    global _INDEX
    _INDEX = None


def match_organization(name: str) -> tuple[Organization | None, str]:
    """(the registry's organization NAME names, or None; why to flag it, or "")."""
    if not name:
        return None, ""
    exact, names = _index()
    pk = exact.get(_key(name))
    if pk is not None:
        return Organization.objects.filter(pk=pk).first(), ""
    lookalike = homoglyphs.find_lookalike([name], names)
    if lookalike is not None:
        org = Organization.objects.filter(pk=lookalike).first()
        return None, f"looks like {org}" if org else ""
    return None, ""
