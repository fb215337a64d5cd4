"""docs/formats.md names every id and key the code reads or writes (it must not fall behind)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from shoeadvisor.core import ids
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoe_care import shoe_wear
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.core.training import analyse_runs
from shoeadvisor.storage.runlog import Run

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
#: The prose and tables (the examples in ``` fences are not the names' definitions).
PROSE = re.sub(r"```.*?```", "", DOC, flags=re.S)
#: Every word written as code in the document.
NAMED = {word for span in re.findall(r"`([^`]+)`", PROSE) for word in re.findall(r"\w+", span)}

ID_SETS = {
    name: value
    for name, value in vars(ids).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
}


def keys_of(value: Any) -> set[str]:
    """Every key of every object in a JSON value."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            found |= keys_of(item)
    elif isinstance(value, list):
        for item in value:
            found |= keys_of(item)
    return found


def missing(names: set[str] | list[str] | tuple[str, ...]) -> list[str]:
    return sorted(set(names) - NAMED)


def test_the_check_sees_what_is_missing() -> None:
    assert missing(["cushioning", "no_such_key_anywhere"]) == ["no_such_key_anywhere"]


@pytest.mark.parametrize("name", sorted(ID_SETS))
def test_every_id_of_the_contract_is_named(name: str) -> None:
    assert ID_SETS[name], name
    assert missing(ID_SETS[name]) == []


def test_every_profile_and_shoe_key_is_named() -> None:
    assert missing(list(RunnerProfile.model_fields)) == []
    assert missing(list(Shoe.model_fields)) == []


def test_every_key_of_the_advice_json_is_named() -> None:
    profile = RunnerProfile.model_validate(
        {
            "schema_version": 2,
            "name": "Doc reader",
            "foot_width": "wide",
            "pronation": "neutral",
            "weight_kg": 80,
            "seasons": ["winter", "summer"],
            "surfaces": ["asphalt", "trail"],
            "experience": "intermediate",
            "knee_pain": ["outside", "behind"],
            "knee_symptoms": ["swelling"],
            "weekly_km": 40,
            "previous_weekly_km": 20,
        }
    )
    shoes = [
        *knowledge().catalog[:6],
        Shoe(id="tried", name="Tried on", features={"cushioning": 2}, comfort=5),
    ]
    data = advise(profile, shoes).to_json()
    assert data["knee"] and data["shoes"] and data["risks"]
    assert missing(keys_of(data)) == []


def test_every_key_of_the_runs_and_shoes_json_is_named() -> None:
    start = datetime(2026, 3, 2, 7, tzinfo=UTC)
    days = [(-30, 4.0, None), (1, 5.0, None), (2, 6.0, 2), (5, 8.0, 3), (7, 9.0, None)]
    days.append((9, 18.0, 4))  # the first run 39 days before: judged
    runs = [
        Run(
            i,
            "p",
            start + timedelta(days=day),
            km,
            3600.0,
            3700.0,
            10.0,
            10.0,
            "running",
            None,
            None,
            f"run{i}.fit",
            "daily",
            pain,
        )
        for i, (day, km, pain) in enumerate(days, 1)
    ]
    load = analyse_runs(runs, now=start + timedelta(days=10))
    assert load.marks and load.progression is not None
    run_json = {**runs[0].to_json(), "spike": load.marks[0].to_json()}
    assert missing(keys_of(run_json)) == []
    assert missing(keys_of(load.to_json())) == []
    assert missing(keys_of(shoe_wear(900.0, weight_kg=95, surface="trail").to_json())) == []
