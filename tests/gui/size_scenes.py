"""The window as a runner sees it, page by page, at a given size: for the size tests.

`Scenes` starts a window on a data folder and walks it the way a new runner does:
the welcome page, an empty new profile, then a realistic runner with shoes on every
page of the main window (whatever tabs it has), a knee red flag, imperial units, a
profile deleted with its Undo bar, and the dialogs (the shoe editor adding and editing a
shoe, Similar shoes, the sources, the report, About). Each scene is handed to a
callback with the columns that may never be cut. Run as a script it writes the PNGs
and prints what `layout_check` finds, so a developer can look at them:

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

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_check import layout_problems

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.core.shoes import Shoe

#: The sizes of the issue: a small laptop window, a common laptop screen, a large screen.
SIZES = {"small": (900, 600), "laptop": (1440, 900), "large": (2560, 1440)}

MustFit = dict[QAbstractItemView, tuple[int, ...]]
Look = Callable[[str, QWidget, MustFit], None]


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


def must_fit(page: QWidget) -> MustFit:
    """The columns that may never be cut: feature names and risk names."""
    found: MustFit = {}
    features = getattr(page, "features", None)
    risks = getattr(page, "risks", None)
    if features is not None and hasattr(features, "tree"):
        found[features.tree] = (0,)
    if risks is not None and hasattr(risks, "table"):
        found[risks.table] = (1,)
    return found


def dark_palette() -> QPalette:
    """A dark desktop theme, as KDE's Breeze Dark or GNOME's dark style give a Qt app."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.ToolTipBase: "#31363b",
        QPalette.ColorRole.ToolTipText: "#fcfcfc",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.Link: "#1d99f3",
        QPalette.ColorRole.Mid: "#4d5257",
        QPalette.ColorRole.Dark: "#1b1e20",
        QPalette.ColorRole.Light: "#40464c",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7175"))
    return palette


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


class Scenes:
    """A window on `folder` at `size`; `each(look)` shows every page, state and dialog."""

    def __init__(self, folder: Path, size: tuple[int, int]) -> None:
        from shoeadvisor.gui.app import build_window
        from shoeadvisor.gui.settings import WindowSettings

        self.size = size
        self.window = build_window(folder, WindowSettings(None))
        self.window.resize(*size)
        self.window.show()
        self.window.finish_startup()
        settle()

    def problems(self, widget: QWidget, fit: MustFit) -> list[str]:
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
        runs = getattr(self, "_runs", None)
        if runs is not None:
            runs.cleanup()

    @contextmanager
    def dialog(self, dialog: QDialog) -> Iterator[QDialog]:
        """A dialog at its own size, but never larger than the window it opens from."""
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

    def _import_runs(self) -> None:
        """Six weeks of recorded runs and a long one two days ago, in the road pair."""
        import tempfile
        import time
        from datetime import datetime

        from run_history import training_history

        session = self.window.session
        importer = getattr(self.window, "import_runs", None)
        if importer is None:  # a window without a run log: nothing to import
            return
        session.set_default_shoe("asphalt", "s1")
        self._runs = tempfile.TemporaryDirectory(prefix="shoeadvisor-runs-")
        folder = Path(self._runs.name) / "runs"
        training_history(folder, datetime.now().astimezone())
        assert importer([folder])
        deadline = time.monotonic() + 120
        while session.import_state.running and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        assert not session.import_state.running, "the runs did not import in time"

    def _page(self, index: int) -> QWidget:
        tabs = self.window.tabs
        tabs.setCurrentIndex(index)
        settle()
        page = tabs.widget(index)
        layout = page.layout()
        return layout.itemAt(0).widget() if layout is not None and layout.count() else page

    def each(self, look: Look) -> None:
        """Every scene, in the order a new runner meets them; `look(name, widget, must_fit)`."""
        window, session = self.window, self.window.session
        look("welcome", window, {})
        window.new_profile()
        settle()
        look("new-profile", window, must_fit(self._page(0)))

        session.adopt(load_profile(resource_path("example_runner.json")))
        session.set_shoes(realistic_shoes())
        session.save_now()
        self._import_runs()
        settle()
        tabs = window.tabs
        for index in range(tabs.count()):  # every page the window has, whoever added it
            page = self._page(index)
            look(tabs.tabText(index).replace("&", "").lower(), window, must_fit(page))
            lower = getattr(page, "lower_tabs", None)  # the Shoes page's tabs in a low window
            if lower is not None and getattr(page, "tabbed", False):
                for sub in range(1, lower.count()):
                    lower.setCurrentIndex(sub)
                    settle()
                    name = lower.tabText(sub).replace("&", "").lower().split()[0]
                    look(f"shoes-{name}", window, must_fit(page))
                lower.setCurrentIndex(0)
                settle()

        knee = window.knee_page
        tabs.setCurrentWidget(knee.parentWidget())
        knee.symptom_boxes["giving_way"].click()
        session.save_now()
        settle()
        look("knee-red-flag", window, {})
        knee.symptom_boxes["giving_way"].click()

        window.form.imperial_radio.click()
        session.save_now()
        page = self._page(0)
        look("imperial", window, must_fit(page))
        window.form.metric_radio.click()

        panel = window.profiles_panel
        assert panel is not None
        copy = panel.duplicate_current()
        settle()
        if copy is not None:
            panel.delete_current()
            settle()
            look("profile-deleted", window, must_fit(self._page(0)))
            panel.undo_delete()
            settle()
        self._dialogs(look)

    def _dialogs(self, look: Look) -> None:
        from shoeadvisor.gui.actions.app_actions import about_box
        from shoeadvisor.gui.actions.shoe_actions import similar_text
        from shoeadvisor.gui.widgets.report_dialog import ReportDialog
        from shoeadvisor.gui.widgets.shoe_editor import ShoeEditor
        from shoeadvisor.gui.widgets.similar_dialog import SimilarShoesDialog
        from shoeadvisor.gui.widgets.sources_dialog import SourcesDialog

        session = self.window.session
        kb = session.knowledge
        assert session.advice is not None
        editor = ShoeEditor(kb, session.advice.features, None, parent=self.window)
        with self.dialog(editor):
            look("shoe-editor", editor, {})
        # Edit mode: a real shoe with its name, measurements, comfort and levels filled in.
        shoe = realistic_shoes()[0]
        taken = [s.id for s in session.shoes]
        editor = ShoeEditor(kb, session.advice.features, shoe, taken, parent=self.window)
        with self.dialog(editor):
            look("shoe-editor-edit", editor, {})
        similar = SimilarShoesDialog(
            similar_text(self.window.context, shoe), f"Shoes like {shoe.name}", self.window
        )
        with self.dialog(similar):
            look("similar-shoes", similar, {})
        about = about_box(self.window)
        with self.dialog(about):
            look("about", about, {})
        sources = SourcesDialog(list(kb.sources.values()), self.window)
        with self.dialog(sources):
            look("sources", sources, {})
        report = ReportDialog(session.advice, None, self.window)
        with self.dialog(report):
            look("report", report, {})


def render(size: tuple[int, int], out: Path | None) -> dict[str, list[str]]:
    """Walk every scene at `size`; the problems by scene, and the PNGs in `out` if given."""
    import tempfile

    width, height = size
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        scenes = Scenes(Path(folder), size)

        def look(name: str, widget: QWidget, fit: MustFit) -> None:
            found[name] = scenes.problems(widget, fit)
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                widget.grab().save(str(out / f"{width}x{height}-{name}.png"))

        try:
            scenes.each(look)
        finally:
            scenes.close()
    return found


def main(argv: list[str]) -> int:
    width, height = (int(x) for x in argv[0].split("x"))
    out = Path(argv[1]) if len(argv) > 1 else None
    app = QApplication.instance() or QApplication([])
    if os.environ.get("SHOEADVISOR_DARK"):
        app.setPalette(dark_palette())
    found = render((width, height), out)
    print(json.dumps({"scale": app.devicePixelRatio(), "problems": found}, indent=1))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
