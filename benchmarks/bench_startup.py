"""Start-up: process start to first painted main window, ShoeAdvisor vs a bare PySide6 window.

Run: uv run python benchmarks/bench_startup.py [--runs 9]

Each program runs as a fresh subprocess (offscreen platform), alternating, several times. A
child prints the wall-clock time once its window has painted and grabbed itself; the figure is
that time minus the moment just before the parent spawned it. Three starts of ShoeAdvisor:
an empty data folder (the welcome page), a data folder with a saved profile (first paint:
"Opening your profile…"), and the same until that profile's advice is drawn, which is what
the runner waits for. Target for the first paints: ratio of medians <= 1.3.
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
ADVICE_DRAWN = "ShoeAdvisor (restored, advice drawn)"

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


def one_run(command: list[str], env: dict[str, str]) -> float:
    start = time.time()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first-paint line from {command}: {done.stdout!r} {done.stderr!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    empty = tempfile.mkdtemp(prefix="shoeadvisor-bench-")
    restored = saved_profile_folder()
    base_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    # Measure as installed programs run: with bytecode caches (the warm-up run writes them),
    # kept in a temporary folder so the source tree stays clean. Both programs get the same.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    base_env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="shoeadvisor-bench-pycache-")
    programs = {
        "bare PySide6 window": ([sys.executable, "-c", BARE], base_env),
        "ShoeAdvisor (first run)": (
            [sys.executable, "-m", "shoeadvisor"],
            {**base_env, **QUIT, "SHOEADVISOR_DATA_DIR": empty},
        ),
        "ShoeAdvisor (restored profile)": (
            [sys.executable, "-m", "shoeadvisor"],
            {**base_env, **QUIT, "SHOEADVISOR_DATA_DIR": restored},
        ),
        ADVICE_DRAWN: (
            [sys.executable, "-m", "shoeadvisor"],
            {**base_env, **ADVICE, "SHOEADVISOR_DATA_DIR": restored},
        ),
    }
    for command, env in programs.values():  # warm the OS file cache once
        one_run(command, env)
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(options.runs):
        for name, (command, env) in programs.items():
            times[name].append(one_run(command, env))
    bare = statistics.median(times["bare PySide6 window"])
    print(f"{options.runs} runs each, median time from process start to first painted window:")
    worst = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / bare
        if name not in ("bare PySide6 window", ADVICE_DRAWN):
            worst = max(worst, ratio)
        print(
            f"  {name:38s} {median * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})  ratio {ratio:.2f}"
        )
    verdict = "OK" if worst <= 1.3 else "OVER TARGET"
    print(f"worst ratio {worst:.2f} (target <= 1.30): {verdict}")
    return 0 if worst <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
