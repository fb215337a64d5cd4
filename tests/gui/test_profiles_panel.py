"""The profiles panel: list, search, new, rename, duplicate, delete with undo, read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import on_disk, seed, shown_at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import parse_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.actions.context import ActionContext
from shoeadvisor.gui.models.profile_list import ProfileListModel
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.profiles_panel import ProfilesPanel, ReadOnlyBanner

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


def started(root: Path) -> RunnerSession:
    session = RunnerSession(root)
    session.start()
    return session


@pytest.fixture
def seeded(qtbot: QtBot, private_data_dir: Path) -> Iterator[RunnerSession]:
    seed(private_data_dir, *(profile(name) for name in ("Anna", "Bruno", "Chloé", *HOSTILE)))
    session = started(private_data_dir)
    yield session
    session.close()


def panel_on(qtbot: QtBot, session: RunnerSession) -> ProfilesPanel:
    widget = ProfilesPanel(ActionContext(session))
    shown_at(qtbot, widget, 360, 420)
    return widget


@pytest.fixture
def panel(qtbot: QtBot, seeded: RunnerSession) -> ProfilesPanel:
    return panel_on(qtbot, seeded)


def id_of(session: RunnerSession, name: str) -> str:
    return next(p.id for p in session.saved_profiles if p.name == name)


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


def test_choosing_a_row_opens_that_profile(
    qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession
) -> None:
    index = panel.proxy.index(0, 0)
    panel.list_view.setCurrentIndex(index)
    qtbot.waitUntil(lambda: seeded.profile is not None and seeded.profile.name == index.data())
    assert panel.current_id() == seeded.profile_id


def test_search_enter_opens_the_first_match(
    qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession
) -> None:
    qtbot.keyClicks(panel.search, "brU")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert seeded.profile is not None and seeded.profile.name == "Bruno"
    assert panel.current_id() == seeded.profile_id


def test_new_creates_and_opens_a_profile(
    qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession
) -> None:
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert seeded.profile is not None and seeded.profile.name == "New runner"
    assert panel.current_id() == seeded.profile_id
    panel.new_button.click()
    assert seeded.profile.name == "New runner 2"
    assert "Created “New runner 2”." in panel.message_label.text()


def test_rename_in_place(
    qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession, private_data_dir: Path
) -> None:
    profile_id = id_of(seeded, "Anna")
    panel.select(profile_id)
    index = panel.list_view.currentIndex()
    assert panel.proxy.setData(index, "  Anna Lind  ")
    qtbot.waitUntil(lambda: "Anna Lind" in panel.shown_names())
    assert "Anna Lind" in [p.name for p in on_disk(private_data_dir)]
    assert panel.current_id() == profile_id
    panel.proxy.setData(panel.list_view.currentIndex(), "x" * 81)
    qtbot.waitUntil(lambda: "80" in panel.message_label.text())
    qtbot.waitUntil(lambda: panel.list_view.currentIndex().data() == "Anna Lind")
    assert "Anna Lind" in [p.name for p in on_disk(private_data_dir)]
    assert panel.message_label.isVisible()


def test_rename_button_opens_the_editor(qtbot: QtBot, panel: ProfilesPanel) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(0, 0))
    panel.rename_button.click()
    qtbot.waitUntil(
        lambda: panel.list_view.state() == panel.list_view.State.EditingState, timeout=2000
    )


def test_duplicate(qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession) -> None:
    panel.select(id_of(seeded, "\U0001f3c3" * 80))
    panel.duplicate_button.click()
    assert seeded.profile is not None
    copy = seeded.profile.name
    assert copy.endswith(" (copy)") and len(copy) == 80
    assert panel.current_id() == seeded.profile_id


def test_delete_and_undo(qtbot: QtBot, panel: ProfilesPanel, seeded: RunnerSession) -> None:
    victim = id_of(seeded, "<b>html</b>")
    panel.select(victim)
    panel.delete_button.click()
    assert "<b>html</b>" not in names(panel)
    assert panel.undo_bar.isVisible()
    assert panel.undo_label.text() == "“<b>html</b>” moved to the trash."
    assert panel.undo_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.current_id() is not None  # the neighbour is open and selected
    assert panel.current_id() == seeded.profile_id
    panel.list_view.setFocus()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "<b>html</b>" in names(panel))
    assert panel.current_id() == victim == seeded.profile_id
    assert not panel.undo_bar.isVisible()


def test_delete_key_deletes(qtbot: QtBot, panel: ProfilesPanel) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(0, 0))
    panel.list_view.setFocus()
    before = len(names(panel))
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(names(panel)) == before - 1)


def test_empty_folder_shows_a_hint(qtbot: QtBot, session: RunnerSession) -> None:
    widget = panel_on(qtbot, session)
    assert widget.empty_label.isVisible()
    assert not widget.list_view.isVisible()
    widget.new_button.click()
    assert widget.list_view.isVisible()


def test_bad_files_are_reported_in_the_panel(qtbot: QtBot, private_data_dir: Path) -> None:
    seed(private_data_dir, profile("Fine"))
    (private_data_dir / "profiles" / "<i>bad<i>.json").write_bytes(b"\x00")
    session = started(private_data_dir)
    try:
        widget = panel_on(qtbot, session)
        assert names(widget) == ["Fine"]
        assert len(session.listing_problems) == 1
        assert "<i>bad<i>.json" in widget.message_label.text()
    finally:
        session.close()


WORKER = Path(__file__).parents[1] / "storage" / "store_worker.py"


def test_second_instance_is_read_only_with_a_banner(qtbot: QtBot, private_data_dir: Path) -> None:
    seed(private_data_dir, profile("Mine"))
    other = subprocess.Popen(
        [sys.executable, str(WORKER), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    session = None
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "read_only=False"
        session = started(private_data_dir)
        assert session.read_only
        widget = panel_on(qtbot, session)
        banner = ReadOnlyBanner(session)
        qtbot.addWidget(banner)
        banner.show()
        assert names(widget) == ["Mine"]
        assert not widget.new_button.isEnabled()
        assert not widget.delete_button.isEnabled()
        assert not (widget.model.flags(widget.model.index(0)) & Qt.ItemFlag.ItemIsEditable)
        assert banner.isVisible()
        assert banner.label.textFormat() == Qt.TextFormat.PlainText
        assert not banner.retry()  # the other copy still holds the folder
        other.communicate("", timeout=10)
        qtbot.waitUntil(banner.retry, timeout=5000)
        assert not banner.isVisible()
        assert widget.new_button.isEnabled()
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()
        if session is not None:
            session.close()


def test_banner_hidden_when_writable(qtbot: QtBot, session: RunnerSession) -> None:
    banner = ReadOnlyBanner(session)
    qtbot.addWidget(banner)
    assert banner.isHidden()


def test_render(qtbot: QtBot, panel: ProfilesPanel, tmp_path: Path) -> None:
    panel.list_view.setCurrentIndex(panel.proxy.index(1, 0))
    assert panel.delete_current()
    image = panel.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "profiles_panel.png"))
    if os.environ.get("SHOEADVISOR_SCREENSHOTS"):
        image.save(os.environ["SHOEADVISOR_SCREENSHOTS"] + "/profiles_panel.png")


def test_model_id_role(panel: ProfilesPanel, seeded: RunnerSession) -> None:
    ids = {
        panel.proxy.index(r, 0).data(ProfileListModel.IdRole) for r in range(panel.proxy.rowCount())
    }
    assert ids == {p.id for p in seeded.saved_profiles}
