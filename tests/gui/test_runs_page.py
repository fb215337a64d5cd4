"""Issue 12's window: the Runs page, importing with progress and Cancel, drops, edits, Shoes.

Every test imports real files (FIT with 1 s records from benchmarks/fit_writer.py and
fit-tool, GPX, TCX, a truncated FIT, a ride) through the window, as a runner would,
and checks what the window shows against what is on disk.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import start_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QComboBox, QSpinBox
from pytestqt.qtbot import QtBot
from run_history import Track, gpx_text, morning, odd_files, training_history

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.models.mileage_models import MileageModel, WearRole
from shoeadvisor.gui.models.run_models import RowRole, RunTableModel, SortRole
from shoeadvisor.gui.session import Change
from shoeadvisor.gui.views.main_window import MainWindow
from shoeadvisor.storage.runlog import RunLog

HISTORY_RUNS = 19  # 6 weeks x 3 easy runs, and the long run two days ago
ALL_RUNS = HISTORY_RUNS + 2  # with the GPX and the TCX


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of real recordings ending two days ago: 21 runs, a ride and a broken file."""
    folder = tmp_path_factory.mktemp("history") / "runs"
    now = datetime.now().astimezone()
    training_history(folder, now)
    odd_files(folder, now)
    return folder


MANY = 100


@pytest.fixture(scope="module")
def many_hours(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 one-hour GPX runs at 1 s (60 ms each to parse): long enough to cancel half-way."""
    folder = tmp_path_factory.mktemp("hours")
    now = datetime.now().astimezone()
    for n in range(MANY):
        track = Track(start=morning(now, 300 - 2 * n), points=3600, step_s=1)
        (folder / f"hour-{n:03d}.gpx").write_text(gpx_text(track))
    return folder


def runner(qtbot: QtBot) -> MainWindow:
    """The example runner, saved, with a road pair (the asphalt default) and a trail pair."""
    win = start_window(qtbot)
    session = win.session
    session.adopt(load_profile(resource_path("example_runner.json")))
    assert session.save_now()
    session.set_shoes(
        [
            Shoe(id="road", name="Road trainer", surface="road"),
            Shoe(id="trail", name="Trail shoe", surface="trail"),
        ]
    )
    session.set_default_shoe("asphalt", "road")
    return win


def imported(qtbot: QtBot, win: MainWindow, *paths: Path) -> str:
    """Import through the window (what a drop or the menu does); the summary line."""
    assert win.import_runs(list(paths))
    qtbot.waitUntil(lambda: not win.session.import_state.running, timeout=60_000)
    return win.session.import_state.summary


def on_disk(win: MainWindow) -> RunLog:
    return RunLog(win.session._store.run_log_path, read_only=True)  # type: ignore[union-attr]


def visible_rows(win: MainWindow) -> list[object]:
    page = win.runs_page
    return [page.proxy.index(r, 0).data(RowRole) for r in range(page.proxy.rowCount())]


# -- importing ---------------------------------------------------------------------


def test_import_shows_progress_then_the_summary_and_a_second_import_adds_nothing(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    main = threading.get_ident()
    seen: list[tuple[int, bool, bool]] = []

    def watch(change: Change) -> None:
        state = win.session.import_state
        if change & Change.IMPORT:
            seen.append((state.done, threading.get_ident() == main, win.import_status.isVisible()))

    win.session.changed.connect(watch)
    summary = imported(qtbot, win, history)
    assert summary == "21 imported, 0 duplicates, 1 skipped, 1 broken"
    # Progress came to the window's thread, with the bar and Cancel shown meanwhile.
    assert all(on_main for _, on_main, _ in seen)
    assert any(shown for done, _, shown in seen[:-1]) or len(seen) <= 2
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)
    assert not win.import_status.isVisible()
    assert win.statusBar().currentMessage().startswith("Runs imported: 21 imported")
    page = win.runs_page
    assert win.tabs.currentWidget() is page.parentWidget()  # the import shows its page
    text = page.import_summary.text()
    assert "21 imported" in text and "broken.fit" in text and "/" not in text.split("Broken:")[1]
    assert "truncated" in page.import_summary.toolTip()
    assert page.model.rowCount() == ALL_RUNS == len(on_disk(win).runs(win.session.profile_id))
    assert page.stack.currentWidget() is not page.empty_label

    again = imported(qtbot, win, history)
    assert again == "0 imported, 21 duplicates, 1 skipped, 1 broken"
    assert len(on_disk(win).runs(win.session.profile_id)) == ALL_RUNS
    win.close()


def test_cancel_keeps_what_was_committed_and_a_second_import_finishes(
    qtbot: QtBot, many_hours: Path
) -> None:
    win = runner(qtbot)
    session = win.session

    def cancel_on_first_progress(change: Change) -> None:
        state = session.import_state
        button = win.import_status.cancel_button
        if change & Change.IMPORT and state.running and state.done and button.isEnabled():
            button.click()

    session.changed.connect(cancel_on_first_progress)
    summary = imported(qtbot, win, many_hours)
    session.changed.disconnect(cancel_on_first_progress)
    state = session.import_state
    assert state.cancelled and summary.endswith("(cancelled)")
    first = int(summary.split()[0])
    assert 0 < first < MANY
    # Every run reported as imported is on disk, and nothing else.
    assert len(on_disk(win).runs(session.profile_id)) == first == win.runs_page.model.rowCount()
    assert "kept" in win.runs_page.import_summary.text()
    assert session.wait_for_import(5)  # the worker thread has ended

    rest = imported(qtbot, win, many_hours)
    assert rest == f"{MANY - first} imported, {first} duplicates, 0 skipped, 0 broken"
    assert win.runs_page.model.rowCount() == MANY
    win.close()


def _drag(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_a_folder_or_files_imports_them(
    qtbot: QtBot, history: Path, tmp_path: Path
) -> None:
    win = runner(qtbot)
    note = tmp_path / "notes.txt"
    note.write_text("not a run")
    text_only = _drag([note])  # the event keeps a pointer: the data must outlive it
    refused = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dragEnterEvent(refused)
    assert not refused.isAccepted()

    files = sorted(history.glob("*-easy.fit"))[:3]
    mime = _drag([*files, note])
    enter = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: not win.session.import_state.running, timeout=30_000)
    assert win.session.import_state.summary == "3 imported, 0 duplicates, 0 skipped, 0 broken"

    folder_mime = _drag([history])
    folder = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        folder_mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(folder)
    qtbot.waitUntil(lambda: not win.session.import_state.running, timeout=60_000)
    assert win.session.import_state.summary == "18 imported, 3 duplicates, 1 skipped, 1 broken"
    assert win.runs_page.model.rowCount() == ALL_RUNS
    win.close()


# -- the table ---------------------------------------------------------------------


def test_the_run_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester, history: Path) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    page = win.runs_page
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    qtmodeltester.check(win.compare_page.mileage.model)
    win.close()


def test_sorting_and_filtering_use_the_raw_values(qtbot: QtBot, history: Path) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    page = win.runs_page
    runs = win.session.runs
    # Newest first by default.
    assert visible_rows(win)[0].run.start == max(r.start for r in runs)  # type: ignore[attr-defined]
    page.table.sortByColumn(RunTableModel.DISTANCE, Qt.SortOrder.DescendingOrder)
    distances = [row.run.distance_km for row in visible_rows(win)]  # type: ignore[attr-defined]
    assert distances == sorted(distances, reverse=True) and distances[0] > 17.5
    page.table.sortByColumn(RunTableModel.PACE, Qt.SortOrder.AscendingOrder)
    paces = [page.proxy.index(r, RunTableModel.PACE).data(SortRole) for r in range(len(runs))]
    assert paces == sorted(paces)
    page.table.sortByColumn(RunTableModel.SPIKE, Qt.SortOrder.DescendingOrder)
    top = visible_rows(win)[0]
    assert top.mark is not None  # type: ignore[attr-defined]

    marks = win.session.training.marks  # type: ignore[union-attr]
    page.spikes_only.setChecked(True)
    assert page.proxy.rowCount() == len(marks) >= 1
    assert page.count_label.text() == f"{len(marks)} of {ALL_RUNS} runs"
    page.spikes_only.setChecked(False)
    page.search.setText("EVENING")
    assert [r.run.source_file for r in visible_rows(win)] == [  # type: ignore[attr-defined]
        str(history / "evening.gpx")
    ]
    page.search.clear()
    page.shoe_filter.setCurrentIndex(page.shoe_filter.findData("trail"))
    assert page.proxy.rowCount() == 0
    page.shoe_filter.setCurrentIndex(page.shoe_filter.findData("road"))
    assert page.proxy.rowCount() == ALL_RUNS  # every run is on asphalt: the road default
    win.close()


def test_the_long_run_is_marked_with_its_band_grade_and_source(qtbot: QtBot, history: Path) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    page = win.runs_page
    long_run = max(win.session.runs, key=lambda r: r.distance_km)
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(long_run.id), 0)).row()
    cell = page.proxy.index(row, RunTableModel.SPIKE)
    assert cell.data().startswith("\u25b2 +")
    assert "30\u2013100% longer" in cell.data()
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "Evidence: moderate. Source: Single-session spikes" in tip and "not a cause" in tip
    page.table.setCurrentIndex(cell)
    assert "30\u2013100% longer" in page.detail.text()
    win.close()


def test_a_young_log_does_not_judge_its_runs_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    # A runner's first two runs: the second, 35% longer, read "+35%" before.
    now = datetime.now().astimezone()
    for days_ago, km in ((10, 8.0), (3, 10.8)):
        track = Track(start=morning(now, days_ago), points=int(km * 1000 / 15) + 1, step_s=5)
        (tmp_path / f"run-{days_ago}.gpx").write_text(gpx_text(track))
    win = runner(qtbot)
    assert imported(qtbot, win, tmp_path).startswith("2 imported")
    page = win.runs_page
    assert win.session.training is not None and win.session.training.marks == ()
    for row in range(page.proxy.rowCount()):
        cell = page.proxy.index(row, RunTableModel.SPIKE)
        assert cell.data() == "not judged"
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Not judged: your log starts fewer than 30 days before this run")
        assert "+" not in cell.data()
    # The weekly figures left blank, for the log to fill in.
    win.session.update(planned_longest_run_km=25, weekly_km=None, previous_weekly_km=None)
    qtbot.waitUntil(lambda: "not judged yet" in page.planned.text())
    assert "longer than your longest run" not in page.planned.text()
    # The advice agrees with the log: a 10-day log knows neither the longest run of the
    # past 30 days nor the week before last, so neither the planned 25 km (over twice
    # 10.8) nor the +35% week is a risk, and the two weeks are not compared yet.
    advised = win.session.advised_profile
    assert advised is not None and advised.longest_run_30d_km is None
    assert advised.previous_weekly_km is None and advised.weekly_km == 10.8
    risks = {r.id for r in win.session.risks or ()}
    assert "single_run_spike" not in risks and "mileage_jump" not in risks
    assert "not compared yet" in page.progression.text()
    figures = page.figures.text()
    assert "Distance last week: <b>10.8 km</b> from your runs" in figures
    assert "Longest run, past 30 days: not from your runs yet" in figures
    assert "goes back 14 days" in figures  # the week before
    page.spikes_only.setChecked(True)
    assert page.proxy.rowCount() == 0
    win.close()


def _click(qtbot: QtBot, win: MainWindow, run_id: int, column: int) -> None:
    page = win.runs_page
    source = page.model.index(page.model.row_of(run_id), column)
    index = page.proxy.mapFromSource(source)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_runs_shoe_changes_in_one_click_and_the_shoes_page_follows(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    session = win.session
    gpx = next(r for r in session.runs if r.source_file.endswith("evening.gpx"))
    _click(qtbot, win, gpx.id, RunTableModel.SHOE)
    combo = win.runs_page.table.viewport().findChild(QComboBox)
    assert combo is not None, "one click opens the shoe list"
    at = combo.findData("trail")
    combo.setCurrentIndex(at)
    combo.activated.emit(at)
    qtbot.waitUntil(lambda: on_disk(win).runs(session.profile_id)[0] is not None)
    stored = {r.id: r.shoe_id for r in on_disk(win).runs(session.profile_id)}
    assert stored[gpx.id] == "trail"
    mileage = win.compare_page.mileage.model
    trail = mileage.row(mileage.row_of("trail"))
    assert trail.owned.runs == 1 and trail.owned.km == pytest.approx(gpx.distance_km)
    assert mileage.index(mileage.row_of("trail"), MileageModel.KM).data() == (
        f"{gpx.distance_km:.0f} km"
    )

    # The context menu does the same, one click in its submenu.
    menu = win.runs_page.run_menu(gpx.id)
    shoes = menu.actions()[0].menu()
    next(a for a in shoes.actions() if a.text() == "Road trainer").trigger()
    assert {r.id: r.shoe_id for r in on_disk(win).runs(session.profile_id)}[gpx.id] == "road"
    win.close()


def test_knee_pain_after_a_run_is_logged_and_shown_per_week_and_shoe(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    session = win.session
    long_run = max(session.runs, key=lambda r: r.distance_km)
    _click(qtbot, win, long_run.id, RunTableModel.PAIN)
    spin = win.runs_page.table.viewport().findChild(QSpinBox)
    assert spin is not None, "one click opens the 0-10 box"
    spin.setValue(6)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: {r.id: r.knee_pain for r in on_disk(win).runs(session.profile_id)}[long_run.id] == 6
    )
    page = win.runs_page
    cell = page.proxy.mapFromSource(
        page.model.index(page.model.row_of(long_run.id), RunTableModel.PAIN)
    )
    assert cell.data() == "6/10"
    week = page.chart.shown_weeks()[-2 if page.chart.shown_weeks()[-1].runs == 0 else -1]
    assert "knee pain logged after 1 of" in page.chart.week_text(week)
    assert "does not say what caused" in page.chart.week_text(week)
    road = win.compare_page.mileage.model
    row = road.row_of("road")
    assert road.index(row, MileageModel.PAIN).data().startswith("6.0 avg, max 6 (1 run)")

    # "Not logged" clears it again.
    menu = page.run_menu(long_run.id)
    pain = menu.actions()[1].menu()
    next(a for a in pain.actions() if a.text() == "Not logged").trigger()
    assert {r.id: r.knee_pain for r in on_disk(win).runs(session.profile_id)}[long_run.id] is None
    win.close()


# -- the planned run and the profile's load fields -----------------------------------


def test_the_planned_long_run_is_checked_against_the_past_30_days(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    page = win.runs_page
    longest = win.session.training.longest_run_30d_km  # type: ignore[union-attr]
    page.planned_edit.setValue(round(longest * 1.5, 1))
    assert win.session.draft["planned_longest_run_km"] == pytest.approx(longest * 1.5, abs=0.06)
    text = page.planned.text()
    assert "30\u201370" not in text and "30\u2013100% longer" in text
    assert "Evidence: moderate. Source: Single-session spikes" in text
    risks = [r.id for r in win.session.advice.risks]  # type: ignore[union-attr]
    assert "single_run_spike" in risks  # the Advice page says it too, with what to do
    page.planned_edit.setValue(round(longest * 1.05, 1))
    assert "not more than 10% longer" in page.planned.text()
    assert "single_run_spike" not in [r.id for r in win.session.advice.risks]  # type: ignore[union-attr]
    win.close()


def test_weekly_fields_come_from_the_runs_unless_the_runner_typed_them(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    session = win.session
    form = win.form
    figures = session.figures_from_runs
    # The example runner typed both weekly distances: theirs win, and the form says so.
    assert session.advised_profile.weekly_km == session.profile.weekly_km == 32  # type: ignore[union-attr]
    assert "yours" in form.source_labels["weekly_km"].text()
    assert "from your runs" in form.source_labels["longest_run_30d_km"].text()
    assert session.advised_profile.longest_run_30d_km == figures["longest_run_30d_km"]  # type: ignore[union-attr]
    form.number_edits["weekly_km"].clear()
    qtbot.keyClicks(form.number_edits["weekly_km"], "")
    session.update(weekly_km=None)
    assert "from your runs" in form.source_labels["weekly_km"].text()
    assert session.advised_profile.weekly_km == figures["weekly_km"]  # type: ignore[union-attr]
    assert session.profile.weekly_km is None  # type: ignore[union-attr]  # the file keeps the runner's
    assert "from your runs" in win.runs_page.figures.text()
    win.close()


# -- the Shoes page ------------------------------------------------------------------


def test_the_shoes_page_shows_km_and_wear_and_a_shoe_can_be_retired_and_back(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    session = win.session
    panel = win.compare_page.mileage
    model = panel.model
    road_km = sum(r.distance_km for r in session.runs if r.shoe_id == "road")
    row = model.row_of("road")
    assert model.row(row).owned.km == pytest.approx(road_km)
    assert model.index(row, MileageModel.KM).data() == f"{road_km:.0f} km"
    assert model.index(row, MileageModel.STATE).data() == "Fresh"
    fraction, low, band = model.index(row, MileageModel.WEAR).data(WearRole)
    # 82 kg and a road pair: the range is not adjusted, 500-800 km.
    assert band == "fresh" and fraction == pytest.approx(road_km / 800, rel=0.01)
    assert 0 < low < 1
    tip = model.index(row, MileageModel.WEAR).data(Qt.ItemDataRole.ToolTipRole)
    assert "rule of thumb, not an injury limit" in tip and "85 kg or more" not in tip
    assert "rule of thumb, not an injury limit" in panel.convention.text()
    assert panel.rotation.isVisibleTo(panel)
    assert "weak evidence" in panel.rotation.text() and "parallel use" in panel.rotation.text()
    assert model.index(row, MileageModel.DEFAULT).data() == "Asphalt / road"

    panel.select("trail")
    panel.retire_button.click()
    assert [s.id for s in session.shoes] == ["road"]
    trail = model.row(model.row_of("trail"))
    assert trail.owned.retired is not None
    assert model.index(model.row_of("trail"), MileageModel.STATE).data().startswith("Retired")
    assert panel.back_button.isEnabled()
    panel.back_button.click()
    assert [s.id for s in session.shoes] == ["road", "trail"]

    # A default per surface: the trail pair for trail runs.
    panel.select("trail")
    panel._fill_default_menu()
    next(a for a in panel.default_menu.actions() if a.text().startswith("Trail")).trigger()
    assert on_disk(win).default_shoes(session.profile_id) == {"asphalt": "road", "trail": "trail"}
    combo = win.runs_page.default_combos["trail"]
    assert combo.currentData() == "trail"
    win.close()


# -- a read-only window ----------------------------------------------------------------


def test_a_read_only_window_shows_the_runs_but_changes_nothing(
    qtbot: QtBot, history: Path, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = runner(qtbot)
    imported(qtbot, first, history)
    second = start_window(qtbot, private_data_dir)
    session = second.session
    assert session.read_only
    page = second.show_runs_page()
    assert page.model.rowCount() == ALL_RUNS
    reason = session.import_blocked()
    assert "another ShoeAdvisor" in reason
    assert not second.import_runs_action.isEnabled()
    assert "another ShoeAdvisor" in second.import_runs_action.toolTip()
    assert not page.import_button.isEnabled() and reason in page.blocked_label.text()
    index = page.proxy.index(0, RunTableModel.SHOE)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert not page.default_combos["asphalt"].isEnabled()
    assert not second.compare_page.mileage.retire_button.isEnabled()
    warned: list[str] = []
    monkeypatch.setattr(second.context.dialogs, "warn", lambda _p, _t, text: warned.append(text))
    assert not second.import_runs([history])
    assert warned and "another ShoeAdvisor" in warned[0]
    assert len(on_disk(first).runs(first.session.profile_id)) == ALL_RUNS
    second.close()
    first.close()


def test_a_profile_not_saved_yet_cannot_import_and_says_why(qtbot: QtBot) -> None:
    win = start_window(qtbot)
    win.new_profile()
    assert "fill in the fields marked *" in win.session.import_blocked()
    assert not win.import_runs_action.isEnabled()
    page = win.show_runs_page()
    assert page.stack.currentWidget() is page.empty_label
    assert "FIT, GPX or TCX" in page.empty_label.text()
    assert not page.import_button.isEnabled()
    win.close()


# -- the weekly chart ------------------------------------------------------------------


def test_the_weekly_chart_draws_the_weeks_and_follows_a_dark_palette(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    chart = win.runs_page.chart
    chart.resize(600, 220)
    weeks = chart.shown_weeks()
    assert sum(w.runs for w in weeks) == ALL_RUNS
    assert max(w.km for w in weeks) > 30  # the week with the long run
    light = chart.grab().toImage()
    bar = chart.palette().color(QPalette.ColorRole.Highlight)
    assert any(light.pixelColor(x, 180) == bar for x in range(50, 560, 3)), (
        "the bars are drawn in the palette's highlight colour"
    )
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#3d7bd9"))
    chart.setPalette(dark)
    image = chart.grab().toImage()
    assert image.pixelColor(2, 2).lightness() < 60  # a dark chart on a dark theme
    assert any(image.pixelColor(x, 180) == QColor("#3d7bd9") for x in range(50, 560, 3))
    win.close()


def test_an_import_stopped_by_a_full_disk_says_so_and_keeps_what_was_saved(
    qtbot: QtBot, history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shoeadvisor.storage.runlog import RunLogError

    win = runner(qtbot)
    calls = []
    original = RunLog.add_runs

    def add_runs(self: RunLog, *args: object, **kwargs: object) -> list[int | None]:
        calls.append(1)
        if len(calls) > 1:
            raise RunLogError(f"cannot save to {self.path} (database or disk is full)")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RunLog, "add_runs", add_runs)
    monkeypatch.setattr("shoeadvisor.storage.run_import.BATCH_SECONDS", 0.0)  # a file a batch
    monkeypatch.setattr("shoeadvisor.storage.run_import.POOL_THRESHOLD", 1000)  # one thread
    summary = imported(qtbot, win, history)
    state = win.session.import_state
    assert "disk is full" in state.error
    first = int(summary.split()[0])
    assert len(on_disk(win).runs(win.session.profile_id)) == first == win.runs_page.model.rowCount()
    text = win.runs_page.import_summary.text()
    assert "Stopped:" in text and "disk is full" in text
    assert win.session.import_blocked() == ""  # the next import may start
    win.close()


def test_a_strava_export_zip_brings_its_shoes_by_gear_name(qtbot: QtBot, tmp_path: Path) -> None:
    from activity_files import strava_export_zip

    win = runner(qtbot)
    export = strava_export_zip(tmp_path / "export_12345.zip")
    assert imported(qtbot, win, export) == "3 imported, 0 duplicates, 1 skipped, 0 broken"
    names = {s.name for s in win.session.shoes}
    assert {"Pegasus 40", "Speedgoat 5"} <= names  # now in the Shoes page's list as well
    mileage = win.compare_page.mileage.model
    pegasus = next(
        mileage.row(r)
        for r in range(mileage.rowCount())
        if mileage.row(r).owned.shoe.name == "Pegasus 40"
    )
    assert pegasus.owned.runs == 2
    win.close()


def test_opening_a_profile_reads_only_the_last_30_days_and_advises_the_same(
    qtbot: QtBot, history: Path, private_data_dir: Path
) -> None:
    from shoeadvisor.core.training import analyse_runs, profile_with_runs
    from shoeadvisor.gui.session import RunnerSession

    win = runner(qtbot)
    imported(qtbot, win, history)
    profile_id = win.session.profile_id
    win.session.update(weekly_km=None, previous_weekly_km=None)
    assert win.session.save_now()
    win.close()

    later = RunnerSession(private_data_dir)
    later.start()  # reopens the profile open last, as a start does
    assert later.profile_id == profile_id
    assert not later._runs_loaded  # the start did not read the whole log
    every = on_disk(win).runs(profile_id)
    expected, filled = profile_with_runs(
        later.profile, analyse_runs(every, datetime.now().astimezone())
    )
    assert set(filled) == {"weekly_km", "previous_weekly_km", "longest_run_30d_km"}
    assert later.advised_profile == expected
    assert len(later.runs) == ALL_RUNS and later._runs_loaded  # read when a page asks
    assert later.advised_profile == expected
    later.close()


def test_a_weight_edit_moves_the_wear_ranges_and_keeps_the_chosen_shoe(
    qtbot: QtBot, history: Path
) -> None:
    win = runner(qtbot)
    imported(qtbot, win, history)
    session = win.session
    panel = win.compare_page.mileage
    model = panel.model
    panel.select("trail")
    rows = session.shoe_mileage()
    road = model.row_of("road")
    tip = model.index(road, MileageModel.WEAR).data(Qt.ItemDataRole.ToolTipRole)
    assert "85 kg or more" not in tip

    session.update(weight_kg=83)  # under 85 kg, as before: every shoe wears as it did
    assert session.shoe_mileage() is rows
    assert model.row(road) is rows[road]

    session.update(weight_kg=90)  # 85 kg or more: each range 15% lower
    moved = session.shoe_mileage()
    assert moved is not rows
    assert model.row(road) is moved[road]
    assert model.row(road).wear.high_km == pytest.approx(rows[road].wear.high_km * 0.85)
    tip = model.index(road, MileageModel.WEAR).data(Qt.ItemDataRole.ToolTipRole)
    assert "85 kg or more" in tip
    fraction, _, _ = model.index(road, MileageModel.WEAR).data(WearRole)
    assert fraction == pytest.approx(model.row(road).owned.km / (800 * 0.85), rel=0.01)
    assert panel.selected_id() == "trail"

    seen: list[Change] = []
    session.changed.connect(seen.append)
    session._autosave()  # the weight, saved in place: only the status bar changes
    assert seen == [Change.SAVE_STATE]
    assert session.save_state.kind == "saved"
    win.close()
