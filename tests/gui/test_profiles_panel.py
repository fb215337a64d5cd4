"""The profiles panel: list, search, new, rename, duplicate, delete with undo, read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import parse_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.profiles_panel import ProfileListModel, ProfilesPanel, ReadOnlyBanner
from shoeadvisor.storage import ProfileStore

HOSTILE = ["../../etc/passwd", "CON", "\U0001f3c3" * 80, "<b>html</b>"]


def profile(name: str) -> RunnerProfile:
    return parse_profile(
        {
            "schema_version": 1,
            "name": name,
            "foot_width": "standard",
            "pronation": "neutral",
            "weight_kg": 70,
            "seasons": ["summer"],
            "surfaces": ["asphalt"],
        }
    )


@pytest.fixture
def store() -> Iterator[ProfileStore]:
    with ProfileStore() as opened:
        yield opened


@pytest.fixture
def panel(qtbot: QtBot, store: ProfileStore) -> ProfilesPanel:
    for name in ("Anna", "Bruno", "Chloé", *HOSTILE):
        store.save(None, profile(name))
    widget = ProfilesPanel(store)
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(panel: ProfilesPanel) -> list[str]:
    return [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, panel: ProfilesPanel) -> None:
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)


def test_lists_sorted_names_as_plain_text(panel: ProfilesPanel) -> None:
    shown = names(panel)
    assert sorted(shown, key=str.casefold) == shown
    assert set(HOSTILE) <= set(shown)
    tooltip = panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<" not in tooltip
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_search_filters_without_regex(qtbot: QtBot, panel: ProfilesPanel) -> None:
    qtbot.keyClicks(panel.search, "<B>")
    assert names(panel) == ["<b>html</b>"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "../")
    assert names(panel) == ["../../etc/passwd"]
    panel.search.setText("(")
    assert names(panel) == []
    panel.search.clear()
    assert len(names(panel)) == 7


def test_activation_emits_the_id(qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore) -> None:
    index = panel.proxy.index(0, 0)
    panel.list_view.setCurrentIndex(index)
    with qtbot.waitSignal(panel.profileActivated) as blocker:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    assert store.load(blocker.args[0]).name == index.data()


def test_search_enter_opens_the_first_match(qtbot: QtBot, panel: ProfilesPanel) -> None:
    qtbot.keyClicks(panel.search, "brU")
    with qtbot.waitSignal(panel.profileActivated) as blocker:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.current_id() == blocker.args[0]


def test_new_creates_and_opens_a_profile(
    qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore
) -> None:
    with qtbot.waitSignal(panel.profileActivated) as blocker:
        qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert store.load(blocker.args[0]).name == "New runner"
    assert panel.current_id() == blocker.args[0]
    with qtbot.waitSignal(panel.profileActivated) as second:
        panel.new_button.click()
    assert store.load(second.args[0]).name == "New runner 2"


def test_rename_in_place(qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore) -> None:
    panel.select(next(e.id for e in store.list_profiles()[0] if e.name == "Anna"))
    profile_id = panel.current_id()
    index = panel.list_view.currentIndex()
    with qtbot.waitSignal(panel.profilesChanged):
        assert panel.proxy.setData(index, "  Anna Lind  ")
    assert store.load(profile_id).name == "Anna Lind"
    assert panel.current_id() == profile_id
    with qtbot.waitSignal(panel.errorOccurred):
        panel.proxy.setData(panel.list_view.currentIndex(), "x" * 81)
    qtbot.waitUntil(lambda: panel.list_view.currentIndex().data() == "Anna Lind")
    assert store.load(profile_id).name == "Anna Lind"
    assert panel.message_label.isVisible()


def test_rename_button_opens_the_editor(qtbot: QtBot, panel: ProfilesPanel) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(0, 0))
    panel.rename_button.click()
    qtbot.waitUntil(
        lambda: panel.list_view.state() == panel.list_view.State.EditingState, timeout=2000
    )


def test_duplicate(qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore) -> None:
    panel.select(next(e.id for e in store.list_profiles()[0] if e.name == "\U0001f3c3" * 80))
    with qtbot.waitSignal(panel.profileActivated) as blocker:
        panel.duplicate_button.click()
    copy = store.load(blocker.args[0]).name
    assert copy.endswith(" (copy)") and len(copy) == 80


def test_delete_and_undo(qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore) -> None:
    victim = next(e.id for e in store.list_profiles()[0] if e.name == "<b>html</b>")
    panel.select(victim)
    with qtbot.waitSignal(panel.profilesChanged):
        panel.delete_button.click()
    assert "<b>html</b>" not in names(panel)
    assert panel.undo_bar.isVisible()
    assert panel.undo_label.text() == "“<b>html</b>” moved to the trash."
    assert panel.undo_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.current_id() is not None  # the neighbour is selected
    panel.list_view.setFocus()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "<b>html</b>" in names(panel))
    assert panel.current_id() == victim
    assert not panel.undo_bar.isVisible()


def test_delete_key_deletes(qtbot: QtBot, panel: ProfilesPanel) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(0, 0))
    panel.list_view.setFocus()
    before = len(names(panel))
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(names(panel)) == before - 1)


def test_empty_folder_shows_a_hint(qtbot: QtBot, store: ProfileStore) -> None:
    widget = ProfilesPanel(store)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.empty_label.isVisible()
    assert not widget.list_view.isVisible()
    widget.new_button.click()
    assert widget.list_view.isVisible()


def test_bad_files_are_reported_in_the_panel(qtbot: QtBot, store: ProfileStore) -> None:
    store.save(None, profile("Fine"))
    (store.profiles_dir / "<i>bad<i>.json").write_bytes(b"\x00")
    widget = ProfilesPanel(store)
    qtbot.addWidget(widget)
    assert names(widget) == ["Fine"]
    assert len(widget.problems) == 1
    assert "<i>bad<i>.json" in widget.message_label.text()


WORKER = Path(__file__).parents[1] / "storage" / "store_worker.py"


def test_second_instance_is_read_only_with_a_banner(qtbot: QtBot, store: ProfileStore) -> None:
    store.save(None, profile("Mine"))
    store.close()
    other = subprocess.Popen(
        [sys.executable, str(WORKER), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "read_only=False"
        with ProfileStore() as second:
            assert second.read_only
            widget = ProfilesPanel(second)
            banner = ReadOnlyBanner(second, retry_ms=50)
            banner.writableAgain.connect(widget.refresh)
            qtbot.addWidget(widget)
            qtbot.addWidget(banner)
            banner.show()
            assert names(widget) == ["Mine"]
            assert not widget.new_button.isEnabled()
            assert not widget.delete_button.isEnabled()
            assert not (widget.model.flags(widget.model.index(0)) & Qt.ItemFlag.ItemIsEditable)
            assert banner.isVisible()
            assert banner.label.textFormat() == Qt.TextFormat.PlainText
            other.communicate("", timeout=10)
            with qtbot.waitSignal(banner.writableAgain, timeout=5000):
                pass
            assert not banner.isVisible()
            assert widget.new_button.isEnabled()
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()


def test_banner_hidden_when_writable(qtbot: QtBot, store: ProfileStore) -> None:
    banner = ReadOnlyBanner(store)
    qtbot.addWidget(banner)
    assert banner.isHidden()


def test_render(qtbot: QtBot, panel: ProfilesPanel, store: ProfileStore, tmp_path: Path) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(1, 0))
    assert panel.delete_current()
    image = panel.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "profiles_panel.png"))
    if os.environ.get("SHOEADVISOR_SCREENSHOTS"):
        image.save(os.environ["SHOEADVISOR_SCREENSHOTS"] + "/profiles_panel.png")


def test_model_id_role(panel: ProfilesPanel, store: ProfileStore) -> None:
    ids = {
        panel.proxy.index(r, 0).data(ProfileListModel.IdRole) for r in range(panel.proxy.rowCount())
    }
    assert ids == {e.id for e in store.list_profiles()[0]}
