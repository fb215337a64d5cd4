"""The window's own state: geometry, dock layout, splitters, the page and tab shown.

Never anything of a runner's profile: that lives in the data folder, written by the
session. With $SHOEADVISOR_DATA_DIR set, this file lives in that folder too, so a
portable copy (or a test) leaves nothing behind; otherwise in the user's config folder.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

#: The data folder variable (shoeadvisor.storage.DATA_DIR_ENV; not imported from there
#: because storage loads pydantic, which the first paint must not wait for).
DATA_DIR_ENV = "SHOEADVISOR_DATA_DIR"
SETTINGS_FILE = "window.ini"
#: The smallest size a restored splitter pane gets: a pane saved collapsed comes back seen.
MIN_PANE = 80


def settings_path() -> str | None:
    """The INI file in the data folder, when $SHOEADVISOR_DATA_DIR names one."""
    folder = os.environ.get(DATA_DIR_ENV, "").strip()
    # os.path, not pathlib: this runs before the first paint, and pathlib costs ~4 ms.
    return os.path.join(os.path.expanduser(folder), SETTINGS_FILE) if folder else None


class WindowSettings:
    """Typed reads and writes of the window's state; `WindowSettings(None)` remembers nothing."""

    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    @classmethod
    def open(cls) -> WindowSettings:
        path = settings_path()
        if path is not None:
            return cls(QSettings(path, QSettings.Format.IniFormat))
        return cls(
            QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                "ShoeAdvisor",
                "ShoeAdvisor",
            )
        )

    def fileName(self) -> str:
        return self._settings.fileName() if self._settings is not None else ""

    # -- reading
    def read_bytes(self, key: str) -> QByteArray:
        if self._settings is None:
            return QByteArray()
        value = self._settings.value(key, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    def read_int(self, key: str, default: int = 0) -> int:
        if self._settings is None:
            return default
        try:
            value = self._settings.value(key, default, type=int)
        except (TypeError, ValueError):
            return default
        return value if isinstance(value, int) else default

    def read_bool(self, key: str, default: bool = False) -> bool:
        if self._settings is None:
            return default
        value = self._settings.value(key, default, type=bool)
        return value if isinstance(value, bool) else default

    def read_text(self, key: str, default: str = "") -> str:
        if self._settings is None:
            return default
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else default

    # -- writing
    def set(self, key: str, value: object) -> None:
        if self._settings is not None:
            self._settings.setValue(key, value)

    def sync(self) -> None:
        if self._settings is not None:
            self._settings.sync()

    # -- splitters
    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self.set(f"splitters/{key}", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> None:
        """Apply a saved splitter state; every pane comes back at least MIN_PANE wide or high."""
        state = self.read_bytes(f"splitters/{key}")
        if not state.isEmpty():
            splitter.restoreState(state)
        show_every_pane(splitter)


def show_every_pane(splitter: QSplitter, minimum: int = MIN_PANE) -> None:
    """Give a collapsed (or squeezed) pane room again, taken from the largest pane."""
    sizes = splitter.sizes()
    if len(sizes) < 2 or sum(sizes) <= 0:
        return
    total = sum(sizes)
    floor = min(minimum, total // len(sizes))
    fixed = list(sizes)
    for index, size in enumerate(fixed):
        if size < floor:
            largest = max(range(len(fixed)), key=fixed.__getitem__)
            fixed[largest] -= floor - size
            fixed[index] = floor
    if fixed != sizes:
        splitter.setSizes(fixed)
