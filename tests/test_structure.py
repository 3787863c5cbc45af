"""The code's shape, checked with ``ast`` (nothing is imported): no import cycle between geo's
modules, modules of a readable size, and short functions in the geoparser.

Which imports count: every ``import`` and ``from ... import`` of a geo module, at module level
and inside functions alike; a lazy import inside a function is a dependency all the same, only
hidden, and two modules that reach for each other lazily are one knot. Imports under
``if TYPE_CHECKING:`` do not count: they never run, and give types only; nor do those under
``if __name__ == "__main__":``, which run only when the file is a script (``__main__``, a module
of its own, so ``python geo/cli.py`` importing geo.entry, which imports geo.cli, is no cycle). ``from geo.pkg import
name`` depends on ``geo.pkg.name`` when that is a module, else on ``geo.pkg``; importing a
submodule does not count as depending on its package's ``__init__`` (Python runs it first, but a
package that imports its own submodules is not a cycle).

Sizes: a module of a stage package (``geo/geoparse/``, ``geo/events/``) holds one stage, at most
300 lines; any other module at most 400. Functions: at most 60 lines in the geoparser, that is
``geo/geoparse/`` and the flat modules it grew out of while any of them remain.
"""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parent.parent / "geo"
STAGE_PACKAGES = ("geoparse", "events")
STAGE_LINES = 300
MODULE_LINES = 400
FUNCTION_LINES = 60
# The geoparser's flat modules from before geo/geoparse/: held to its function length too.
GEOPARSER_FLAT = ("toponyms", "toponym_rules", "toponym_names", "recognition", "resolution", "outlets", "mentions")


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of geo."""
    out = {}
    for path in sorted(GEO.rglob("*.py")):
        parts = list(path.relative_to(GEO.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _never_imported(node: ast.If) -> bool:
    """``if TYPE_CHECKING:`` or ``if __name__ == "__main__":``: a body no import of the module runs."""
    test = node.test
    if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__":
        return any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import node, at any depth, except those under ``if TYPE_CHECKING:`` or ``if __name__ == "__main__":``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _never_imported(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The geo modules that module ``name`` imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
            continue
        base = node.module or ""
        if node.level:  # relative: from .x import y
            anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
            base = ".".join(anchor + ([base] if base else []))
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            if sub in known:
                out.add(sub)
            elif base in known:
                out.add(base)
    out.discard(name)
    return out


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
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
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _stage(path: Path) -> bool:
    parts = path.relative_to(GEO).parts
    return len(parts) > 1 and parts[0] in STAGE_PACKAGES


def _geoparser(path: Path) -> bool:
    parts = path.relative_to(GEO).parts
    return parts[0] == "geoparse" or (len(parts) == 1 and path.stem in GEOPARSER_FLAT)


def long_functions(path: Path, limit: int = FUNCTION_LINES) -> list[str]:
    """``module:function (n lines)`` for every function or method of ``path`` longer than ``limit``."""
    out = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            n = (node.end_lineno or node.lineno) - node.lineno + 1
            if n > limit:
                out.append(f"{path.relative_to(GEO.parent)}:{node.name} ({n} lines)")
    return out


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_lazy_imports_but_not_type_checking_or_script_ones(tmp_path):
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from geo.b import B\n"
              "def f():\n    from geo.c import C\n    import geo.d\n"
              "if __name__ == '__main__':\n    from geo.b import main\n")
    (tmp_path / "a.py").write_text(source)
    known = dict.fromkeys(["geo.a", "geo.b", "geo.c", "geo.d"], tmp_path / "a.py")
    assert imports_of("geo.a", tmp_path / "a.py", known) == {"geo.c", "geo.d"}


def test_no_import_cycle_in_geo():
    found = cycles(import_graph())
    assert not found, "import cycles between geo modules: " + "; ".join(" <-> ".join(c) for c in found)


def test_modules_are_of_a_readable_size():
    over = []
    for path in sorted(GEO.rglob("*.py")):
        limit = STAGE_LINES if _stage(path) else MODULE_LINES
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit:
            over.append(f"{path.relative_to(GEO.parent)} ({n} lines, limit {limit})")
    assert not over, "modules over their size: " + ", ".join(over)


def test_the_geoparsers_functions_are_short():
    over = [f for path in sorted(GEO.rglob("*.py")) if _geoparser(path) for f in long_functions(path)]
    assert not over, f"geoparser functions over {FUNCTION_LINES} lines: " + ", ".join(over)
