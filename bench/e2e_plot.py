"""The growth plot of ``bench.e2e``: time against statements, havza and Hugo, as an SVG.

    .venv/bin/python -m bench.e2e_plot bench/out/e2e.jsonl [--out bench/out/e2e-growth.svg]

Reads the JSON lines ``bench.e2e`` prints (the last line for each size counts) and draws two
panels on logarithmic axes: seconds for the end to end run (WordPress export to a complete
static site), the full re-export and Hugo's build of the same content; and milliseconds for
republishing one edited translation. Hand-written SVG, so nothing is installed for it.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 860, 430
PANEL_W, PANEL_H = 330, 260
LEFT, TOP = 70, 50
GAP = 110
SERIES = [  # key in the JSON line, label, colour, dashed
    ("end_to_end_s", "havza: WordPress export → static site", "#b03a2e", False),
    ("build_s", "havza build (full re-export)", "#1f618d", False),
    ("hugo_s", "Hugo build", "#555555", True),
]
REPUBLISH = [("republish_ms", "havza: republish one edited translation", "#117a65", False)]


def read_lines(paths: list[Path]) -> list[dict]:
    """The e2e results in PATHS, one per size (the last one read for each), by size."""
    by_size: dict[int, dict] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if row.get("bench") == "e2e" and row.get("statements"):
                row.setdefault("end_to_end_s", _sum(row.get("import_s"), row.get("build_s")))
                by_size[row["statements"]] = row
    return [by_size[n] for n in sorted(by_size)]


def _sum(a, b):
    return None if a is None or b is None else a + b


def _ticks(low: float, high: float) -> list[float]:
    """1, 2, 5 × powers of ten between LOW and HIGH."""
    ticks = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for m in (1, 2, 5):
            value = m * 10**exponent
            if low <= value <= high:
                ticks.append(value)
    return ticks


def _label(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def _value(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def _panel(x0: float, rows: list[dict], series, title: str, unit: str) -> list[str]:
    sizes = [r["statements"] for r in rows]
    values = [r[key] for r in rows for key, *_ in series if r.get(key)]
    if not values:
        return []
    x_low, x_high = min(sizes) / 1.3, max(sizes) * 1.3
    y_low, y_high = min(values) / 1.5, max(values) * 1.5
    if x_low == x_high:
        x_low, x_high = x_low / 2, x_high * 2

    def x(v: float) -> float:
        return x0 + (math.log(v) - math.log(x_low)) / (math.log(x_high) - math.log(x_low)) * PANEL_W

    def y(v: float) -> float:
        share = (math.log(v) - math.log(y_low)) / (math.log(y_high) - math.log(y_low))
        return TOP + PANEL_H - share * PANEL_H

    out = [
        f'<text x="{x0}" y="{TOP - 18}" font-weight="bold">{escape(title)}</text>',
        f'<rect x="{x0}" y="{TOP}" width="{PANEL_W}" height="{PANEL_H}" fill="none" '
        'stroke="#999"/>',
    ]
    for tick in _ticks(y_low, y_high):
        out.append(
            f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#e5e5e5"/>'
            f'<text x="{x0 - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{_label(tick)}</text>'
        )
    for size in sizes:
        out.append(
            f'<text x="{x(size):.1f}" y="{TOP + PANEL_H + 16}" text-anchor="middle">'
            f"{_label(size)}</text>"
        )
    out.append(
        f'<text x="{x0 + PANEL_W / 2}" y="{TOP + PANEL_H + 34}" text-anchor="middle">'
        f"statements (× 11 languages)</text>"
        f'<text x="{x0 - 50}" y="{TOP + PANEL_H / 2}" text-anchor="middle" '
        f'transform="rotate(-90 {x0 - 50} {TOP + PANEL_H / 2})">{escape(unit)}</text>'
    )
    legend_y = TOP + PANEL_H + 56
    for key, label, colour, dashed in series:
        points = [(x(r["statements"]), y(r[key])) for r in rows if r.get(key)]
        if not points:
            continue
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        for (px, py), row in zip(points, [r for r in rows if r.get(key)], strict=True):
            out.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>'
                f'<text x="{px + 6:.1f}" y="{py - 6:.1f}" fill="{colour}">{_value(row[key])}</text>'
            )
        out.append(
            f'<line x1="{x0 + 10}" x2="{x0 + 34}" y1="{legend_y}" y2="{legend_y}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="{x0 + 40}" y="{legend_y + 4}">{escape(label)}</text>'
        )
        legend_y += 16
    return out


def svg(rows: list[dict]) -> str:
    """The growth plot of ROWS (e2e results, one per size) as an SVG document."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    parts += _panel(LEFT, rows, SERIES, "Whole site, seconds", "seconds")
    parts += _panel(
        LEFT + PANEL_W + GAP, rows, REPUBLISH, "Republishing one edit, milliseconds", "ms"
    )
    loads = ", ".join(f"{_label(r['statements'])}: {r.get('load', '?')}" for r in rows)
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 8}" fill="#666">bench.e2e, '
        f"{escape(str(rows[0].get('cores', '?')))} cores; load average at the end "
        f"of each run: {escape(loads)}</text>"
    )
    parts.append("</svg>\n")
    return "\n".join(parts)


def write_plot(rows: list[dict], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg(rows), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lines", type=Path, nargs="+", help="files of bench.e2e JSON lines")
    parser.add_argument("--out", type=Path, default=Path("bench/out/e2e-growth.svg"))
    args = parser.parse_args(argv)
    rows = read_lines(args.lines)
    if not rows:
        raise SystemExit("no bench.e2e results in " + ", ".join(map(str, args.lines)))
    print(write_plot(rows, args.out))


if __name__ == "__main__":
    main()
