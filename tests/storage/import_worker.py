"""Runs one import and prints 'imported NAME' for every file once it is committed.

Used by test_run_import.py, which kills this process with SIGKILL half way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shoeadvisor.storage.run_import import RunImport


def main() -> int:
    log_path, profile_id, folder, workers = sys.argv[1:5]
    # Small batches: many commits, so the kill lands between two of them.
    job = RunImport(Path(log_path), profile_id, [Path(folder)], workers=int(workers), batch_size=8)
    for progress in job:
        if progress.file.outcome == "imported":
            print(f"imported {progress.file.name}", flush=True)
    print(f"done {job.report.summary()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
