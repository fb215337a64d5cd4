"""The shoe editor: levels or "don't know", hints on how to check, messages naming the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.widgets.shoe_editor import (
    ShoeEditor,
    ShoeFormValues,
    new_shoe_id,
    shoe_from_values,
    values_from_shoe,
)


@pytest.fixture
def editor(qtbot: QtBot) -> ShoeEditor:
    runner = load_profile(resources_dir() / "example_runner.json")
    dialog = ShoeEditor(knowledge(), advise(runner).features, taken_ids=["x"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_values_round_trip() -> None:
    shoe = Shoe(
        id="s",
        name="Road shoe",
        features={"cushioning": 3, "stability": 0},
        weight_g=255.5,
        drop_mm=8,
        stack_mm=30,
        surface="road",
        notes="size 44",
        comfort=4,
    )
    rebuilt, errors = shoe_from_values(values_from_shoe(shoe))
    assert errors == {}
    assert rebuilt == shoe


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "Name:"),
        ({"weight_g": "abc"}, "weight_g", "Weight (g): enter a number"),
        ({"weight_g": "20"}, "weight_g", "between 50 and 1000"),
        ({"drop_mm": "31"}, "drop_mm", "Drop (mm): must be between -5 and 30"),
        ({"stack_mm": "-1"}, "stack_mm", "Stack height (mm)"),
        ({"notes": "x" * 5001}, "notes", "Notes:"),
    ],
)
def test_problems_name_the_field(changes: dict[str, str], field: str, words: str) -> None:
    values = ShoeFormValues(id="s", name="A shoe")
    for key, value in changes.items():
        setattr(values, key, value)
    shoe, errors = shoe_from_values(values)
    assert shoe is None
    assert words in errors[field]


def test_decimal_comma_and_empty_numbers() -> None:
    shoe, errors = shoe_from_values(ShoeFormValues(id="s", name="A", weight_g="250,5"))
    assert errors == {} and shoe is not None
    assert shoe.weight_g == 250.5 and shoe.drop_mm is None


def test_new_ids_are_fresh() -> None:
    taken = {new_shoe_id(()) for _ in range(50)}
    assert len(taken) == 50
    assert new_shoe_id(taken) not in taken


def test_every_feature_has_a_visible_hint_and_level_buttons(editor: ShoeEditor) -> None:
    kb = knowledge()
    assert set(editor.selectors) == set(FEATURE_IDS)
    for fid, hint in editor.hints.items():
        assert hint.isVisibleTo(editor)
        assert kb.features[fid].how_to_check in hint.text()
        selector = editor.selectors[fid]
        assert kb.features[fid].how_to_check in selector.toolTip()
        assert selector.level() is None  # "don't know" until the runner says otherwise
        names = {selector.button(level).accessibleName() for level in (None, 0, 1, 2, 3)}
        assert len(names) == 5 and all(kb.features[fid].name in n for n in names)


def test_features_follow_the_runners_importance(editor: ShoeEditor) -> None:
    runner = load_profile(resources_dir() / "example_runner.json")
    assert list(editor.selectors) == [f.id for f in advise(runner).features]


def test_start_from_an_archetype_then_correct(editor: ShoeEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor.name_edit, "My trail shoe")
    editor.start_from_archetype("archetype.trail")
    assert editor.name_edit.text() == "My trail shoe"
    assert editor.surface_combo.currentData() == "trail"
    qtbot.mouseClick(editor.selectors["trail_grip"].button(None), Qt.MouseButton.LeftButton)
    editor.accept()
    shoe = editor.shoe()
    assert shoe is not None
    trail = next(s for s in knowledge().catalog if s.id == "archetype.trail")
    assert "trail_grip" not in shoe.features  # "don't know" is left out, not 0
    assert shoe.features["rock_protection"] == trail.features["rock_protection"]
    assert not shoe.archetype and shoe.id != trail.id and shoe.id != "x"
    editor.start_from_archetype(None)


def test_back_to_an_empty_checklist(editor: ShoeEditor) -> None:
    editor.start_from_archetype("archetype.trail")
    editor.start_from_archetype(None)
    assert all(s.level() is None for s in editor.selectors.values())


def test_invalid_input_keeps_the_dialog_open_and_focuses_the_field(
    editor: ShoeEditor, qtbot: QtBot
) -> None:
    qtbot.keyClicks(editor.name_edit, "Shoe")
    qtbot.keyClicks(editor.stack_edit, "99")
    editor.accept()
    assert editor.isVisible()
    assert editor.shoe() is None
    assert "Stack height (mm)" in editor.error_label.text()
    assert editor.error_label.isVisible()
    editor.stack_edit.clear()
    editor.accept()
    assert editor.shoe() is not None
    assert not editor.error_label.isVisible()


def test_comfort_is_explained(editor: ShoeEditor) -> None:
    assert editor.comfort_combo.currentData() is None
    assert editor.comfort_combo.count() == 6
    assert editor.comfort_combo.accessibleName() == "Comfort"


def test_editing_keeps_the_id_and_hides_start_from(qtbot: QtBot) -> None:
    shoe = Shoe(id="keep", name="Old", features={"wide_fit": 2})
    dialog = ShoeEditor(knowledge(), None, shoe)
    qtbot.addWidget(dialog)
    assert dialog.start_from.isHidden()
    assert dialog.selectors["wide_fit"].level() == 2
    assert list(dialog.selectors) == list(FEATURE_IDS)
    dialog.name_edit.setText("New")
    dialog.accept()
    edited = dialog.shoe()
    assert edited is not None and edited.id == "keep" and edited.name == "New"
