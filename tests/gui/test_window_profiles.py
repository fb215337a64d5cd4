"""Saved profiles in the window: autosave, reopen, switch, import/export, two copies, pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_main_window import fill_minimal_runner, tick

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.main_window import MainWindow
from shoeadvisor.storage import ProfileStore

EXAMPLE = resource_path("example_runner.json")


def open_window(qtbot: QtBot, root: Path) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.attach_store(ProfileStore(root))
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, private_data_dir: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, private_data_dir)
    yield win
    win.close()


def stored_names(root: Path) -> list[str]:
    with ProfileStore(root) as reader:
        return sorted(entry.name for entry in reader.list_profiles()[0])


def test_a_new_profile_is_saved_as_soon_as_it_is_valid(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    window.new_profile()
    assert window.session is not None and window.session.current_id is None
    fill_minimal_runner(qtbot, window)
    qtbot.waitUntil(lambda: window.session.current_id is not None)
    assert window.saved_label.text().startswith("Saved at")
    entry = window.session.store.load(window.session.current_id)
    assert entry.profile.name == "Sam" and entry.profile.weight_kg == 70
    assert window.profiles_panel.current_id() == window.session.current_id
    # Every later edit is saved too, to the same profile.
    weight = window.form.number_edits["weight_kg"]
    qtbot.keyClicks(weight, "5")  # 705 kg: out of range, so not saved
    assert "Weight" in " ".join(window.form.visible_errors().values())
    assert window.session.store.load(window.session.current_id).profile.weight_kg == 70
    weight.selectAll()
    qtbot.keyClicks(weight, "75")
    qtbot.waitUntil(
        lambda: window.session.store.load(window.session.current_id).profile.weight_kg == 75
    )
    assert len(window.session.store.list_profiles()[0]) == 1


def test_the_last_profile_is_reopened_at_start(qtbot: QtBot, private_data_dir: Path) -> None:
    first = open_window(qtbot, private_data_dir)
    first.try_example()
    qtbot.waitUntil(lambda: first.session.current_id is not None)
    opened = first.session.current_id
    first.close()  # releases the lock

    second = open_window(qtbot, private_data_dir)
    assert second.session.current_id == opened
    assert second.form.name_edit.text() == "Example runner"
    assert second.controller.profile == load_profile(EXAMPLE)
    second.close()


def test_choosing_a_profile_in_the_list_opens_it(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    store = window.session.store
    store.save(
        None, load_profile(EXAMPLE).model_copy(update={"name": "Trail Tess", "surfaces": ["trail"]})
    )
    road_id = store.save(None, load_profile(EXAMPLE).model_copy(update={"name": "Road Rui"}))
    window.profiles_panel.refresh()
    window.profiles_panel.select(road_id)
    qtbot.waitUntil(lambda: window.form.name_edit.text() == "Road Rui")
    assert window.controller.profile.name == "Road Rui"
    assert window.controller.advice.risk("hard_surface") is not None
    # Opening a profile does not rewrite it.
    assert store.load(road_id).profile.name == "Road Rui"
    tess = next(e.id for e in store.list_profiles()[0] if e.name == "Trail Tess")
    window.profiles_panel.select(tess)
    qtbot.waitUntil(lambda: window.controller.profile.name == "Trail Tess")
    assert window.controller.advice.level_of("trail_grip") == "essential"


def test_renaming_in_the_list_renames_the_open_profile(qtbot: QtBot, window: MainWindow) -> None:
    window.try_example()
    qtbot.waitUntil(lambda: window.session.current_id is not None)
    window.profiles_panel.rename_profile(window.session.current_id, "Ana")
    qtbot.waitUntil(lambda: window.form.name_edit.text() == "Ana")
    assert window.controller.profile.name == "Ana"


def test_open_imports_a_file_and_a_bad_file_is_reported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "friend.json"
    good.write_text(json.dumps({**json.loads(EXAMPLE.read_text()), "name": "Friend"}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.controller.profile is not None)
    assert window.controller.profile.name == "Friend"
    assert [e.name for e in window.session.store.list_profiles()[0]] == ["Friend"]

    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "half a file"')
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window.open_action.trigger()
    assert warnings and "broken.json" in warnings[0]
    assert [e.name for e in window.session.store.list_profiles()[0]] == ["Friend"]
    assert bad.read_text() == '{"name": "half a file"'  # nothing touched


def test_export_profile_writes_a_file_advise_accepts(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.try_example()
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    assert load_profile(target) == load_profile(EXAMPLE)


def test_a_second_copy_is_read_only_and_says_so(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    window.try_example()
    qtbot.waitUntil(lambda: window.session.current_id is not None)
    second = open_window(qtbot, private_data_dir)
    try:
        assert second.session.store.read_only
        assert second.read_only_banner.isVisible()
        assert second.form.name_edit.text() == "Example runner"  # it can still read
        second.form.name_edit.selectAll()
        qtbot.keyClicks(second.form.name_edit, "Changed in the second window")
        qtbot.waitUntil(lambda: second.saved_label.text().startswith("Not saved"))
        assert stored_names_via(window) == ["Example runner"]
        assert not second.profiles_panel.new_button.isEnabled()
    finally:
        second.close()
    assert not window.session.store.read_only


def stored_names_via(win: MainWindow) -> list[str]:
    return sorted(e.name for e in win.session.store.list_profiles()[0])


def test_ctrl_s_saves_now_or_explains(qtbot: QtBot, window: MainWindow) -> None:
    window.new_profile()
    assert window.save_profile() is False  # nothing filled in yet
    assert window.form.visible_errors()
    fill_minimal_runner(qtbot, window)
    assert window.save_profile() is True
    assert window.saved_label.text().startswith("Saved")


def test_shoes_and_knee_pages_share_the_profile(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Advice", "Shoes", "Knee"]
    window.try_example()
    qtbot.waitUntil(lambda: window.session.current_id is not None)
    # Ticking "outer side" on the Advice form shows ITBS on the Knee page and is saved.
    tick(qtbot, window.form.knee_pain_boxes["outside"])
    qtbot.waitUntil(lambda: "outside" in window.controller.profile.knee_pain)
    assert "itbs" in window.knee_page.shown_condition_ids()
    qtbot.waitUntil(
        lambda: "outside" in window.session.store.load(window.session.current_id).profile.knee_pain
    )


def test_export_report_uses_the_archetypes_when_no_shoes_were_added(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shoeadvisor.gui.report_dialog as report_dialog

    calls: list[tuple] = []
    monkeypatch.setattr(report_dialog, "export_report", lambda *args: calls.append(args))
    window.try_example()
    window.export_action.trigger()
    [(parent, advice, shoes)] = calls
    assert parent is window and advice is window.controller.advice
    assert [s.shoe.id for s in shoes] == [s.shoe.id for s in window.controller.catalog_scores]


def test_deleting_profiles_moves_on_and_never_resaves_a_deleted_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.session.store
    first = store.save(None, load_profile(EXAMPLE).model_copy(update={"name": "Ana"}))
    second = store.save(None, load_profile(EXAMPLE).model_copy(update={"name": "Ben"}))
    window.profiles_panel.refresh()
    window.profiles_panel.select(second)
    qtbot.waitUntil(lambda: window.controller.profile.name == "Ben")
    assert window.profiles_panel.delete_current()
    qtbot.waitUntil(lambda: window.controller.profile.name == "Ana")
    assert window.session.current_id == first
    assert [e.id for e in store.list_profiles()[0]] == [first]
    assert window.profiles_panel.delete_current()
    qtbot.waitUntil(lambda: window.session.current_id is None)
    assert window.form.name_edit.text() == ""
    assert store.list_profiles()[0] == []
    assert sorted(store.trashed_ids()) == sorted([first, second])
    assert window.profiles_panel.undo_delete()
    assert [e.name for e in store.list_profiles()[0]] == ["Ana"]


def test_opening_a_profile_leaves_its_file_untouched(qtbot: QtBot, window: MainWindow) -> None:
    store = window.session.store
    full = load_profile(EXAMPLE).model_copy(update={"name": "Exact", "units": "imperial"})
    pid = store.save(None, full)
    before = store.profile_path(pid).read_bytes()
    window.profiles_panel.refresh()
    window.profiles_panel.select(pid)
    qtbot.waitUntil(lambda: window.controller.profile is not None)
    assert window.controller.profile == full  # the form gives back exactly what was stored
    assert store.profile_path(pid).read_bytes() == before


def test_a_profile_from_a_newer_version_is_reported_not_opened(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.session.store
    pid = store.save(None, load_profile(EXAMPLE))
    path = store.profile_path(pid)
    data = json.loads(path.read_text())
    data["storage_version"] = 99
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    assert window.session.open(pid) is False
    assert "newer" in window.saved_label.text()
    assert path.read_bytes() == before  # left exactly as it was
