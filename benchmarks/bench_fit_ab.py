"""The fit scorer of this checkout against the one of an earlier commit, in one process.

Run: uv run python benchmarks/bench_fit_ab.py REV [--runs 60]

Times `score_shoes` on 10,000 realistic shoes (shoe_data.py) for the example runner,
the two versions in turn (A B A B ...), so a machine whose speed drifts (a shared
host) slows both alike: the ratio is what to quote, not either time alone. REV's
core/fit.py is loaded beside this checkout's (it uses this checkout's other modules),
so it works while the two agree on the rest of core/. Before timing, it checks that
both give every shoe the same score, raw score, coverage and tie group, in the same
order: a faster scorer that scores differently is not faster. (Against a commit from
before the sums became exact, the unrounded scores may differ by float noise; the
check then allows that and counts what it changed: see compare().)
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import shoe_data

import shoeadvisor.core.fit as current
from shoeadvisor.core.advisor import feature_advice
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.knowledge import knowledge

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "example_runner.json"


def fit_at(rev: str, folder: Path) -> ModuleType:
    """core/fit.py as it was at `rev`, loaded as a module of this checkout's core."""
    source = subprocess.run(
        ["git", "show", f"{rev}:shoeadvisor/core/fit.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = folder / "fit_at_rev.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("shoeadvisor.core._fit_at_rev", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier commit (e.g. a tag, a hash, HEAD~3)")
    parser.add_argument("--runs", type=int, default=60)
    options = parser.parse_args()
    profile = load_profile(EXAMPLE)
    kb = knowledge()
    shoes = shoe_data.shoes(10_000, 7)
    features = feature_advice(profile, kb)
    with tempfile.TemporaryDirectory() as folder:
        earlier = fit_at(options.rev, Path(folder))

    def scorer(module: ModuleType) -> Callable[[], tuple[object, ...]]:
        return lambda: module.score_shoes(features, shoes, profile, kb)

    a, b = scorer(current), scorer(earlier)

    def seen(result: tuple[object, ...]) -> list[tuple[object, ...]]:
        return [(s.shoe.id, s.score, s.raw, s.known, s.tie_group) for s in result]  # type: ignore[attr-defined]

    same = compare(seen(a()), seen(b()), options.rev)
    times: dict[str, list[float]] = {"A": [], "B": []}
    for _ in range(options.runs):
        for name, run in (("A", a), ("B", b)):
            gc.collect()
            began = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - began) * 1000)
    med_a, med_b = statistics.median(times["A"]), statistics.median(times["B"])
    print(f"score_shoes, 10,000 realistic shoes, {options.runs} runs each, in turn")
    print(f"  A this checkout   median {med_a:7.2f} ms  (min {min(times['A']):.2f})")
    print(f"  B {options.rev:<14} median {med_b:7.2f} ms  (min {min(times['B']):.2f})")
    print(f"  A/B {med_a / med_b:.2f}  ({same})")


#: How far two versions' unrounded scores may lie apart and still be the same scoring:
#: since the sums became exact (core.fit.GRID) a score can move by a
#: few billionths against an earlier commit's plain float sum.
NOISE = 1e-6


def compare(a: list[tuple[object, ...]], b: list[tuple[object, ...]], rev: str) -> str:
    """Refuse to time two scorers that score differently; say how alike they are.

    Each shoe must have the same coverage and an unrounded score within NOISE. A score
    within NOISE of a half, or two shoes within NOISE of each other or of a tie's edge,
    can then still round, order or group differently: those are counted, not refused
    (an exact sum settles them by the rules where float noise did).
    """
    if a == b:
        return "same scores, ranks and ties"
    by_a = {row[0]: row for row in a}
    by_b = {row[0]: row for row in b}
    if by_a.keys() != by_b.keys():
        raise SystemExit(f"this checkout and {rev} score different shoes")
    worst = 0.0
    for shoe, (_, _, raw, known, _) in by_a.items():
        other = by_b[shoe]
        if known != other[3]:
            raise SystemExit(f"{shoe}: coverage {known} here, {other[3]} at {rev}")
        worst = max(worst, abs(float(raw) - float(other[2])))  # type: ignore[arg-type]
    if worst > NOISE:
        raise SystemExit(f"this checkout and {rev} score the shoes differently ({worst:g})")
    scores = sum(by_a[k][1] != by_b[k][1] for k in by_a)
    ties = sum(by_a[k][4] != by_b[k][4] for k in by_a)
    places = sum(x[0] != y[0] for x, y in zip(a, b, strict=True))
    return (
        f"same scoring: raw scores within {worst:.1g}; from float noise, {scores} shown "
        f"scores, {ties} tie numbers and {places} places differ"
    )


if __name__ == "__main__":
    main()
