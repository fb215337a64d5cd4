"""Importing runs: outcomes, dedupe on re-import, shoes from exports, cancel, SIGKILL."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "activities"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from activity_files import (
    day,
    fit_bytes,
    garmin_export_zip,
    gpx_text,
    strava_export_folder,
    strava_export_zip,
    tcx_text,
)
from fit_tool.profile.profile_type import Sport
from fit_writer import hour_run

from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage.run_import import ImportProgress, RunImport, import_runs
from shoeadvisor.storage.runlog import RunLog

ROOT = Path(__file__).resolve().parents[2]
PROFILE = "0b6f1c1e-6d3b-4f4c-9a51-2f4e7a1d9c30"


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "runs.sqlite3"


def mixed_folder(root: Path) -> Path:
    root.mkdir()
    (root / "a.fit").write_bytes(fit_bytes(day(0)))
    (root / "b.gpx.gz").write_bytes(gzip.compress(gpx_text(day(1)).encode()))
    (root / "c.tcx").write_text(tcx_text(day(2)))
    (root / "ride.fit").write_bytes(fit_bytes(day(3), sport=Sport.CYCLING))
    broken = fit_bytes(day(4))
    (root / "broken.fit").write_bytes(broken[: len(broken) // 3])
    return root


def test_outcomes_of_a_mixed_folder_and_a_second_import(tmp_path: Path, log_path: Path) -> None:
    folder = mixed_folder(tmp_path / "runs")
    seen: list[ImportProgress] = []
    report = import_runs(log_path, PROFILE, [folder], on_progress=seen.append, workers=1)
    assert report.summary() == "3 imported, 0 duplicates, 1 skipped, 1 broken"
    assert [p.done for p in seen] == [1, 2, 3, 4, 5] and {p.total for p in seen} == {5}
    (broken,) = report.broken
    assert broken.name.endswith("broken.fit") and "truncated" in (broken.reason or "")
    skipped = next(f for f in report.files if f.outcome == "skipped")
    assert skipped.name.endswith("ride.fit") and "cycling" in (skipped.reason or "")
    again = import_runs(log_path, PROFILE, [folder], workers=1)
    assert again.summary() == "0 imported, 3 duplicates, 1 skipped, 1 broken"
    with RunLog(log_path) as log:
        assert len(log.runs(PROFILE)) == 3


def test_process_pool_gives_the_same_runs_as_one_thread(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(24):
        (folder / f"{n:02d}.fit").write_bytes(
            hour_run(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=n), 300, seed=n)
        )
    pooled = import_runs(tmp_path / "pool.sqlite3", PROFILE, [folder], workers=2)
    single = import_runs(tmp_path / "one.sqlite3", PROFILE, [folder], workers=1)
    assert pooled.imported == single.imported == 24
    with RunLog(tmp_path / "pool.sqlite3") as a, RunLog(tmp_path / "one.sqlite3") as b:
        assert [(r.start, r.distance_km) for r in a.runs(PROFILE)] == [
            (r.start, r.distance_km) for r in b.runs(PROFILE)
        ]


def test_strava_export_gear_becomes_shoes_and_zip_equals_folder(tmp_path: Path) -> None:
    folder_log, zip_log = tmp_path / "f.sqlite3", tmp_path / "z.sqlite3"
    folder = strava_export_folder(tmp_path / "export")
    archive = strava_export_zip(tmp_path / "export.zip")
    for log_path, source in ((folder_log, folder), (zip_log, archive)):
        report = import_runs(log_path, PROFILE, [source], workers=1)
        assert report.summary() == "3 imported, 0 duplicates, 1 skipped, 0 broken"
        with RunLog(log_path) as log:
            shoes = {s.shoe.name: s for s in log.shoes(PROFILE)}
            assert set(shoes) == {"Pegasus 40", "Speedgoat 5"}
            assert shoes["Pegasus 40"].runs == 2 and shoes["Speedgoat 5"].runs == 1
            assert [r.surface for r in log.runs(PROFILE)] == [None, None, "trail"]
    # Importing the zip after the folder adds nothing.
    again = import_runs(folder_log, PROFILE, [archive], workers=1)
    assert again.imported == 0 and again.count("duplicate") == 3


def test_garmin_export_imports(tmp_path: Path, log_path: Path) -> None:
    archive = garmin_export_zip(tmp_path / "g.zip", [fit_bytes(day(n)) for n in range(3)])
    assert import_runs(log_path, PROFILE, [archive], workers=1).imported == 3


def test_shoe_option_and_default_shoe_per_surface(tmp_path: Path, log_path: Path) -> None:
    with RunLog(log_path) as log:
        log.put_shoe(PROFILE, Shoe(id="road", name="Road"))
        log.put_shoe(PROFILE, Shoe(id="trail", name="Trail"))
        log.set_default_shoe(PROFILE, "asphalt", "road")
    (tmp_path / "a.gpx").write_text(gpx_text(day(0)))
    (tmp_path / "b.gpx").write_text(gpx_text(day(1)))
    import_runs(log_path, PROFILE, [tmp_path / "a.gpx"], main_surface="asphalt", workers=1)
    import_runs(log_path, PROFILE, [tmp_path / "b.gpx"], shoe_id="trail", workers=1)
    with RunLog(log_path) as log:
        assert [r.shoe_id for r in log.runs(PROFILE)] == ["road", "trail"]


def test_cancel_stops_between_files_and_keeps_what_was_written(
    tmp_path: Path, log_path: Path
) -> None:
    folder = tmp_path / "runs"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.fit").write_bytes(
            hour_run(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=n), 600, seed=n)
        )
    job = RunImport(log_path, PROFILE, [folder], workers=1, batch_size=5)
    done = []
    for progress in job:
        done.append(progress)
        if progress.done == 5:
            threading.Thread(target=job.cancel).start()
    assert job.report.cancelled
    assert 5 <= len(done) <= 10  # the batch in hand is written, nothing after it
    with RunLog(log_path) as log:
        assert len(log.runs(PROFILE)) == job.report.imported
    rest = import_runs(log_path, PROFILE, [folder], workers=1)
    assert rest.imported == 40 - job.report.imported


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_import_loses_nothing_reported(tmp_path: Path, log_path: Path) -> None:
    folder = tmp_path / "runs"
    folder.mkdir()
    count = 300
    for n in range(count):
        start = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=12 * n)
        (folder / f"{n:03d}.fit").write_bytes(hour_run(start, 1800, seed=n))
    command = [sys.executable, str(Path(__file__).with_name("import_worker.py"))]
    worker = subprocess.Popen(
        [*command, str(log_path), PROFILE, str(folder), "2"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True,
    )  # fmt: skip
    reported: list[str] = []
    assert worker.stdout is not None
    for line in worker.stdout:
        if line.startswith("imported "):
            reported.append(line.removeprefix("imported ").strip())
        if len(reported) >= 40:
            os.killpg(worker.pid, signal.SIGKILL)  # the importer and its parsing processes
            break
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    assert len(reported) < count, "the import finished before it could be killed"
    with RunLog(log_path) as log:
        assert log.integrity_ok()
        logged = {r.source_file for r in log.runs(PROFILE)}
    assert set(reported) <= logged  # every run reported as imported is on disk
    finish = subprocess.run(
        [*command, str(log_path), PROFILE, str(folder), "2"],
        capture_output=True, text=True, cwd=ROOT, timeout=200, check=True,
    )  # fmt: skip
    assert finish.stdout.strip().endswith(
        f"{count - len(logged)} imported, {len(logged)} duplicates, 0 skipped, 0 broken"
    )
    with RunLog(log_path) as log:
        assert len(log.runs(PROFILE)) == count
