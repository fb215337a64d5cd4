"""A runner at 900 × 600: what they see first, the risks after an edit, units, empty states."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import choose, fill_minimal_runner, on_disk, start_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from shoeadvisor.core import labels
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.form_limits import profile_fields
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.views.main_window import MainWindow

EXAMPLE = resource_path("example_runner.json")


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


@pytest.fixture
def small(qtbot: QtBot) -> Iterator[MainWindow]:
    win = start_window(qtbot)
    win.resize(900, 600)
    settle()
    yield win
    win.close()


def open_example(win: MainWindow, **changes: object) -> None:
    profile = load_profile(EXAMPLE).model_copy(update=changes)
    win.session.adopt(profile, reuse=False)
    settle()


# -- the risks after an edit ------------------------------------------------------------


def test_a_new_warning_takes_the_selection_from_an_old_note(small: MainWindow) -> None:
    open_example(small, knee_pain=[], knee_symptoms=[], warm_up=False, downhill=True)
    risks = small.advice_page.risks
    ids = risks.model.risk_ids()
    assert "no_warm_up" in ids and "downhill" in ids
    risks.table.setCurrentIndex(risks.model.index(ids.index("no_warm_up"), 0))
    assert risks.selected_risk() == "no_warm_up"
    small.session.update(knee_pain=["around_kneecap"])  # downhill becomes a warning
    settle()
    top = risks.model.risk_at(0)
    assert top is not None and top.severity == "warning"
    assert risks.selected_risk() == top.id
    assert risks.table.rowAt(0) == 0  # scrolled to the top: the warning is in view
    assert top.advice in risks.detail_text()  # what to do, in full


def test_the_runners_choice_stays_when_the_new_risk_is_less_serious(small: MainWindow) -> None:
    open_example(small, warm_up=True)
    risks = small.advice_page.risks
    ids = risks.model.risk_ids()
    caution = next(r for r in ids if risks.model.risk_at(ids.index(r)).severity == "caution")
    risks.table.setCurrentIndex(risks.model.index(ids.index(caution), 0))
    small.session.update(warm_up=False)  # adds "no warm-up", a note
    settle()
    assert "no_warm_up" in risks.model.risk_ids()
    assert risks.selected_risk() == caution


def test_risks_take_one_line_each_so_several_show_at_once(small: MainWindow) -> None:
    open_example(small)
    table = small.advice_page.risks.table
    heights = {table.rowHeight(row) for row in range(table.model().rowCount())}
    assert heights == {table.verticalHeader().defaultSectionSize()}
    assert max(heights) < 2 * table.fontMetrics().lineSpacing()
    assert table.viewport().height() // max(heights) >= 4  # at 900 × 600
    model = table.model()
    for row in range(model.rowCount()):
        risk = model.risk_at(row)
        tip = model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
        assert risk is not None and risk.advice in tip  # the advice whole, where it is cut


# -- the layout a small window gets ------------------------------------------------------


def test_at_900_the_panes_stack_and_at_1440_they_sit_side_by_side(
    qtbot: QtBot, small: MainWindow
) -> None:
    open_example(small)
    page = small.advice_page
    assert page.splitter.orientation() == Qt.Orientation.Horizontal  # form beside advice
    assert page.features.splitter.orientation() == Qt.Orientation.Vertical  # why: below
    assert page.risks.splitter.orientation() == Qt.Orientation.Vertical
    assert page.form.labels_above_fields()
    small.resize(1440, 900)
    settle()
    assert page.features.splitter.orientation() == Qt.Orientation.Horizontal
    assert not page.form.labels_above_fields()
    small.resize(900, 600)
    settle()
    assert page.features.splitter.orientation() == Qt.Orientation.Vertical  # and back


def test_every_shoe_action_is_a_visible_button_at_900(small: MainWindow) -> None:
    open_example(small)
    page = small.compare_page
    small.tabs.setCurrentWidget(page.parentWidget())
    settle()
    buttons = {b.defaultAction() for b in page.findChildren(QToolButton) if b.isVisible()}
    wanted = {page.add_action, page.edit_action, page.import_action, page.export_action}
    assert wanted <= buttons


# -- empty states and the form's words ------------------------------------------------------


def test_before_anything_is_entered_the_advice_says_what_to_fill_in(small: MainWindow) -> None:
    small.new_profile()
    settle()
    page = small.advice_page
    risks, features = page.risks.detail_text(), page.features.detail_text()
    assert "No particular risks" not in risks
    assert "Still needed: Name, Weight, Foot width, Pronation, Surfaces and Seasons." in risks
    assert "shoe features that matter for you" in features and "Still needed" in features
    assert page.risks.model.rowCount() == 0


def test_number_boxes_never_hold_a_value_like_placeholder(small: MainWindow) -> None:
    small.new_profile()
    form = small.form
    for key, edit in form.number_edits.items():
        hint = edit.placeholderText()
        assert hint == "" or hint.startswith("e.g. "), (key, hint)
    assert form.number_edits["weight_kg"].placeholderText() == "e.g. 70"
    assert form.unit_labels["weight_kg"].text() == "kg"


@pytest.mark.parametrize("key", ["arch", "foot_strike"])
def test_optional_choices_offer_dont_know_once(qtbot: QtBot, small: MainWindow, key: str) -> None:
    open_example(small, **{key: "unknown"})
    combo = small.form.combos[key]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts.count(labels.choice(key, "unknown")) == 1
    assert labels.NOT_SET not in texts
    assert combo.currentText() == labels.choice(key, "unknown")  # a file's "unknown" shows it
    choose(
        qtbot,
        small.form.combos[key],
        next(v for v in profile_fields()[key].choices if v != "unknown"),
    )
    assert small.session.draft.get(key) not in (None, "unknown")
    choose(qtbot, combo, None)
    assert small.session.draft.get(key) is None  # the same to the advice as "unknown"


# -- feet and inches ---------------------------------------------------------------------------


def test_an_imperial_height_in_feet_and_inches_reaches_the_file_in_cm(
    qtbot: QtBot, small: MainWindow, private_data_dir: Path
) -> None:
    small.new_profile()
    fill_minimal_runner(qtbot, small)
    form = small.form
    form.imperial_radio.click()
    feet, inches = form.number_edits["height_cm"], form.inch_edits["height_cm"]
    assert inches.isVisible() and form.unit_labels["height_cm"].text() == "ft"
    qtbot.keyClicks(feet, "5")
    qtbot.keyClicks(inches, "9")
    assert small.session.draft["height_cm"] == pytest.approx(69 * 2.54, abs=1e-9)
    form.metric_radio.click()
    assert not inches.isVisible() and feet.text() == "175.3"
    form.imperial_radio.click()
    assert (feet.text(), inches.text()) == ("5", "9")
    qtbot.waitUntil(lambda: [p.height_cm for p in on_disk(private_data_dir)] == [69 * 2.54])


def test_an_imperial_height_round_trips_without_drift(
    qtbot: QtBot, small: MainWindow, private_data_dir: Path
) -> None:
    open_example(small, units="imperial", height_cm=176.0)
    form = small.form
    feet, inches = form.number_edits["height_cm"], form.inch_edits["height_cm"]
    assert (feet.text(), inches.text()) == ("5", "9.3")
    inches.selectAll()
    qtbot.keyClicks(inches, "9.3")  # typed again as shown: the exact 176 cm is kept
    feet.selectAll()
    qtbot.keyClicks(feet, "5")
    assert small.session.draft["height_cm"] == 176.0
    small.session.save_now()
    assert [p.height_cm for p in on_disk(private_data_dir)] == [176.0]


def test_a_wrong_height_is_named_in_feet_and_inches(qtbot: QtBot, small: MainWindow) -> None:
    open_example(small, units="imperial")
    inches = small.form.inch_edits["height_cm"]
    inches.selectAll()
    qtbot.keyClicks(inches, "14")
    assert small.form.visible_errors()["height_cm"] == (
        "Height: inches must be under 12, for example 5 ft 9 in"
    )
    assert small.session.draft["height_cm"] == "5 ft 14 in"  # kept as typed, not clamped
