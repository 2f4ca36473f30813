"""Imports run one way (ARCHITECTURE.md, issue 9 "Rooms that say what they hold").

Read statically: every module under evdesk/ is parsed with `ast`, and every import in it
counts — at the top, inside functions, under `if TYPE_CHECKING:` — because each is a
dependency someone reading or moving the code has to follow. From them the graph of
evdesk modules is built and checked: no import circles, and the layer rules below.
A failure names each offending import as `module (file:line) -> imported module`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import evdesk

PACKAGE = Path(evdesk.__file__).parent


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the evdesk module imported
    path: str  # the importing file, relative to the repository
    line: int

    def __str__(self) -> str:
        return f"{self.source} ({self.path}:{self.line}) -> {self.target}"


def _module_files() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _module_files()


def _resolve(name: str) -> str | None:
    """The evdesk module `name` refers to: itself, or the module holding the name imported."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports_of(module: str, path: Path) -> list[Import]:
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    rel = str(path.relative_to(PACKAGE.parent))
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from evdesk.store import models` imports the module evdesk.store.models
            names = [f"{origin}.{alias.name}" for alias in node.names] or [origin]
        for name in names:
            if name.split(".")[0] != "evdesk":
                continue
            target = _resolve(name)
            if target is not None and target != module:
                found.append(Import(module, target, rel, node.lineno))
    return found


GRAPH: dict[str, list[Import]] = {name: _imports_of(name, path) for name, path in MODULES.items()}


def within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def offenders(sources: tuple[str, ...], forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    return [str(i) for imports in GRAPH.values() for i in imports
            if within(i.source, *sources) and within(i.target, *forbidden) and not within(i.target, *allowed)]


def test_the_graph_is_read():
    """The reader sees imports of every kind (else every other test here would pass vacuously)."""
    targets = {i.target for i in GRAPH["evdesk.core.services"]}
    assert {"evdesk.core.groups", "evdesk.store.database", "evdesk.settings"} <= targets
    assert "evdesk.store.models" in {i.target for i in GRAPH["evdesk.store.write"]} | {
        i.target for i in GRAPH["evdesk.store.repos.groups"]}
    inside_functions = {i.target for i in GRAPH["evdesk.app"]}
    assert "evdesk.selftest" in inside_functions and "evdesk.cli.operators" in inside_functions
    assert len(MODULES) > 100


# -- no circles ------------------------------------------------------------------------------------
def _cycles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    edges = {m: sorted({i.target for i in imports}) for m, imports in GRAPH.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_import_cycles():
    report = []
    for group in _cycles():
        members = set(group)
        report.append(" <-> ".join(group))
        report += [f"    {i}" for m in group for i in GRAPH[m] if i.target in members]
    assert not report, "evdesk modules import each other in a circle:\n" + "\n".join(report)


def test_cycle_finder_finds_a_cycle():
    """The circle test can fail: a planted circle is found."""
    saved = dict(GRAPH)
    try:
        GRAPH["evdesk.paths"] = [*GRAPH["evdesk.paths"], Import("evdesk.paths", "evdesk.logging_setup", "-", 0)]
        assert ["evdesk.logging_setup", "evdesk.paths"] in _cycles()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


# -- layers ------------------------------------------------------------------------------------------
TOP = ("evdesk.errors", "evdesk.secrets", "evdesk.paths", "evdesk.settings", "evdesk.logging_setup", "evdesk.process_age")
RULES = {
    # the business knows no sockets, screens, HTTP, terminal or composition
    "core": (("evdesk.core",), ("evdesk.csms", "evdesk.gui", "evdesk.api", "evdesk.cli", "evdesk.simulator",
                                "evdesk.selftest", "evdesk.runtime", "evdesk.app"), ()),
    # persistence knows no business
    "store": (("evdesk.store",), ("evdesk.core", "evdesk.csms", "evdesk.gui", "evdesk.api", "evdesk.cli"), ()),
    # screens and the HTTP layer call core services, never the store
    "gui and api leave the store to the core": (("evdesk.gui", "evdesk.api"), ("evdesk.store",), ("evdesk.store.errors",)),
    # screens do not reach into the self-test, the HTTP layer or the terminal commands
    "gui": (("evdesk.gui",), ("evdesk.selftest", "evdesk.api", "evdesk.cli"), ()),
    # what every layer uses imports none of them
    "modules at the top": (TOP, ("evdesk.core", "evdesk.csms", "evdesk.gui", "evdesk.api", "evdesk.cli",
                                 "evdesk.store", "evdesk.simulator"), ()),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_layer_rule(rule):
    sources, forbidden, allowed = RULES[rule]
    found = offenders(sources, forbidden, allowed)
    assert not found, f"{rule}: these imports run the wrong way:\n" + "\n".join(found)
