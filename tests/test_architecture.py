"""The layering of style.md, checked on the source: which package may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "shoeadvisor"

# package -> module prefixes it must never import
FORBIDDEN = {
    "core": ("PySide6", "shoeadvisor.gui", "shoeadvisor.storage", "shoeadvisor.commands"),
    "storage": ("PySide6.QtWidgets", "PySide6.QtGui", "shoeadvisor.gui"),
    "commands": ("PySide6.QtWidgets", "shoeadvisor.gui"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _files(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_forbidden_modules(layer: str) -> None:
    offenders = []
    for path in _files(layer):
        for module in imported_modules(path):
            if module.startswith(FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


def test_cli_module_does_not_import_the_gui() -> None:
    modules = imported_modules(PACKAGE / "cli.py")
    assert not [m for m in modules if m.startswith(("PySide6", "shoeadvisor.gui"))]


def test_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport shoeadvisor.gui.app\n")
    assert {"PySide6.QtWidgets", "shoeadvisor.gui.app"} <= imported_modules(bad)
