"""Long jobs off the window's thread: an import of runs, reported through signals.

The worker thread only iterates the job and emits signals; Qt queues them to the
window's thread (their receivers live there), so no widget is ever touched from the
worker and the event loop keeps running while files are parsed and written.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal


class CancellableJob(Protocol):
    """What `storage.run_import.RunImport` offers: iterate it, cancel it, read its report."""

    report: Any

    def __iter__(self) -> Any: ...
    def cancel(self) -> None: ...


class JobThread(QObject):
    """Runs a job in a Python thread; `progressed` for each step, `finished` once.

    `finished(report, error)`: the job's report, and "" or the reason it stopped early
    (a full disk, an unknown shoe), worded by the job for the runner.
    """

    progressed = Signal(object)
    finished = Signal(object, str)

    def __init__(self, job: CancellableJob, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop after the file it is writing (any thread)."""
        self.job.cancel()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _work(self) -> None:
        error = ""
        try:
            for step in self.job:
                self.progressed.emit(step)
        except Exception as exc:  # the job's own errors are worded for the runner
            error = str(exc) or type(exc).__name__
        self.finished.emit(self.job.report, error)
