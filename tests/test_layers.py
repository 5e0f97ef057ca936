"""The modules form layers: no import cycle, no private name used across modules.

Every import counts, function-level ones included. The one upward import
allowed is ``Document.diagnostics`` importing ``diagnose`` on first use
(markup.document -> diagnostics), which says why where it stands.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wikirel"
# Deprecated aliases of 0.1 names, resolved on use from the registry above
# (module __getattr__), and Document.diagnostics importing diagnose on first use.
ALLOWED_UPWARD = {("markup.document", "diagnostics"), ("nodes", "dialect")}


def _module_name(path: Path) -> str:
    """``markup.table`` for src/wikirel/markup/table.py; a package is its folder's name."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The module a relative import in ``module`` names."""
    base = module.split(".") if module != "__init__" else []
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, *([target] if target else [])]) or "__init__"


def _exists(name: str) -> bool:
    path = PACKAGE.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _imports() -> dict[str, list[tuple[str, list[str], int]]]:
    """Per module: (imported module, imported names, line) for every relative import."""
    found: dict[str, list[tuple[str, list[str], int]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        is_package = path.name == "__init__.py" and module != "__init__"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = found.setdefault(module, [])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1:
                names = [alias.name for alias in node.names]
                target = _resolve(module, is_package, node.level, node.module)
                # from . import x, y: where x and y are modules, they are the targets
                submodules = [name for name in names if _exists(f"{target}.{name}".lstrip("_."))]
                if node.module is None or submodules:
                    prefix = "" if target == "__init__" else f"{target}."
                    edges.extend((f"{prefix}{name}", [], node.lineno) for name in submodules)
                    names = [name for name in names if name not in submodules]
                if node.module is not None and names:
                    edges.append((target, names, node.lineno))
    return found


def test_the_import_scan_sees_subpackages() -> None:
    assert any(target == "construct" for target, _, _ in IMPORTS["markup.numbered"])
    assert any(target == "markup.table" for target, _, _ in IMPORTS["dialect"])


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
            if target in ("__init__", "markup") or target not in graph:
                continue
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, iter(sorted(graph[target]))))


def test_the_allowed_upward_import_is_a_function_level_one() -> None:
    source = (PACKAGE / "markup" / "document.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    top_level = {node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.level == 2}
    assert "diagnostics" not in top_level
    assert any(target == "diagnostics" for target, _, _ in IMPORTS["markup.document"])


def test_the_worked_example_uses_the_public_api_only() -> None:
    """markup/numbered.py is written as an extension outside wikirel would be:
    no private module, and every name it imports is in its module's ``__all__``."""
    import importlib

    edges = IMPORTS["markup.numbered"]
    assert edges
    private = [
        f"{target}.{name}" if name else target
        for target, names, _ in edges
        for name in names or [""]
        if any(part.startswith("_") for part in target.split(".")) or name.startswith("_")
    ]
    assert private == []
    unlisted = [
        f"{target}.{name}"
        for target, names, _ in edges
        for name in names
        if name not in getattr(importlib.import_module(f"wikirel.{target}"), "__all__", ())
    ]
    assert unlisted == []


def test_the_tree_machinery_is_the_bottom_layer_of_the_nodes() -> None:
    # tree.py: the Node base, the field schema, flatten, ==, render; it needs no other wikirel module.
    assert IMPORTS["tree"] == []
    # A built-in construct module declares its node classes on the tree machinery alone: never
    # through the nodes façade (which imports the built-in constructs) or a module above it.
    # numbered stands for an outside extension, which may use the public wikirel.nodes.
    below = {"tree", "construct", "errors", "_text"}
    for module, edges in IMPORTS.items():
        if module.startswith("constructs.") and module != "markup.numbered":
            targets = {target for target, _, _ in edges if (module, target) not in ALLOWED_UPWARD}
            assert targets <= below | {t for t in targets if t.startswith("constructs.")}, module
    assert {target for target, _, _ in IMPORTS["construct"]} == {"tree"}


def test_the_nodes_module_is_a_facade_of_the_construct_modules() -> None:
    targets = {target for target, _, _ in IMPORTS["nodes"]}
    assert targets == {
        "markup.bullets",
        "markup.document",
        "markup.heading",
        "markup.infobox",
        "markup.paragraph",
        "markup.table",
        "tree",
        "dialect",  # the deprecated NODE_CLASSES, on use
    }


# The heading's special cases are hooks of markup/heading.py; these modules call them.
HEADING_HOOK_USERS = ["builder", "_canonical", "serializer", "json_format", "strategies"]
HEADING_HOOK_USERS += ["grammar", "dialect"]


@pytest.mark.parametrize("module", HEADING_HOOK_USERS)
def test_the_skeleton_asks_the_heading_construct_about_headings(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in ("TITLE", "HEADING"):
            found.append(f"line {node.lineno}: the terminal {node.value!r} by name")
        elif isinstance(node, ast.Attribute) and node.attr == "level":
            found.append(f"line {node.lineno}: a heading's level read directly")
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in ("isinstance", "issubclass")
            and any(isinstance(arg, ast.Name) and arg.id == "Heading" for arg in node.args)
        ):
            found.append(f"line {node.lineno}: a class test for Heading")
    assert found == []
