"""Layers point one way and no two modules import each other (ARCHITECTURE.md's table).

Every import counts: module level, inside functions and under TYPE_CHECKING, because a
cycle that only shows at run time or to the type checker is still a knot in the design.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

RULE_PACKAGES = {"privacy", "ai", "oversight", "transparency", "fairness", "accountability"}
ADAPTERS = {"api", "cli", "web"}
# what each layer may never import (an area is the first name below `trustdesk`)
FORBIDDEN: dict[str, set[str]] = {
    **{p: {"pipeline", "service", *ADAPTERS, "bootstrap"} for p in RULE_PACKAGES},
    "store": {"pipeline", "service", *ADAPTERS, "bootstrap"},
    "settings": {"pipeline", "service", *ADAPTERS, "bootstrap", "store"},
    "pipeline": {"service", *ADAPTERS, "bootstrap", "store"},
    "service": {*ADAPTERS, "bootstrap"},
    # `trustdesk serve` runs the API, so the CLI may reach it; never the other way round
    "api": {"cli", "web"},
    "web": {"cli"},
    "cli": {"web"},
}


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The known modules `name` imports (a `from pkg import mod` counts as pkg.mod)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                full = f"{source}.{alias.name}"
                named.add(full if full in known else source)
    resolved = set()
    for target in named:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            resolved.add(target)
    return resolved


def import_graph(root: Path, top: str) -> dict[str, set[str]]:
    known = {n: p for n, p in modules(root).items() if n == top or n.startswith(top + ".")}
    return {n: imports_of(n, p, known) for n, p in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            here, there = area(module), area(target)
            if here == "domain" and there != "domain":
                bad.append(f"{module} -> {target} (domain imports nothing of ours)")
            elif there in FORBIDDEN.get(here, set()):
                bad.append(f"{module} -> {target} ({here} may not import {there})")
            elif there == "bootstrap" and here not in ADAPTERS | {"", "bootstrap"}:
                bad.append(f"{module} -> {target} (only adapters use the composition root)")
    return bad


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(SRC, "trustdesk")


def test_no_module_imports_itself_through_others(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_layers_point_one_way(graph: dict[str, set[str]]) -> None:
    assert upward_imports(graph) == []


def test_adapters_never_open_a_unit_of_work(graph: dict[str, set[str]]) -> None:
    """api, cli and web call services; a transaction belongs to the service that needs it."""
    opening = sorted(m for m, targets in graph.items()
                     if area(m) in ADAPTERS and "trustdesk.store.uow" in targets)
    assert opening == []


def test_the_checker_finds_a_cycle_and_an_upward_import(tmp_path: Path) -> None:
    """The checks above can fail: a planted cycle and a planted upward import are found."""
    pkg = tmp_path / "trustdesk"
    for sub in ("domain", "store", "service"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "store" / "a.py").write_text("from trustdesk.store import b\n")
    (pkg / "store" / "b.py").write_text("from typing import TYPE_CHECKING\n"
                                        "if TYPE_CHECKING:\n    from trustdesk.store.a import X\n")
    (pkg / "domain" / "model.py").write_text("def f():\n    from trustdesk.service import x\n")
    (pkg / "service" / "x.py").write_text("")
    planted = import_graph(tmp_path, "trustdesk")
    assert cycles(planted) == [["trustdesk.store.a", "trustdesk.store.b"]]
    assert upward_imports(planted) == [
        "trustdesk.domain.model -> trustdesk.service.x (domain imports nothing of ours)"]
