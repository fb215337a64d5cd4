"""A switch between light and dark while the window is open redraws every colour at once.

Widgets painted from the palette redraw by themselves; text written in colours picked
for the old palette (the status line, the verdict and legend, error labels, the spike
badges, the read-only banner, the Knee page) is redrawn by the main window's one
reaction to the palette change (platform/theme.redraw_in_new_palette).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import runner_with_runs
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from run_history import training_history
from size_scenes import dark_palette, realistic_shoes

from shoeadvisor.gui.models.run_models import RunTableModel
from shoeadvisor.gui.platform.theme import banner_colours, error_colour
from shoeadvisor.gui.widgets.shoe_editor import ShoeEditor

LIGHT_RED, DARK_RED = "#b71c1c", "#ff8a80"  # platform/theme.py's error red on each


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("theme") / "runs"
    training_history(folder, datetime.now().astimezone())
    return folder


@pytest.fixture
def light_app(qapp: QApplication) -> Iterator[QApplication]:
    before = QPalette(qapp.palette())
    qapp.setPalette(qapp.style().standardPalette())
    yield qapp
    qapp.setPalette(before)


def shown_errors(win: object) -> str:
    """The form's error labels as drawn (their HTML, with its colour)."""
    labels = win.form._errors.values()  # type: ignore[attr-defined]
    return " ".join(label.text() for label in labels if not label.isHidden())


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def test_switching_to_dark_redraws_inline_colours_everywhere_at_once(
    qtbot: QtBot, light_app: QApplication, history: Path
) -> None:
    assert error_colour(light_app.palette()) == LIGHT_RED
    assert error_colour(dark_palette()) == DARK_RED
    win = runner_with_runs(qtbot, history, realistic_shoes())
    session = win.session
    compare, runs, knee = win.compare_page, win.runs_page, win.knee_page
    editor = ShoeEditor(session.knowledge, session.advice.features, None, parent=win)  # type: ignore[union-attr]
    qtbot.addWidget(editor)
    session.update(weight_kg=None)  # the status line and the form say what is wrong, in red
    win.form.show_all_errors()
    settle()
    page = win.advice_page
    assert page is not None
    spike_row = next(r for r in range(runs.model.rowCount()) if runs.model.row(r).mark is not None)
    spike = runs.model.index(spike_row, RunTableModel.SPIKE)
    light_spike = spike.data(Qt.ItemDataRole.BackgroundRole)
    knee_style = knee.styleSheet()
    assert LIGHT_RED in page.status.text() and LIGHT_RED in compare.legend.text()
    assert LIGHT_RED in shown_errors(win)
    assert LIGHT_RED in editor.error_label.styleSheet()

    light_app.setPalette(dark_palette())  # the desktop switches to its dark theme
    settle()

    assert DARK_RED in page.status.text() and LIGHT_RED not in page.status.text()
    assert DARK_RED in compare.legend.text()
    assert DARK_RED in shown_errors(win)
    assert DARK_RED in editor.error_label.styleSheet()
    assert spike.data(Qt.ItemDataRole.BackgroundRole) != light_spike
    assert QColor(spike.data(Qt.ItemDataRole.BackgroundRole)).lightness() < 128
    banner = win.read_only_banner
    assert banner is not None
    assert banner_colours("read_only", dark_palette())[0] in banner.styleSheet()
    assert knee.styleSheet() != knee_style  # the Knee page as before, now with the rest
    # Widgets with a style sheet (and their children) take the new palette too: the Knee
    # page's words and the editor's level buttons are light on the dark window.
    assert knee.note.palette().color(QPalette.ColorRole.WindowText).lightness() > 128
    button = next(iter(editor.selectors.values())).button(None)
    assert button.palette().color(QPalette.ColorRole.ButtonText).lightness() > 128

    light_app.setPalette(light_app.style().standardPalette())  # and back
    settle()
    assert LIGHT_RED in page.status.text() and LIGHT_RED in compare.legend.text()
    win.close()


def test_the_similar_shoes_dialog_follows_a_theme_switch(
    qtbot: QtBot, light_app: QApplication, history: Path
) -> None:
    """Its text is drawn from the palette (bold and italic, no colour of its own), so a
    switch while it is open redraws it light on dark and back."""
    win = runner_with_runs(qtbot, history, realistic_shoes())
    compare = win.compare_page
    compare.select_shoes([win.session.shoes[0].id])
    dialog = compare.show_similar()
    assert dialog is not None
    settle()
    html = dialog.browser.toHtml()
    assert "Shoes most like" in dialog.browser.toPlainText()
    assert LIGHT_RED not in html and DARK_RED not in html and "color:" not in html

    light_app.setPalette(dark_palette())
    settle()
    shown = dialog.browser.viewport().palette()
    assert shown.color(QPalette.ColorRole.Base).lightness() < 128
    assert shown.color(QPalette.ColorRole.Text).lightness() > 128
    dark_look = dialog.browser.viewport().grab().toImage()
    assert QColor(dark_look.pixel(2, 2)).lightness() < 128  # the page drawn dark

    light_app.setPalette(light_app.style().standardPalette())
    settle()
    assert dialog.browser.viewport().palette().color(QPalette.ColorRole.Text).lightness() < 128
    assert QColor(dialog.browser.viewport().grab().toImage().pixel(2, 2)).lightness() > 128
    dialog.reject()
    win.close()
