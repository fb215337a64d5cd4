"""Notices the window tells once in its status bar: a settings file refused or moved
aside (WindowSettings.problem), and a run log whose latest changes cannot be shown
(the store's notice, passed on by the session: no other gui module sees storage)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_helpers import seed, start_window
from layout_check import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.settings import SETTINGS_FILE
from shoeadvisor.storage import ProfileStore
from shoeadvisor.storage.runlog import NewRun

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")


def test_a_damaged_settings_file_is_told_once_in_the_status_bar(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    ini = private_data_dir / SETTINGS_FILE
    ini.write_bytes(b"[window\ngeometry=@ByteArray(\x00\xff)\n")
    win = start_window(qtbot)
    notice = win.notice
    assert notice.isVisible()
    assert "The window starts with its default layout" in notice.text()
    assert f"moved to {ini}.damaged" in notice.text()
    assert notice.label.toolTip() == notice.text()  # whole, however narrow the window
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    win.session.update(name="Someone else")  # redraws: the notice is not told again
    win.finish_startup()
    QApplication.processEvents()
    assert not notice.isVisible() and len(notice.told()) == 1
    win.close()


def test_a_folder_as_the_settings_file_is_told_and_fits_a_small_window(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    (private_data_dir / SETTINGS_FILE).mkdir()
    win = start_window(qtbot)
    win.resize(900, 600)
    for _ in range(3):
        QApplication.processEvents()
    assert "is a folder, not a regular file; it is not used" in win.notice.text()
    # The long notice (a whole path) is cut with "…" in a 900 px window, never widens it.
    assert win.width() == 900 and win.minimumSizeHint().width() <= 900
    assert win.notice.label.text().endswith("\u2026") or win.notice.label.text() == (
        win.notice.text()
    )
    assert layout_problems(win.statusBar()) == []
    win.close()


def test_a_good_start_tells_nothing(qtbot: QtBot) -> None:
    win = start_window(qtbot)
    assert not win.notice.isVisible() and win.notice.told() == ()
    win.close()


@needs_fifo
@pytest.mark.timeout(60)
def test_a_run_log_whose_latest_changes_cannot_be_read_is_told(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    [runner] = seed(private_data_dir, load_profile(resource_path("example_runner.json")))
    with ProfileStore(private_data_dir) as store:
        run = NewRun(
            datetime(2025, 5, 1, 7, tzinfo=UTC), 8000, 2400, 2500, 30, 28, "running",
            None, None, "a.fit", "hash-a",
        )  # fmt: skip
        store.run_log().add_runs(runner, [run])
        store.set_last_opened(runner)
    os.mkfifo(private_data_dir / "runs.sqlite3-shm")
    with ProfileStore(private_data_dir) as holder:  # another window writes: this one reads
        assert not holder.read_only
        win = start_window(qtbot)
        assert win.session.read_only and win.session.profile_id == runner
        assert win.session.run_log_notice is not None
        text = win.notice.text()
        assert text.startswith("\u26a0 Your runs: runs.sqlite3-shm is a named pipe (FIFO)")
        assert "latest changes may be missing" in text
        win.close()
