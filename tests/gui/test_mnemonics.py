"""Alt mnemonics: no two buttons, tabs or menus a runner reaches with Alt+letter in one
window share it (a shared one only moves the focus between them, and clicks neither).

Qt fires a mnemonic only for widgets that are shown, so the walk visits the window as the
runner sees it: the welcome page, then the pages of a profile one tab at a time (each
tab's page is shown beside the tabs, the profile list and the menu bar), then the profile
list with its Undo bar.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import seed, start_window
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.views.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = start_window(qtbot)
    yield win
    win.close()


def mnemonic(text: str) -> str:
    """ "Alt+R" for "&Rename"; "" for text without one ("&&" is a literal ampersand)."""
    return QKeySequence.mnemonic(text).toString()


def reachable(window: QWidget) -> dict[str, list[str]]:
    """Alt mnemonic -> the shown buttons, group boxes, field labels, tabs and menus of this
    window that answer to it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, where: str) -> None:
        key = mnemonic(text)
        if key:
            found[key].append(f"{where} {text!r}")

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text(), "button")
        elif isinstance(widget, QGroupBox):
            add(widget.title(), "group")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), "label")  # Alt+letter moves to its field
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i), "tab")
    if isinstance(window, MainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    return found


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: names for key, names in found.items() if len(names) > 1}


def menu_clashes(window: MainWindow) -> dict[str, list[str]]:
    """Within each menu of the menu bar, the items that share a mnemonic."""
    out: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        found: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            key = mnemonic(action.text())
            if action.isVisible() and not action.isSeparator() and key:
                found[key].append(action.text())
        out.update({f"{top.text()} {key}": names for key, names in clashes(found).items()})
    return out


def test_the_mnemonic_walk_sees_a_clash() -> None:
    found = {"Alt+R": ["button '&Rename'", "tab '&Runs'"], "Alt+K": ["tab '&Knee'"]}
    assert clashes(found) == {"Alt+R": ["button '&Rename'", "tab '&Runs'"]}
    assert mnemonic("&Rename") == mnemonic("Save && &rename") == "Alt+R"
    assert mnemonic("Fish && chips") == ""


def test_the_welcome_page_shares_no_alt_mnemonic(window: MainWindow) -> None:
    assert window.showing_welcome()
    seen = reachable(window)
    assert clashes(seen) == {}
    assert {"Alt+F", "Alt+P"} <= seen.keys()  # the menus, the page's New profile
    assert menu_clashes(window) == {}


def test_no_page_of_a_profile_shares_an_alt_mnemonic(qtbot: QtBot, private_data_dir: Path) -> None:
    example = load_profile(resource_path("example_runner.json"))
    seed(private_data_dir, example, example.model_copy(update={"name": "Ben"}))
    window = start_window(qtbot)
    panel = window.profiles_panel
    assert not window.showing_welcome() and panel is not None and panel.isVisible()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        seen = reachable(window)
        assert mnemonic(window.tabs.tabText(index)) in seen  # the tabs, as they are shown
        assert "Alt+U" in seen  # the profile list's Duplicate beside every page
        assert clashes(seen) == {}, window.tabs.tabText(index)
    window.tabs.setCurrentIndex(0)
    assert panel.delete_current()
    assert panel.undo_bar.isVisible()
    seen = reachable(window)
    assert "Alt+O" in seen  # Undo
    assert clashes(seen) == {}
    assert menu_clashes(window) == {}
    window.close()
