"""The modules form layers: no import cycle, no private name used across modules.

Every import counts, function-level ones included. The one upward import
allowed is ``Document.diagnostics`` importing ``diagnose`` on first use
(nodes -> diagnostics), which says why where it stands.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wikirel"
ALLOWED_UPWARD = {("nodes", "diagnostics")}


def _imports() -> dict[str, list[tuple[str, list[str], int]]]:
    """Per module: (imported module, imported names, line) for every relative import."""
    found: dict[str, list[tuple[str, list[str], int]]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = found.setdefault(path.stem, [])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names = [alias.name for alias in node.names]
                if node.module is None:  # from . import x, y: x and y are modules
                    edges.extend(
                        (name, [], node.lineno) for name in names if (PACKAGE / f"{name}.py").exists()
                    )
                else:
                    edges.append((node.module, names, node.lineno))
    return found


IMPORTS = _imports()


def test_no_private_name_is_imported_from_another_module() -> None:
    crossing = [
        f"{module}.py:{line}: {name} from {target}"
        for module, edges in IMPORTS.items()
        for target, names, line in edges
        for name in names
        if name.startswith("_") and name != "__version__"
    ]
    assert crossing == []


def test_the_import_graph_has_no_cycle() -> None:
    graph = {
        module: {target for target, _, _ in edges if (module, target) not in ALLOWED_UPWARD}
        for module, edges in IMPORTS.items()
        if module != "__init__"
    }
    # Depth-first search with colours, on an explicit stack.
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in graph:
        if state.get(root):
            continue
        stack = [(root, iter(sorted(graph[root])))]
        state[root] = 1
        path = [root]
        while stack:
            module, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                state[module] = 2
                stack.pop()
                path.pop()
                continue
            if target == "__init__" or target not in graph:
                continue
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, iter(sorted(graph[target]))))


def test_the_allowed_upward_import_is_a_function_level_one() -> None:
    source = (PACKAGE / "nodes.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    top_level = {node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert "diagnostics" not in top_level
    assert any(target == "diagnostics" for target, _, _ in IMPORTS["nodes"])
