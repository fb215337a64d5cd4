"""Issue 11: the runner's state has one owner. Each test is a defect a runner met.

Every window here starts as `shoeadvisor` starts it (first paint, then the saved
profiles), on real widgets, in the test's own data folder.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from gui_helpers import on_disk, start_window, tick
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.views.main_window import MainWindow


def type_at_end(qtbot: QtBot, win: MainWindow, text: str) -> None:
    edit = win.form.name_edit
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, text)


def example_saved(qtbot: QtBot, win: MainWindow, root: Path) -> None:
    win.try_example()
    qtbot.waitUntil(lambda: [p.name for p in on_disk(root)] == ["Example runner"])


def test_a_knee_tick_and_a_name_edit_are_both_kept(qtbot: QtBot, private_data_dir: Path) -> None:
    win = start_window(qtbot)
    example_saved(qtbot, win, private_data_dir)
    tick(qtbot, win.knee_page.location_boxes["inside"])
    type_at_end(qtbot, win, " K")
    qtbot.waitUntil(lambda: on_disk(private_data_dir)[0].name == "Example runner K")
    [saved] = on_disk(private_data_dir)
    assert "inside" in saved.knee_pain
    assert win.form.knee_pain_boxes["inside"].isChecked()
    assert win.knee_page.location_boxes["inside"].isChecked()


def test_after_a_restart_the_risks_pane_shows_its_rows(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    first = start_window(qtbot)
    example_saved(qtbot, first, private_data_dir)
    first.close()

    second = start_window(qtbot)
    risks = second.advice_page.risks
    qtbot.waitUntil(lambda: risks.model.rowCount() > 0)
    qtbot.waitUntil(lambda: risks.isVisible())
    assert risks.height() >= 80
    assert risks.table.viewport().height() >= 80  # the defect left 36 px: no row to read
    assert risks.table.rowAt(0) == 0  # the most serious risk is the first thing it shows
    second.close()


def test_a_failed_save_says_not_saved_and_the_edit_is_saved_later(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = start_window(qtbot)
    example_saved(qtbot, win, private_data_dir)

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)  # every atomic write fails, as on a full disk
        type_at_end(qtbot, win, " 2")
        qtbot.waitUntil(lambda: win.saved_label.text().startswith("Not saved"))
        assert "disk is full" in win.saved_label.text()
        assert "kept in this window" in win.saved_label.text()
        assert win.form.name_edit.text() == "Example runner 2"
    assert [p.name for p in on_disk(private_data_dir)] == ["Example runner"]

    win.save_action.trigger()  # the disk has room again: Ctrl+S saves what the window holds
    qtbot.waitUntil(lambda: [p.name for p in on_disk(private_data_dir)] == ["Example runner 2"])
    assert win.saved_label.text().startswith("Saved")
    win.close()


def test_the_settings_file_holds_no_profile_field(qtbot: QtBot, private_data_dir: Path) -> None:
    win = start_window(qtbot)
    example_saved(qtbot, win, private_data_dir)
    tick(qtbot, win.knee_page.location_boxes["outside"])
    win.close()
    text = Path(win.settings.fileName()).read_text(encoding="utf-8")
    assert "Example runner" not in text and "weight" not in text.lower()
    keys = QSettings(win.settings.fileName(), QSettings.Format.IniFormat).allKeys()
    leaked = [k for k in keys if set(k.split("/")) & set(RunnerProfile.model_fields)]
    assert keys and leaked == []
    assert "profile" not in text.lower()


def test_settings_live_in_the_data_folder(qtbot: QtBot, private_data_dir: Path) -> None:
    win = start_window(qtbot)
    win.close()
    assert Path(win.settings.fileName()).resolve().is_relative_to(private_data_dir.resolve())


def test_an_empty_data_folder_shows_the_welcome_page(
    qtbot: QtBot, private_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = start_window(qtbot)
    example_saved(qtbot, first, private_data_dir)
    first.close()

    monkeypatch.setenv("SHOEADVISOR_DATA_DIR", str(tmp_path / "empty"))
    second = start_window(qtbot)
    assert second.showing_welcome()
    assert on_disk(tmp_path / "empty") == []
    second.close()


def test_the_read_only_second_window_never_says_saved(qtbot: QtBot, private_data_dir: Path) -> None:
    first = start_window(qtbot)
    example_saved(qtbot, first, private_data_dir)
    second = start_window(qtbot)
    try:
        seen = [second.saved_label.text()]
        type_at_end(qtbot, second, " elsewhere")
        seen.append(second.saved_label.text())
        assert [text for text in seen if "Saved" in text] == []
        assert all(text.startswith("Read-only: another ShoeAdvisor is open") for text in seen)
        assert [p.name for p in on_disk(private_data_dir)] == ["Example runner"]
    finally:
        second.close()
        first.close()


def test_a_pane_left_collapsed_comes_back_visible(qtbot: QtBot, private_data_dir: Path) -> None:
    first = start_window(qtbot)
    example_saved(qtbot, first, private_data_dir)
    splitter = first.advice_page.right_splitter
    splitter.setSizes([sum(splitter.sizes()), 0])  # the runner dragged the Risks pane shut
    assert splitter.sizes()[1] == 0
    first.close()

    second = start_window(qtbot)
    sizes = second.advice_page.right_splitter.sizes()
    assert min(sizes) >= 80, sizes
    assert second.advice_page.risks.isVisible()
    keys = QSettings(second.settings.fileName(), QSettings.Format.IniFormat).allKeys()
    assert keys and all(key.startswith(("window/", "splitters/")) for key in keys)
    second.close()


def disk_full(_fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_an_unsaved_edit_is_not_dropped_by_opening_another_profile(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = start_window(qtbot)
    example_saved(qtbot, win, private_data_dir)
    win.profiles_panel.new_profile()  # a second profile, "New runner", now open
    qtbot.waitUntil(lambda: len(on_disk(private_data_dir)) == 2)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        type_at_end(qtbot, win, " X")
        qtbot.waitUntil(lambda: win.saved_label.text().startswith("Not saved"))
        example = next(p.id for p in win.session.saved_profiles if p.name == "Example runner")
        win.profiles_panel.select(example)  # the runner clicks the other profile
        assert win.form.name_edit.text() == "New runner X"  # still here, not lost
        assert win.profiles_panel.current_id() == win.session.profile_id
        win.session._retry_timer.setInterval(20)
    # Room on the disk again: the retry writes it without the runner doing anything.
    qtbot.waitUntil(lambda: "New runner X" in [p.name for p in on_disk(private_data_dir)])
    assert win.saved_label.text().startswith("Saved")
    win.close()


def test_closing_with_an_unsaved_edit_asks_first(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    win = start_window(qtbot)
    example_saved(qtbot, win, private_data_dir)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        type_at_end(qtbot, win, " 3")
        qtbot.waitUntil(lambda: win.saved_label.text().startswith("Not saved"))
        win.close()
        assert win.isVisible() and "the disk is full" in asked[0]  # No: the window stays
        answer = QMessageBox.StandardButton.Yes
        win.close()
        assert not win.isVisible()
    assert [p.name for p in on_disk(private_data_dir)] == ["Example runner"]
