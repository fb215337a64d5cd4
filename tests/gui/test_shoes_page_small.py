"""The Shoes page is comfortable at 900 × 600 with the kilometres panel: the list shows its
rows, the comparison gets the room below it (the kilometres and the points chart in tabs
beside it), and at 1440 × 900 all of it shows at once, as before.

Real runs are imported (six weeks and a long run), so the kilometres panel has rows.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import runner_with_runs
from layout_check import layout_problems
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from run_history import training_history
from size_scenes import realistic_shoes

from shoeadvisor.gui.views.main_window import MainWindow


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small-shoes") / "runs"
    training_history(folder, datetime.now().astimezone())
    return folder


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def shoes_page(qtbot: QtBot, history: Path, size: tuple[int, int]) -> MainWindow:
    win = runner_with_runs(qtbot, history, realistic_shoes(), size)
    win.tabs.setCurrentWidget(win.compare_page.parentWidget())
    settle()
    return win


def test_at_900x600_the_comparison_gets_the_room_and_the_kilometres_a_tab(
    qtbot: QtBot, history: Path
) -> None:
    win = shoes_page(qtbot, history, (900, 600))
    page = win.compare_page
    assert win.size().height() <= 601
    # The list shows every shoe (four) and room for a fifth.
    table = page.table
    assert table.viewport().height() >= 5 * table.verticalHeader().defaultSectionSize() - 2
    # The comparison had ~110 px under the list and the kilometres panel: now more than twice.
    comparison = page.comparison_scroll
    assert comparison.isVisible() and comparison.viewport().height() >= 220
    assert page.verdict.isVisible() and page.verdict.visibleRegion().boundingRect().height() > 40
    assert not page.mileage.isVisible()  # a click away, in the tab beside the comparison
    assert layout_problems(page) == []
    page.show_mileage()
    settle()
    panel = page.mileage
    assert panel.isVisible() and panel.table.isVisible() and panel.height() >= 200
    assert panel.model.rowCount() == len(realistic_shoes())
    assert layout_problems(page) == []
    page.show_comparison()
    settle()
    assert comparison.isVisible()
    win.close()


def test_at_1440x900_the_list_comparison_and_kilometres_show_together(
    qtbot: QtBot, history: Path
) -> None:
    win = shoes_page(qtbot, history, (1440, 900))
    page = win.compare_page
    assert page.comparison_scroll.isVisible() and page.mileage.isVisible()
    assert page.chart.isVisible()  # beside the table, as the fit display has it
    assert page.comparison_scroll.viewport().height() >= 300
    assert layout_problems(page) == []
    page.show_mileage()  # nothing to switch: it is in view already
    assert page.comparison_scroll.isVisible()
    win.resize(900, 600)  # and a window made smaller takes the tabs, and back
    settle()
    assert not page.mileage.isVisible() and page.comparison_scroll.isVisible()
    win.resize(1440, 900)
    settle()
    assert page.mileage.isVisible() and page.comparison_scroll.isVisible()
    win.close()
