"""Guard for the PySide6 6.12 / Python 3.11 bug that loses a reference to None.

Every model override that can return None to C++ must be wrapped in `none_safe`,
or a few thousand repaints abort the app ("none_dealloc: deallocating None").
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt

import shoeadvisor.gui


def _gui_models() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(shoeadvisor.gui.__path__, "shoeadvisor.gui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def test_every_model_override_returning_none_is_wrapped() -> None:
    models = _gui_models()
    assert len(models) >= 5
    unwrapped = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in models
        for name in ("data", "headerData")
        if name in vars(cls) and not hasattr(vars(cls)[name], "__wrapped__")
    ]
    assert unwrapped == []


def test_none_safe_keeps_none_alive_through_many_calls(qapp) -> None:
    from shoeadvisor.gui.platform.qt_compat import none_safe

    class Empty(QAbstractItemModel):
        def index(self, row, column, parent=QModelIndex()):  # noqa: B008
            return self.createIndex(row, column)

        def parent(self, index=QModelIndex()):  # noqa: B008
            return QModelIndex()

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 1

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 1

        @none_safe
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    proxy = QSortFilterProxyModel()
    model = Empty()
    proxy.setSourceModel(model)
    before = sys.getrefcount(None)
    for _ in range(5000):
        proxy.data(proxy.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert sys.getrefcount(None) >= before - 50
    proxy.setSourceModel(None)


_MANY_VOID_CALLS = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
from shoeadvisor.gui.app import build_window

app = QApplication([])
window = build_window()
label = QLabel()
for _ in range(100_000):  # each call returns nothing: the binding may drop a None each time
    label.setText("x")
    label.show()
print("still running")
window.close()
"""


def test_a_window_survives_many_calls_that_return_nothing(tmp_path) -> None:
    # In a child process: without the work-around the interpreter aborts, which would
    # take the whole test run with it.
    import os
    import subprocess

    env = {**os.environ, "SHOEADVISOR_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _MANY_VOID_CALLS],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still running" in done.stdout


def test_keep_none_alive_only_acts_when_the_binding_drops_none() -> None:
    from shoeadvisor.gui.platform.qt_compat import keep_none_alive, void_calls_drop_none

    dropping = void_calls_drop_none()
    assert keep_none_alive() is dropping
    if dropping:
        assert sys.getrefcount(None) > 2**39
