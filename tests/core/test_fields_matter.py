"""Every profile field changes the advice where it should."""

from __future__ import annotations

import json

import pytest
from runner_profiles import profile

from shoeadvisor.core.advisor import advise


def fingerprint(**changes: object) -> str:
    a = advise(profile(**changes)).to_json()
    a.pop("shoes")
    return json.dumps(a, sort_keys=True)


@pytest.mark.parametrize(
    ("field", "one", "other"),
    [
        ("foot_width", "standard", "wide"),
        ("pronation", "neutral", "overpronation"),
        ("weight_kg", 60, 95),
        ("height_cm", 200, 150),  # with 95 kg: BMI 24 vs 42
        ("seasons", ["spring"], ["winter"]),
        ("surfaces", ["asphalt"], ["trail"]),
        ("surfaces", ["asphalt", "trail"], ["trail", "asphalt"]),
        ("experience", "intermediate", "beginner"),
        ("weekly_km", 20, 70),
        ("previous_weekly_km", 30, 15),
        ("foot_strike", "midfoot", "heel"),
        ("arch", "normal", "flat"),
        ("downhill", False, True),
        ("warm_up", True, False),
        ("knee_pain", [], ["outside"]),
        ("knee_symptoms", ["crunching"], ["locking"]),
    ],
)
def test_field_changes_the_advice(field: str, one: object, other: object) -> None:
    context: dict[str, object] = {"weight_kg": 95, "weekly_km": 30, "knee_pain": ["around_kneecap"]}
    if field == "knee_pain":
        context.pop("knee_pain")
    assert fingerprint(**{**context, field: one}) != fingerprint(**{**context, field: other})


@pytest.mark.parametrize("season", ["spring", "summer", "autumn", "winter"])
def test_each_season_matters(season: str) -> None:
    others = [s for s in ["spring", "summer", "autumn", "winter"] if s != season]
    assert all(fingerprint(seasons=[season]) != fingerprint(seasons=[o]) for o in others)


@pytest.mark.parametrize("surface", ["asphalt", "track", "trail", "treadmill"])
def test_each_surface_matters(surface: str) -> None:
    others = [s for s in ["asphalt", "track", "trail", "treadmill"] if s != surface]
    assert fingerprint(surfaces=[surface]) != fingerprint(surfaces=[others[0]])
