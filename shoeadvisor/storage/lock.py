"""One writer per data folder: a QLockFile held for as long as the store is open."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QLockFile

LOCK_NAME = "shoeadvisor.lock"

#: Why the lock could not be taken: another copy holds it, the folder cannot be written,
#: something that is not a regular file sits where the lock file goes, or else.
LockFailure = Literal["held", "not_writable", "not_a_file", "unknown"]


class DataFolderLock:
    """The data folder's lock. A lock left by a process that died is taken over."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        # Never treat a lock as stale because of its age: a window may stay open
        # for days. Qt still takes over a lock whose process no longer runs.
        self._lock.setStaleLockTime(0)
        #: Why the last try failed; None once the lock is held (or never tried).
        self.failure: LockFailure | None = None

    def try_acquire(self) -> bool:
        """Take the lock if nobody else holds it; never waits."""
        if self._lock.isLocked():
            return True
        if not self._path_may_be_a_lock():
            # QLockFile would open it to read who holds it: a FIFO there blocks forever.
            self.failure = "not_a_file"
            return False
        if self._lock.tryLock(0):
            self.failure = None
            # QLockFile creates the file with the umask's mode (often 0644);
            # everything in the data folder is this user's only.
            with contextlib.suppress(OSError):
                os.chmod(self.path, 0o600)
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            self.failure = "held"
        elif error == QLockFile.LockError.PermissionError:
            self.failure = "not_writable"
        else:
            self.failure = "unknown"
        return False

    def _path_may_be_a_lock(self) -> bool:
        try:
            mode = os.lstat(self.path).st_mode
        except FileNotFoundError:
            return True
        except OSError:
            return True  # let QLockFile report it
        return stat.S_ISREG(mode)

    @property
    def held(self) -> bool:
        return bool(self._lock.isLocked())

    def holder(self) -> str | None:
        """'process PID on HOST' of the copy holding the lock, when it can be read."""
        if self.failure != "held":
            return None
        return describe_lock_info(self._lock.getLockInfo())

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def describe_lock_info(info: object) -> str | None:
    """PySide6's getLockInfo() is (pid, hostname, appname); (0, '', '') when unreadable."""
    if not isinstance(info, tuple) or len(info) < 2:
        return None
    pid, host = info[0], info[1]
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return None
    return f"process {pid} on {host}" if host else f"process {pid}"
