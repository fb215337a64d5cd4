"""Importing runs into the run log: files parsed in worker processes, one writer.

The window runs `RunImport` in a worker thread and shows its progress; nothing here
touches Qt. Usage::

    job = RunImport(store.run_log_path, profile_id, paths, main_surface="trail")
    for progress in job:          # one ImportProgress per file, after it is on disk
        ...                       # job.cancel() from any thread stops between files
    job.report.summary()          # "12 imported, 3 duplicates, 1 skipped, 0 broken"

Parsing (about 60 ms for an hour of 1 s FIT records) runs in a pool of processes
started with "spawn", so it never competes with the window for the GIL and never
forks a process that has Qt threads. Results are written by this thread alone, in
transactions of at most BATCH_SIZE files or BATCH_SECONDS; a file is reported only
once its transaction is committed, so a run reported as imported survives a crash.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from shoeadvisor.activities import ActivityFileError, find_sources
from shoeadvisor.activities.batch import SourceResult, parse_source, set_known_hashes
from shoeadvisor.activities.sources import ActivitySource
from shoeadvisor.core.ids import Surface
from shoeadvisor.core.shoes import Shoe

from .runlog import NewRun, RunLog

Outcome = Literal["imported", "duplicate", "skipped", "broken"]
BATCH_SIZE = 200
BATCH_SECONDS = 0.25
#: Fewer files than this are parsed in this thread: starting processes costs more.
POOL_THRESHOLD = 16


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What the import did with one file."""

    name: str
    outcome: Outcome
    reason: str | None = None  # why it was skipped or broken
    run_id: int | None = None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """One file done (and, if imported, on disk): `done` of `total` files."""

    file: FileOutcome
    done: int
    total: int


@dataclass
class ImportReport:
    """Every file's outcome, in the order they were found."""

    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def broken(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome == "broken"]

    def summary(self) -> str:
        """'3 imported, 1 duplicate, 2 skipped, 0 broken' (and 'cancelled' when it was)."""
        dup = self.count("duplicate")
        text = (
            f"{self.imported} imported, {dup} duplicate{'s' if dup != 1 else ''}, "
            f"{self.count('skipped')} skipped, {len(self.broken)} broken"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "shoe"


class RunImport:
    """One import of files, folders or exports into one profile's run log.

    Iterate to run it (in any thread but the window's); `cancel()` may be called from
    any thread and stops it between files: what was committed stays, the rest is left.
    `shoe_id` puts every run in that shoe; otherwise Strava's gear name, else the
    profile's default shoe for the run's surface (or for `main_surface`).
    """

    def __init__(
        self,
        log_path: Path,
        profile_id: str,
        paths: Iterable[Path | str],
        *,
        shoe_id: str | None = None,
        main_surface: Surface | None = None,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.log_path = Path(log_path)
        self.batch_size = max(1, batch_size)
        self.profile_id = profile_id
        self.paths = [Path(p) for p in paths]
        self.shoe_id = shoe_id
        self.main_surface = main_surface
        self.workers = workers
        self.report = ImportReport()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the file being written; thread-safe."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self, on_progress: Callable[[ImportProgress], None] | None = None) -> ImportReport:
        """Run to the end (or until cancelled), calling on_progress for every file."""
        for progress in self:
            if on_progress is not None:
                on_progress(progress)
        return self.report

    def __iter__(self) -> Iterator[ImportProgress]:
        log = RunLog(self.log_path)
        try:
            yield from self._run(log)
        finally:
            log.close()

    # -- the work ---------------------------------------------------------

    def _run(self, log: RunLog) -> Iterator[ImportProgress]:
        try:
            scan = find_sources(self.paths)
        except ActivityFileError as exc:
            raise ActivityFileError(str(exc)) from None
        with scan:
            total = len(scan.sources) + len(scan.problems)
            done = 0
            for name, why in scan.problems:
                done += 1
                outcome = FileOutcome(name, "broken", why)
                self.report.files.append(outcome)
                yield ImportProgress(outcome, done, total)
            if self.shoe_id is not None:
                owned = {s.id for s in log.shoes(self.profile_id)}
                if self.shoe_id not in owned:
                    raise ActivityFileError(f"no shoe with the id {self.shoe_id!r} for this runner")
            known = log.known_hashes(self.profile_id)
            writer = _Writer(log, self, known)
            for result in self._results(scan.sources, known):
                writer.add(result)
                if writer.due():
                    for outcome in writer.flush():
                        done += 1
                        self.report.files.append(outcome)
                        yield ImportProgress(outcome, done, total)
                if self._cancel.is_set():
                    break
            for outcome in writer.flush():
                done += 1
                self.report.files.append(outcome)
                yield ImportProgress(outcome, done, total)
            self.report.cancelled = self._cancel.is_set() and done < total

    def _results(
        self, sources: Sequence[ActivitySource], known: frozenset[str]
    ) -> Iterator[SourceResult]:
        workers = self.workers if self.workers is not None else min(os.cpu_count() or 1, 4)
        if workers <= 1 or len(sources) < POOL_THRESHOLD:
            set_known_hashes(known)
            try:
                for source in sources:
                    if self._cancel.is_set():
                        return
                    yield parse_source(source)
            finally:
                set_known_hashes(frozenset())
            return
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=set_known_hashes, initargs=(known,)
        )
        pending: deque[Future[SourceResult]] = deque()
        queue = iter(sources)
        window = workers * 8  # bounded: a 100,000-file export is never all in flight
        try:
            for source in queue:
                pending.append(pool.submit(parse_source, source))
                if len(pending) >= window:
                    break
            while pending:
                if self._cancel.is_set():
                    return
                result = pending.popleft().result()
                for source in queue:
                    pending.append(pool.submit(parse_source, source))
                    break
                yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class _Writer:
    """Turns parse results into run-log rows, a batch per transaction."""

    def __init__(self, log: RunLog, job: RunImport, known: frozenset[str]) -> None:
        self.log = log
        self.job = job
        self.seen: set[str] = set(known)
        self.skipped_before = log.skipped_files(job.profile_id)
        self.batch: list[SourceResult] = []
        self.started = time.monotonic()
        self.defaults = log.default_shoes(job.profile_id)
        self.shoes_by_name = {s.shoe.name.casefold(): s.id for s in log.shoes(job.profile_id)}
        self.shoe_ids = {s.id for s in log.shoes(job.profile_id)}

    def add(self, result: SourceResult) -> None:
        if not self.batch:
            self.started = time.monotonic()
        self.batch.append(result)

    def due(self) -> bool:
        return len(self.batch) >= self.job.batch_size or (
            bool(self.batch) and time.monotonic() - self.started >= BATCH_SECONDS
        )

    def _shoe_for(self, result: SourceResult, new_shoes: list[Shoe]) -> str | None:
        if self.job.shoe_id is not None:
            return self.job.shoe_id
        gear = result.source.strava.gear if result.source.strava else None
        if gear:
            known = self.shoes_by_name.get(gear.casefold())
            if known is not None:
                return known
            shoe_id = base = f"strava-{_slug(gear)}"
            counter = 2
            while shoe_id in self.shoe_ids:
                shoe_id, counter = f"{base}-{counter}", counter + 1
            new_shoes.append(Shoe(id=shoe_id, name=gear[:200]))
            self.shoes_by_name[gear.casefold()] = shoe_id
            self.shoe_ids.add(shoe_id)
            return shoe_id
        activity = result.activity
        surface = (activity.surface if activity else None) or self.job.main_surface
        return self.defaults.get(surface) if surface else None

    def flush(self) -> list[FileOutcome]:
        batch, self.batch = self.batch, []
        if not batch:
            return []
        runs: list[NewRun] = []
        skipped: list[tuple[str, str]] = []
        new_shoes: list[Shoe] = []
        slots: list[FileOutcome | None] = []
        for result in batch:
            name = result.source.name
            if result.status == "broken":
                slots.append(FileOutcome(name, "broken", result.reason))
            elif result.status == "known" and result.sha256 in self.skipped_before:
                why = self.skipped_before[result.sha256]
                slots.append(FileOutcome(name, "skipped", f"not a run ({why})"))
            elif result.status == "known" or (result.sha256 in self.seen):
                slots.append(FileOutcome(name, "duplicate"))
            elif result.status == "skipped" or result.activity is None:
                if result.sha256:
                    skipped.append((result.sha256, result.reason or "not a run"))
                    self.seen.add(result.sha256)
                slots.append(FileOutcome(name, "skipped", f"not a run ({result.reason})"))
            else:
                a = result.activity
                assert result.sha256 is not None
                self.seen.add(result.sha256)
                runs.append(
                    NewRun(
                        a.start,
                        a.distance_m,
                        a.duration_s,
                        a.elapsed_s,
                        a.ascent_m,
                        a.descent_m,
                        a.sub_sport if a.sub_sport not in (None, "generic") else a.sport,
                        a.surface,
                        a.name,
                        name,
                        result.sha256,
                        self._shoe_for(result, new_shoes),
                    )
                )
                slots.append(None)
        ids = iter(self.log.add_runs(self.job.profile_id, runs, skipped, new_shoes))
        outcomes: list[FileOutcome] = []
        run_iter = iter(runs)
        for result, slot in zip(batch, slots, strict=True):
            if slot is not None:
                outcomes.append(slot)
                continue
            run = next(run_iter)
            run_id = next(ids)
            if run_id is None:
                outcomes.append(FileOutcome(result.source.name, "duplicate", "the same run"))
            else:
                outcomes.append(
                    FileOutcome(result.source.name, "imported", None, run_id, run.distance_m / 1000)
                )
        return outcomes


def import_runs(
    log_path: Path,
    profile_id: str,
    paths: Iterable[Path | str],
    *,
    shoe_id: str | None = None,
    main_surface: Surface | None = None,
    on_progress: Callable[[ImportProgress], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files into a profile's run log and return what happened to each."""
    job = RunImport(
        log_path, profile_id, paths, shoe_id=shoe_id, main_surface=main_surface, workers=workers
    )
    return job.run(on_progress)
