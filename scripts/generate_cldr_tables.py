"""Regenerate src/havza/cldr_tables.py from the CLDR JSON release (npm package cldr-core).

Babel carries most of CLDR, but not territory containment (which continent a country is on)
nor the digits of each numbering system. This script extracts those two tables.

    npm install cldr-core@48.2.0 --prefix /tmp/cldr
    python scripts/generate_cldr_tables.py /tmp/cldr/node_modules/cldr-core
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CONTINENTS = ("002", "009", "019", "142", "150")  # Africa, Oceania, Americas, Asia, Europe


def main(cldr_core: Path) -> str:
    supplemental = cldr_core / "supplemental"
    containment = json.loads((supplemental / "territoryContainment.json").read_text())[
        "supplemental"
    ]["territoryContainment"]
    grouping = {k: v["_contains"] for k, v in containment.items() if "-status-" not in k}

    def leaves(code: str) -> list[str]:
        out = []
        for child in grouping.get(code, []):
            if child in grouping:
                out.extend(leaves(child))
            else:
                out.append(child)
        return out

    continent_of = {}
    for continent in CONTINENTS:
        for country in leaves(continent):
            continent_of.setdefault(country, continent)

    numbering = json.loads((supplemental / "numberingSystems.json").read_text())["supplemental"][
        "numberingSystems"
    ]
    digits = {
        name: spec["_digits"]
        for name, spec in sorted(numbering.items())
        if spec.get("_type") == "numeric" and len(spec.get("_digits", "")) == 10
    }
    version = json.loads((cldr_core / "package.json").read_text())["version"]
    lines = [
        f'"""Tables from CLDR {version}, made by scripts/generate_cldr_tables.py. Do not edit."""',
        "",
        "# ISO 3166 alpha-2 country -> UN M49 continent code (002 Africa, 009 Oceania,",
        "# 019 Americas, 142 Asia, 150 Europe).",
        "CONTINENT_OF: dict[str, str] = {",
    ]
    lines += [f'    "{k}": "{v}",' for k, v in sorted(continent_of.items())]
    lines += [
        "}",
        "",
        "# Numbering system -> its ten digits, 0 to 9.",
        "DIGITS: dict[str, str] = {",
    ]
    lines += [f'    "{k}": "{v}",' for k, v in digits.items()]
    lines += ["}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "src" / "havza" / "cldr_tables.py"
    target.write_text(main(Path(sys.argv[1])), encoding="utf-8")
    print(f"wrote {target}")
