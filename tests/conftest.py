"""Shared test set-up: Qt offscreen before any Qt import, a private data folder per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty data folder and settings, never the user's."""
    root = tmp_path_factory.mktemp("shoeadvisor-data")
    monkeypatch.setenv("SHOEADVISOR_DATA_DIR", str(root))
    monkeypatch.setenv("SHOEADVISOR_SETTINGS_DIR", str(root / "settings"))
    return root


@pytest.fixture(autouse=True, scope="session")
def no_user_config(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Qt's own settings folder points at a scratch folder: no test writes to the user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("user-config"))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(kind, scope, folder)


@pytest.fixture(autouse=True)
def no_leaked_widgets(request: pytest.FixtureRequest) -> Iterator[None]:
    """Close and delete any top-level widget a GUI test leaves behind."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
