"""The compare view through its widgets: scores and order shown are what `advise` returns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import shoes_on_disk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.core.shoes import Shoe, parse_shoes
from shoeadvisor.gui.actions.context import ActionContext
from shoeadvisor.gui.models.shoe_models import (
    CompareModel,
    ShoeListModel,
    SortRole,
    Verdict,
    VerdictRole,
)
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.compare_view import CompareView
from shoeadvisor.gui.widgets.score_chart import ScoreChart
from shoeadvisor.gui.widgets.shoe_editor import ShoeEditor
from shoeadvisor.storage import ProfileStore
from shoeadvisor.storage.runlog import RunLogError

FULL = {
    "cushioning": 3,
    "heel_counter": 3,
    "removable_insole": 3,
    "breathability": 2,
    "stability": 3,
    "protective_rubber": 2,
    "wide_fit": 3,
    "narrow_fit": 0,
}


def three_shoes() -> list[Shoe]:
    return [
        Shoe(id="a", name="Stable wide", surface="road", comfort=4, features=FULL),
        Shoe(
            id="b",
            name="Light racer",
            surface="road",
            comfort=5,
            features={"cushioning": 2, "stability": 0, "wide_fit": 0, "narrow_fit": 2},
        ),
        Shoe(
            id="c",
            name="Trail grip",
            surface="trail",
            features={"cushioning": 2, "trail_grip": 3, "wide_fit": 2},
        ),
    ]


@pytest.fixture
def runner() -> RunnerProfile:
    return load_profile(resources_dir() / "example_runner.json")


@pytest.fixture
def with_shoes(session: RunnerSession, runner: RunnerProfile) -> RunnerSession:
    """The session showing the example runner, with three shoes of their own."""
    session.adopt(runner)
    session.set_shoes(three_shoes())
    return session


@pytest.fixture
def view(qtbot: QtBot, with_shoes: RunnerSession, context: ActionContext) -> CompareView:
    widget = CompareView(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def shown(view: CompareView) -> list[tuple[str, str]]:
    """(fit, name) of every row as the table shows it, top to bottom."""
    proxy = view.proxy
    return [
        (
            proxy.index(r, ShoeListModel.SCORE).data(),
            proxy.index(r, ShoeListModel.NAME).data(),
        )
        for r in range(proxy.rowCount())
    ]


def expected(runner: RunnerProfile, shoes: list[Shoe]) -> list[tuple[str, str]]:
    return [(str(s.score), s.shoe.name) for s in advise(runner, shoes).shoes]


def save(editor: ShoeEditor, qtbot: QtBot) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_scores_and_order_shown_equal_advise(view: CompareView, runner: RunnerProfile) -> None:
    assert shown(view) == expected(runner, three_shoes())


def test_models_pass_the_model_tester(view: CompareView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.list_model)
    qtmodeltester.check(view.proxy)
    assert view.compare_model.columnCount() == 3
    qtmodeltester.check(view.compare_model)
    empty = CompareModel()
    qtmodeltester.check(empty)


def test_add_a_shoe_through_the_editor(
    view: CompareView, qtbot: QtBot, session: RunnerSession, runner: RunnerProfile
) -> None:
    editor = view.add_shoe()
    qtbot.keyClicks(editor.name_edit, "Shop shoe D")
    editor.start_from_archetype("archetype.wide_fit")
    qtbot.mouseClick(editor.selectors["stability"].button(3), Qt.MouseButton.LeftButton)
    editor.comfort_combo.setCurrentIndex(editor.comfort_combo.findData(5))
    with qtbot.waitSignal(view._session.changed):
        save(editor, qtbot)
    added = next(s for s in list(session.shoes) if s.name == "Shop shoe D")
    assert added.features["stability"] == 3
    assert added.features["wide_fit"] == 3  # from the typical wide-fit shoe
    assert added.comfort == 5
    assert not added.archetype
    assert shown(view) == expected(runner, list(session.shoes))
    assert [r.shoe.id for r in view.selected_rows()] == [added.id]


def test_edit_a_shoe_updates_score_and_order(
    view: CompareView, qtbot: QtBot, session: RunnerSession, runner: RunnerProfile
) -> None:
    view.select_shoes(["b"])
    editor = view.edit_selected()
    assert editor is not None
    assert editor.name_edit.text() == "Light racer"
    qtbot.mouseClick(editor.selectors["wide_fit"].button(3), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.selectors["stability"].button(3), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view._session.changed):
        save(editor, qtbot)
    edited = next(s for s in list(session.shoes) if s.id == "b")
    assert edited.features["wide_fit"] == 3
    assert shown(view) == expected(runner, list(session.shoes))
    assert len(session.shoes) == 3


def test_invalid_fields_are_named_and_nothing_is_saved(
    view: CompareView, qtbot: QtBot, session: RunnerSession
) -> None:
    editor = view.add_shoe()
    qtbot.keyClicks(editor.weight_edit, "heavy")
    qtbot.keyClicks(editor.drop_edit, "45")
    save(editor, qtbot)
    assert editor.isVisible()
    text = editor.error_label.text()
    assert "Name" in text
    assert "Weight (g)" in text
    assert "Drop (mm)" in text and "30" in text
    assert list(session.shoes) == three_shoes()
    editor.reject()


def test_compare_selected_shoes_marks_missing_essentials(
    view: CompareView, session: RunnerSession
) -> None:
    view.select_shoes(["a", "b"])
    model = view.compare_model
    assert model.columnCount() == 2
    advice = session.advice
    assert advice is not None
    by_id = {s.shoe.id: s for s in advice.shoes}
    for column in range(2):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        score = model.scores[column]
        assert f"Fit {by_id[score.shoe.id].score} / 100" in header
    names = [s.shoe.id for s in model.scores]
    assert names == [s.shoe.id for s in advice.shoes if s.shoe.id in {"a", "b"}]
    wide_row = next(
        r
        for r in range(model.FIRST_FEATURE_ROW, model.rowCount())
        if model.feature_at(r).id == "wide_fit"  # type: ignore[union-attr]
    )
    racer = names.index("b")
    assert model.index(wide_row, racer).data(VerdictRole) is Verdict.WEAK  # recommended
    assert model.index(wide_row, names.index("a")).data(VerdictRole) is Verdict.GOOD
    # Per-feature points are the breakdown of advise, not recomputed.
    points = {b.feature: b.points for b in by_id["b"].breakdown}
    assert f"{points['wide_fit']:+.1f}" in model.index(wide_row, racer).data()
    assert "should avoid" in view.verdict.text()  # its narrow last
    # Two of the runner's three shoes: their best is the best of those two only.
    assert "Of the 2 shoes compared, the best fit for you is Stable wide" in view.verdict.text()


def test_only_a_comparison_of_every_shoe_claims_the_best_fit_of_all(
    view: CompareView, session: RunnerSession
) -> None:
    advice = session.advice
    assert advice is not None
    first, *rest = [s.shoe for s in advice.shoes]
    view.select_shoes([s.id for s in rest])
    verdict = view.verdict.text()
    assert f"the best fit for you is {rest[0].name}" in verdict
    assert "Best fit for you" not in verdict  # the list ranks another shoe first
    view.select_shoes([first.id, *(s.id for s in rest)])
    assert f"Best fit for you: {first.name}" in view.verdict.text()


def test_features_are_rows_in_the_order_of_importance(
    view: CompareView, session: RunnerSession
) -> None:
    model = view.compare_model
    assert session.advice is not None
    first = model.FIRST_FEATURE_ROW
    rows = [model.feature_at(r) for r in range(model.rowCount())]
    assert rows[:first] == [None] * first
    titles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(first)]
    assert titles == [
        "Made for",
        "Tie",
        "Known",
        "Check in the store",
        "Comfort when tried on",  # the best supported criterion, before any feature
        "Heel-to-toe drop",
    ]
    features = [f for f in rows[first:] if f]
    # Most important first, the optional ones (which never move a score) last.
    assert [f.id for f in features] == [
        f.id for f in session.advice.features if f.level != "optional"
    ] + [f.id for f in session.advice.features if f.level == "optional"]
    optional = [r for r in range(first, model.rowCount()) if rows[r].level == "optional"]  # type: ignore[union-attr]
    for r in optional:
        header = model.headerData(r, Qt.Orientation.Vertical)
        # "Not counted" only where no shoe compared counts it (a second pair may).
        counted = any(s.counts(rows[r].id) for s in model.scores)  # type: ignore[union-attr]
        assert header.endswith("· optional" if counted else "· optional: not counted"), header
    assert any(
        model.headerData(r, Qt.Orientation.Vertical).endswith("optional: not counted")
        for r in optional
    )


def test_drop_row_shows_the_points_advise_gave(
    qtbot: QtBot, view: CompareView, session: RunnerSession
) -> None:
    assert session.profile is not None
    low = Shoe(id="low", name="Low drop", features=FULL, drop_mm=4)
    high = Shoe(id="high", name="Ten mm", features=FULL, drop_mm=10)
    session.set_shoes([low, high])
    session.update(experience="advanced")
    view.select_shoes(["low", "high"])
    model = view.compare_model
    columns = {s.shoe.id: c for c, s in enumerate(model.scores)}
    low_cell = model.index(model.DROP_ROW, columns["low"])
    high_cell = model.index(model.DROP_ROW, columns["high"])
    assert low_cell.data(SortRole) == 0 and high_cell.data(SortRole) == 4
    assert low_cell.data() == "~ 4 mm  +0.0" and high_cell.data() == "✓ 10 mm  +4.0"
    assert low_cell.data(VerdictRole) is Verdict.WEAK  # counts, and earns 0
    assert "553 runners" in low_cell.data(Qt.ItemDataRole.ToolTipRole)
    scores = {s.shoe.id: s.score for s in session.advice.shoes}
    assert scores["high"] - scores["low"] == 4
    assert [s.shoe.id for s in model.scores] == ["high", "low"]


def test_a_drop_that_does_not_count_looks_unlike_one_that_earns_0(
    qtbot: QtBot, view: CompareView, session: RunnerSession
) -> None:
    # It looked the same: "4 mm" for a counted 0 and for a drop that cannot count.
    low = Shoe(id="low", name="Low drop", features=FULL, drop_mm=4)
    high = Shoe(id="high", name="Ten mm", features=FULL, drop_mm=10)
    blank = Shoe(id="blank", name="Not measured", features=FULL)
    session.set_shoes([low, high, blank])
    session.update(experience=None)  # not filled in: the drop cannot count yet
    view.select_shoes(["low", "high", "blank"])
    model = view.compare_model
    columns = {s.shoe.id: c for c, s in enumerate(model.scores)}
    assert all(not s.drop_counts for s in model.scores)  # core says so, per shoe
    row = model.DROP_ROW
    title = model.headerData(row, Qt.Orientation.Vertical)
    assert title == "Heel-to-toe drop  · not counted"
    for shoe_id in ("low", "high"):
        cell = model.index(row, columns[shoe_id])
        assert cell.data(VerdictRole) is Verdict.NEUTRAL
        assert "+" not in cell.data() and cell.data().startswith("· ")  # no points
        assert cell.data(Qt.ItemDataRole.FontRole).italic()
        assert "does not count for you yet" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, columns["blank"]).data(VerdictRole) is Verdict.NEUTRAL

    session.update(experience="advanced")  # now it counts: a low drop earns 0, shown as 0
    view.select_shoes(["low", "high", "blank"])
    columns = {s.shoe.id: c for c, s in enumerate(model.scores)}
    assert all(s.drop_counts for s in model.scores)
    assert model.headerData(row, Qt.Orientation.Vertical) == "Heel-to-toe drop"
    counted_zero = model.index(row, columns["low"])
    assert counted_zero.data() == "~ 4 mm  +0.0" and counted_zero.data(VerdictRole) is Verdict.WEAK
    assert not counted_zero.data(Qt.ItemDataRole.FontRole)
    unknown = model.index(row, columns["blank"])
    assert unknown.data(VerdictRole) is Verdict.UNKNOWN and unknown.data() == "? not measured"
    assert "counts for you" in unknown.data(Qt.ItemDataRole.ToolTipRole)


def test_without_selection_the_top_three_are_compared(view: CompareView) -> None:
    view.select_shoes([])
    assert [s.shoe.id for s in view.compare_model.scores] == [
        r.shoe.id for r in view.list_model.rows()[:3]
    ]


def test_without_selection_the_best_three_shown_are_compared_whatever_the_sort(
    view: CompareView, with_shoes: RunnerSession, runner: RunnerProfile
) -> None:
    # Sorted by name, the top rows are the weak shoes whose names come first: the
    # comparison still shows the three best fits, which is what its heading says.
    weak = [
        Shoe(id="w1", name="Aardvark basic", surface="road", features={"cushioning": 0}),
        Shoe(id="w2", name="Basic trainer", surface="road", features={"stability": 0}),
        Shoe(id="w3", name="Trail basic", surface="trail", features={"trail_grip": 0}),
    ]
    shoes = [*three_shoes(), *weak]
    with_shoes.set_shoes(shoes)
    ranked = [s.shoe.id for s in advise(runner, shoes).shoes]
    view.select_shoes([])
    view.table.sortByColumn(ShoeListModel.NAME, Qt.SortOrder.AscendingOrder)
    assert [n for _, n in shown(view)][:2] == ["Aardvark basic", "Basic trainer"]
    view.select_shoes([])
    assert [s.shoe.id for s in view.compare_model.scores] == ranked[:3]
    assert view.verdict.text().count("best-fitting shoes.") == 1
    # Filtered to trail shoes: the best of those shown, and the heading says so.
    view.surface_filter.setCurrentIndex(view.surface_filter.findData("trail"))
    trail = [i for i in ranked if i in {"c", "w3"}]
    assert [s.shoe.id for s in view.compare_model.scores] == trail
    assert "best-fitting shoes of those the list shows" in view.verdict.text()


def test_filter_by_surface(view: CompareView) -> None:
    view.surface_filter.setCurrentIndex(view.surface_filter.findData("trail"))
    assert [n for _, n in shown(view)] == ["Trail grip"]
    view.surface_filter.setCurrentIndex(0)
    assert len(shown(view)) == 3
    view.search.setText("racer")
    assert [n for _, n in shown(view)] == ["Light racer"]


def test_sort_by_score_and_back_to_rank(view: CompareView, runner: RunnerProfile) -> None:
    view.table.sortByColumn(ShoeListModel.SCORE, Qt.SortOrder.AscendingOrder)
    assert shown(view) == list(reversed(expected(runner, three_shoes())))
    view.table.sortByColumn(ShoeListModel.SCORE, Qt.SortOrder.DescendingOrder)
    assert shown(view) == expected(runner, three_shoes())
    view.table.sortByColumn(ShoeListModel.NAME, Qt.SortOrder.AscendingOrder)
    assert [n for _, n in shown(view)] == sorted(s.name for s in three_shoes())


def test_duplicate_and_remove(
    view: CompareView,
    session: RunnerSession,
    runner: RunnerProfile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view.select_shoes(["a"])
    view.duplicate_action.trigger()
    assert len(session.shoes) == 4
    copy = session.shoes[1]
    assert copy.name == "Stable wide (copy)" and copy.features == session.shoes[0].features
    assert copy.id != "a"
    assert shown(view) == expected(runner, list(session.shoes))

    asked: list[str] = []

    def answer(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    view.select_shoes(["a", copy.id])
    view.remove_action.trigger()
    assert len(asked) == 1 and "2 shoes" in asked[0]
    assert [s.id for s in list(session.shoes)] == ["b", "c"]
    assert shown(view) == expected(runner, list(session.shoes))


def test_remove_can_be_cancelled(
    view: CompareView,
    session: RunnerSession,
    monkeypatch: pytest.MonkeyPatch,
    private_data_dir: Path,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view.select_shoes(["a"])
    view.remove_selected()
    assert list(session.shoes) == three_shoes()
    assert shoes_on_disk(private_data_dir, session.profile_id) == three_shoes()


def test_import_adds_shoes_and_keeps_clashing_ids(
    view: CompareView,
    session: RunnerSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: RunnerProfile,
) -> None:
    path = tmp_path / "shop.json"
    path.write_text(
        json.dumps(
            [
                {"id": "a", "name": "Same id", "features": {"cushioning": True}},
                {"id": "new", "name": "New one", "features": {"wide_fit": 3}, "surface": "road"},
            ]
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    assert view.import_shoes() == 2
    assert len(session.shoes) == 5
    assert session.shoes[0].name == "Stable wide"  # nothing overwritten
    assert {s.name for s in list(session.shoes)} >= {"Same id", "New one"}
    assert shown(view) == expected(runner, list(session.shoes))


def test_a_bad_import_names_file_and_field_and_loses_nothing(
    view: CompareView,
    session: RunnerSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([{"id": "x", "name": "X", "features": {"cushioning": 7}}]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert view.import_shoes() == 0
    assert len(warnings) == 1
    assert "broken.json" in warnings[0] and "cushioning" in warnings[0]
    assert list(session.shoes) == three_shoes()


def test_cancelled_file_dialogs_do_nothing(
    view: CompareView, session: RunnerSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert view.import_shoes() == 0
    assert view.export_shoes() is False
    assert list(session.shoes) == three_shoes()


def test_export_writes_contract_shoes(
    view: CompareView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert view.export_shoes() is True
    assert parse_shoes(json.loads(path.read_text(encoding="utf-8"))) == three_shoes()


def test_export_failure_is_reported(
    view: CompareView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no-such-folder" / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert view.export_shoes() is False
    assert len(warnings) == 1 and "out.json" in warnings[0]


def test_a_failed_save_is_told_and_the_change_kept(
    view: CompareView, session: RunnerSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise RunLogError("cannot save to runs.sqlite (database or disk is full); nothing saved")

    view.select_shoes(["a"])
    with monkeypatch.context() as patch:
        patch.setattr(ProfileStore, "save_profile_shoes", full)  # the run log's disk is full
        view.duplicate_selected()
    assert len(session.shoes) == 4  # kept in the window
    assert session.save_state.text.startswith("Not saved: the disk is full")
    assert session.has_unsaved_changes()
    assert session.save_now()  # room again: written


def test_similar_shoes_lists_own_and_typical_shoes(view: CompareView, qtbot: QtBot) -> None:
    view.select_shoes(["a"])
    dialog = view.show_similar()
    assert dialog is not None
    text = dialog.browser.toPlainText()
    assert "Shoes most like Stable wide" in text
    assert "typical shoe" in text
    assert "alike" in text and "known for both" in text
    dialog.reject()


def test_without_a_profile_shoes_are_listed_unscored(
    qtbot: QtBot, session: RunnerSession, context: ActionContext
) -> None:
    session.set_shoes(three_shoes())
    view = CompareView(context)
    qtbot.addWidget(view)
    assert [n for _, n in shown(view)] == [s.name for s in three_shoes()]
    assert {f for f, _ in shown(view)} == {"—"}
    assert view.compare_model.columnCount() == 0
    assert "profile" in view.verdict.text()


def test_shoes_are_kept_between_sessions(
    qtbot: QtBot, view: CompareView, session: RunnerSession, private_data_dir: Path
) -> None:
    view.select_shoes(["a"])
    view.duplicate_selected()
    session.close()
    later = RunnerSession(private_data_dir)
    later.start()
    try:
        assert later.shoes == session.shoes
        assert shoes_on_disk(private_data_dir, later.profile_id) == list(session.shoes)
    finally:
        later.close()


def test_chart_describes_the_shoes(qtbot: QtBot, with_shoes: RunnerSession) -> None:
    advice = with_shoes.advice
    assert advice is not None
    scores = advise(advice.profile, three_shoes()).shoes
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(500, 600)
    chart.set_scores(advice.features, scores)
    description = chart.accessibleDescription()
    assert f"Stable wide — fit {scores[0].score}: Road · your main surface" in description
    assert "Trail grip — fit" in description and "Trail · second pair" in description
    assert not chart.grab().isNull()
    chart.set_scores((), ())
    assert not chart.grab().isNull()


def test_widgets_have_accessible_names(view: CompareView) -> None:
    for widget in (view.table, view.compare_table, view.surface_filter, view.search, view.chart):
        assert widget.accessibleName()


def test_an_edit_that_moves_no_score_keeps_sort_and_selection_with_the_new_words(
    view: CompareView, with_shoes: RunnerSession, runner: RunnerProfile, qtbot: QtBot
) -> None:
    view.table.sortByColumn(ShoeListModel.NAME, Qt.SortOrder.AscendingOrder)
    view.select_shoes(["c"])
    resets: list[int] = []
    view.list_model.modelReset.connect(lambda: resets.append(1))
    with_shoes.update(weight_kg=92)  # the reasons say 92 kg; no score moves
    heavier = runner.model_copy(update={"weight_kg": 92})
    assert resets == []
    assert [n for _, n in shown(view)] == sorted(s.name for s in three_shoes())
    assert [r.shoe.id for r in view.selected_rows()] == ["c"]
    advice = with_shoes.advice
    assert advice is not None
    by_id = {s.shoe.id: s for s in advise(heavier, three_shoes()).shoes}
    for row in view.list_model.rows():
        assert row.score is not None
        assert row.score is advice.shoes[row.rank - 1]
        assert row.score.score == by_id[row.shoe.id].score
        assert row.score.needs == advice.features or row.score.surface_match != "main"

    with_shoes.update(weight_kg=58)  # lighter: cushioning matters more, scores move
    assert resets == [1]
    lighter = runner.model_copy(update={"weight_kg": 58})
    assert sorted(shown(view)) == sorted(expected(lighter, three_shoes()))
