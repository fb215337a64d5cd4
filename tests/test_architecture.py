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


def _package_of(path: Path) -> list[str]:
    """`shoeadvisor.gui.views` for shoeadvisor/gui/views/x.py (relative imports start there)."""
    try:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    except ValueError:  # a file outside the package: only absolute imports mean anything
        return []
    return parts[:-1]  # for x.py and for __init__.py alike: the folder is the package


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved, imports under `if` included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(path)
                base = package[: len(package) - node.level + 1]
                if not base:
                    continue
                module = ".".join(base + ([node.module] if node.module else []))
            elif node.module:
                module = node.module
            else:
                continue
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
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


def test_checker_resolves_relative_imports() -> None:
    modules = imported_modules(PACKAGE / "gui" / "app.py")
    assert any(m.startswith("shoeadvisor.gui.") for m in modules)


def test_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport shoeadvisor.gui.app\n")
    assert {"PySide6.QtWidgets", "shoeadvisor.gui.app"} <= imported_modules(bad)


#: The one module of gui/ that holds the store: every view reaches the disk through it.
SESSION_MODULE = "gui/session.py"


def test_only_the_session_imports_storage() -> None:
    offenders = []
    for path in _files("gui"):
        where = path.relative_to(PACKAGE).as_posix()
        if where == SESSION_MODULE:
            continue
        for module in imported_modules(path):
            if module == "shoeadvisor.storage" or module.startswith("shoeadvisor.storage."):
                offenders.append(f"{where} imports {module}")
    assert offenders == []
    assert (PACKAGE / SESSION_MODULE).is_file()


#: The one bounded reader: activities/ (whose parsing processes must not load pydantic)
#: and core/ both read files through it, so it may import the standard library only.
READER_MODULE = "regular_files.py"


def test_the_bounded_reader_imports_the_standard_library_only() -> None:
    import sys

    outside = sorted(
        module
        for module in imported_modules(PACKAGE / READER_MODULE)
        if module.partition(".")[0] not in sys.stdlib_module_names | {"__future__"}
    )
    assert outside == []


def test_core_and_activities_read_files_through_the_one_reader() -> None:
    for where in ("core/files.py", "activities/reading.py"):
        modules = imported_modules(PACKAGE / where)
        assert "shoeadvisor.regular_files" in modules, where
        # No second copy: neither opens files itself.
        assert "os.open" not in (PACKAGE / where).read_text(encoding="utf-8"), where
