"""The package's shape: imports run one way, no private name crosses a module, and the
analysis layers (base <- entities <- quotes, base <- dates; components; pipeline) hold.

Read from the source with ``ast``: module-level and function-level imports alike, so a
cycle cannot hide inside a function."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "newsgraph"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules(folder: Path) -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(folder.rglob("*.py"))}


PACKAGE_MODULES = _modules(PACKAGE)


def _imports(name: str, path: Path) -> Iterator[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            yield base, [a.name for a in node.names], node.lineno


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for name, path in PACKAGE_MODULES.items():
        g.add_node(name)
        for module, names, _line in _imports(name, path):
            # "from pkg import submodule" depends on the submodule
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in PACKAGE_MODULES] or [module]
            for target in targets:
                if target in PACKAGE_MODULES and target != name:
                    g.add_edge(name, target)
    return g


def test_no_import_cycle_in_the_package() -> None:
    cycles = list(nx.simple_cycles(_graph()))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles[:10])


def test_no_private_name_is_imported_from_another_module() -> None:
    files = {**PACKAGE_MODULES, **_modules(ROOT / "tests")}
    for extra in ("bench", "scripts"):
        if (ROOT / extra).is_dir():
            files.update(_modules(ROOT / extra))
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {n} from {module}"
        for name, path in files.items()
        for module, names, line in _imports(name, path)
        if module.startswith("newsgraph")
        for n in names
        if n.startswith("_") and not n.startswith("__")
    ]
    assert not found, "\n".join(found)


LAYERS = {
    "newsgraph.analyse.base": set(),
    "newsgraph.analyse.entities": {"newsgraph.analyse.base"},
    "newsgraph.analyse.quotes": {"newsgraph.analyse.base", "newsgraph.analyse.entities"},
    "newsgraph.analyse.dates": {"newsgraph.analyse.base"},
    "newsgraph.analyse.components": {"newsgraph.analyse.base", "newsgraph.analyse.entities",
                                     "newsgraph.analyse.quotes", "newsgraph.analyse.dates"},
}
"""Which analysis layers each may import (besides itself, the data package and modules
outside newsgraph.analyse)."""


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_analysis_layers_import_only_those_below(layer: str) -> None:
    allowed = LAYERS[layer] | {layer, "newsgraph.analyse.data", "newsgraph.analyse.model_choice"}
    bad = []
    for name, path in PACKAGE_MODULES.items():
        if name != layer and not name.startswith(layer + "."):
            continue
        for module, _names, line in _imports(name, path):
            if module.startswith("newsgraph.analyse") and module != "newsgraph.analyse":
                if not any(module == a or module.startswith(a + ".") for a in allowed):
                    bad.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not bad, "\n".join(bad)


def test_only_components_registers_spacy_components() -> None:
    registering = [
        str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
        if "Language.factory(" in p.read_text("utf-8") or "Language.component(" in p.read_text("utf-8")
    ]
    assert registering == ["newsgraph/analyse/components.py"]


def test_every_component_declares_what_it_reads_and_writes_with_no_problem() -> None:
    from newsgraph.analyse.pipeline import OUR_COMPONENTS, load_nlp

    nlp = load_nlp()
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    for name in (*OUR_COMPONENTS, "newsgraph_paragraphs"):
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name
    assert "doc._.entities" in nlp.get_pipe_meta("newsgraph_quotes").requires
    assert "doc._.quotes" in nlp.get_pipe_meta("newsgraph_time").requires


def test_the_quotes_component_takes_its_setting_from_the_config() -> None:
    from newsgraph.analyse.pipeline import load_nlp

    nlp = load_nlp()
    assert nlp.get_pipe_config("newsgraph_quotes")["indirect_min_confidence"] == 0.5


def test_no_private_attribute_of_another_module_is_read() -> None:
    """``module._name`` is as private as ``from module import _name``."""
    files = {**PACKAGE_MODULES, **_modules(ROOT / "tests")}
    found = []
    for path in files.values():
        tree = ast.parse(path.read_text("utf-8"))
        aliases = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsgraph"):
                aliases |= {a.asname or a.name for a in node.names if f"{node.module}.{a.name}" in PACKAGE_MODULES}
            elif isinstance(node, ast.Import):
                aliases |= {a.asname for a in node.names if a.asname and a.name in PACKAGE_MODULES}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} reads {node.value.id}.{node.attr}")
    assert not found, "\n".join(found)


def test_one_name_per_meaning_in_the_analysis() -> None:
    """No public name (class, function, constant) is defined by two analysis modules."""
    defined: dict[str, list[str]] = {}
    for name, path in PACKAGE_MODULES.items():
        if not name.startswith("newsgraph.analyse"):
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                names = []
            for n in names:
                if not n.startswith("_"):
                    defined.setdefault(n, []).append(name)
    twice = {n: mods for n, mods in defined.items() if len(mods) > 1}
    assert not twice, twice
