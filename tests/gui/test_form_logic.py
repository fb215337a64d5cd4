"""The form's pure conversion: texts and ticks to a RunnerProfile, or messages per field."""

from __future__ import annotations

import pytest

from shoeadvisor.core import ids
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui import form_logic
from shoeadvisor.gui.form_logic import FormValues, build_profile, switch_units, values_from_profile

COMPLETE = FormValues(
    name="  Sam ",
    foot_width="standard",
    pronation="neutral",
    seasons=("summer",),
    surfaces=("trail", "asphalt"),
    numbers={"weight_kg": "70"},
)


def test_value_sets_match_the_contract() -> None:
    assert form_logic.FOOT_WIDTHS == ids.FOOT_WIDTHS
    assert form_logic.PRONATIONS == ids.PRONATIONS
    assert form_logic.SEASONS == ids.SEASONS
    assert form_logic.SURFACES == ids.SURFACES
    assert form_logic.EXPERIENCES == ids.EXPERIENCES
    assert form_logic.FOOT_STRIKES == ids.FOOT_STRIKES
    assert form_logic.ARCHES == ids.ARCHES
    assert form_logic.KNEE_LOCATIONS == ids.KNEE_LOCATIONS
    assert form_logic.KNEE_SYMPTOMS == ids.KNEE_SYMPTOMS
    every_value = {v for values in form_logic.CHOICES.values() for v in values}
    assert every_value <= set(form_logic.VALUE_LABELS)


def test_complete_form_gives_a_profile_with_main_surface_first() -> None:
    result = build_profile(COMPLETE)
    assert result.errors == {}
    assert result.profile is not None
    assert result.profile.name == "Sam"
    assert result.profile.weight_kg == 70.0
    assert result.profile.main_surface == "trail"
    assert result.profile.height_cm is None


def test_empty_form_names_every_required_field() -> None:
    result = build_profile(FormValues())
    assert result.profile is None
    assert set(result.errors) == {
        "name",
        "foot_width",
        "pronation",
        "seasons",
        "surfaces",
        "weight_kg",
    }
    assert result.errors["name"] == "Name is required"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("500", "Weight must be between 30 and 250 kg"),
        ("29.9", "Weight must be between 30 and 250 kg"),
        ("heavy", "Weight: type a number in kg, for example 70"),
        ("nan", "Weight: type a number in kg, for example 70"),
    ],
)
def test_bad_weight_is_reported_never_clamped(text: str, message: str) -> None:
    result = build_profile(COMPLETE.replace(numbers={"weight_kg": text}))
    assert result.profile is None
    assert result.errors == {"weight_kg": message}


def test_comma_decimal_and_optional_numbers() -> None:
    values = COMPLETE.replace(numbers={"weight_kg": "70,5", "weekly_km": "", "height_cm": "180"})
    profile = build_profile(values).profile
    assert profile is not None
    assert profile.weight_kg == 70.5
    assert profile.weekly_km is None
    assert profile.height_cm == 180.0


def test_imperial_numbers_are_stored_metric_with_ranges_in_pounds() -> None:
    values = COMPLETE.replace(units="imperial", numbers={"weight_kg": "154", "weekly_km": "10"})
    profile = build_profile(values).profile
    assert profile is not None
    assert profile.units == "imperial"
    assert profile.weight_kg == pytest.approx(69.85, abs=0.01)
    assert profile.weekly_km == pytest.approx(16.09, abs=0.01)
    too_light = build_profile(values.replace(numbers={"weight_kg": "60"}))
    assert too_light.errors == {"weight_kg": "Weight must be between 66.2 and 551.1 lb"}


def test_switching_units_keeps_the_exact_metric_value() -> None:
    at_limit = COMPLETE.replace(numbers={"weight_kg": "30"})
    imperial = switch_units(at_limit, "imperial")
    assert imperial.number_text("weight_kg") == "66.1"
    profile = build_profile(imperial).profile
    assert profile is not None
    assert profile.weight_kg == 30.0  # not 29.98: rounding for display never changes the value
    assert (
        build_profile(switch_units(imperial, "metric")).profile == build_profile(at_limit).profile
    )


def test_switching_units_converts_an_out_of_range_value_too() -> None:
    imperial = switch_units(COMPLETE.replace(numbers={"weight_kg": "300"}), "imperial")
    assert imperial.number_text("weight_kg") == "661.4"
    assert "weight_kg" in build_profile(imperial).errors


def test_example_runner_round_trips_through_the_form() -> None:
    profile = load_profile(resource_path("example_runner.json"))
    again = build_profile(values_from_profile(profile.to_json_dict())).profile
    assert again == profile
    in_pounds = build_profile(values_from_profile(profile.to_json_dict(), units="imperial"))
    assert in_pounds.profile is not None
    assert in_pounds.profile.weight_kg == profile.weight_kg


def test_odd_stored_values_are_left_unset() -> None:
    values = values_from_profile(
        {
            "name": 3,
            "foot_width": "huge",
            "seasons": ["winter", 4, "x"],
            "weight_kg": True,
            "downhill": "yes",
        }
    )
    assert values.name == ""
    assert values.foot_width is None
    assert values.seasons == ("winter",)
    assert values.number_text("weight_kg") == ""
    assert values.downhill is None


def test_too_long_name() -> None:
    result = build_profile(COMPLETE.replace(name="x" * 81))
    assert result.errors == {"name": "Name is too long: 81 characters, at most 80"}


def test_records_are_read_only_and_compare_by_value() -> None:
    assert COMPLETE.replace(name="  Sam ") == COMPLETE
    assert COMPLETE.replace(name="Kim") != COMPLETE
    with pytest.raises(AttributeError):
        COMPLETE.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        FormValues(colour="red")
    assert "name='  Sam '" in repr(COMPLETE)
