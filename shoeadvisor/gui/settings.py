"""Where the window keeps its state: an INI file in SHOEADVISOR_SETTINGS_DIR, else Qt's default."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QObject, QSettings

SETTINGS_FILE = "shoeadvisor.ini"


def open_settings(parent: QObject | None = None) -> QSettings:
    """The app's settings; tests and portable setups point SHOEADVISOR_SETTINGS_DIR elsewhere."""
    folder = os.environ.get("SHOEADVISOR_SETTINGS_DIR")
    if folder:
        # os.path, not pathlib: this runs before the first paint, and pathlib costs ~4 ms.
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, SETTINGS_FILE)
        return QSettings(path, QSettings.Format.IniFormat, parent)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ShoeAdvisor", "ShoeAdvisor", parent
    )


# Typed reads: QSettings hands back strings from INI files unless told the type.
def read_bytes(settings: QSettings, key: str) -> QByteArray:
    value = settings.value(key, QByteArray(), type=QByteArray)
    return value if isinstance(value, QByteArray) else QByteArray()


def read_int(settings: QSettings, key: str, default: int = 0) -> int:
    try:
        value = settings.value(key, default, type=int)
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, int) else default


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default, type=str)
    return value if isinstance(value, str) else default


def read_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key, default, type=bool)
    return value if isinstance(value, bool) else default
