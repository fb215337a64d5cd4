"""Profiles and file helpers shared by the storage tests."""

from __future__ import annotations

from typing import Any

from shoeadvisor.core.files import parse_profile
from shoeadvisor.core.profile import RunnerProfile

#: Every field of contract §1 (schema 2) set to a non-default value.
FULL_PROFILE: dict[str, Any] = {
    "schema_version": 2,
    "name": "Ana María Ørsted",
    "foot_width": "extra_wide",
    "pronation": "supination",
    "weight_kg": 68.25,
    "seasons": ["winter", "summer", "spring", "autumn"],
    "surfaces": ["trail", "treadmill", "track", "asphalt"],
    "height_cm": 169.5,
    "weekly_km": 41.2,
    "previous_weekly_km": 30,
    "experience": "advanced",
    "foot_strike": "forefoot",
    "arch": "high",
    "downhill": True,
    "warm_up": False,
    "knee_pain": ["behind", "inside", "around_kneecap"],
    "knee_symptoms": ["crunching", "swelling"],
    "units": "imperial",
    "age": 57,
    "sex": "female",
    "injured_last_year": True,
    "longest_run_30d_km": 18.5,
    "planned_longest_run_km": 21.1,
}

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\Windows\\system32",
    "CON",
    "NUL.json",
    "\U0001f3c3" * 80,
    "<b>html</b><script>alert(1)</script>",
    'a/b\\c:d*e?f"g<h>i|j',
    "名前 с пробелами\ttab",
]


def make_profile(name: str = "Runner", **changes: Any) -> RunnerProfile:
    data = {
        "schema_version": 1,
        "name": name,
        "foot_width": "standard",
        "pronation": "neutral",
        "weight_kg": 70,
        "seasons": ["summer"],
        "surfaces": ["asphalt"],
        **changes,
    }
    return parse_profile(data)
