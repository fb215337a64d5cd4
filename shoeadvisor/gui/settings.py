"""The window's own state: geometry, dock layout, splitters, the page and tab shown.

Never anything of a runner's profile: that lives in the data folder, written by the
session. With $SHOEADVISOR_DATA_DIR set, this file lives in that folder too, so a
portable copy (or a test) leaves nothing behind; otherwise in the user's config folder.

Like every file the app creates, it is this user's only (0600) from its first write. A
FIFO, a device, a folder or a huge file where it goes is never opened (QSettings reads
the file as it is constructed: a FIFO would hang the start); a file Qt cannot parse is
moved aside. Either way the window starts with its default layout and says so once.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from shoeadvisor.regular_files import describe_os_error, describe_size, kind_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

#: The data folder variable (shoeadvisor.storage.DATA_DIR_ENV; not imported from there
#: because storage loads pydantic, which the first paint must not wait for).
DATA_DIR_ENV = "SHOEADVISOR_DATA_DIR"
SETTINGS_FILE = "window.ini"
#: The window's state is a few kilobytes; a file far bigger is not ours.
MAX_SETTINGS_BYTES = 1_000_000
#: Where a settings file Qt cannot parse is moved, next to it.
DAMAGED_SUFFIX = ".damaged"
#: The smallest size a restored splitter pane gets: a pane saved collapsed comes back seen.
MIN_PANE = 80


def settings_path() -> str | None:
    """The INI file in the data folder, when $SHOEADVISOR_DATA_DIR names one."""
    folder = os.environ.get(DATA_DIR_ENV, "").strip()
    # os.path, not pathlib: this runs before the first paint, and pathlib costs ~4 ms.
    return os.path.join(os.path.expanduser(folder), SETTINGS_FILE) if folder else None


def default_settings_path() -> str:
    """Where QSettings keeps ShoeAdvisor's INI file in the user's config folder.

    Found with a probe of names nobody uses (`<config>/<org>/<app>.ini`), since
    constructing QSettings for the real names reads that file at once, before it can be
    checked (and the organisation's `<config>/ShoeAdvisor.ini` too).
    """
    probe = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ShoeAdvisor path probe", "x"
    )
    config = os.path.dirname(os.path.dirname(probe.fileName()))
    return os.path.join(config, "ShoeAdvisor", "ShoeAdvisor.ini")


def unusable_reason(path: str) -> str | None:
    """Why the settings file at path must not be opened; None when it may (or is missing)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({describe_os_error(exc)})"
    if not stat.S_ISREG(info.st_mode):
        return f"is {kind_of(info.st_mode)}, not a regular file"
    if info.st_size > MAX_SETTINGS_BYTES:
        return f"too large (over {describe_size(MAX_SETTINGS_BYTES)})"
    return None


class WindowSettings:
    """Typed reads and writes of the window's state; `WindowSettings(None)` remembers nothing.

    `problem` says why the file on disk is not used (shown once, when opened).
    """

    def __init__(self, settings: QSettings | None, *, problem: str | None = None) -> None:
        self._settings = settings
        self.problem = problem
        self._private = False

    @classmethod
    def open(cls) -> WindowSettings:
        path = settings_path() or default_settings_path()
        why = unusable_reason(path)
        if why is not None:
            return cls._without_file(f"{path}: {why}")
        settings = QSettings(path, QSettings.Format.IniFormat)
        if settings.status() == QSettings.Status.FormatError:
            del settings  # moved aside whole, never rewritten from what Qt made of it
            try:
                os.replace(path, path + DAMAGED_SUFFIX)
            except OSError as exc:
                return cls._without_file(
                    f"{path}: cannot be read as settings, nor moved aside "
                    f"({describe_os_error(exc)})"
                )
            problem = f"{path}: cannot be read as settings; moved to {path}{DAMAGED_SUFFIX}"
            _say(problem)
            return cls(QSettings(path, QSettings.Format.IniFormat), problem=problem)
        if settings.status() == QSettings.Status.AccessError:
            return cls._without_file(f"{path}: cannot be read (permission denied)")
        with contextlib.suppress(OSError):  # a file from an older version may be 0644
            if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
                os.chmod(path, 0o600)
        return cls(settings)

    @classmethod
    def _without_file(cls, problem: str) -> WindowSettings:
        problem += "; it is not used"
        _say(problem)
        return cls(None, problem=problem)

    def _make_private(self) -> None:
        """Create the file 0600 before Qt first writes it (Qt keeps an existing file's
        mode when it replaces the file, and would create a new one with the umask's)."""
        if self._private or self._settings is None:
            return
        self._private = True
        path = self._settings.fileName()
        # Non-blocking: a FIFO put there since the start is refused at once (ENXIO).
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
        with contextlib.suppress(OSError):  # Qt reports a file it cannot write itself
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd = os.open(path, flags, 0o600)
            try:
                info = os.fstat(fd)
                if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
                    os.fchmod(fd, 0o600)
            finally:
                os.close(fd)

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
            self._make_private()  # before Qt's first write, from the event loop or sync()
            self._settings.setValue(key, value)

    def sync(self) -> None:
        if self._settings is not None:
            self._make_private()
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


def _say(problem: str) -> None:
    """The one line a settings problem gets (the status bar may show `problem` too)."""
    print(f"shoeadvisor: {problem}; the window starts with its default layout", file=sys.stderr)


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
