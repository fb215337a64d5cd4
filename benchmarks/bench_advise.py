"""How fast is `advise`? One profile against 10,000 shoes and against the built-in catalog.

Run: uv run python benchmarks/bench_advise.py
Targets (issue 2): 10,000 shoes < 50 ms, built-in catalog < 2 ms, in-process.
The baseline in the same run is the simplest ranking possible (sum each shoe's
known levels and sort by it), so the ratio shows what explained, weighted
scoring costs over a naive ranking.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.shoes import Shoe

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "example_runner.json"


def make_shoes(count: int, seed: int = 7) -> list[Shoe]:
    rng = random.Random(seed)
    shoes = []
    for i in range(count):
        features = {f: rng.randint(0, 3) for f in FEATURE_IDS if rng.random() > 0.2}
        shoes.append(
            Shoe(
                id=f"shoe-{i}",
                name=f"Shoe {i:05d}",
                features=features,
                comfort=rng.choice([None, 1, 2, 3, 4, 5]),
            )
        )
    return shoes


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    profile = load_profile(EXAMPLE)
    kb = knowledge()
    shoes = make_shoes(10_000)
    advise(profile, shoes)  # warm-up

    def baseline() -> list[Shoe]:
        return sorted(shoes, key=lambda s: -sum(s.features.values()))

    base_med, _ = timed(baseline, 30)
    big_med, big_min = timed(lambda: advise(profile, shoes), 30)
    cat_med, cat_min = timed(lambda: advise(profile, None, kb), 300)
    json_med, _ = timed(lambda: advise(profile, shoes).to_json(), 5)
    rows = [
        ("advise, 10,000 shoes", big_med, big_min, "target < 50 ms"),
        ("advise, built-in catalog", cat_med, cat_min, "target < 2 ms"),
        ("naive ranking, 10,000", base_med, base_med, "baseline"),
        ("advise + full JSON, 10,000", json_med, json_med, "CLI output incl. breakdowns"),
    ]
    for label, median, best, note in rows:
        print(f"{label:28s} median {median:8.3f} ms  (min {best:.3f})  {note}")
    print(f"advise(10,000) / naive ranking = {big_med / base_med:.1f}x")


if __name__ == "__main__":
    main()
