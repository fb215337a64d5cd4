"""Helpers of the GUI tests: start a window as the app does, read what is on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.app import build_window
from shoeadvisor.gui.views.main_window import MainWindow
from shoeadvisor.storage import ProfileStore


def shown_at(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    """Show a widget at this size and wait until it is on screen (closed after the test)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def start_window(qtbot: QtBot, folder: Path | None = None) -> MainWindow:
    """A window started the way the app starts one: first paint, then the session."""
    win = build_window(folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.finish_startup()
    QApplication.processEvents()  # as the app's event loop does: widgets added now are shown
    return win


def on_disk(root: Path) -> list[RunnerProfile]:
    """The profiles saved in a data folder (newest first), read as another program would."""
    with ProfileStore(root) as reader:
        return [entry.profile for entry in reader.list_profiles()[0]]


def shoes_on_disk(root: Path, profile_id: str) -> list[Shoe]:
    """One profile's shoe list as saved."""
    with ProfileStore(root) as reader:
        return reader.profile_shoes(profile_id)


def seed(root: Path, *profiles: RunnerProfile) -> list[str]:
    """Save profiles into a data folder before any window opens it; their ids."""
    with ProfileStore(root) as writer:
        return [writer.save(None, profile) for profile in profiles]


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box's indicator, as a mouse user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose(qtbot: QtBot, combo: QComboBox, value: Any) -> None:
    """Pick an item with the keyboard: focus the combo and press Down until it is current."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == value:
            break
        target = combo.findData(value)
        assert target >= 0
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentData() == value, f"could not choose {value!r}"


def fill_minimal_runner(qtbot: QtBot, win: MainWindow) -> None:
    form = win.form
    qtbot.keyClicks(form.name_edit, "Sam")
    choose(qtbot, form.foot_width_combo, "standard")
    choose(qtbot, form.pronation_combo, "neutral")
    tick(qtbot, form.surface_boxes["asphalt"])
    tick(qtbot, form.season_boxes["summer"])
    qtbot.keyClicks(form.number_edits["weight_kg"], "70")


def runner_with_runs(
    qtbot: QtBot, runs: Path, shoes: list[Shoe], size: tuple[int, int] | None = None
) -> MainWindow:
    """The example runner, saved, with these shoes (the first one the asphalt default) and
    the run files in `runs` imported through the window, as a runner does."""
    from shoeadvisor.core.files import load_profile
    from shoeadvisor.core.resources import resource_path

    win = start_window(qtbot)
    session = win.session
    session.adopt(load_profile(resource_path("example_runner.json")))
    session.set_shoes(shoes)
    assert session.save_now()
    session.set_default_shoe("asphalt", shoes[0].id)
    if size is not None:
        win.resize(*size)
    assert win.import_runs([runs])
    qtbot.waitUntil(lambda: not session.import_state.running, timeout=60_000)
    return win
