"""The shape of the package: every module imports on its own, no import cycles, stages never import commands."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
COMMAND_LAYER = ("generator.cli", "generator.__main__", "generator.commands")
"""The command line; only it may import commands."""

IMPORT_EACH = """
import importlib, json, os, sys
for name in json.loads(sys.argv[1]):  # the libraries first, so each child only pays for our own code
    try:
        importlib.import_module(name)
    except Exception:
        pass
running, failed = {}, {}
def reap():
    pid, status = os.wait()
    module = running.pop(pid)
    if os.waitstatus_to_exitcode(status):
        failed[module] = os.waitstatus_to_exitcode(status)
def import_each(modules):
    for module in modules:
        if len(running) >= os.cpu_count():
            reap()
        child = os.fork()
        if child == 0:
            try:
                importlib.import_module(module)
            except BaseException:
                import traceback
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        running[child] = module
    while running:
        reap()
base, foundation, rest = sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
import_each(foundation)  # these children have imported nothing of the package yet
if not failed:
    importlib.import_module(base)  # the others never import back into it, so it may be loaded first
    import_each(rest)
print(json.dumps(failed))
"""
FOUNDATION = "generator.models"
"""Imported (after it and everything it imports passed alone) before the other modules are tried:
none of them is imported by it, so it cannot hide a circle through them, and each child is cheap."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(path: Path) -> Iterator[str]:
    """Yield every module `path` imports, at the top or inside functions, but not under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # `from . import x` inside `package`, `from .. import x` one level up
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in MODULES else base


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (inner for child in node.orelse for inner in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def dependency_graph() -> dict[str, set[str]]:
    """Return, for each module of the package, the modules of the package it imports."""
    return {name: {n for n in imported_names(path) if n in MODULES and n != name} for name, path in MODULES.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """Return one cycle of `graph` as a list of nodes (first repeated last), or [] if there is none."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        trail.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        trail.pop()
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def unit_of(module: str) -> str:
    """Return the stage a module belongs to: its top-level module or subpackage (generator.site, ...)."""
    return ".".join(module.split(".")[:2])


def imported_by(module: str, graph: dict[str, set[str]]) -> set[str]:
    """Return `module` and every module of the package it imports, directly or not."""
    found, todo = set(), [module]
    while todo:
        if (name := todo.pop()) not in found:
            found.add(name)
            todo.extend(graph.get(name, ()))
    return found


def test_every_module_imports_on_its_own():
    libraries = sorted({n for p in MODULES.values() for n in imported_names(p) if not n.startswith("generator")})
    foundation = imported_by(FOUNDATION, dependency_graph()) | {"generator"}
    rest = sorted(set(MODULES) - foundation)
    arguments = [json.dumps(libraries), FOUNDATION, json.dumps(sorted(foundation)), json.dumps(rest)]
    done = subprocess.run([sys.executable, "-c", IMPORT_EACH, *arguments], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {}, done.stderr


def test_no_module_imports_itself_round_a_circle():
    assert find_cycle(dependency_graph()) == []


def test_no_stage_imports_another_round_a_circle():
    graph: dict[str, set[str]] = {}
    for module, targets in dependency_graph().items():
        graph.setdefault(unit_of(module), set()).update(unit_of(t) for t in targets if unit_of(t) != unit_of(module))
    assert find_cycle(graph) == []


def test_only_the_command_line_imports_commands():
    offenders = [
        (module, target)
        for module, targets in dependency_graph().items()
        if not module.startswith(COMMAND_LAYER)
        for target in targets
        if target.startswith(COMMAND_LAYER)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"x": {"y"}, "y": {"y2"}, "y2": {"y"}}, ["y", "y2", "y"]),
    ],
)
def test_find_cycle_finds_cycles(graph, cycle):
    assert find_cycle(graph) == cycle


def test_imports_are_read_at_every_depth():
    names = set(imported_names(MODULES["generator.commands.new"]))
    assert {"generator.commands.support", "generator.scaffold.item", "generator.models"} <= names
