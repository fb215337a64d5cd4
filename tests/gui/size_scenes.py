"""The window as a runner sees it, page by page, at a given size: for the size tests.

`Scenes` starts a window on a data folder with a realistic runner and shoes, then
shows each page (every tab of the main window, whatever pages it has), the welcome
page and the dialogs, and hands each to a callback. Run as a script it writes the
PNGs and prints what `layout_check` finds, so a developer can look at them:

    QT_SCALE_FACTOR=2 uv run python tests/gui/size_scenes.py 900x600 /tmp/shots
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_check import layout_problems

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.core.shoes import Shoe

SIZES = {"small": (900, 600), "laptop": (1440, 900), "large": (2560, 1440)}


def realistic_shoes() -> list[Shoe]:
    """Shoes a runner holds in a shop: real-looking names, gaps in what is known."""
    return [
        Shoe(
            id="s1",
            name="Adrenaline GTS 23 Wide (2E)",
            surface="road",
            comfort=4,
            weight_g=286,
            drop_mm=12,
            features={
                "cushioning": 3,
                "heel_counter": 3,
                "stability": 3,
                "wide_fit": 3,
                "removable_insole": 3,
                "breathability": 2,
            },
        ),
        Shoe(
            id="s2",
            name="Speedgoat 5 GTX",
            surface="trail",
            weight_g=310,
            drop_mm=4,
            features={
                "cushioning": 3,
                "trail_grip": 3,
                "rock_protection": 2,
                "water_resistance": 3,
                "wide_fit": 0,
            },
        ),
        Shoe(
            id="s3",
            name="Endorphin Speed 4",
            surface="road",
            comfort=3,
            features={"cushioning": 2, "stability": 0, "lightweight": 3, "heel_counter": 0},
        ),
        Shoe(id="s4", name="Unknown shoe from the sale rack", features={}),
    ]


def must_fit(page: QWidget) -> dict[QAbstractItemView, tuple[int, ...]]:
    """The columns that may never be cut: feature names and risk names."""
    found: dict[QAbstractItemView, tuple[int, ...]] = {}
    features = getattr(page, "features", None)
    risks = getattr(page, "risks", None)
    if features is not None and hasattr(features, "tree"):
        found[features.tree] = (0,)
    if risks is not None and hasattr(risks, "table"):
        found[risks.table] = (1,)
    return found


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


class Scenes:
    """A window on `folder` at `size`; `each(callback)` shows every page and dialog."""

    def __init__(self, folder: Path, size: tuple[int, int]) -> None:
        from shoeadvisor.gui.app import build_window
        from shoeadvisor.gui.settings import WindowSettings

        self.size = size
        self.window = build_window(folder, WindowSettings(None))
        self.window.resize(*size)
        self.window.show()
        self.window.finish_startup()
        settle()

    def problems(self, widget: QWidget, fit: dict[QAbstractItemView, tuple[int, ...]]) -> list[str]:
        """What `layout_problems` finds, and a window that grew past the size it was given."""
        found = layout_problems(widget, fit)
        if widget is self.window and (widget.width(), widget.height()) != self.size:
            least = widget.minimumSizeHint()
            found.append(
                f"the window is {widget.width()}×{widget.height()}, not "
                f"{self.size[0]}×{self.size[1]} (its minimum is {least.width()}×{least.height()})"
            )
        return found

    def close(self) -> None:
        self.window.session.close()
        self.window.close()
        self.window.deleteLater()
        settle(1)

    def fill(self) -> None:
        session = self.window.session
        session.adopt(load_profile(resource_path("example_runner.json")))
        session.set_shoes(realistic_shoes())
        session.save_now()
        settle()

    @contextmanager
    def dialog(self, dialog: QDialog) -> Iterator[QDialog]:
        """A dialog at its own size, but never larger than the window's screen size."""
        width, height = self.size
        dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
        dialog.show()
        settle()
        try:
            yield dialog
        finally:
            dialog.close()
            dialog.deleteLater()
            settle(1)

    def each(
        self, look: Callable[[str, QWidget, dict[QAbstractItemView, tuple[int, ...]]], None]
    ) -> None:
        """Show the welcome page, every tab, and the dialogs; `look(name, widget, must_fit)`."""
        window = self.window
        look("welcome", window, {})
        self.fill()
        tabs = window.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            page = tabs.widget(index)
            inner = (
                page.layout().itemAt(0).widget()
                if page.layout() and page.layout().count()
                else page
            )
            name = tabs.tabText(index).replace("&", "").lower()
            look(name, window, must_fit(inner))
        tabs.setCurrentIndex(0)
        settle()
        self._dialogs(look)

    def _dialogs(
        self, look: Callable[[str, QWidget, dict[QAbstractItemView, tuple[int, ...]]], None]
    ) -> None:
        from shoeadvisor.gui.widgets.report_dialog import ReportDialog
        from shoeadvisor.gui.widgets.shoe_editor import ShoeEditor
        from shoeadvisor.gui.widgets.sources_dialog import SourcesDialog

        session = self.window.session
        kb = session.knowledge
        assert session.advice is not None
        editor = ShoeEditor(kb, session.advice.features, session.shoes[0], parent=self.window)
        with self.dialog(editor):
            look("shoe-editor", editor, {})
        sources = SourcesDialog(list(kb.sources.values()), self.window)
        with self.dialog(sources):
            look("sources", sources, {})
        report = ReportDialog(session.advice, None, self.window)
        with self.dialog(report):
            look("report", report, {})


def main(argv: list[str]) -> int:
    import tempfile

    width, height = (int(x) for x in argv[0].split("x"))
    out = Path(argv[1]) if len(argv) > 1 else None
    app = QApplication.instance() or QApplication([])
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        scenes = Scenes(Path(folder), (width, height))

        def look(name: str, widget: QWidget, fit: dict[QAbstractItemView, tuple[int, ...]]) -> None:
            found[name] = scenes.problems(widget, fit)
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                widget.grab().save(str(out / f"{width}x{height}-{name}.png"))

        scenes.each(look)
        scenes.close()
    del app
    print(json.dumps(found, indent=1))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
