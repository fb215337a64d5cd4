"""How fast is `advise`? One profile against 10,000 shoes and against the built-in catalog.

Run: uv run python benchmarks/bench_advise.py
Targets (issues 2 and 10): 10,000 shoes < 50 ms, built-in catalog < 2 ms, in-process.
The shoes are as real lists are (shoe_data.py): weights, stack heights and drops on
some, surfaces mixed, gaps in the checklists, so every path of the fit score is timed.
The window re-advises its shoes through a FitMemo; that is timed too, for an edit
that changes every score (82 -> 60 kg) and one that changes only the words (82 -> 92).
The baseline in the same run is the simplest ranking possible (sum each shoe's
known levels and sort by it), so the ratio shows what explained, weighted
scoring costs over a naive ranking.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import shoe_data

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.fit import FitMemo
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.shoes import Shoe

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "example_runner.json"


def make_shoes(count: int, seed: int = 7) -> list[Shoe]:
    """Realistic shoes (shoe_data.py): weights, stack heights and drops on some, mixed
    surfaces, a third of each checklist unknown, a comfort rating on a few."""
    return shoe_data.shoes(count, seed)


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
    kept = tuple(shoes)

    def edits(weights: list[float]) -> Callable[[], object]:
        memo = FitMemo()
        advise(profile, kept, kb, memo)

        def edit() -> object:
            weights.reverse()
            return advise(profile.model_copy(update={"weight_kg": weights[0]}), kept, kb, memo)

        return edit

    rescore_med, rescore_min = timed(edits([profile.weight_kg, 60.0]), 30)
    words_med, words_min = timed(edits([profile.weight_kg, 92.0]), 30)
    rows = [
        ("advise, 10,000 shoes", big_med, big_min, "target < 50 ms"),
        ("advise, built-in catalog", cat_med, cat_min, "target < 2 ms"),
        ("naive ranking, 10,000", base_med, base_med, "baseline"),
        ("advise + full JSON, 10,000", json_med, json_med, "CLI output incl. breakdowns"),
        ("re-advice, scores change", rescore_med, rescore_min, "the window's, 82 <-> 60 kg"),
        ("re-advice, words change", words_med, words_min, "the window's, 82 <-> 92 kg"),
    ]
    for label, median, best, note in rows:
        print(f"{label:28s} median {median:8.3f} ms  (min {best:.3f})  {note}")
    print(f"advise(10,000) / naive ranking = {big_med / base_med:.1f}x")


if __name__ == "__main__":
    main()
