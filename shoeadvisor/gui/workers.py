"""Long jobs off the window's thread: an import of runs, reported through signals.

The worker thread only iterates the job and emits signals; Qt queues them to the
window's thread (their receivers live there), so no widget is ever touched from the
worker and the event loop keeps running while files are parsed and written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal


class CancellableJob(Protocol):
    """What `storage.run_import.RunImport` offers: iterate it, cancel it, read its report."""

    report: Any

    def __iter__(self) -> Any: ...
    def cancel(self) -> None: ...


class JobThread(QObject):
    """Runs a job in a Python thread; `progressed` for each step, `finished` once.

    `make_job` is called in the worker thread, so importing the job's modules (the
    parsers, multiprocessing) never holds up the window either; so is `then`, once the
    job has ended, to prepare what the window shows next (reading what was written).
    `finished(report, error, then_result)`: the job's report, "" or the reason it
    stopped early (a full disk, an unknown shoe), worded by the job for the runner, and
    what `then` returned (None without it, or when it failed).
    """

    progressed = Signal(object)
    finished = Signal(object, str, object)

    def __init__(
        self,
        make_job: Callable[[], CancellableJob],
        name: str,
        parent: QObject | None = None,
        *,
        then: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_job = make_job
        self._then = then
        self.job: CancellableJob | None = None
        self._cancelled = threading.Event()
        self._made = threading.Lock()
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop after the file it is writing (any thread)."""
        with self._made:
            self._cancelled.set()
            if self.job is not None:
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
        report = None
        try:
            job = self._make_job()
            with self._made:
                self.job = job
                if self._cancelled.is_set():
                    job.cancel()
            try:
                for step in job:
                    self.progressed.emit(step)
            finally:
                report = job.report
        except Exception as exc:  # the job's own errors are worded for the runner
            error = str(exc) or type(exc).__name__
        prepared = None
        if self._then is not None:
            try:
                prepared = self._then()
            except Exception:  # the window reads it itself instead
                prepared = None
        self.finished.emit(report, error, prepared)
