"""The headless commands as a runner runs them: whole processes, medians and ratios.

    uv run python benchmarks/bench_cli.py            # all three
    uv run python benchmarks/bench_cli.py json       # advise --json: 10,000 shoes vs 5 shoes
    uv run python benchmarks/bench_cli.py startup    # advise one profile vs `import pydantic`
    uv run python benchmarks/bench_cli.py memory     # peak memory of the largest accepted input

Targets (issue 13): 10,000 shoes at most 2x the time of 5 shoes; `advise` at most 2x a
bare `python -c "import pydantic"` (for context, the startup lines also time importing
BaseModel and validating one value with one model, the floor of any command that
validates its input with pydantic); peak memory under 500 MB for the largest shoe file
the commands accept. Each pair runs in turn (A B A B ...) after a warm-up, so drift of
this shared machine hits both; the ratio is the median of the pair-by-pair ratios.

The machine's own setting decides whether Python writes bytecode: with
PYTHONDONTWRITEBYTECODE=1 (as on our build machines) every run also compiles the
modules it imports, pydantic's included; the script prints which it measured.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "example_runner.json"
PYTHON = sys.executable
RUNS = 11


def _shoes(count: int, seed: int = 7) -> list[dict[str, object]]:
    """Realistic shoes (shoe_data.py): measurements on some, mixed surfaces, gaps."""
    from shoe_data import shoe_dicts

    return shoe_dicts(count, seed)


def _run_once(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one whole process; output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or os.environ
    )
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {err.decode()}")
    return wall, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def pair(
    label_a: str,
    a: list[str],
    label_b: str,
    b: list[str],
    runs: int = RUNS,
    env: dict[str, str] | None = None,
) -> float:
    """Run a and b in turn; print medians and the median pair ratio; return that ratio."""
    _run_once(a, env), _run_once(b, env)  # warm-up (file cache, and bytecode when written)
    times_a, times_b, ratios = [], [], []
    for _ in range(runs):
        ta, _ = _run_once(a, env)
        tb, _ = _run_once(b, env)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    med_a, med_b = statistics.median(times_a), statistics.median(times_b)
    print(f"  A {label_a:34s} median {med_a * 1000:7.1f} ms  (min {min(times_a) * 1000:.1f})")
    print(f"  B {label_b:34s} median {med_b * 1000:7.1f} ms  (min {min(times_b) * 1000:.1f})")
    ratio = statistics.median(ratios)
    print(
        f"  A/B median of {runs} pairs: {ratio:.2f}x  (range {min(ratios):.2f}-{max(ratios):.2f})"
    )
    return ratio


def bench_json(folder: Path) -> None:
    print("advise --shoes --json: 10,000 shoes vs 5 shoes (target: at most 2x)")
    files = {}
    for count in (5, 10_000):
        files[count] = folder / f"shoes-{count}.json"
        files[count].write_text(json.dumps(_shoes(count)), "utf-8")
    command = [PYTHON, "-m", "shoeadvisor", "advise", str(EXAMPLE), "--json", "--shoes"]
    pair("10,000 shoes", [*command, str(files[10_000])], "5 shoes", [*command, str(files[5])])


def bench_startup(folder: Path) -> None:
    advise = [PYTHON, "-m", "shoeadvisor", "advise", str(EXAMPLE)]
    bare = [PYTHON, "-c", "import pydantic"]
    floor = [PYTHON, "-c", "from pydantic import BaseModel"]
    # The least a command that validates its input with pydantic pays: one model, one value.
    validated = [
        PYTHON,
        "-c",
        "from pydantic import BaseModel\nclass Floor(BaseModel):\n    x: int\nFloor(x=1)",
    ]
    # As this machine is set up, then as an installed app runs (bytecode cached once,
    # in a private cache folder so the checkout is not touched).
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
    for title, env in (("as set up here", None), ("with bytecode cached", cached)):
        print(f"advise PROFILE vs `python -c 'import pydantic'`, {title} (target: at most 2x)")
        pair("shoeadvisor advise example", advise, "python -c 'import pydantic'", bare, env=env)
        # What any program pays for importing pydantic's models, and for validating one
        # value with one model (the floor of a command that validates), for context.
        label = "python -c 'from pydantic import BaseModel'"
        pair(label, floor, "python -c 'import pydantic'", bare, runs=5, env=env)
        label = "pydantic: one model, one value validated"
        pair(label, validated, "python -c 'import pydantic'", bare, runs=5, env=env)


def largest_shoe_file(path: Path) -> int:
    """The largest file `--shoes` accepts: MAX_SHOES shoes filling MAX_SHOES_BYTES, every
    field set, names in three scripts. Returns its size."""
    from shoeadvisor.core.files import MAX_SHOES, MAX_SHOES_BYTES
    from shoeadvisor.core.ids import FEATURE_IDS

    base = _shoes(1)[0]
    shoe = {
        **base,
        "name": "Ωμέγα 走る Läufer " * 11,
        "features": {f: 2 for f in FEATURE_IDS},
        "weight_g": 250.5,
        "drop_mm": 8,
        "stack_mm": 30,
        "surface": "road",
        "comfort": 4,
    }
    overhead = len(json.dumps(shoe, ensure_ascii=False).encode()) + 40
    room = MAX_SHOES_BYTES // MAX_SHOES - overhead - 16
    notes = min(5000, room * 2 // 3)
    description = min(2000, max(0, room - notes))
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for i in range(MAX_SHOES):
            item = {**shoe, "id": f"shoe-{i:06d}", "notes": "n" * notes}
            item["description"] = "d" * description
            handle.write(("," if i else "") + json.dumps(item, ensure_ascii=False))
        handle.write("]")
    size = path.stat().st_size
    assert size <= MAX_SHOES_BYTES, size
    return size


def bench_memory(folder: Path) -> None:
    print("peak memory of the largest accepted shoe file (target: under 500 MB)")
    path = folder / "largest.json"
    size = largest_shoe_file(path)
    print(f"  input: {size / 1e6:.1f} MB, {_count(path):,} shoes")
    base = [PYTHON, "-m", "shoeadvisor"]
    out = folder / "r.pdf"
    commands = {
        "advise --shoes --json": [*base, "advise", str(EXAMPLE), "--shoes", str(path), "--json"],
        "advise --shoes (text)": [*base, "advise", str(EXAMPLE), "--shoes", str(path)],
        "report --shoes -o r.pdf": [
            *base,
            "report",
            str(EXAMPLE),
            "--shoes",
            str(path),
            "-o",
            str(out),
        ],
    }
    for label, command in commands.items():
        samples = [_run_once(command) for _ in range(3)]
        wall = statistics.median(s[0] for s in samples)
        peak = max(s[1] for s in samples)
        print(f"  {label:26s} peak {peak / 1e6:6.0f} MB   median {wall:5.2f} s")


def _count(path: Path) -> int:
    return len(json.loads(path.read_bytes()))


def main() -> None:
    which = sys.argv[1:] or ["json", "startup", "memory"]
    writes = "off (every run compiles)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    print(f"Python {sys.version.split()[0]}, bytecode writing {writes}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["SHOEADVISOR_DATA_DIR"] = str(Path(scratch) / "data")
        for name in which:
            if name == "json":
                bench_json(Path(scratch))
            elif name == "startup":
                bench_startup(Path(scratch))
            elif name == "memory":
                bench_memory(Path(scratch))
            else:
                raise SystemExit(f"unknown benchmark {name!r}: json, startup or memory")


if __name__ == "__main__":
    main()
