"""The profile form: built from the model, worded by the vocabulary, drawn from the session."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import on_disk, start_window, tick
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from shoeadvisor.core import labels
from shoeadvisor.core.form_limits import profile_fields
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


def test_the_schema_version_2_fields_have_their_words_and_the_models_ranges(
    qtbot: QtBot,
) -> None:
    win = start_window(qtbot)
    win.try_example()
    form = win.form
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
    texts = {
        label.text().replace("&", "").removesuffix(" *") for label in form.findChildren(QLabel)
    }
    wanted = {"Age", "Sex", "Longest run, past 30 days", "Running injury in the past 12 months"}
    assert wanted <= texts
    age = form.number_edits["age"]
    qtbot.keyClicks(age, "101")
    high = profile_fields()["age"].high
    assert form.visible_errors() == {"age": f"Age must be between 10 and {high:g}"}
    age.selectAll()
    qtbot.keyClicks(age, "61")
    assert win.session.profile is not None and win.session.profile.age == 61
    win.close()


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
