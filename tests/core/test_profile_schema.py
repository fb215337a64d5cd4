"""Profile schema version 2 (contract §1): new optional keys, version 1 still read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from runner_profiles import BASE

from shoeadvisor.core.files import InputFileError, NewerFileError, load_profile, parse_profile
from shoeadvisor.core.profile import PROFILE_SCHEMA_VERSION, V2_KEYS, RunnerProfile

FIXTURES = Path(__file__).parent / "fixtures"
V2 = {**BASE, "schema_version": 2}


def test_a_version_1_file_reads_unchanged_apart_from_the_version_number() -> None:
    raw = json.loads((FIXTURES / "profile_v1.json").read_text("utf-8"))
    profile = load_profile(FIXTURES / "profile_v1.json")
    assert profile.schema_version == PROFILE_SCHEMA_VERSION == 2
    written = profile.to_json_dict()
    assert written.pop("schema_version") == 2
    assert written == {k: v for k, v in raw.items() if k != "schema_version"}
    assert all(getattr(profile, key) is None for key in V2_KEYS)


def test_a_version_2_file_keeps_every_new_field() -> None:
    raw = json.loads((FIXTURES / "profile_v2.json").read_text("utf-8"))
    profile = load_profile(FIXTURES / "profile_v2.json")
    assert (profile.age, profile.sex, profile.injured_last_year) == (61, "male", True)
    assert (profile.longest_run_30d_km, profile.planned_longest_run_km) == (16, 21.1)
    assert profile.to_json_dict() == {**raw, "units": "metric"}
    assert RunnerProfile.model_validate(profile.to_json_dict()) == profile


def test_a_version_1_file_using_a_version_2_key_is_refused_by_name() -> None:
    with pytest.raises(InputFileError) as info:
        parse_profile({**BASE, "schema_version": 1, "injured_last_year": True}, "old.json")
    assert info.value.field == "injured_last_year"
    assert "schema_version" in info.value.message and "2" in info.value.message


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("age", 9),
        ("age", 101),
        ("age", 40.5),
        ("age", True),
        ("sex", "other"),
        ("sex", "Male"),
        ("injured_last_year", "yes"),
        ("injured_last_year", 1),
        ("longest_run_30d_km", -0.1),
        ("longest_run_30d_km", 200.5),
        ("planned_longest_run_km", 250),
        ("planned_longest_run_km", "21"),
    ],
)
def test_bad_version_2_values_name_the_field(key: str, value: object) -> None:
    with pytest.raises(InputFileError) as info:
        parse_profile({**V2, key: value}, "p.json")
    assert info.value.field == key


def test_version_2_boundaries_are_accepted() -> None:
    low = parse_profile({**V2, "age": 10, "longest_run_30d_km": 0, "planned_longest_run_km": 0})
    high = parse_profile(
        {**V2, "age": 100, "longest_run_30d_km": 200, "planned_longest_run_km": 200}
    )
    assert (low.age, high.age) == (10, 100)
    for sex in ("female", "male", "unspecified"):
        assert parse_profile({**V2, "sex": sex}).sex == sex


@pytest.mark.parametrize("version", [0, 3, 99])
def test_other_versions_are_refused(version: int) -> None:
    error = NewerFileError if version > 2 else InputFileError
    with pytest.raises(error) as info:
        parse_profile({**BASE, "schema_version": version})
    assert info.value.field == "schema_version"


@pytest.mark.parametrize("name", ["profile_v1.json", "profile_v2.json"])
def test_advise_reads_both_versions(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "advise", str(FIXTURES / name), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["features"]
