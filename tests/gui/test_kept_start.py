"""The kept first frame: a restart paints the last start's view before pydantic loads.

What a runner sees from it is exactly what a start without it shows; it is never used
when anything it came from changed; nothing typed before the session is ready is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import on_disk, seed, start_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shoeadvisor.core import resources
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.app import build_window
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.session_snapshot import decode, encode
from shoeadvisor.gui.views.main_window import MainWindow
from shoeadvisor.storage import ProfileStore, window_snapshot
from shoeadvisor.storage.runlog import NewRun
from shoeadvisor.storage.window_snapshot import FILE_NAME

Display = Qt.ItemDataRole.DisplayRole
Tip = Qt.ItemDataRole.ToolTipRole


def kept_file(folder: Path) -> Path:
    return folder / "cache" / FILE_NAME


def example() -> Any:
    return load_profile(resource_path("example_runner.json"))


def folder_with_profiles(folder: Path) -> list[str]:
    """The example runner and a second runner, saved; the example is the newest."""
    other = example().model_copy(update={"name": "Kim", "weight_kg": 61.0})
    return list(reversed(seed(folder, other, example())))


def drawn(win: MainWindow) -> dict[str, Any]:
    """Everything the window draws of the session: the rows, the values, the texts."""
    page = win.advice_page
    assert page is not None and win.profiles_panel is not None
    features = page.features.model
    rows: list[Any] = []
    for group in range(features.rowCount()):
        parent = features.index(group, 0)
        rows.append(parent.data(Display))
        for row in range(features.rowCount(parent)):
            cells = [features.index(row, column, parent) for column in range(3)]
            rows.append(tuple((c.data(Display), c.data(Tip)) for c in cells))
    risks = page.risks.model
    form = page.form
    return {
        "title": win.windowTitle(),
        "saved": win.saved_label.text(),
        "page": (win.stack.currentWidget() is win.tabs, win.tabs.currentIndex()),
        "status": page.status.text(),
        "features": rows,
        "risks": [
            tuple(risks.index(r, c).data(role) for c in range(3) for role in (Display, Tip))
            for r in range(risks.rowCount())
        ],
        "selected": (page.features.selected_feature(), page.risks.selected_risk()),
        "why": (page.features.detail.toHtml(), page.risks.detail.toHtml()),
        "name": form.name_edit.text(),
        "numbers": {k: (e.text(), e.placeholderText()) for k, e in form.number_edits.items()},
        "units": {k: label.text() for k, label in form.unit_labels.items()},
        "from_runs": {k: (s.text(), s.isHidden()) for k, s in form.source_labels.items()},
        "combos": {k: c.currentText() for k, c in form.combos.items()},
        "boxes": {k: [b.isChecked() for b in boxes.values()] for k, boxes in form.boxes.items()},
        "main_surface": [
            form.main_surface_combo.itemText(i) for i in range(form.main_surface_combo.count())
        ],
        "errors": form.visible_errors(),
        "profiles": (win.profiles_panel.shown_names(), win.profiles_panel.current_id()),
        "import": (win.import_runs_action.isEnabled(), win.import_runs_action.toolTip()),
        "banner": win.read_only_banner is not None and win.read_only_banner.isVisible(),
    }


def shown(qtbot: QtBot, folder: Path) -> MainWindow:
    """A window built and painted as the app does it, before the session has started."""
    win = build_window(folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for _ in range(3):  # layouts settle over a few passes, as before the app's first grab
        QApplication.processEvents()
    return win


def picture(win: MainWindow) -> Any:
    return win.grab().toImage()


def test_a_restart_paints_the_same_window_with_and_without_the_kept_view(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    folder_with_profiles(private_data_dir)
    first = start_window(qtbot, private_data_dir)  # a start for real keeps its view
    first.close()
    assert kept_file(private_data_dir).is_file()

    win = build_window(private_data_dir)
    # Before the first paint, without pydantic: the pages are there, drawn from the session.
    assert win.session.showing_kept and not win.session.started
    assert win.advice_page is not None and win.profiles_panel is not None
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for _ in range(3):
        QApplication.processEvents()
    kept, kept_picture = drawn(win), picture(win)
    assert kept["features"] and kept["risks"] and kept["name"] == "Example runner"

    win.finish_startup()  # the session opens the folder for real: nothing moves
    QApplication.processEvents()
    assert win.session.started and not win.session.showing_kept
    assert drawn(win) == kept
    if os.environ.get("KEPT_PNG"):
        kept_picture.save(os.environ["KEPT_PNG"] + "-kept.png")
        picture(win).save(os.environ["KEPT_PNG"] + "-real.png")
    assert picture(win) == kept_picture
    win.close()

    kept_file(private_data_dir).unlink()  # and a start that has no kept view at all
    plain = shown(qtbot, private_data_dir)
    assert not plain.session.showing_kept
    plain.finish_startup()
    for _ in range(3):
        QApplication.processEvents()
    assert drawn(plain) == kept
    if os.environ.get("KEPT_PNG"):
        kept_picture.save(os.environ["KEPT_PNG"] + "-kept.png")
        picture(plain).save(os.environ["KEPT_PNG"] + "-plain.png")
    assert picture(plain) == kept_picture
    plain.close()


def test_the_kept_state_is_what_the_session_shows(qtbot: QtBot, private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    session = RunnerSession(private_data_dir)
    session.start()
    state = session._start_state()
    assert state is not None
    assert decode(json.loads(json.dumps(encode(state)))) == state  # exact, through JSON
    session.close()
    again = RunnerSession(private_data_dir)
    assert again.show_kept()
    assert again.features == state.features and again.risks == state.risks
    assert again.draft == state.draft and again.shown_name == "Example runner"
    assert [p.name for p in again.saved_profiles] == ["Example runner", "Kim"]
    again.start()
    assert again.features == state.features and again.draft == state.draft
    again.close()


# -- never stale -----------------------------------------------------------------------


def kept_after_a_start(folder: Path) -> None:
    """A start for real and its close (which keeps the view); then a kept view is there."""
    session = RunnerSession(folder)
    session.start()
    session.close()
    check = RunnerSession(folder)
    assert check.show_kept()
    check.close()


def not_kept(folder: Path) -> None:
    session = RunnerSession(folder)
    assert not session.show_kept()
    assert not session.showing_kept
    session.close()


def test_a_changed_profile_file_is_not_shown_kept(private_data_dir: Path) -> None:
    ids = folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    with ProfileStore(private_data_dir) as store:
        store.save(ids[0], example().model_copy(update={"weight_kg": 90.0}))
    not_kept(private_data_dir)


def test_a_changed_list_of_profiles_is_not_shown_kept(private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    seed(private_data_dir, example().model_copy(update={"name": "Lee"}))
    not_kept(private_data_dir)


def test_another_profile_to_open_is_not_shown_kept(private_data_dir: Path) -> None:
    ids = folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    with ProfileStore(private_data_dir) as store:
        store.set_last_opened(ids[1])
    not_kept(private_data_dir)


def test_a_changed_run_log_is_not_shown_kept(private_data_dir: Path) -> None:
    ids = folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    start = datetime.now().astimezone() - timedelta(days=3)
    run = NewRun(start, 9000, 2700, 2800, 20, 20, "running", None, None, "a.fit", "hash-a")
    with ProfileStore(private_data_dir) as store:
        store.run_log().add_runs(ids[0], [run])
    not_kept(private_data_dir)


def test_a_changed_resource_is_not_shown_kept(
    tmp_path: Path, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_with_profiles(private_data_dir)
    copy = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    kept_after_a_start(private_data_dir)
    rules = copy / "rules.toml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    not_kept(private_data_dir)


def test_another_app_version_is_not_shown_kept(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    real = window_snapshot.installed_version
    monkeypatch.setattr(
        window_snapshot,
        "installed_version",
        lambda name: "99.0" if name == "shoeadvisor" else real(name),
    )
    not_kept(private_data_dir)


def test_runs_that_move_the_figures_end_the_kept_view(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = folder_with_profiles(private_data_dir)
    start = datetime.now().astimezone() - timedelta(days=6, hours=23)
    run = NewRun(start, 9000, 2700, 2800, 20, 20, "running", None, None, "a.fit", "hash-a")
    with ProfileStore(private_data_dir) as store:
        store.run_log().add_runs(ids[0], [run])
    kept_after_a_start(private_data_dir)
    # Within the hour the run is a week old: this week's distance changes, so does the advice.
    later = start.timestamp() + 7 * 24 * 3600 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    not_kept(private_data_dir)


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b'ShoeAdvisor kept window 1 KEY\n{"format": 1'],
    ids=["empty", "garbage", "truncated"],
)
def test_a_damaged_kept_view_is_ignored_and_replaced(private_data_dir: Path, damage: bytes) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    path = kept_file(private_data_dir)
    header = path.read_bytes().split(b"\n", 1)[0].split()[-1]
    path.write_bytes(damage.replace(b"KEY", header))
    not_kept(private_data_dir)
    kept_after_a_start(private_data_dir)  # replaced by the next start


def test_a_kept_view_others_may_write_is_never_shown(private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    os.chmod(kept_file(private_data_dir), 0o664)
    not_kept(private_data_dir)
    kept_after_a_start(private_data_dir)
    assert stat.S_IMODE(kept_file(private_data_dir).stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_kept_view_another_user_owns_is_never_shown(private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    os.chown(kept_file(private_data_dir), 65534, 65534)
    not_kept(private_data_dir)
    kept_after_a_start(private_data_dir)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(20)
def test_a_fifo_for_a_kept_view_neither_hangs_nor_stays(private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    kept_file(private_data_dir).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(kept_file(private_data_dir))
    not_kept(private_data_dir)
    kept_after_a_start(private_data_dir)


def test_no_kept_view_while_another_window_writes(private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    kept_after_a_start(private_data_dir)
    writer = RunnerSession(private_data_dir)
    writer.start()  # holds the folder's lock: a start here would be read-only
    not_kept(private_data_dir)
    writer.close()


def test_nothing_is_kept_for_the_welcome_page(private_data_dir: Path) -> None:
    session = RunnerSession(private_data_dir)
    session.start()
    session.close()
    assert not kept_file(private_data_dir).exists()
    not_kept(private_data_dir)


# -- the runner's first moves --------------------------------------------------------


def test_typing_before_the_session_is_ready_is_kept(qtbot: QtBot, private_data_dir: Path) -> None:
    folder_with_profiles(private_data_dir)
    start_window(qtbot, private_data_dir).close()
    win = shown(qtbot, private_data_dir)
    assert win.session.showing_kept
    qtbot.keyClicks(win.form.name_edit, " Jr")  # before finish_startup has run
    assert win.session.started
    qtbot.waitUntil(lambda: win.session.draft.get("name") == "Example runner Jr")
    QApplication.processEvents()  # the views are told of the start on the next turn
    assert win.form.name_edit.text() == "Example runner Jr"
    assert win.save_now()
    assert "Example runner Jr" in [p.name for p in on_disk(private_data_dir)]
    win.finish_startup()  # as the app's timer then does: nothing more happens
    assert win.form.name_edit.text() == "Example runner Jr"
    win.close()


def test_choosing_another_profile_before_the_session_is_ready_opens_it(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    ids = folder_with_profiles(private_data_dir)
    start_window(qtbot, private_data_dir).close()
    win = shown(qtbot, private_data_dir)
    assert win.session.showing_kept
    assert win.profiles_panel is not None and win.profiles_panel.select(ids[1])
    qtbot.waitUntil(lambda: win.session.profile_id == ids[1])
    QApplication.processEvents()
    assert win.form.name_edit.text() == "Kim"
    win.close()


def test_a_page_that_needs_the_whole_session_finishes_the_start(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    folder_with_profiles(private_data_dir)
    start_window(qtbot, private_data_dir).close()
    win = shown(qtbot, private_data_dir)
    assert win.session.showing_kept
    page = win.compare_page  # the Shoes page reads the shoe scores: the start finishes
    assert win.session.started and not win.session.showing_kept
    QApplication.processEvents()
    assert page.isVisibleTo(win) or page is not None
    assert win.session.catalog_scores
    win.close()


FIRST_PAINT_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from shoeadvisor.gui.app import build_window
win = build_window()
win.show()
for _ in range(3):
    app.processEvents()
win.grab()
heavy = ("pydantic", "pydantic_core", "sqlite3", "hashlib")
engine = ("shoeadvisor.storage.store", "shoeadvisor.core.knowledge", "shoeadvisor.core.advisor")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in engine)
page = win.advice_page
print(win.session.showing_kept, page is not None and page.risks.model.rowCount() > 0, loaded)
win.session.close()
"""


@pytest.mark.timeout(60)
def test_the_first_paint_loads_no_pydantic_store_or_engine(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    import subprocess
    import sys

    folder_with_profiles(private_data_dir)
    start_window(qtbot, private_data_dir).close()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SHOEADVISOR_DATA_DIR": str(private_data_dir)},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.split(maxsplit=2) == ["True", "True", "[]\n"], done.stdout + done.stderr


def test_the_kept_view_stays_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It holds what the window shows of a profile: deleting the data folder deletes it."""
    import platformdirs

    data, cache = tmp_path / "data", tmp_path / "user-cache"
    monkeypatch.delenv("SHOEADVISOR_DATA_DIR")
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: data)
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: cache)
    data.mkdir()
    folder_with_profiles(data)
    session = RunnerSession()
    session.start()
    session.close()
    assert kept_file(data).is_file()
    assert not (cache / FILE_NAME).exists()
    again = RunnerSession()
    assert again.show_kept()
    again.close()


def test_a_restart_on_the_shoes_page_draws_it_from_the_open_folder(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    folder_with_profiles(private_data_dir)
    first = start_window(qtbot, private_data_dir)
    first.tabs.setCurrentIndex(1)  # the Shoes page, as the runner leaves it
    QApplication.processEvents()
    rows = first.compare_page.list_model.rowCount()
    first.close()

    win = shown(qtbot, private_data_dir)  # the page needs the scores: the start finished
    assert win.session.started and not win.session.showing_kept
    assert win.tabs.currentIndex() == 1
    QApplication.processEvents()
    assert win.session.catalog_scores and win.session.advice is not None
    assert win.compare_page.list_model.rowCount() == rows
    assert drawn(win)["features"]  # the Advice page behind it is drawn too
    win.close()
