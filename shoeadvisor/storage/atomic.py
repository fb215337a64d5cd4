"""Writes that leave either the old file or the new one, never half of each."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

#: Suffix of the files a write is prepared in; leftovers of a crash end with it.
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"


class NotRegularFileError(OSError):
    """The target exists and is a device, FIFO or socket: never replaced by a file."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "a device, FIFO or socket, not a regular file", str(path))


def backup_path(path: Path) -> Path:
    """`<name>.bak` next to path."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_path(path: Path, middle: str = "") -> Path:
    fd, name = tempfile.mkstemp(prefix=f"{path.name}{middle}.", suffix=TEMP_SUFFIX, dir=path.parent)
    os.close(fd)
    return Path(name)


def _keep_backup(path: Path) -> None:
    """Make `<path>.bak` the current content of path, atomically."""
    staged = _temp_path(path, BACKUP_SUFFIX)
    try:
        staged.unlink()
        try:
            # A hard link costs nothing and the old inode survives the replace below.
            os.link(path, staged)
        except OSError:
            shutil.copy2(path, staged)
            with staged.open("rb+") as handle:
                os.fsync(handle.fileno())
        if os.name == "posix" and stat.S_IMODE(os.stat(staged).st_mode) & 0o077:
            # A file an older version (or the runner) left 0644: its .bak is private.
            os.chmod(staged, 0o600)
        os.replace(staged, backup_path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace path with data in one step; with keep_backup the old content becomes `.bak`.

    The data is written to a temporary file in the same folder, flushed to disk,
    then renamed over path, so a crash at any moment leaves a complete file. The new
    file is this user's only (0600). A symbolic link at path is replaced, never
    written through; a device, FIFO or socket at path is refused (NotRegularFileError):
    `-o /dev/null` run as root must not replace /dev/null.
    """
    with contextlib.suppress(FileNotFoundError):
        mode = os.lstat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode) or stat.S_ISDIR(mode)):
            raise NotRegularFileError(path)
    fd, name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.is_file():
            _keep_backup(path)
        os.replace(staged, path)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    _fsync_dir(path.parent)


def remove_leftovers(directory: Path) -> list[Path]:
    """Delete temporary files a killed write left behind; call only while holding the lock."""
    removed: list[Path] = []
    for entry in directory.glob(f"*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed
