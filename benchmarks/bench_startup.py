"""Start-up: process start to painted main window, ShoeAdvisor vs a bare PySide6 window.

Run: uv run python benchmarks/bench_startup.py [--runs 9] [--bytecode cached|cold|both]

Each program runs as a fresh subprocess (offscreen platform), alternating, several times. A
child prints the wall-clock time once its window has painted and grabbed itself; the figure is
that time minus the moment just before the parent spawned it. Three starts of ShoeAdvisor:
an empty data folder (the welcome page), a data folder with a saved profile (its first
paint), and the same until that profile's advice is drawn, which is what the runner waits
for: the window with the restored profile, its features and its risks, painted and
grabbed (the child says how many feature and risk rows it drew; none is an error). The
restored starts show the view the session kept of the last start (gui/session_snapshot.py),
so their first paint is already the filled window; "session ready" is the paint after the
session has opened the data folder for real (pydantic, the store, the advice engine), from
when the runner's input is handled without waiting. Targets, as ratios of medians to the
bare window in the same run: the first run's first frame <= 1.3, the filled window <= 2.0.
Both with bytecode cached (.pyc written once, as an installed program has them) and cold
(PYTHONDONTWRITEBYTECODE=1, as on these machines: every start compiles ShoeAdvisor's code).
A further line, the bare window that first imports pydantic and builds one model, shows the
floor of any start that validates the profile with pydantic before drawing its advice; in
cold mode, the last line is the time it takes only to compile the ShoeAdvisor code the
first paint runs (compile() of each file, best of five, in this process): a cold start
pays it on top of the cached figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The app starts exactly as `shoeadvisor` does (no arguments); this variable only makes it
# print the moment of its first paint and quit.
QUIT = {"SHOEADVISOR_QUIT_AFTER_FIRST_PAINT": "1"}
ADVICE = {"SHOEADVISOR_QUIT_AFTER_FIRST_PAINT": "advice"}
BARE_NAME = "bare PySide6 window"
FIRST_RUN = "ShoeAdvisor (first run)"
RESTORED = "ShoeAdvisor (restored profile)"
ADVICE_DRAWN = "ShoeAdvisor (restored, advice drawn)"
READY = "ShoeAdvisor (restored, session ready)"
#: Targets, as ratios to the bare window's median in the same run.
FIRST_TARGET = 1.3
FILLED_TARGET = 2.0

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False

def done():
    window.grab()
    print(f"first-paint {time.time():.6f}", flush=True)
    app.quit()

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


#: The bare window that also imports pydantic and builds one model first: the floor for any
#: start that validates a profile with pydantic before its advice is drawn (not a target).
BARE_PYDANTIC = BARE.replace(
    "app = QApplication(sys.argv)\n",
    "app = QApplication(sys.argv)\nfrom pydantic import BaseModel\n\n"
    "class Floor(BaseModel):\n    x: int\n",
)
BARE_PYDANTIC_NAME = "bare window + pydantic (a floor)"


def saved_profile_folder() -> str:
    """A data folder as a runner leaves it: the example runner saved and open, its pages shown."""
    from shoeadvisor.core.files import load_profile
    from shoeadvisor.storage import ProfileStore

    folder = tempfile.mkdtemp(prefix="shoeadvisor-bench-restored-")
    with ProfileStore(Path(folder)) as store:
        profile_id = store.save(None, load_profile(ROOT / "resources" / "example_runner.json"))
        store.set_last_opened(profile_id)
    Path(folder, "window.ini").write_text("[window]\npages=true\n", "utf-8")
    return folder


def one_run(command: list[str], env: dict[str, str], drawn: bool = False) -> tuple[float, float]:
    """Seconds from just before the spawn to the first paint, and to "ready" (the paint
    after the session opened the data folder for real; the first paint when not said)."""
    start = time.time()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    moment: float | None = None
    ready: float | None = None
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            moment = float(line.split()[1])
        elif line.startswith("ready "):
            ready = float(line.split()[1])
        elif line.startswith("drawn ") and drawn:
            counts = dict(part.split("=") for part in line.split()[1:])
            if int(counts["features"]) == 0 or int(counts["risks"]) == 0:
                raise RuntimeError(f"the window painted without its advice: {line!r}")
            drawn = False
    if moment is None:
        raise RuntimeError(f"no first-paint line from {command}: {done.stdout!r} {done.stderr!r}")
    if drawn:
        raise RuntimeError(f"no 'drawn' line from {command}: {done.stdout!r}")
    return moment - start, (ready if ready is not None else moment) - start


def bytecode_env(base: dict[str, str], mode: str) -> dict[str, str]:
    """`cached`: .pyc files written by the warm-up run into a temporary folder and used
    after (as an installed program has them). `cold`: as these machines run programs
    (PYTHONDONTWRITEBYTECODE=1): nothing is written, only the .pyc files that already
    exist beside the sources are used (here the standard library's), so the packages and
    ShoeAdvisor are compiled at every start. The tree stays clean either way."""
    env = dict(base)
    if mode == "cold":
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="shoeadvisor-bench-pyc-")
    return env


#: A child that paints the restored window as the app does and names ShoeAdvisor's
#: source files it imported until then (the code a cold start compiles first).
FIRST_PAINT_FILES = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from shoeadvisor.gui.app import build_window
window = build_window()
window.show()
for _ in range(3):
    app.processEvents()
window.grab()
kept = window.session.showing_kept
files = sorted(
    m.__file__ for n, m in list(sys.modules.items())
    if n.startswith("shoeadvisor") and getattr(m, "__file__", None)
)
window.session.close()
print(kept, *files, sep="\\n")
"""


def first_paint_compile(env: dict[str, str]) -> tuple[int, int, float]:
    """(modules, lines, seconds) to compile the ShoeAdvisor code the first paint runs:
    what a cold start pays on top of a cached one (best of five compiles of each)."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_FILES],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    kept, *files = done.stdout.split("\n")
    if kept != "True":
        raise RuntimeError(f"the restored start painted no kept view: {done.stdout!r}")
    lines, seconds = 0, 0.0
    for name in filter(None, files):
        source = Path(name).read_text(encoding="utf-8")
        lines += source.count("\n")
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            compile(source, name, "exec")
            best = min(best, time.perf_counter() - began)
        seconds += best
    return len([f for f in files if f]), lines, seconds


def measure(mode: str, runs: int) -> dict[str, list[float]]:
    empty = tempfile.mkdtemp(prefix="shoeadvisor-bench-")
    restored = saved_profile_folder()
    base_env = bytecode_env(
        {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"},
        mode,
    )
    app = [sys.executable, "-m", "shoeadvisor"]
    programs = {
        BARE_NAME: ([sys.executable, "-c", BARE], base_env),
        BARE_PYDANTIC_NAME: ([sys.executable, "-c", BARE_PYDANTIC], base_env),
        FIRST_RUN: (app, {**base_env, **QUIT, "SHOEADVISOR_DATA_DIR": empty}),
        RESTORED: (app, {**base_env, **QUIT, "SHOEADVISOR_DATA_DIR": restored}),
        ADVICE_DRAWN: (app, {**base_env, **ADVICE, "SHOEADVISOR_DATA_DIR": restored}),
    }
    # Warm the OS file cache (and, cached, write the .pyc files and the kept knowledge).
    for name, (command, env) in programs.items():
        one_run(command, env, drawn=name == ADVICE_DRAWN)
    times: dict[str, list[float]] = {name: [] for name in (*programs, READY)}
    for _ in range(runs):
        for name, (command, env) in programs.items():
            first, ready = one_run(command, env, drawn=name == ADVICE_DRAWN)
            times[name].append(first)
            if name == ADVICE_DRAWN:
                times[READY].append(ready)
    if mode == "cold":
        modules, lines, seconds = first_paint_compile(programs[ADVICE_DRAWN][1])
        times[f"compiling its first-paint code ({modules} modules, {lines:,} lines)"] = [seconds]
    return times


def report(mode: str, runs: int, times: dict[str, list[float]]) -> bool:
    """Print one table; True when both targets are met."""
    bare = statistics.median(times[BARE_NAME])
    print(f"bytecode {mode}: {runs} runs each, median from process start to painted window")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / bare
        print(
            f"  {name:38s} {median * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})  ratio {ratio:.2f}"
        )
    first = statistics.median(times[FIRST_RUN]) / bare
    filled = statistics.median(times[ADVICE_DRAWN]) / bare
    ok_first, ok_filled = first <= FIRST_TARGET, filled <= FILLED_TARGET
    print(
        f"  first frame {first:.2f}x (target <= {FIRST_TARGET:.1f}): "
        f"{'OK' if ok_first else 'OVER TARGET'};  "
        f"filled window {filled:.2f}x (target <= {FILLED_TARGET:.1f}): "
        f"{'OK' if ok_filled else 'OVER TARGET'}"
    )
    return ok_first and ok_filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bytecode", choices=("cached", "cold", "both"), default="both")
    options = parser.parse_args()
    modes = ("cached", "cold") if options.bytecode == "both" else (options.bytecode,)
    ok = True
    for mode in modes:
        ok = report(mode, options.runs, measure(mode, options.runs)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
