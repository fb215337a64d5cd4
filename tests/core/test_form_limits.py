"""Form limits come from the models: kinds, ranges and choices exactly as pydantic enforces."""

from __future__ import annotations

import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from shoeadvisor.core import ids
from shoeadvisor.core.form_limits import (
    CM_PER_IN,
    feet_inches,
    format_feet_inches,
    format_metric,
    format_number,
    parse_feet_inches,
    parse_number,
    profile_fields,
    shoe_fields,
    shown_range,
    to_metric,
    to_shown,
    typical_text,
    unit,
)
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.profile_draft import draft_of, new_runner_profile
from shoeadvisor.core.shoes import Shoe


def test_every_profile_field_is_described() -> None:
    fields = profile_fields()
    assert set(fields) == set(RunnerProfile.model_fields) - {"schema_version"}
    assert {k for k, f in fields.items() if f.required} == {
        "name",
        "foot_width",
        "pronation",
        "weight_kg",
        "seasons",
        "surfaces",
    }
    assert fields["weight_kg"].kind == "number" and (
        fields["weight_kg"].low,
        fields["weight_kg"].high,
    ) == (30, 250)
    assert (fields["weekly_km"].low, fields["weekly_km"].high) == (0, 400)  # through an alias
    assert fields["knee_pain"].choices == ids.KNEE_LOCATIONS
    assert fields["pronation"].choices == ids.PRONATIONS
    assert fields["downhill"].kind == "flag"
    assert fields["name"].max_length == 80


@pytest.mark.parametrize("key", [k for k, f in profile_fields().items() if f.kind == "number"])
def test_each_number_limit_is_where_the_model_refuses(key: str) -> None:
    spec = profile_fields()[key]
    base = draft_of(new_runner_profile())
    assert spec.high is not None
    top = int(spec.high) if spec.whole else float(spec.high)
    RunnerProfile.model_validate({**base, key: top})
    with pytest.raises(ValidationError):
        RunnerProfile.model_validate({**base, key: top + 1})


def test_choices_are_the_literals_of_the_model() -> None:
    for key, spec in profile_fields().items():
        if spec.kind in ("choice", "many"):
            annotation = RunnerProfile.model_fields[key].annotation
            literals = {str(a) for a in _literals(annotation)}
            assert set(spec.choices) == literals, key


def _literals(annotation: object) -> set[object]:
    found: set[object] = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is typing.Literal:
            found |= set(typing.get_args(current))
        else:
            stack.extend(typing.get_args(current))
    return found


def test_shoe_limits_come_from_the_shoe_model() -> None:
    fields = shoe_fields()
    assert (fields["drop_mm"].low, fields["drop_mm"].high) == (-5, 30)
    assert (fields["comfort"].low, fields["comfort"].high, fields["comfort"].whole) == (1, 5, True)
    assert fields["surface"].choices == ids.SHOE_SURFACES
    with pytest.raises(ValidationError):
        Shoe(id="x", name="x", weight_g=fields["weight_g"].high + 1)  # type: ignore[operator]


def test_units_and_conversions() -> None:
    assert unit("weight_kg", "imperial") == "lb" and unit("weekly_km") == "km" and unit("age") == ""
    assert to_shown("weight_kg", 82.0, "imperial") == pytest.approx(180.78, abs=0.01)
    assert to_metric("weekly_km", 10, "imperial") == pytest.approx(16.09, abs=0.01)
    assert to_shown("age", 35, "imperial") == 35
    low, high = shown_range(profile_fields()["weight_kg"], "imperial")
    assert (low, high) == (66.2, 551.1)  # rounded inwards: both ends are valid
    assert typical_text("weight_kg", "imperial") == "154"


def test_typed_numbers() -> None:
    assert parse_number(" 70,5 ") == 70.5
    assert parse_number("") is None
    for bad in ("heavy", "nan", "inf"):
        with pytest.raises(ValueError):
            parse_number(bad)
    assert format_number(70.0) == "70" and format_number(70.25) == "70.2"


@pytest.mark.parametrize(
    ("typed", "inches"),
    [
        ("5 ft 9 in", 69.0),
        ("5' 9.5\"", 69.5),
        ("5ft9in", 69.0),
        ("6\u2032 1\u2033", 73.0),
        ("5 ft", 60.0),
        ("5 9", 69.0),
        ("69 in", 69.0),
        ("69", 69.0),
        ("5 ft 0 in", 60.0),
        ("  ", None),
    ],
)
def test_a_height_is_read_in_feet_and_inches(typed: str, inches: float | None) -> None:
    assert parse_feet_inches(typed) == inches


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("5 ft 14 in", "inches must be under 12"),
        ("five", "type feet and inches as numbers"),
        ("5.5 ft", "type whole feet, and the rest in inches"),
        ("5 ft 9 in 3", "type feet and inches as numbers"),
    ],
)
def test_a_height_that_is_not_one_says_why(typed: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_feet_inches(typed)


def test_heights_in_feet_and_inches_are_exact_and_never_show_12_inches() -> None:
    assert to_metric("height_cm", parse_feet_inches("5 ft 9 in") or 0, "imperial") == 69 * 2.54
    assert feet_inches(71.96) == (6, 0.0)
    assert format_feet_inches(to_shown("height_cm", 176, "imperial")) == "5 ft 9.3 in"
    assert format_metric("height_cm", 182.88, "imperial") == "6 ft 0 in"
    assert format_metric("height_cm", 176, "metric") == "176 cm"
    assert typical_text("height_cm", "imperial") == "5 ft 9 in"


@given(st.floats(min_value=100, max_value=230, allow_nan=False))
def test_a_shown_height_typed_back_reads_the_same(cm: float) -> None:
    """What the form shows for a stored height, typed back in, shows the same again."""
    shown = format_feet_inches(cm / CM_PER_IN)
    typed = parse_feet_inches(shown)
    assert typed is not None
    assert feet_inches(typed) == feet_inches(cm / CM_PER_IN)
    again = to_metric("height_cm", typed, "imperial")
    assert abs(again - cm) <= 0.05 * CM_PER_IN + 1e-9  # within the shown tenth of an inch
    assert format_feet_inches(again / CM_PER_IN) == shown  # no drift on a second round
