"""The Runs and Shoes pages with real imported runs (a spike among them), rendered at
1440×900 and 900×600: everything important is on screen, nothing is cut without a tooltip.

Set SHOEADVISOR_SCREENSHOTS=FOLDER to keep the PNGs (docs/screenshot-runs.png is the
Runs page at 1440×900 made this way).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import start_window
from layout_check import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot
from run_history import odd_files, training_history

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.models.run_models import RunTableModel
from shoeadvisor.gui.views.main_window import MainWindow

SIZES = [(1440, 900), (900, 600), (2560, 1440)]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screens") / "runs"
    now = datetime.now().astimezone()
    training_history(folder, now)
    odd_files(folder, now)
    return folder


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def shown_runner(qtbot: QtBot, history: Path, size: tuple[int, int]) -> MainWindow:
    win = start_window(qtbot)
    session = win.session
    session.adopt(load_profile(resource_path("example_runner.json")))
    assert session.save_now()
    session.set_shoes(
        [
            Shoe(id="road", name="Daily road trainer", surface="road", comfort=4),
            Shoe(id="trail", name="Trail shoe with lugs", surface="trail", comfort=3),
        ]
    )
    session.set_default_shoe("asphalt", "road")
    session.set_default_shoe("trail", "trail")
    win.resize(*size)
    assert win.import_runs([history])
    qtbot.waitUntil(lambda: not session.import_state.running, timeout=60_000)
    long_run = max(session.runs, key=lambda r: r.distance_km)
    session.set_knee_pain(long_run.id, 4)
    easy = [r for r in session.runs if r.id != long_run.id]
    session.set_knee_pain(easy[-2].id, 2)
    session.set_run_shoe(easy[-1].id, "trail")
    win.runs_page.planned_edit.setValue(25)
    settle()
    return win


def save(win: MainWindow, name: str) -> None:
    folder = os.environ.get("SHOEADVISOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert win.grab().save(str(Path(folder) / name), "PNG")


def cut_without_tooltip(page: object) -> list[str]:
    """Combo boxes whose text does not fit and that do not say it in a tooltip."""
    found = []
    for combo in page.findChildren(QComboBox):  # type: ignore[attr-defined]
        if not combo.isVisible() or not combo.currentText():
            continue
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30
        if needed > combo.width() and combo.currentText() not in combo.toolTip():
            found.append(combo.currentText())
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_runs_page_at_this_size(qtbot: QtBot, history: Path, size: tuple[int, int]) -> None:
    win = shown_runner(qtbot, history, size)
    page = win.show_runs_page()
    settle()
    assert win.size().height() <= size[1] + 1  # the page fits: the window is not pushed taller
    table = page.table
    # The newest run (the spike) is the first row, its Spike cell in view at full size.
    first = page.proxy.index(0, RunTableModel.SPIKE)
    assert first.data().startswith("\u25b2")
    rect = table.visualRect(first)
    if size[0] >= 1440:
        assert table.viewport().rect().contains(rect)
    else:  # on a small screen the cell may be cut, but it says everything in its tooltip
        assert "longer than your longest run" in first.data(Qt.ItemDataRole.ToolTipRole)
    for column in range(page.model.columnCount()):
        tip = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip  # every header says what it is
    assert page.chart.isVisible() and page.chart.height() >= 140
    assert cut_without_tooltip(page) == []
    for label in page.findChildren(QLabel):
        text = label.text().replace("&", "")  # a mnemonic's & is not drawn
        if label.isVisible() and text and not label.wordWrap() and "<" not in text:
            width = label.fontMetrics().horizontalAdvance(text)
            assert width <= label.width() + 2 or label.toolTip(), text
    assert layout_problems(page) == []  # the size tests' own checks, with real runs
    save(win, f"screenshot-runs-{size[0]}x{size[1]}.png")
    win.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_shoes_page_with_kilometres_at_this_size(
    qtbot: QtBot, history: Path, size: tuple[int, int]
) -> None:
    win = shown_runner(qtbot, history, size)
    win.tabs.setCurrentIndex(1)
    settle()
    win.compare_page.show_mileage()  # its tab beside the comparison in a low window
    settle()
    assert win.size().height() <= size[1] + 1
    panel = win.compare_page.mileage
    assert panel.isVisible() and panel.height() >= 80
    assert panel.table.isVisible()
    model = panel.model
    assert model.rowCount() == 2 and "km" in model.index(0, 1).data()
    assert layout_problems(panel) == []
    save(win, f"screenshot-shoes-km-{size[0]}x{size[1]}.png")
    win.close()
