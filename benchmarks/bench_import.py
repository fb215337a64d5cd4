"""Importing 1,000 one-hour runs (FIT, one record a second): runs per second and peak memory.

    uv run python benchmarks/bench_import.py [--files 1000] [--workers 2]

Writes the files into a temporary folder (benchmarks/fit_writer.py), then measures,
in the same run:

1. the baseline: fitdecode decoding every message of a sample of the files in this
   process, scaled to all of them (what an importer that reads each record pays on
   one core; ours decodes only the summaries, see activities/fit.py);
2. `RunImport` in a thread, as the window will run it, with a heartbeat in the main
   thread that sleeps 10 ms at a time: its longest gap is how long a window's event
   loop could have been held up by the import (target: under 100 ms);
3. the whole command, `shoeadvisor runs import FOLDER`, start-up included, into a fresh
   data folder, and the same command again (everything a duplicate).

Target (issue 12): all 1,000 imported in under 60 s on a 2-core machine.
Your own data folder is never touched.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from fit_writer import hour_run  # noqa: E402

TARGET_S = 60.0
STALL_TARGET_MS = 100.0
PROFILE = {
    "schema_version": 1,
    "name": "Benchmark runner",
    "foot_width": "standard",
    "pronation": "neutral",
    "weight_kg": 70,
    "seasons": ["summer"],
    "surfaces": ["asphalt"],
}


def make_files(folder: Path, count: int) -> None:
    start = datetime(2022, 1, 1, 6, tzinfo=UTC)
    for n in range(count):
        when = start + timedelta(hours=20 * n)
        (folder / f"run-{n:04d}.fit").write_bytes(hour_run(when, 3600, seed=n))


def peak_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 1e6


def decode_floor(folder: Path, sample: int) -> float:
    import fitdecode

    files = sorted(folder.iterdir())[:sample]
    began = time.perf_counter()
    for path in files:
        with fitdecode.FitReader(io.BytesIO(path.read_bytes()), processor=None) as reader:
            for _ in reader:
                pass
    return (time.perf_counter() - began) / len(files)


def in_thread(folder: Path, data: Path, workers: int) -> tuple[float, int, float, int]:
    """(seconds, imported, longest heartbeat gap in ms, progress events)."""
    from shoeadvisor.core.files import parse_profile
    from shoeadvisor.storage import ProfileStore
    from shoeadvisor.storage.run_import import RunImport

    with ProfileStore(data) as store:
        profile_id = store.save(None, parse_profile(PROFILE))
        store.run_log()
        log_path = store.run_log_path
    job = RunImport(log_path, profile_id, [folder], workers=workers)
    events = 0

    def count(_progress: object) -> None:
        nonlocal events
        events += 1

    worst = 0.0
    began = time.perf_counter()
    worker = threading.Thread(target=job.run, args=(count,))
    worker.start()
    last = time.perf_counter()
    while worker.is_alive():
        time.sleep(0.01)
        now = time.perf_counter()
        worst = max(worst, now - last - 0.01)
        last = now
    worker.join()
    return time.perf_counter() - began, job.report.imported, worst * 1000, events


def command(folder: Path, data: Path) -> tuple[float, str]:
    env = {**os.environ, "SHOEADVISOR_DATA_DIR": str(data)}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "runs", "import", str(folder)],
        capture_output=True, text=True, cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    return time.perf_counter() - began, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shoeadvisor-bench-") as tmp:
        folder = Path(tmp) / "runs"
        folder.mkdir()
        began = time.perf_counter()
        make_files(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"{args.files} one-hour FIT files at 1 s ({size:.0f} MB) written in "
            f"{time.perf_counter() - began:.1f} s; {os.cpu_count()} cores, {args.workers} workers"
        )
        per_file = decode_floor(folder, min(50, args.files))
        floor = per_file * args.files
        print(
            f"baseline: fitdecode decoding every message {per_file * 1000:.1f} ms a file -> "
            f"{floor:.1f} s for all on one core"
        )

        seconds, imported, stall_ms, events = in_thread(folder, Path(tmp) / "data1", args.workers)
        print(
            f"RunImport in a thread: {imported} imported in {seconds:.1f} s = "
            f"{imported / seconds:.1f} runs/s ({floor / seconds:.0f}x faster than the baseline); "
            f"{events} progress events; longest main-thread gap {stall_ms:.0f} ms "
            f"(target < {STALL_TARGET_MS:.0f} ms)"
        )
        print(
            f"peak memory: this process {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
            f"largest parsing process {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )

        data = Path(tmp) / "data2"
        profile_file = Path(tmp) / "runner.json"
        profile_file.write_text(json.dumps(PROFILE), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "shoeadvisor", "profiles", "import", str(profile_file)],
            cwd=ROOT, check=True, capture_output=True,
            env={**os.environ, "SHOEADVISOR_DATA_DIR": str(data)},
        )  # fmt: skip
        first, summary = command(folder, data)
        print(
            f"shoeadvisor runs import (whole command): {first:.1f} s = "
            f"{args.files / first:.1f} runs/s -> {summary}"
        )
        again, summary = command(folder, data)
        print(f"the same import again: {again:.1f} s -> {summary}")
        print(
            "peak memory of the command and its workers: "
            f"{peak_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )
        verdict = "PASS" if first < TARGET_S and seconds < TARGET_S else "FAIL"
        print(f"{verdict}: target all {args.files} in under {TARGET_S:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
