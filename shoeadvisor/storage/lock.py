"""One writer per data folder: a QLockFile held for as long as the store is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "shoeadvisor.lock"


class DataFolderLock:
    """The data folder's lock. A lock left by a process that died is taken over."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        # Never treat a lock as stale because of its age: a window may stay open
        # for days. Qt still takes over a lock whose process no longer runs.
        self._lock.setStaleLockTime(0)

    def try_acquire(self) -> bool:
        """Take the lock if nobody else holds it; never waits."""
        if self._lock.isLocked():
            return True
        return bool(self._lock.tryLock(0))

    @property
    def held(self) -> bool:
        return bool(self._lock.isLocked())

    def holder(self) -> str | None:
        """'pid on host' of the process holding the lock, when it can be read."""
        info = self._lock.getLockInfo()
        if not isinstance(info, tuple) or not info or not info[0]:
            return None
        _, pid, host, *_ = info
        return f"process {pid} on {host}" if host else f"process {pid}"

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
