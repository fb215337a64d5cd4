"""Instructions one `advise` of 10,000 shoes takes, here and at earlier commits.

Run: uv run python benchmarks/bench_instructions.py [REV ...] [--calls 3]

On a shared host the milliseconds of bench_advise.py drift by half from minute to
minute (the naive baseline in the same run drifts with them); the count of
instructions does not: valgrind's callgrind counts them, whatever else the machine
is doing. This runs `advise(example runner, 10,000 realistic shoes)` under callgrind,
counting only the calls themselves (not the start-up, the shoe parsing or a first
warm-up call), for this checkout and for each REV (checked out in a temporary git
worktree), and prints each count and its ratio to this checkout's. Needs valgrind
(Debian: apt install valgrind). A run takes about a minute per commit.

It counts work, not time: a change that saves instructions but misses the cache more
can still be slower (bench_fit_ab.py times two scorers in turn).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(tree: Path, calls: int) -> None:
    """Inside valgrind: set up, then count `calls` advises (callgrind_control toggles)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import shoe_data

    from shoeadvisor.core.advisor import advise
    from shoeadvisor.core.files import load_profile

    profile = load_profile(tree / "examples" / "example_runner.json")
    shoes = shoe_data.shoes(10_000)
    advise(profile, shoes)  # warm-up: caches and first-use work are not counted
    toggle = ["callgrind_control", "--instr=on", str(os.getpid())]
    subprocess.run(toggle, check=True, capture_output=True)
    for _ in range(calls):
        advise(profile, shoes)
    toggle[1] = "--instr=off"
    subprocess.run(toggle, check=True, capture_output=True)


def count(tree: Path, calls: int, folder: Path) -> int:
    """Instructions per advise with the shoeadvisor package of `tree`."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(tree))
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={folder / 'callgrind.out'}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(tree),
            "--calls",
            str(calls),
        ],
        cwd=folder,  # not the checkout: PYTHONPATH's package is the one imported
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed for {tree}:\n{done.stderr[-2000:]}")
    return int(found.group(1)) // calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revs", nargs="*", help="earlier commits to compare with")
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child is not None:
        child(options.child, options.calls)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory(prefix="shoeadvisor-instructions-") as scratch:
        folder = Path(scratch)
        here = count(ROOT, options.calls, folder)
        print(f"advise, 10,000 shoes: instructions per call ({options.calls} calls counted)")
        print(f"  this checkout   {here / 1e6:8.1f} M")
        for rev in options.revs:
            tree = folder / f"at-{len(list(folder.iterdir()))}"
            subprocess.run(
                ["git", "worktree", "add", "--detach", "--quiet", str(tree), rev],
                cwd=ROOT,
                check=True,
            )
            try:
                there = count(tree, options.calls, folder)
            finally:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True
                )
            print(f"  {rev:<14}  {there / 1e6:8.1f} M   this checkout / {rev}: {here / there:.3f}")


if __name__ == "__main__":
    main()
