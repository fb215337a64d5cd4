"""The profile form: built from the model, worded by the vocabulary, drawn from the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import on_disk, start_window, tick
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from shoeadvisor.core import labels
from shoeadvisor.core.form_limits import FieldSpec, profile_fields
from shoeadvisor.core.ids import KNEE_LOCATIONS
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.profile_form import ProfileForm


def test_every_field_of_the_model_is_on_the_form(qtbot: QtBot, session: RunnerSession) -> None:
    form = ProfileForm(session)
    qtbot.addWidget(form)
    for key, spec in profile_fields().items():
        if key == "units":
            continue
        widgets = {
            "text": [form.name_edit],
            "number": [form.number_edits.get(key)],
            "choice": [form.combos.get(key)],
            "flag": [form.combos.get(key)],
            "many": list(form.boxes.get(key, {}).values()),
        }[spec.kind]
        assert widgets and all(w is not None for w in widgets), key
    texts = {label.text().replace("&", "") for label in form.findChildren(QLabel)}
    assert "Weight *" in texts and "Height" in texts


def test_fields_a_newer_schema_adds_appear_with_their_words_and_ranges(
    qtbot: QtBot, session: RunnerSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema version 2 (age, sex, injuries, long runs) needs no change to the form."""
    added = {
        "age": FieldSpec("age", "number", False, 10, 100, whole=True),
        "sex": FieldSpec("sex", "choice", False, choices=("female", "male", "unspecified")),
        "injured_last_year": FieldSpec("injured_last_year", "flag", False),
        "longest_run_30d_km": FieldSpec("longest_run_30d_km", "number", False, 0, 200),
        "planned_longest_run_km": FieldSpec("planned_longest_run_km", "number", False, 0, 200),
    }
    monkeypatch.setattr(
        "shoeadvisor.gui.views.profile_form.profile_fields",
        lambda: {**profile_fields(), **added},
    )
    form = ProfileForm(session)
    qtbot.addWidget(form)
    assert form.unit_labels["age"].text() == ""
    assert form.unit_labels["longest_run_30d_km"].text() == "km"
    sex = form.combos["sex"]
    assert [sex.itemText(i) for i in range(sex.count())] == [
        labels.NOT_SET,
        "Female",
        "Male",
        "Prefer not to say",
    ]
    assert form.combos["injured_last_year"].findData(True) == 1
    texts = {label.text().replace("&", "") for label in form.findChildren(QLabel)}
    assert {"Age", "Sex", "Longest run, past 30 days", "Running injury in the past 12 months"} <= texts


def test_the_form_and_the_knee_page_use_the_same_words(qtbot: QtBot) -> None:
    win = start_window(qtbot)
    win.try_example()
    for place in KNEE_LOCATIONS:
        words = labels.knee_place(place)
        assert win.form.knee_pain_boxes[place].text() == words
        assert win.knee_page.location_boxes[place].text() == words
    win.close()


def test_switching_units_never_changes_a_stored_value(qtbot: QtBot, private_data_dir: Path) -> None:
    win = start_window(qtbot)
    win.try_example()
    form = win.form
    weight = form.number_edits["weight_kg"]
    weight.setFocus()
    weight.selectAll()
    qtbot.keyClicks(weight, "30")
    qtbot.mouseClick(form.imperial_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert weight.text() == "66.1" and form.unit_labels["weight_kg"].text() == "lb"
    qtbot.mouseClick(form.metric_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert weight.text() == "30"
    assert win.session.profile is not None and win.session.profile.weight_kg == 30.0
    qtbot.waitUntil(lambda: [p.weight_kg for p in on_disk(private_data_dir)] == [30.0])
    win.close()


def test_a_main_surface_chosen_in_the_form_reaches_the_profile(qtbot: QtBot) -> None:
    win = start_window(qtbot)
    win.try_example()
    form = win.form
    tick(qtbot, form.surface_boxes["track"])
    assert win.session.profile.surfaces == ["asphalt", "trail", "track"]
    form.main_surface_combo.setCurrentIndex(2)
    form.main_surface_combo.activated.emit(2)
    assert win.session.profile.surfaces[0] == "track"
    assert form.main_surface_combo.itemData(0) == "track"
    win.close()
