"""A second ShoeAdvisor process for the storage tests (run as a script, not collected).

store_worker.py hold     : open the store, report read_only, wait for stdin to close
store_worker.py churn F  : save, rename and import (from file F) without end
"""

from __future__ import annotations

import itertools
import sys

from shoeadvisor.core.files import parse_profile
from shoeadvisor.storage import ProfileStore


def _profile(name: str, weight: float) -> object:
    return parse_profile(
        {
            "schema_version": 1,
            "name": name,
            "foot_width": "wide",
            "pronation": "neutral",
            "weight_kg": weight,
            "seasons": ["winter"],
            "surfaces": ["trail", "asphalt"],
            "knee_pain": ["outside"],
        }
    )


def hold() -> int:
    store = ProfileStore()
    print(f"read_only={store.read_only}", flush=True)
    sys.stdin.read()
    store.close()
    return 0


def churn(import_from: str) -> int:
    store = ProfileStore()
    if store.read_only:
        print("read_only", flush=True)
        return 1
    ids = [entry.id for entry in store.list_profiles()[0]]
    print("ready", flush=True)
    for step in itertools.count():
        profile_id = ids[step % len(ids)]
        if step % 5 == 4:
            store.import_file(import_from)
        elif step % 7 == 6:
            store.rename(profile_id, f"Renamed {step}")
        else:
            store.save(profile_id, _profile(f"Runner {step}", 30 + step % 200))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    mode = sys.argv[1]
    sys.exit(hold() if mode == "hold" else churn(sys.argv[2]))
