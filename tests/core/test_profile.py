"""RunnerProfile and Shoe validation (contract §1 and §2)."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError
from runner_profiles import BASE, profile

from shoeadvisor.core.files import InputFileError, NewerFileError, parse_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe, parse_shoes


def test_name_is_trimmed_and_any_unicode_kept() -> None:
    assert profile(name="  Åsa 🏃‍♀️ <b>  ").name == "Åsa 🏃‍♀️ <b>"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_rejected(value: float) -> None:
    with pytest.raises(ValidationError):
        profile(weight_kg=value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weight_kg", 29.9),
        ("weight_kg", 250.1),
        ("height_cm", 99),
        ("height_cm", 231),
        ("weekly_km", -1),
        ("weekly_km", 400.5),
        ("previous_weekly_km", 401),
        ("name", "x" * 81),
        ("seasons", []),
        ("surfaces", []),
        ("downhill", "yes"),
        ("schema_version", 0),
        ("units", "furlongs"),
        ("weight_kg", True),
    ],
)
def test_out_of_range_values_are_refused_not_clamped(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        profile(**{field: value})
    assert info.value.errors()[0]["loc"][0] == field


def test_boundaries_are_accepted() -> None:
    p = profile(weight_kg=30, height_cm=230, weekly_km=400, previous_weekly_km=0, name="x" * 80)
    assert p.weight_kg == 30


def test_newer_schema_is_refused_as_such() -> None:
    with pytest.raises(NewerFileError) as info:
        parse_profile({**BASE, "schema_version": 3}, "p.json")
    assert info.value.field == "schema_version" and "newer" in info.value.message


def test_round_trip_keeps_every_field() -> None:
    full = profile(
        height_cm=181.5,
        weekly_km=42.5,
        previous_weekly_km=40,
        experience="advanced",
        foot_strike="forefoot",
        arch="high",
        downhill=True,
        warm_up=True,
        knee_pain=["outside", "inside"],
        knee_symptoms=["crunching"],
        units="imperial",
        seasons=["winter", "spring"],
        surfaces=["trail", "treadmill"],
    )
    again = RunnerProfile.model_validate(full.to_json_dict())
    assert again == full
    assert full.to_json_dict()["surfaces"] == ["trail", "treadmill"]  # order = main surface first


def test_parse_profile_rejects_non_objects() -> None:
    with pytest.raises(InputFileError, match="JSON object"):
        parse_profile(["not", "a", "profile"])


def test_shoe_levels_accept_booleans_and_reject_other_values() -> None:
    shoe = Shoe(
        id="a", name="A", features={"cushioning": True, "stability": False, "lightweight": 2}
    )
    assert shoe.features == {"cushioning": 3, "stability": 0, "lightweight": 2}
    for bad in (4, -1, 2.5, "3", None):
        with pytest.raises(ValidationError):
            Shoe(id="a", name="A", features={"cushioning": bad})
    with pytest.raises(ValidationError):
        Shoe(id="a", name="A", features={"jetpack": 3})


def test_missing_feature_is_unknown_not_absent() -> None:
    shoe = Shoe(id="a", name="A", features={"cushioning": 0})
    assert shoe.levels[0] == 0 and shoe.levels[1] is None


def test_shoe_list_needs_unique_ids() -> None:
    with pytest.raises(ValueError, match="two shoes"):
        parse_shoes([{"id": "x", "name": "A"}, {"id": "x", "name": "B"}])


def test_shoe_round_trip() -> None:
    shoe = Shoe(
        id="a",
        name="A",
        features={"cushioning": 2},
        weight_g=250,
        drop_mm=8,
        stack_mm=30,
        surface="road",
        notes="tried on",
        comfort=4,
    )
    assert Shoe.model_validate(shoe.to_json_dict()) == shoe
