"""`shoeadvisor` with no command: the desktop window (or a screenshot of it)."""

from __future__ import annotations

import gc
import os
import sys
import time

# Not `from typing import TYPE_CHECKING`: this module runs before the first paint, and
# every import on that path delays the window (see benchmarks/bench_startup.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Any

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from shoeadvisor.core.profile import RunnerProfile

    from .settings import WindowSettings
    from .views.main_window import MainWindow


#: Set by benchmarks/bench_startup.py: report the first paint and quit (same as the flag);
#: set to "advice", report the first paint that shows the restored profile's advice, and
#: the paint after the session has opened the data folder for real ("ready"), then quit.
QUIT_AFTER_FIRST_PAINT_ENV = "SHOEADVISOR_QUIT_AFTER_FIRST_PAINT"


class _Plain:
    """The options of a start without arguments, without loading argparse (~7 ms)."""

    screenshot: str | None = None
    profile: str | None = None
    quit_after_first_paint = False


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="shoeadvisor",
        description="Open the ShoeAdvisor window. Headless commands: shoeadvisor --help.",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit"
    )
    parser.add_argument("--profile", metavar="FILE", help="open this runner profile (JSON)")
    # Used by benchmarks/bench_startup.py: print when the window first painted, then quit.
    parser.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def _load_profile(path: str) -> RunnerProfile | str:
    """The profile, or one line saying what is wrong with the file."""
    from shoeadvisor.core.files import InputFileError, load_profile

    try:
        return load_profile(path)
    except InputFileError as exc:
        return f"shoeadvisor: error: {exc}"


def _platform_problem() -> str | None:
    try:
        from .platform.platform_check import explain_missing_qt_libs
    except ImportError:  # pragma: no cover - the module ships with the app
        return None
    return explain_missing_qt_libs()


def _set_icon(app: Any) -> None:
    try:
        from .platform.icon import app_icon
    except ImportError:  # pragma: no cover
        return
    app.setWindowIcon(app_icon())


def run(args: list[str]) -> int:
    """Parse the GUI arguments, show the window, run the event loop; returns the exit status.

    The cycle collector waits until the session has started: the start creates many
    objects and frees few, so its ~60 collections (~5 ms) would only delay the window.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args, collecting)
    finally:
        if collecting:
            gc.enable()


def _run(args: list[str], collecting: bool) -> int:
    options: Any = _Plain()
    if args:
        try:
            options = _parser().parse_args(args)
        except SystemExit as exc:  # --help, or a wrong argument (argparse printed why)
            return exc.code if isinstance(exc.code, int) else 2
    quit_when = os.environ.get(QUIT_AFTER_FIRST_PAINT_ENV, "")
    if quit_when:
        options.quit_after_first_paint = True

    profile: RunnerProfile | None = None
    if options.profile:
        loaded = _load_profile(options.profile)
        if isinstance(loaded, str):
            print(loaded, file=sys.stderr)
            return 2
        profile = loaded
    if options.screenshot:
        # Offscreen unless the caller chose a platform (packaging tests render through X).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    problem = _platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "shoeadvisor"])
    _keep_none_alive()
    app.setApplicationName("ShoeAdvisor")
    app.setOrganizationName("ShoeAdvisor")
    app.setApplicationDisplayName("ShoeAdvisor")

    if options.screenshot:
        from pathlib import Path

        return _screenshot(app, Path(options.screenshot), profile)

    window = build_window()
    window.show()

    reported: list[str] = []

    def report(what: str) -> None:
        """Print when the window painted (grabbed) what the benchmark waits for."""
        window.grab()
        moment = time.time()
        if what == "first-paint" and quit_when == "advice":  # what was drawn, to be checked
            page = window.advice_page
            model = page.features.model if page is not None else None
            levels = model.group_levels() if model is not None else []
            features = sum(len(model.features_in(level)) for level in levels) if model else 0
            risks = page.risks.model.rowCount() if page is not None else 0
            print(f"drawn features={features} risks={risks}", flush=True)
        print(f"{what} {moment:.6f}", flush=True)
        reported.append(what)

    def advice_drawn() -> bool:
        page = window.advice_page
        return page is not None and page.features.model.rowCount() > 0

    def quit_now() -> None:
        window.close()
        app.quit()

    def ready() -> None:
        """The paint after the session has opened the folder for real (input is handled)."""
        if "first-paint" not in reported:
            report("first-paint")
        report("ready")
        quit_now()

    def after_first_paint() -> None:
        if options.quit_after_first_paint and quit_when != "advice":
            report("first-paint")
            quit_now()
            return
        if quit_when == "advice" and advice_drawn():  # a kept view: already the advice
            report("first-paint")
        _set_icon(app)
        window.finish_startup()
        if profile is not None:
            window.session.adopt(profile)
        if collecting:  # the session has started: from here on, objects come and go
            gc.enable()
        if quit_when == "advice":
            _on_first_paint(window, ready)  # the next paint shows the session's own advice
            window.update()

    _on_first_paint(window, after_first_paint)
    return app.exec()


def _keep_none_alive() -> None:
    """Every window redraw calls the binding thousands of times: see platform/qt_compat.py."""
    from .platform.qt_compat import keep_none_alive

    keep_none_alive()


def build_window(folder: Path | None = None, settings: WindowSettings | None = None) -> MainWindow:
    """The window on a data folder (default: $SHOEADVISOR_DATA_DIR or the user's), not shown.

    Nothing is read from disk but the window settings: `finish_startup()` opens the rest.
    """
    from .actions.context import ActionContext
    from .session import RunnerSession
    from .settings import WindowSettings
    from .views.main_window import MainWindow

    _keep_none_alive()
    session = RunnerSession(folder)
    return MainWindow(ActionContext(session), settings or WindowSettings.open())


def _screenshot(app: Any, path: Path, profile: RunnerProfile | None) -> int:
    import tempfile
    from pathlib import Path

    from .settings import WindowSettings
    from .views.main_window import PREFERRED_SIZE

    # A throw-away data folder and no window settings: a screenshot touches nothing of
    # the runner's own, and always shows the window as a first start does.
    scratch = tempfile.TemporaryDirectory(prefix="shoeadvisor-screenshot-")
    window = build_window(Path(scratch.name), WindowSettings(None))
    _set_icon(app)
    window.resize(*PREFERRED_SIZE)
    window.finish_startup()
    if profile is not None:
        window.session.adopt(profile)
        window.session.save_now()  # the list and the status bar show it saved, as a runner sees it
    window.show()
    for _ in range(3):  # layouts settle over a few passes (wrapped rows, splitters)
        app.processEvents()
    ok = window.grab().save(str(path), "PNG")
    window.close()
    window.deleteLater()
    app.processEvents()
    scratch.cleanup()
    if not ok:
        print(f"shoeadvisor: error: {path}: could not write the PNG", file=sys.stderr)
        return 1
    return 0


def _on_first_paint(widget: QWidget, callback: Any) -> QObject:
    """Call back once, just after the widget's first paint event has been handled."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)
    return watcher
