"""Form limits come from the models: kinds, ranges and choices exactly as pydantic enforces."""

from __future__ import annotations

import typing

import pytest
from pydantic import ValidationError

from shoeadvisor.core import ids
from shoeadvisor.core.form_limits import (
    format_number,
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
