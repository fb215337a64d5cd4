"""A profile being filled in: every problem named per field, in the runner's units."""

from __future__ import annotations

from typing import Any

import pytest

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.profile_draft import (
    check_draft,
    draft_of,
    new_runner_profile,
    patched,
    unused_name,
)
from shoeadvisor.core.resources import resource_path

COMPLETE: dict[str, Any] = {
    "name": "  Sam ",
    "foot_width": "standard",
    "pronation": "neutral",
    "seasons": ["summer"],
    "surfaces": ["trail", "asphalt"],
    "weight_kg": 70.0,
}


def test_a_complete_draft_gives_a_profile_with_the_main_surface_first() -> None:
    check = check_draft(COMPLETE)
    assert check.problems == {}
    assert check.profile is not None
    assert check.profile.name == "Sam"
    assert check.profile.main_surface == "trail"
    assert check.profile.height_cm is None


def test_an_empty_draft_names_every_required_field() -> None:
    check = check_draft({})
    assert check.profile is None
    assert set(check.problems) == {
        "name",
        "foot_width",
        "pronation",
        "seasons",
        "surfaces",
        "weight_kg",
    }
    assert check.problems["name"] == "Name is required"
    assert check.problems["pronation"] == "Pronation is required: choose one (or “Don't know”)"
    assert check.problems["seasons"] == "Seasons: tick at least one season you run in"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (500.0, "Weight must be between 30 and 250 kg"),
        (29.9, "Weight must be between 30 and 250 kg"),
        ("heavy", "Weight: type a number in kg, for example 70"),
    ],
)
def test_a_bad_weight_is_named_never_clamped(value: object, message: str) -> None:
    check = check_draft({**COMPLETE, "weight_kg": value})
    assert check.profile is None
    assert check.problems == {"weight_kg": message}


def test_ranges_are_told_in_the_runners_units() -> None:
    check = check_draft({**COMPLETE, "units": "imperial", "weight_kg": 27.0})
    assert check.problems == {"weight_kg": "Weight must be between 66.2 and 551.1 lb"}
    typed = check_draft({**COMPLETE, "units": "imperial", "weight_kg": "x"})
    assert typed.problems == {"weight_kg": "Weight: type a number in lb, for example 154"}


def test_the_limits_are_the_models_own() -> None:
    top = RunnerProfile.model_fields["weight_kg"].metadata
    high = next(m.le for m in top if hasattr(m, "le"))
    assert check_draft({**COMPLETE, "weight_kg": float(high)}).profile is not None
    assert "weight_kg" in check_draft({**COMPLETE, "weight_kg": high + 0.1}).problems


def test_too_long_name() -> None:
    check = check_draft({**COMPLETE, "name": "x" * 81})
    assert check.problems == {"name": "Name is too long: 81 characters, at most 80"}


def test_a_field_the_model_does_not_know_is_named() -> None:
    check = check_draft({**COMPLETE, "colour": "red"})
    assert check.profile is None
    assert list(check.problems) == ["colour"]


def test_every_profile_round_trips_through_a_draft() -> None:
    example = load_profile(resource_path("example_runner.json"))
    assert check_draft(draft_of(example)).profile == example
    imperial = example.model_copy(update={"units": "imperial"})
    assert check_draft(draft_of(imperial)).profile == imperial


def test_patches_change_one_field_and_clear_with_none() -> None:
    draft = draft_of(load_profile(resource_path("example_runner.json")))
    knee = patched(draft, {"knee_pain": ["inside"]})
    renamed = patched(knee, {"name": "Kim"})
    assert renamed["knee_pain"] == ["inside"] and renamed["name"] == "Kim"
    assert "height_cm" not in patched(renamed, {"height_cm": None})
    assert "knee_pain" not in patched(renamed, {"knee_pain": []})
    assert draft["name"] == "Example runner"  # the original is left alone


def test_the_default_profile_is_valid_and_neutral() -> None:
    profile = new_runner_profile()
    assert profile.name == "New runner"
    assert profile.pronation == "unknown" and profile.knee_pain == []
    assert check_draft(draft_of(profile)).profile == profile


def test_unused_names_count_up() -> None:
    assert unused_name("New runner", set()) == "New runner"
    assert unused_name("New runner", {"New runner", "New runner 2"}) == "New runner 3"


def test_an_imperial_height_is_checked_in_feet_and_inches() -> None:
    imperial = {**COMPLETE, "units": "imperial"}
    assert check_draft({**imperial, "height_cm": "5 ft 14 in"}).problems == {
        "height_cm": "Height: inches must be under 12, for example 5 ft 9 in"
    }
    assert check_draft({**imperial, "height_cm": "tall"}).problems["height_cm"] == (
        "Height: type feet and inches as numbers, for example 5 ft 9 in"
    )
    assert check_draft({**imperial, "height_cm": 60.0}).problems["height_cm"] == (
        "Height must be between 3 ft 3.4 in and 7 ft 6.5 in"
    )
    assert check_draft({**COMPLETE, "height_cm": 60.0}).problems["height_cm"] == (
        "Height must be between 100 and 230 cm"
    )
    assert check_draft({**imperial, "height_cm": 175.26}).profile is not None
