"""The shape of the program: no import circle in the domain, the loader, the report or
between the command-line modules, and no module over 400 lines (issue 19, items 2 and 7).

The imports are read with ``ast`` (what ``farm-studio look`` draws): every ``import`` and
``from … import`` of a module, at its top or inside a function, except those under
``if TYPE_CHECKING:``, which name a type and never run. import-linter's ``layers``
contracts (pyproject.toml) say the same for ``make lint``; this check needs no
configuration, so a module nobody placed in a layer cannot hide a circle.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / "planner"
MAX_LINES = 400
LONG_FOR_NOW: dict[str, int] = {}  # a module that may not be split yet: its name and cap


# -- reading the imports -------------------------------------------------------------------


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.stmt) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _imported(node: ast.AST, package: str, known: set[str]) -> set[str]:
    """The modules of ``known`` one import statement names."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names} & known
    assert isinstance(node, ast.ImportFrom)
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        parts = parts[: len(parts) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    submodules = {f"{base}.{a.name}" for a in node.names} & known
    if len(submodules) == len(node.names):  # ``from . import x, y``: the modules x and y
        return submodules
    return submodules | ({base} & known)


def imports_of(root: Path, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that the module at ``path`` imports (itself aside)."""
    name = module_name(root, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking_only(child):
                for other in child.orelse:  # type: ignore[attr-defined]
                    visit(other)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                found.update(_imported(child, package, known))
            else:
                visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    return found - {name}


def import_graph(root: Path, paths: list[Path]) -> dict[str, set[str]]:
    names = {module_name(root, p): p for p in paths}
    known = set(names)
    return {name: imports_of(root, path, known) for name, path in names.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every set of modules that import each other in a loop (Tarjan's strongly connected
    components of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def _package(root: Path, folder: str) -> dict[str, set[str]]:
    return import_graph(root, sorted((root / "planner" / folder).rglob("*.py")))


def _cli_modules(root: Path) -> dict[str, set[str]]:
    return import_graph(root, sorted((root / "planner").glob("cli*.py")))


# -- the checks ------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["domain", "loading", "report"])
def test_no_import_circle_in(folder):
    graph = _package(ROOT, folder)
    assert len(graph) > 3  # the folder was read
    assert circles(graph) == []


def test_no_import_circle_between_the_command_line_modules():
    graph = _cli_modules(ROOT)
    assert {"planner.cli", "planner.cli_summary", "planner.cli_rules"} <= set(graph)
    assert circles(graph) == []


def test_a_planted_circle_is_found(tmp_path):
    """The check finds a circle: the domain copied, its leaf made to import its top."""
    shutil.copytree(PLANNER, tmp_path / "planner", ignore=shutil.ignore_patterns("__pycache__"))
    leaf = tmp_path / "planner" / "domain" / "vocabularies.py"
    assert circles(_package(tmp_path, "domain")) == []
    leaf.write_text(leaf.read_text("utf-8") + "\n\ndef late():\n    from . import warnings\n")
    [circle] = circles(_package(tmp_path, "domain"))
    assert {"planner.domain.vocabularies", "planner.domain.warnings"} <= set(circle)


def test_a_planted_circle_between_cli_modules_is_found(tmp_path):
    """As it was before issue 19: cli_summary taking terminal_safe from cli."""
    shutil.copytree(PLANNER, tmp_path / "planner", ignore=shutil.ignore_patterns("__pycache__"))
    summary = tmp_path / "planner" / "cli_summary.py"
    summary.write_text(summary.read_text("utf-8") + "\nfrom .cli import terminal_safe\n")
    assert circles(_cli_modules(tmp_path)) == [["planner.cli", "planner.cli_commands", "planner.cli_summary"]]


def test_an_import_for_type_checking_only_is_no_circle(tmp_path):
    pkg = tmp_path / "planner" / "demo"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("from .b import B\n")
    (pkg / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\nB = 1\n"
    )
    assert circles(_package(tmp_path, "demo")) == []
    (pkg / "b.py").write_text("from . import a\n")
    assert circles(_package(tmp_path, "demo")) == [["planner.demo.a", "planner.demo.b"]]


def test_no_module_is_over_400_lines():
    lines = {
        p.relative_to(PLANNER).as_posix(): len(p.read_text("utf-8").splitlines())
        for p in PLANNER.rglob("*.py")
    }
    assert len(lines) > 100  # the whole package was read
    long = {name: n for name, n in lines.items() if n > LONG_FOR_NOW.get(name, MAX_LINES)}
    assert long == {}, f"split these modules (at most {MAX_LINES} lines each)"
