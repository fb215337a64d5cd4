"""A defect a runner met: shoes added to a new profile before its required fields were
filled in were dropped, without a word, when another profile was opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import fill_minimal_runner, on_disk, shoes_on_disk, start_window
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.views.main_window import MainWindow

OPENED: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _let_windows_close() -> Iterator[None]:
    """After each test no shoe waits, so closing the windows asks nothing."""
    yield
    while OPENED:
        OPENED.pop().session.discard_unsaved_shoes()


def ids_on_disk(root: Path, profile_id: str) -> list[str]:
    return [shoe.id for shoe in shoes_on_disk(root, profile_id)]


def with_example_and_new(qtbot: QtBot, root: Path) -> tuple[MainWindow, str]:
    """The example runner saved; then a new profile with one shoe and nothing filled in."""
    win = start_window(qtbot)
    OPENED.append(win)
    win.try_example()
    qtbot.waitUntil(lambda: [p.name for p in on_disk(root)] == ["Example runner"])
    example = win.session.profile_id
    assert example is not None
    win.new_profile()
    win.session.set_shoes([Shoe(id="fresh-pair", name="Fresh pair", surface="road")])
    assert win.session.unsaved_shoes_waiting() == 1
    assert "its shoes" in win.saved_label.text()  # the status bar does not say "Saved"
    return win, example


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_opening_another_profile_asks_and_no_keeps_the_shoes_until_saved(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, example = with_example_and_new(qtbot, private_data_dir)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    win.profiles_panel.select(example)  # the runner clicks the example in the list
    assert asked and "1 shoe would be lost" in asked[0]
    assert win.session.profile_id is None  # still the new profile
    assert [s.id for s in win.session.shoes] == ["fresh-pair"]
    # Filling in the required fields saves the profile and its shoe together.
    fill_minimal_runner(qtbot, win)
    qtbot.waitUntil(lambda: win.session.profile_id is not None)
    saved = win.session.profile_id
    assert saved is not None
    qtbot.waitUntil(lambda: ids_on_disk(private_data_dir, saved) == ["fresh-pair"])
    assert win.session.unsaved_shoes_waiting() == 0
    # Now the example opens without a question, and the new profile keeps its shoe.
    asked.clear()
    win.profiles_panel.select(example)
    assert not asked and win.session.profile_id == example
    assert ids_on_disk(private_data_dir, saved) == ["fresh-pair"]
    win.close()


def test_yes_leaves_the_new_profile_as_the_runner_chose(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, example = with_example_and_new(qtbot, private_data_dir)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    win.profiles_panel.select(example)
    assert win.session.profile_id == example
    assert win.session.shoes == ()  # the example has no shoes of its own
    win.close()


def test_closing_the_window_asks_too(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, _ = with_example_and_new(qtbot, private_data_dir)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    win.close()
    assert asked and win.isVisible()  # No: the window stays, with the shoe
    assert [s.id for s in win.session.shoes] == ["fresh-pair"]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    win.close()
    assert not win.isVisible()


def test_deleting_another_profile_is_not_blocked_by_the_waiting_shoes(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    win, example = with_example_and_new(qtbot, private_data_dir)
    assert win.session.delete(example)
    assert on_disk(private_data_dir) == []
    assert [s.id for s in win.session.shoes] == ["fresh-pair"]
    win.session.discard_unsaved_shoes()
    win.close()
