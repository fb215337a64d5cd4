"""Profile builders shared by the core tests."""

from __future__ import annotations

from typing import Any

from shoeadvisor.core.profile import RunnerProfile

BASE: dict[str, Any] = {
    "schema_version": 1,
    "name": "Test runner",
    "foot_width": "standard",
    "pronation": "neutral",
    "weight_kg": 72,
    "seasons": ["spring"],
    "surfaces": ["asphalt"],
}


def profile(**changes: Any) -> RunnerProfile:
    data = {**BASE, **changes}
    return RunnerProfile.model_validate({k: v for k, v in data.items() if v is not None})
