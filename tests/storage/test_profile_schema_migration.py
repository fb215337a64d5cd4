"""Stored profiles of schema 1 and 2: read in either, never rewritten by reading."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from shoeadvisor.storage import STORAGE_VERSION, ProfileStore

FIXTURES = Path(__file__).parent / "fixtures"
CORE_FIXTURES = Path(__file__).parents[1] / "core" / "fixtures"
BARE_ID = "7d3c2b1a-0000-4000-8000-000000000002"


@pytest.fixture
def store() -> ProfileStore:
    with ProfileStore() as opened:
        yield opened


def _place(store: ProfileStore, source: Path) -> tuple[str, Path]:
    data = json.loads(source.read_text("utf-8"))
    profile_id = data.get("id", BARE_ID)
    target = store.profile_path(profile_id)
    target.write_bytes(source.read_bytes())
    return profile_id, target


@pytest.mark.parametrize(
    ("source", "schema"),
    [
        (CORE_FIXTURES / "profile_v1.json", 1),  # storage 1: a bare §1 file, schema 1
        (FIXTURES / "storage_v2_profile.json", 1),  # storage 2 envelope around schema 1
        (FIXTURES / "storage_v2_profile_schema2.json", 2),  # envelope around schema 2
    ],
    ids=["bare schema 1", "envelope schema 1", "envelope schema 2"],
)
def test_reading_never_rewrites_and_saving_writes_schema_2(
    store: ProfileStore, source: Path, schema: int
) -> None:
    profile_id, path = _place(store, source)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    for _ in range(2):
        entries, problems = store.list_profiles()
        assert problems == [] and [e.id for e in entries] == [profile_id]
        store.load(profile_id)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    profile = store.load(profile_id).profile
    assert profile.schema_version == 2

    store.save(profile_id, profile)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["storage_version"] == STORAGE_VERSION
    assert saved["profile"]["schema_version"] == 2
    assert store.load(profile_id).profile == profile
    if schema == 2:
        assert saved["profile"]["age"] == 16 and saved["profile"]["sex"] == "unspecified"
        assert saved["profile"]["injured_last_year"] is False
        assert saved["profile"]["longest_run_30d_km"] == 0
        assert saved["profile"]["planned_longest_run_km"] == 5


def test_a_version_2_profile_survives_rename_and_export(store: ProfileStore, tmp_path) -> None:
    profile_id, _ = _place(store, FIXTURES / "storage_v2_profile_schema2.json")
    store.rename(profile_id, "Renamed")
    out = tmp_path / "export.json"
    store.export(profile_id, out)
    exported = json.loads(out.read_text("utf-8"))
    assert exported["schema_version"] == 2 and exported["name"] == "Renamed"
    assert exported["age"] == 16 and exported["planned_longest_run_km"] == 5
