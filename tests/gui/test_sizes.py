"""Every page at 900 × 600, 1440 × 900 and 2560 × 1440, at 200 % and on a dark theme.

Each scene (size_scenes.py: the welcome page, a new profile, every tab of the main
window, a knee red flag, imperial units, the Undo bar, the dialogs) is rendered to a
PNG and checked with layout_check: no label, button, tab or header is cut, no
feature or risk name is elided, no tool bar hides an action behind "»", no text pane
wraps a word a line, nothing sticks out of its parent, and the window keeps the size
it was given. Set SHOEADVISOR_SCREENSHOTS to a folder to keep the PNGs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from size_scenes import SIZES, dark_palette, render

from shoeadvisor.gui.models.shoe_models import Verdict, verdict_colours
from shoeadvisor.gui.platform.theme import (
    banner_colours,
    contrast,
    error_colour,
    muted_colour,
    text_colour,
)
from shoeadvisor.gui.widgets.knee_drawing import paint_knee

HERE = Path(__file__).resolve().parent


def shots_folder(tmp_path: Path) -> Path:
    kept = os.environ.get("SHOEADVISOR_SCREENSHOTS")
    return Path(kept) if kept else tmp_path


@pytest.mark.parametrize("size", sorted(SIZES), ids=sorted(SIZES))
def test_every_page_fits_at_every_size(qtbot: QtBot, tmp_path: Path, size: str) -> None:
    width, height = SIZES[size]
    out = shots_folder(tmp_path)
    found = render((width, height), out)
    assert {"welcome", "new-profile", "advice", "shoes", "knee", "shoe-editor"} <= set(found)
    assert {"shoe-editor-edit", "similar-shoes", "about"} <= set(found)
    assert {name: problems for name, problems in found.items() if problems} == {}
    window_shot = QImage(str(out / f"{width}x{height}-advice.png"))
    assert (window_shot.width(), window_shot.height()) == (width, height)


def test_at_200_percent_scaling_every_page_fits(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=2 must be set before Qt starts: a fresh process renders the scenes,
    on a screen of 1800 × 1200 pixels, which is 900 × 600 at 200 %."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1800, "height": 1200}]})
    )
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
    }
    out = shots_folder(tmp_path) / "scaled"
    done = subprocess.run(
        [sys.executable, str(HERE / "size_scenes.py"), "900x600", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    report = json.loads(done.stdout[done.stdout.index("{") :])
    assert report["scale"] == 2.0
    assert {k: v for k, v in report["problems"].items() if v} == {}, done.stderr[-2000:]
    assert done.returncode == 0
    shot = QImage(str(out / "900x600-shoes.png"))
    assert (shot.width(), shot.height()) == (1800, 1200)  # every pixel drawn at 2x


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


def test_on_a_dark_theme_every_page_still_fits(dark: QPalette, tmp_path: Path) -> None:
    out = shots_folder(tmp_path) / "dark"
    found = render(SIZES["laptop"], out)
    assert {name: problems for name, problems in found.items() if problems} == {}
    assert (out / "1440x900-knee-red-flag.png").exists()


def test_on_a_dark_theme_the_colours_we_choose_stay_readable(dark: QPalette) -> None:
    window = dark.color(QPalette.ColorRole.Window)
    base = dark.color(QPalette.ColorRole.Base)
    assert window.lightness() < 128
    for use in ("error", "warning", "link", "marked"):
        assert contrast(text_colour(use, dark), window) >= 4.5, use
    assert contrast(error_colour(dark), base) >= 4.5
    assert contrast(muted_colour(dark), window) >= 4.5
    for kind in ("note", "read_only", "danger"):
        background, text, _border = banner_colours(kind, dark)
        assert contrast(text, background) >= 4.5, kind
        assert QColor(background).lightness() < 128, kind  # no bright box on a dark desktop
    for mark in Verdict:
        background, text = verdict_colours(mark)
        assert contrast(text, background) >= 4.5, mark
        if mark is not Verdict.MISSING:  # the missing essential stays loud red
            assert QColor(background).lightness() < 100, mark


def test_on_a_light_theme_the_same_colours_read_too(qapp: QApplication) -> None:
    light = qapp.style().standardPalette()
    assert light.color(QPalette.ColorRole.Window).lightness() >= 128
    for use in ("error", "warning", "link", "marked"):
        assert contrast(text_colour(use, light), light.color(QPalette.ColorRole.Window)) >= 4.5
    assert contrast(muted_colour(light), light.color(QPalette.ColorRole.Window)) >= 4.5


def test_the_knee_drawing_writes_in_the_palettes_text_colour(dark: QPalette) -> None:
    image = QImage(420, 330, QImage.Format.Format_RGB32)
    image.fill(dark.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    paint_knee(painter, QRectF(6, 4, 408, 322), {"inside"}, palette=dark)
    painter.end()
    titles = [QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(4, 22)]
    light_text = [c for c in titles if c.lightness() > 200]
    dark_text = [c for c in titles if c.lightness() < 40]
    assert len(light_text) > 30  # the titles are drawn light on the dark background
    assert dark_text == []  # and nothing in the old near-black (#222) that vanished on it


# -- the checks themselves catch what a runner would see cut ------------------------


def test_the_checks_find_a_cut_label_a_hidden_action_and_an_elided_name(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    label = QLabel("Distance the week before")
    label.setFixedWidth(40)
    bar = QToolBar()
    for name in ("Add shoe", "Edit", "Duplicate", "Remove", "Similar shoes", "Import", "Export"):
        bar.addAction(QAction(name, bar))
    bar.setFixedWidth(120)
    tree = QTreeView()
    model = QStandardItemModel(tree)
    model.appendRow(QStandardItem("Stability / motion control"))
    tree.setModel(model)
    tree.setFixedWidth(60)
    tabs = QTabWidget()
    for title in ("What it may be", "Exercise plan", "Your week", "Prevention"):
        tabs.addTab(QWidget(), title)
    tabs.setFixedWidth(150)
    for widget in (label, bar, tree, tabs):
        row.addWidget(widget)
    window.resize(500, 200)
    window.show()
    qtbot.waitExposed(window)
    found = "\n".join(layout_problems(window, {tree: (0,)}))
    assert "Distance the week before" in found and "needs" in found
    assert "hides actions behind its » button" in found
    assert "'Stability / motion control' cut" in found
    assert "needs scroll arrows" in found


def test_the_checks_pass_a_cut_cell_whose_tooltip_holds_it(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    tree = QTreeView()
    qtbot.addWidget(tree)
    model = QStandardItemModel(tree)
    item = QStandardItem("Unknown shoe from the sale rack")
    model.appendRow(item)
    tree.setModel(model)
    tree.resize(90, 100)
    tree.show()
    qtbot.waitExposed(tree)
    assert any("without a tooltip" in p for p in layout_problems(tree))
    item.setData("Unknown shoe from the sale rack", Qt.ItemDataRole.ToolTipRole)
    assert not any("without a tooltip" in p for p in layout_problems(tree))


def test_the_checks_see_painted_texts_that_overlap(qtbot: QtBot) -> None:
    class Painted(QWidget):
        def painted_texts(self) -> list[tuple[str, QRectF]]:
            return [
                ("← back", QRectF(10, 40, 50, 16)),
                ("Around kneecap", QRectF(30, 44, 90, 16)),
                ("Behind", QRectF(150, 10, 80, 16)),
            ]

    widget = Painted()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    found = "\n".join(layout_problems(widget))
    assert "painted '← back' overlaps 'Around kneecap'" in found
    assert "painted 'Behind' is outside the widget" in found
