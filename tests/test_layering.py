"""The import order of docs/architecture.md holds in the code, and modules stay readable.

The order is read from the layer table in the architecture page, so the page and this test
cannot drift. Every import counts: at the top of a module, inside functions, under
``TYPE_CHECKING``, ``from havza import x`` and relative imports.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
SECTION = "## Apps and who may import whom"
MAX_LINES = 400


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the havza module imported
    path: Path
    line: int
    at_load: bool  # runs when the module is imported (not in a function, not TYPE_CHECKING)


@dataclass(frozen=True)
class Place:
    layer: int
    row: int  # names in one row may import one another


def read_layers(text: str) -> dict[str, Place]:
    """{"havza.network": Place(1, 1), ...} from the table under SECTION: the first column
    is the layer, the second the apps and modules of the row in backquotes."""
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    layers: dict[str, Place] = {}
    for number, row in enumerate(section.splitlines()):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].isdigit():
            continue
        for name in re.findall(r"`([\w.]+)`", cells[1]):
            layers["havza" if name == "havza" else f"havza.{name}"] = Place(int(cells[0]), number)
    return layers


def modules(src: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(src: Path) -> list[Import]:
    """Every import of a havza module by a havza module under SRC."""
    known = modules(src)

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    found = []
    for module, path in known.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]

        def visit(node: ast.AST, at_load: bool, module=module, path=path, package=package):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                at_load = False
            if isinstance(node, ast.If) and _type_checking(node):
                for child in node.body:
                    visit(child, False)
                for child in node.orelse:
                    visit(child, at_load)
                return
            targets: list[str | None] = []
            if isinstance(node, ast.Import):
                targets = [resolve(alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in known else resolve(base))
            for target in targets:
                if target and target.split(".")[0] == "havza" and target != module:
                    found.append(Import(module, target, path, node.lineno, at_load))
            for child in ast.iter_child_nodes(node):
                visit(child, at_load)

        visit(ast.parse(path.read_text("utf-8"), str(path)), True)
    return found


def unit_of(module: str, layers: dict[str, Place]) -> str | None:
    """The app or base module of the table that MODULE belongs to."""
    if module == "havza":  # the package itself; its submodules are each in the table
        return module if module in layers else None
    name = module
    while "." in name:
        if name in layers:
            return name
        name = name.rpartition(".")[0]
    return None


def layering_errors(src: Path, layers: dict[str, Place]) -> list[str]:
    errors = []
    for module in modules(src):
        if unit_of(module, layers) is None:
            errors.append(f"{module}: not in the layer table of {ARCHITECTURE.name}")
    for imp in imports(src):
        here, there = unit_of(imp.module, layers), unit_of(imp.target, layers)
        if here is None or there is None or here == there:
            continue
        where = f"{imp.path.relative_to(src.parent)}:{imp.line}"
        low, high = layers[here], layers[there]
        if high.layer > low.layer:
            errors.append(
                f"{where}: {imp.module} imports {imp.target}, but {here} (layer "
                f"{low.layer}) is below {there} (layer {high.layer})"
            )
        elif high.layer == low.layer and high.row != low.row:
            errors.append(
                f"{where}: {imp.module} imports {imp.target}, but {here} and {there} "
                f"sit side by side (layer {low.layer}) and do not import each other"
            )
    return errors


def cycles(src: Path) -> list[list[str]]:
    """Groups of modules whose imports at load time lead back to themselves."""
    graph: dict[str, set[str]] = {m: set() for m in modules(src)}
    for imp in imports(src):
        if imp.at_load:
            graph[imp.module].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def strongly_connected(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                strongly_connected(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in graph:
        if v not in index:
            strongly_connected(v)
    return found


def exempt_from_size(module: str) -> bool:
    """Generated tables, migrations and demo content may be long."""
    return (
        module == "havza.cldr_tables"
        or ".migrations." in module
        or module.startswith("havza.demo.content")
    )


def oversized(src: Path, max_lines: int = MAX_LINES) -> list[str]:
    result = []
    for module, path in modules(src).items():
        lines = len(path.read_text("utf-8").splitlines())
        if lines > max_lines and not exempt_from_size(module):
            result.append(f"{path.relative_to(src.parent)}: {lines} lines")
    return result


# The product


def test_the_architecture_page_has_a_layer_table():
    layer = {k: v.layer for k, v in read_layers(ARCHITECTURE.read_text("utf-8")).items()}
    assert layer["havza.network"] < layer["havza.publishing"] < layer["havza.translation"]
    assert layer["havza.demo"] > layer["havza.export"] == layer["havza.search"]


def test_modules_import_only_downwards_as_the_architecture_page_says():
    errors = layering_errors(SRC, read_layers(ARCHITECTURE.read_text("utf-8")))
    assert not errors, "\n".join(errors)


def test_no_import_cycles_at_load_time():
    found = cycles(SRC)
    assert not found, "\n".join(" <-> ".join(group) for group in found)


def test_no_module_is_longer_than_400_lines():
    found = oversized(SRC)
    assert not found, "split by responsibility:\n" + "\n".join(found)


# The checker itself, on a small made-up tree

TABLE = f"""{SECTION}

| Layer | App or module | Owns |
| --- | --- | --- |
| 0 | `config`, `havza` | settings |
| 1 | `network` | people |
| 2 | `publishing` | works |
| 3 | `export` | the site |
| 3 | `search` | the index |

## Next
"""


def write(src: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return src


@pytest.fixture
def tree(tmp_path):
    return write(
        tmp_path / "src",
        {
            "havza/__init__.py": "",
            "havza/network/__init__.py": "",
            "havza/config.py": "import havza\n",
            "havza/network/models.py": "from havza import config\n",
            "havza/publishing/__init__.py": "",
            "havza/publishing/models.py": "from havza.network.models import X\n",
            "havza/export/__init__.py": "",
            "havza/search/__init__.py": "",
        },
    )


def test_the_table_is_read_with_its_layers():
    assert {k: v.layer for k, v in read_layers(TABLE).items()} == {
        "havza.config": 0,
        "havza": 0,
        "havza.network": 1,
        "havza.publishing": 2,
        "havza.export": 3,
        "havza.search": 3,
    }


def test_downward_imports_pass(tree):
    assert layering_errors(tree, read_layers(TABLE)) == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("havza/network/models.py", "def f():\n    from havza.publishing import models\n", 2),
        ("havza/network/slugs.py", "from ..publishing.models import Work\n", 1),
        ("havza/network/names.py", "from havza import publishing\n", 1),
        (
            "havza/network/typing.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import havza.publishing\n",
            3,
        ),
    ],
)
def test_an_upward_import_is_named_with_file_line_and_rule(tree, name, text, expected):
    write(tree, {name: text})
    errors = layering_errors(tree, read_layers(TABLE))
    assert len(errors) == 1
    assert errors[0].startswith(f"src/{name}:{expected}: ")
    assert "is below havza.publishing" in errors[0]


def test_apps_side_by_side_do_not_import_each_other(tree):
    write(tree, {"havza/search/index.py": "import havza.export\n"})
    (error,) = layering_errors(tree, read_layers(TABLE))
    assert error.startswith("src/havza/search/index.py:1: ") and "side by side" in error


def test_a_module_outside_the_table_is_named(tree):
    write(tree, {"havza/urls.py": ""})
    assert layering_errors(tree, read_layers(TABLE)) == [
        "havza.urls: not in the layer table of architecture.md"
    ]


def test_a_cycle_at_load_time_is_found_and_one_through_a_function_is_not(tree):
    write(
        tree,
        {
            "havza/publishing/bulk.py": "from havza.publishing.models import Work\n",
            "havza/publishing/models.py": "from havza.publishing import bulk\n",
            "havza/publishing/a.py": "def f():\n    from havza.publishing import b\n",
            "havza/publishing/b.py": "from havza.publishing import a\n",
        },
    )
    assert cycles(tree) == [["havza.publishing.bulk", "havza.publishing.models"]]


def test_long_modules_are_found_except_generated_tables_and_demo_content(tree):
    long = "x = 1\n" * (MAX_LINES + 1)
    write(
        tree,
        {
            "havza/publishing/pages.py": long,
            "havza/cldr_tables.py": long,
            "havza/demo/content/network.py": long,
            "havza/publishing/migrations/0001_initial.py": long,
        },
    )
    assert oversized(tree) == [f"src/havza/publishing/pages.py: {MAX_LINES + 1} lines"]
