"""The fit scorer of this checkout against the one of an earlier commit, in one process.

Run: uv run python benchmarks/bench_fit_ab.py REV [--runs 60]

Times `score_shoes` on 10,000 realistic shoes (shoe_data.py) for the example runner,
the two versions in turn (A B A B ...), so a machine whose speed drifts (a shared
host) slows both alike: the ratio is what to quote, not either time alone. REV's
core/fit.py is loaded beside this checkout's (it uses this checkout's other modules),
so it works while the two agree on the rest of core/. Before timing, it checks that
both give every shoe the same score, raw score, coverage and tie group, in the same
order: a faster scorer that scores differently is not faster.
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

    if seen(a()) != seen(b()):
        raise SystemExit(f"this checkout and {options.rev} score the shoes differently")
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
    print(f"  A/B {med_a / med_b:.2f}  (same scores, ranks and ties)")


if __name__ == "__main__":
    main()
