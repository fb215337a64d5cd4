"""Saved profiles in the window: autosave, reopen, switch, import/export, two copies, pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import fill_minimal_runner, on_disk, seed, start_window, tick
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.views.main_window import MainWindow
from shoeadvisor.storage import ProfileStore
from shoeadvisor.storage.runlog import RunLogError

EXAMPLE = resource_path("example_runner.json")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = start_window(qtbot)
    yield win
    win.close()


def stored(root: Path, profile_id: str) -> RunnerProfile:
    with ProfileStore(root) as reader:
        return reader.load(profile_id).profile


def named(name: str, **changes: object) -> RunnerProfile:
    return load_profile(EXAMPLE).model_copy(update={"name": name, **changes})


def test_a_new_profile_is_saved_as_soon_as_it_is_valid(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    window.new_profile()
    assert window.session.profile_id is None
    fill_minimal_runner(qtbot, window)
    qtbot.waitUntil(lambda: window.session.profile_id is not None)
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Saved"))
    pid = window.session.profile_id
    assert stored(private_data_dir, pid).name == "Sam"
    assert stored(private_data_dir, pid).weight_kg == 70
    qtbot.waitUntil(lambda: window.profiles_panel.current_id() == pid)
    # Every later edit is saved too, to the same profile.
    weight = window.form.number_edits["weight_kg"]
    qtbot.keyClicks(weight, "5")  # 705 kg: out of range, so not saved
    assert "Weight" in " ".join(window.form.visible_errors().values())
    assert window.saved_label.text().startswith("Not saved: fix the marked fields")
    assert stored(private_data_dir, pid).weight_kg == 70
    weight.selectAll()
    qtbot.keyClicks(weight, "75")
    qtbot.waitUntil(lambda: stored(private_data_dir, pid).weight_kg == 75)
    assert len(on_disk(private_data_dir)) == 1


def test_the_last_profile_is_reopened_at_start(qtbot: QtBot, private_data_dir: Path) -> None:
    first = start_window(qtbot)
    first.try_example()
    qtbot.waitUntil(lambda: first.session.profile_id is not None)
    opened = first.session.profile_id
    first.close()  # saves, and releases the lock

    second = start_window(qtbot)
    assert second.session.profile_id == opened
    assert second.form.name_edit.text() == "Example runner"
    assert second.session.profile == load_profile(EXAMPLE)
    second.close()


def test_choosing_a_profile_in_the_list_opens_it(qtbot: QtBot, private_data_dir: Path) -> None:
    tess, road = seed(private_data_dir, named("Trail Tess", surfaces=["trail"]), named("Road Rui"))
    window = start_window(qtbot)
    window.profiles_panel.select(road)
    qtbot.waitUntil(lambda: window.form.name_edit.text() == "Road Rui")
    assert window.session.profile.name == "Road Rui"
    assert window.session.advice.risk("hard_surface") is not None
    # Opening a profile does not rewrite it.
    assert stored(private_data_dir, road).name == "Road Rui"
    window.profiles_panel.select(tess)
    qtbot.waitUntil(lambda: window.session.profile.name == "Trail Tess")
    assert window.session.advice.level_of("trail_grip") == "recommended"
    window.close()


def test_renaming_in_the_list_renames_the_open_profile(qtbot: QtBot, window: MainWindow) -> None:
    window.try_example()
    qtbot.waitUntil(lambda: window.session.profile_id is not None)
    window.profiles_panel.rename_profile(window.session.profile_id, "Ana")
    qtbot.waitUntil(lambda: window.form.name_edit.text() == "Ana")
    assert window.session.profile.name == "Ana"
    assert window.windowTitle().startswith("Ana")
    assert window.session.advice.profile.name == "Ana"  # the report is made from the advice


def test_open_imports_a_file_and_a_bad_file_is_reported(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    private_data_dir: Path,
) -> None:
    good = tmp_path / "friend.json"
    good.write_text(json.dumps({**json.loads(EXAMPLE.read_text()), "name": "Friend"}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.session.profile is not None)
    assert window.session.profile.name == "Friend"
    assert [p.name for p in on_disk(private_data_dir)] == ["Friend"]

    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "half a file"')
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window.open_action.trigger()
    assert warnings and "broken.json" in warnings[0]
    assert [p.name for p in on_disk(private_data_dir)] == ["Friend"]
    assert bad.read_text() == '{"name": "half a file"'  # nothing touched

    # A comma too many: said in plain words, with the line, not in the parser's jargon.
    bad.write_text('{\n  "name": "Pat",\n  "weight_kg": 70,\n}')
    window.open_action.trigger()
    said = warnings[-1]
    assert "line 4, column 1: a comma after the last item: remove it" in said
    assert "Expecting" not in said and "double quotes" not in said


def test_export_profile_writes_a_file_advise_accepts(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.try_example()
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_profile_action.trigger()
    assert load_profile(target) == load_profile(EXAMPLE)


def test_export_uses_the_one_atomic_writer(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shoeadvisor.storage.exports as exports

    writes: list[Path] = []
    real = exports.atomic_write
    monkeypatch.setattr(
        exports, "atomic_write", lambda path, data: writes.append(path) or real(path, data)
    )
    window.try_example()
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_profile_action.trigger()
    assert writes == [target]


def test_a_second_copy_is_read_only_and_says_so(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    window.try_example()
    qtbot.waitUntil(lambda: [p.name for p in on_disk(private_data_dir)] == ["Example runner"])
    second = start_window(qtbot)
    try:
        assert second.session.read_only
        assert second.read_only_banner.isVisible()
        assert second.form.name_edit.text() == "Example runner"  # it can still read
        second.form.name_edit.selectAll()
        qtbot.keyClicks(second.form.name_edit, "Changed in the second window")
        assert second.saved_label.text() == "Read-only: another ShoeAdvisor is open"
        assert [p.name for p in on_disk(private_data_dir)] == ["Example runner"]
        assert not second.profiles_panel.new_button.isEnabled()
    finally:
        second.close()
    assert not window.session.read_only


def test_the_second_copy_can_write_once_the_first_closes(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    first = start_window(qtbot)
    first.try_example()
    qtbot.waitUntil(lambda: first.session.profile_id is not None)
    second = start_window(qtbot)
    assert second.session.read_only
    first.close()
    assert second.read_only_banner.retry()
    assert not second.read_only_banner.isVisible()
    assert second.profiles_panel.new_button.isEnabled()
    assert second.form.name_edit.text() == "Example runner"
    second.form.name_edit.selectAll()
    qtbot.keyClicks(second.form.name_edit, "Written by the second")
    qtbot.waitUntil(
        lambda: [p.name for p in on_disk(private_data_dir)] == ["Written by the second"]
    )
    second.close()


def test_ctrl_s_saves_now_or_explains(qtbot: QtBot, window: MainWindow) -> None:
    window.new_profile()
    assert window.save_now() is False  # nothing filled in yet
    assert window.form.visible_errors()
    fill_minimal_runner(qtbot, window)
    assert window.save_now() is True
    assert window.saved_label.text().startswith("Saved")


def test_shoes_and_knee_pages_share_the_profile(
    qtbot: QtBot, window: MainWindow, private_data_dir: Path
) -> None:
    window.try_example()
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Advice", "Shoes", "Knee", "Runs"]
    qtbot.waitUntil(lambda: window.session.profile_id is not None)
    # Ticking "outer side" on the Advice form shows ITBS on the Knee page and is saved.
    tick(qtbot, window.form.knee_pain_boxes["outside"])
    assert "outside" in window.session.profile.knee_pain
    assert window.knee_page.location_boxes["outside"].isChecked()
    assert "itbs" in window.knee_page.shown_condition_ids()
    pid = window.session.profile_id
    qtbot.waitUntil(lambda: "outside" in stored(private_data_dir, pid).knee_pain)


def test_export_report_uses_the_archetypes_when_no_shoes_were_added(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shoeadvisor.gui.widgets.report_dialog as report_dialog

    calls: list[tuple] = []
    monkeypatch.setattr(report_dialog, "export_report", lambda *args: calls.append(args))
    window.try_example()
    window.export_action.trigger()
    [(parent, advice, shoes, start_folder)] = calls
    assert parent is window and advice is window.session.advice
    assert start_folder is None  # no report saved yet: the dialog opens in Documents
    assert [s.shoe.id for s in shoes] == [s.shoe.id for s in window.session.catalog_scores]


def test_deleting_profiles_moves_on_and_never_resaves_a_deleted_one(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    first, second = seed(private_data_dir, named("Ana"), named("Ben"))
    window = start_window(qtbot)
    window.profiles_panel.select(second)
    qtbot.waitUntil(lambda: window.session.profile.name == "Ben")
    assert window.profiles_panel.delete_current()
    qtbot.waitUntil(lambda: window.session.profile.name == "Ana")
    assert window.session.profile_id == first
    assert window.profiles_panel.undo_bar.isVisible()
    assert [p.name for p in on_disk(private_data_dir)] == ["Ana"]
    assert window.profiles_panel.delete_current()
    qtbot.waitUntil(lambda: window.session.profile_id is None)
    assert window.form.name_edit.text() == ""
    assert on_disk(private_data_dir) == []
    with ProfileStore(private_data_dir) as reader:
        assert sorted(reader.trashed_ids()) == sorted([first, second])
    assert window.profiles_panel.undo_delete()
    assert [p.name for p in on_disk(private_data_dir)] == ["Ana"]
    assert window.session.profile.name == "Ana"
    window.close()
    assert [p.name for p in on_disk(private_data_dir)] == ["Ana"]


def test_opening_a_profile_leaves_its_file_untouched(qtbot: QtBot, private_data_dir: Path) -> None:
    full = named("Exact", units="imperial")
    [pid] = seed(private_data_dir, full)
    with ProfileStore(private_data_dir) as reader:
        path = reader.profile_path(pid)
    before = path.read_bytes()
    window = start_window(qtbot)
    window.profiles_panel.select(pid)
    qtbot.waitUntil(lambda: window.session.profile is not None)
    assert window.session.profile == full  # the form gives back exactly what was stored
    assert window.form.number_edits["weight_kg"].text() == "180.8"
    window.close()
    assert path.read_bytes() == before


def test_a_profile_from_a_newer_version_is_reported_not_opened(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    [pid] = seed(private_data_dir, load_profile(EXAMPLE))
    with ProfileStore(private_data_dir) as reader:
        path = reader.profile_path(pid)
    data = json.loads(path.read_text())
    data["storage_version"] = 99
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    window = start_window(qtbot)
    assert window.session.open(pid) is False
    assert "newer" in window.saved_label.text()
    window.close()
    assert path.read_bytes() == before  # left exactly as it was


def test_a_failed_shoe_save_is_told_and_the_shoes_kept(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, private_data_dir: Path
) -> None:

    from shoeadvisor.core.shoes import Shoe

    window.try_example()
    qtbot.waitUntil(lambda: window.session.profile_id is not None)
    window.session.save_now()

    def full(*_args: object) -> None:
        raise RunLogError("cannot save to runs.sqlite (database or disk is full); nothing saved")

    with monkeypatch.context() as patch:
        patch.setattr(ProfileStore, "save_profile_shoes", full)  # the run log's disk is full
        window.session.set_shoes([Shoe(id="a", name="Kept shoe")])
        assert window.saved_label.text().startswith("Not saved: the disk is full")
    assert [s.name for s in window.session.shoes] == ["Kept shoe"]
    assert window.save_now()
    from gui_helpers import shoes_on_disk

    pid = window.session.profile_id
    assert [s.name for s in shoes_on_disk(private_data_dir, pid)] == ["Kept shoe"]
