"""How fast the profile store is: listing 1,000 profiles and saving one.

    uv run python benchmarks/bench_storage.py

Targets (issue 4): list 1,000 profiles in under 300 ms, one save in under 20 ms.
Runs in a fresh temporary folder; your own profiles are never touched.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

COUNT = 1000
LIST_TARGET_MS = 300
SAVE_TARGET_MS = 20


def _profile(n: int) -> object:
    from shoeadvisor.core.files import parse_profile

    return parse_profile(
        {
            "schema_version": 1,
            "name": f"Runner {n:04d}",
            "foot_width": "wide",
            "pronation": "neutral",
            "weight_kg": 50 + n % 100,
            "seasons": ["winter", "spring"],
            "surfaces": ["trail", "asphalt"],
            "height_cm": 175,
            "weekly_km": 30,
            "previous_weekly_km": 25,
            "experience": "intermediate",
            "knee_pain": ["outside"],
            "knee_symptoms": ["crunching"],
        }
    )


def _ms(seconds: float) -> float:
    return seconds * 1000


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="shoeadvisor-bench-") as folder:
        os.environ["SHOEADVISOR_DATA_DIR"] = folder
        from shoeadvisor.storage import ProfileStore

        with ProfileStore(Path(folder)) as store:
            profiles = [_profile(n) for n in range(COUNT)]
            started = time.perf_counter()
            ids = [store.save(None, p) for p in profiles]  # type: ignore[arg-type]
            fill = time.perf_counter() - started

        # A cold list: a new store (as at start-up) reads and validates every file.
        cold = []
        for _ in range(5):
            with ProfileStore(Path(folder)) as fresh:
                started = time.perf_counter()
                entries, problems = fresh.list_profiles()
                cold.append(time.perf_counter() - started)
                assert len(entries) == COUNT and not problems
        # A warm list: the same store again, as after each change in the window.
        with ProfileStore(Path(folder)) as store:
            store.list_profiles()
            warm = []
            for _ in range(5):
                started = time.perf_counter()
                store.list_profiles()
                warm.append(time.perf_counter() - started)
            saves = []
            for n in range(200):
                started = time.perf_counter()
                store.save(ids[n], profiles[(n + 1) % COUNT])  # type: ignore[arg-type]
                saves.append(time.perf_counter() - started)

    saves.sort()
    cold_ms, warm_ms = _ms(statistics.median(cold)), _ms(statistics.median(warm))
    save_ms, save_p95 = _ms(statistics.median(saves)), _ms(saves[int(len(saves) * 0.95)])
    print(f"profiles in folder            : {COUNT}")
    print(f"first save of all of them     : {_ms(fill):8.1f} ms total")
    print(f"list, cold (new store), median: {cold_ms:8.1f} ms  (max {_ms(max(cold)):.1f})")
    print(f"list, warm (cached), median   : {warm_ms:8.1f} ms")
    print(f"save one (fsync + .bak), med.: {save_ms:8.2f} ms  (95th percentile {save_p95:.2f})")
    ok = cold_ms < LIST_TARGET_MS and save_ms < SAVE_TARGET_MS
    print(
        f"targets: list < {LIST_TARGET_MS} ms, save < {SAVE_TARGET_MS} ms -> "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
