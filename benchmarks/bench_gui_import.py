"""Importing 1,000 one-hour FIT runs through the window, with the event loop measured.

    uv run python benchmarks/bench_gui_import.py [--files 1000]

Writes 1,000 one-hour runs recorded at 1 s (benchmarks/fit_writer.py, as
bench_import.py does), then, each in its own process so that memory is its own:

1. the window: a real main window (offscreen) with a saved profile and a road shoe,
   importing the folder the way a drop or File > Import runs does (the Runs page
   shown, the status bar's progress bar running). A QTimer on the window's thread
   ticks every 10 ms; the longest gap between two ticks, beyond the 10 ms, is the
   longest the window could not answer (a stall). The import ends when the window
   has drawn the 1,000 runs, the weekly chart and the shoe's kilometres;
2. the baseline: the same import with no window (RunImport in a thread, as
   bench_import.py), and an idle QTimer for the same time (the timer's own jitter on
   this machine).

Targets (issue 12): all 1,000 in under 60 s on a 2-core machine, no stall over 100 ms.
Your own data folder is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_import import PROFILE, make_files, peak_mb  # noqa: E402

TICK_MS = 10
TARGET_S = 60.0
STALL_TARGET_MS = 100.0


class ChildMemory:
    """The largest resident size any child process (a parser) reached, sampled from /proc.

    Not ru_maxrss: a spawned child's ru_maxrss counts the moment between fork and exec,
    when it still maps all of the parent's pages. VmHWM is the child's own, after exec.
    Linux only; elsewhere it reports 0.
    """

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb

    def _children(self) -> list[int]:
        me = os.getpid()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                found.append(int(entry.name))
        return found

    def _sample(self) -> None:
        if not Path("/proc/self/status").exists():
            return
        while not self._stop.wait(0.2):
            for pid in self._children():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_mb = max(self.peak_mb, int(line.split()[1]) * 1024 / 1e6)


class Heartbeat:
    """A QTimer on the GUI thread; `worst` is the longest gap beyond its interval, in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000 - TICK_MS
        self._last = now
        self.gaps.append(gap)
        self.worst = max(self.worst, gap)

    def over(self, ms: float) -> int:
        return sum(1 for gap in self.gaps if gap > ms)


def window_import(folder: Path, data: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from shoeadvisor.core.files import parse_profile
    from shoeadvisor.core.shoes import Shoe
    from shoeadvisor.gui.app import build_window
    from shoeadvisor.gui.session import Change
    from shoeadvisor.gui.settings import WindowSettings

    app = QApplication.instance() or QApplication([])
    win = build_window(data, WindowSettings(None))
    win.resize(1440, 900)
    win.show()
    win.finish_startup()
    session = win.session
    session.adopt(parse_profile(PROFILE))
    session.save_now()
    session.set_shoes([Shoe(id="road", name="Road trainer", surface="road")])
    session.set_default_shoe("asphalt", "road")
    win.show_runs_page()
    for _ in range(5):
        app.processEvents()

    loop = QEventLoop()
    events = 0

    def changed(change: Change) -> None:
        nonlocal events
        if change & Change.IMPORT:
            events += 1
            if not session.import_state.running:
                QTimer.singleShot(0, loop.quit)  # after the window has drawn the end

    session.changed.connect(changed)
    beat = Heartbeat()
    children = ChildMemory()
    children.start()
    began = time.perf_counter()
    beat.start()
    QTimer.singleShot(0, lambda: win.import_runs([folder]))
    loop.exec()
    seconds = time.perf_counter() - began
    beat.stop()
    parsers_mb = children.stop()
    state = session.import_state
    shown = win.runs_page.model.rowCount()
    km = sum(o.km for o in session.owned_shoes)
    result = {
        "seconds": seconds,
        "imported": float(state.summary.split()[0]),
        "shown": float(shown),
        "shoe_km": km,
        "stall_ms": beat.worst,
        "stalls_over_100": float(beat.over(STALL_TARGET_MS)),
        "stalls_over_50": float(beat.over(50)),
        "ticks": float(len(beat.gaps)),
        "draws": float(events),
        "self_mb": peak_mb(resource.RUSAGE_SELF),
        "workers_mb": parsers_mb,
    }
    win.close()
    return result


def thread_import(folder: Path, data: Path) -> dict[str, float]:
    """The same import with no window: RunImport in a thread, an idle QTimer measured."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from shoeadvisor.core.files import parse_profile
    from shoeadvisor.storage import ProfileStore
    from shoeadvisor.storage.run_import import RunImport

    app = QApplication.instance() or QApplication([])
    with ProfileStore(data) as store:
        profile_id = store.save(None, parse_profile(PROFILE))
        store.run_log()
        log_path = store.run_log_path
    job = RunImport(log_path, profile_id, [folder])
    loop = QEventLoop()
    beat = Heartbeat()
    children = ChildMemory()
    children.start()
    began = time.perf_counter()
    beat.start()
    worker = threading.Thread(target=lambda: (job.run(), QTimer.singleShot(0, loop.quit)))
    worker.start()
    watchdog = QTimer()
    watchdog.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    watchdog.start(50)
    loop.exec()
    worker.join()
    seconds = time.perf_counter() - began
    beat.stop()
    parsers_mb = children.stop()
    del app
    return {
        "seconds": seconds,
        "imported": float(job.report.imported),
        "stall_ms": beat.worst,
        "stalls_over_100": float(beat.over(STALL_TARGET_MS)),
        "self_mb": peak_mb(resource.RUSAGE_SELF),
        "workers_mb": parsers_mb,
    }


def _child(mode: str, folder: Path, data: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--folder", str(folder), "--data", str(data)],
        capture_output=True, text=True, check=True, cwd=HERE.parent,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--child", choices=("window", "thread"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = window_import if args.child == "window" else thread_import
        print(json.dumps(run(args.folder, args.data)))
        return 0

    with tempfile.TemporaryDirectory(prefix="shoeadvisor-bench-") as tmp:
        folder = Path(tmp) / "runs"
        folder.mkdir()
        began = time.perf_counter()
        make_files(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"{args.files} one-hour FIT files at 1 s ({size:.0f} MB) written in "
            f"{time.perf_counter() - began:.1f} s; {os.cpu_count()} cores"
        )
        base = _child("thread", folder, Path(tmp) / "data-thread")
        win = _child("window", folder, Path(tmp) / "data-window")
    print(
        f"baseline, no window (RunImport in a thread): {base['imported']:.0f} imported in "
        f"{base['seconds']:.1f} s = {base['imported'] / base['seconds']:.1f} runs/s; idle "
        f"QTimer's longest gap {base['stall_ms']:.0f} ms; peak memory {base['self_mb']:.0f} MB "
        f"(largest parsing process {base['workers_mb']:.0f} MB)"
    )
    print(
        f"the window: {win['imported']:.0f} imported and {win['shown']:.0f} shown in "
        f"{win['seconds']:.1f} s = {win['imported'] / win['seconds']:.1f} runs/s "
        f"({win['seconds'] / base['seconds']:.2f}x the baseline's time); "
        f"shoe at {win['shoe_km']:.0f} km; {win['draws']:.0f} progress draws"
    )
    print(
        f"the window's event loop: longest stall {win['stall_ms']:.0f} ms over "
        f"{win['ticks']:.0f} ticks of {TICK_MS} ms; {win['stalls_over_100']:.0f} over 100 ms, "
        f"{win['stalls_over_50']:.0f} over 50 ms"
    )
    print(
        f"peak memory: the window's process {win['self_mb']:.0f} MB, largest parsing process "
        f"{win['workers_mb']:.0f} MB"
    )
    fast = win["seconds"] < TARGET_S and win["imported"] == args.files
    smooth = win["stall_ms"] < STALL_TARGET_MS
    verdict = "PASS" if fast and smooth else "FAIL"
    print(
        f"{verdict}: target all {args.files} in under {TARGET_S:.0f} s "
        f"({'met' if fast else 'missed'}) with no stall over {STALL_TARGET_MS:.0f} ms "
        f"({'met' if smooth else 'missed'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
