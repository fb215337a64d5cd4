"""ProfileStore: saving, listing, renaming, deleting, importing and exporting."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from storage_helpers import FULL_PROFILE, HOSTILE_NAMES, make_profile

from shoeadvisor.core.files import InputFileError, load_profile, parse_profile
from shoeadvisor.core.shoes import parse_shoes
from shoeadvisor.storage import (
    STORAGE_VERSION,
    ProfileNotFoundError,
    ProfileStore,
    StorageError,
    data_dir,
)
from shoeadvisor.storage.atomic import backup_path
from shoeadvisor.storage.schema import encode_stored_shoes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def store() -> ProfileStore:
    with ProfileStore() as opened:
        yield opened


def test_data_dir_follows_the_environment(private_data_dir: Path) -> None:
    assert data_dir() == private_data_dir


def test_data_dir_defaults_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOEADVISOR_DATA_DIR")
    assert data_dir().name == "ShoeAdvisor"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_data_folder_is_private(private_data_dir: Path) -> None:
    root = private_data_dir / "new" / "place"
    with ProfileStore(root) as fresh:
        fresh.save(None, make_profile())
    for folder in (root, root / "profiles"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in (root / "profiles").iterdir():
        assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0


def test_round_trip_keeps_every_field(store: ProfileStore) -> None:
    profile = parse_profile(FULL_PROFILE)
    profile_id = store.save(None, profile)
    with ProfileStore() as other_copy_later:
        pass
    entry = store.load(profile_id)
    assert entry.profile == profile
    assert entry.profile.to_json_dict() == {**FULL_PROFILE, "previous_weekly_km": 30.0}
    entries, problems = store.list_profiles()
    assert problems == []
    assert [e.profile for e in entries] == [profile]
    assert other_copy_later.read_only


def test_file_is_named_by_id_and_in_documented_form(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile("../../etc/passwd"))
    files = sorted(p.name for p in store.profiles_dir.iterdir())
    assert files == [f"{profile_id}.json"]
    data = json.loads((store.profiles_dir / files[0]).read_text("utf-8"))
    assert set(data) == {"storage_version", "id", "created", "modified", "profile"}
    assert data["storage_version"] == STORAGE_VERSION
    assert data["profile"]["name"] == "../../etc/passwd"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_never_touch_a_path(store: ProfileStore, name: str) -> None:
    before = {p for p in store.root.parent.rglob("*")}
    profile_id = store.save(None, make_profile(name))
    created = {p for p in store.root.parent.rglob("*")} - before
    assert {p.name for p in created if p.is_file()} == {f"{profile_id}.json"}
    assert store.load(profile_id).name == name.strip()
    copy_id = store.duplicate(profile_id)
    assert store.load(copy_id).name.endswith(" (copy)")
    assert len(store.load(copy_id).name) <= 80
    store.rename(profile_id, name + "!" if len(name) < 80 else name)
    assert all(p.parent == store.profiles_dir for p in store.profiles_dir.rglob("*"))


def test_ids_that_could_name_a_path_are_refused(store: ProfileStore) -> None:
    for bad in ("../x", "../../etc/passwd", "", "CON", "0B6F1C1E-6D3B-4F4C-9A51-2F4E7A1D9C30"):
        with pytest.raises(ProfileNotFoundError):
            store.load(bad)
        with pytest.raises(ProfileNotFoundError):
            store.delete(bad)


def test_save_keeps_previous_version_as_bak(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile(weight_kg=70))
    first = store.load(profile_id)
    store.save(profile_id, make_profile(weight_kg=71))
    main = store.profile_path(profile_id)
    backup = main.with_name(main.name + ".bak")
    assert json.loads(backup.read_text("utf-8"))["profile"]["weight_kg"] == 70
    entry = store.load(profile_id)
    assert entry.profile.weight_kg == 71
    assert entry.created == first.created
    assert entry.modified >= first.modified


def test_rename_and_duplicate(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile("Old"))
    assert store.rename(profile_id, "  New  ").name == "New"
    with pytest.raises(InputFileError) as error:
        store.rename(profile_id, "   ")
    assert error.value.field == "name"
    copy_id = store.duplicate(profile_id)
    assert copy_id != profile_id
    assert store.load(copy_id).name == "New (copy)"
    assert store.load(copy_id).profile.weight_kg == 70


def test_delete_moves_to_trash_and_restore_brings_it_back(store: ProfileStore) -> None:
    keep = store.save(None, make_profile("Keep"))
    gone = store.save(None, make_profile("Gone"))
    store.save(gone, make_profile("Gone", weight_kg=80))
    store.delete(gone)
    assert [e.id for e in store.list_profiles()[0]] == [keep]
    assert (store.root / "trash" / f"{gone}.json").exists()
    assert store.trashed_ids() == [gone]
    with pytest.raises(ProfileNotFoundError):
        store.load(gone)
    store.restore(gone)
    assert store.load(gone).profile.weight_kg == 80
    assert store.profile_path(gone).with_name(f"{gone}.json.bak").exists()
    with pytest.raises(ProfileNotFoundError):
        store.restore(gone)


def test_import_and_export_use_contract_format(store: ProfileStore, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    profile_id = store.import_file(source)
    out = tmp_path / "out.json"
    store.export(profile_id, out)
    assert load_profile(out) == load_profile(source)
    assert "storage_version" not in json.loads(out.read_text("utf-8"))
    # A stored (envelope) file can be imported too; it gets a fresh id.
    again = store.import_file(store.profile_path(profile_id))
    assert again != profile_id
    assert store.load(again).profile == store.load(profile_id).profile


def test_import_of_a_bad_file_names_the_field(store: ProfileStore, tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({**FULL_PROFILE, "weight_kg": "heavy"}), "utf-8")
    with pytest.raises(InputFileError) as error:
        store.import_file(source)
    assert error.value.field == "weight_kg"
    assert store.list_profiles() == ([], [])


def test_last_opened(store: ProfileStore) -> None:
    assert store.last_opened() is None
    profile_id = store.save(None, make_profile())
    store.set_last_opened(profile_id)
    assert ProfileStore.last_opened(store) == profile_id
    store.delete(profile_id)
    assert store.last_opened() is None
    (store.root / "state.json").write_bytes(b"\x00garbage")
    assert store.last_opened() is None


@pytest.mark.parametrize("version", [1, 2])
def test_every_shipped_profile_version_loads(store: ProfileStore, version: int) -> None:
    fixture = FIXTURES / f"storage_v{version}_profile.json"
    data = json.loads(fixture.read_text("utf-8"))
    profile_id = data.get("id", "7d3c2b1a-0000-4000-8000-000000000001")
    store.profile_path(profile_id).write_bytes(fixture.read_bytes())
    entries, problems = store.list_profiles()
    assert problems == []
    assert [e.id for e in entries] == [profile_id]
    assert entries[0].name == f"Version {version} runner"
    # Saving writes the current version and keeps the old file as .bak.
    store.save(profile_id, entries[0].profile)
    saved = json.loads(store.profile_path(profile_id).read_text("utf-8"))
    assert saved["storage_version"] == STORAGE_VERSION
    assert store.load(profile_id).profile == entries[0].profile
    if version == 2:
        assert store.load(profile_id).created == entries[0].created


def test_every_shipped_version_is_covered_by_a_fixture() -> None:
    for version in range(1, STORAGE_VERSION + 1):
        assert (FIXTURES / f"storage_v{version}_profile.json").exists()
        assert (FIXTURES / f"storage_v{version}_shoes.json").exists()


@pytest.mark.parametrize("version", [1, 2])
def test_user_shoes_load_from_every_version(store: ProfileStore, version: int) -> None:
    fixture = FIXTURES / f"storage_v{version}_shoes.json"
    (store.root / "shoes.json").write_bytes(fixture.read_bytes())
    shoes, problems = store.load_user_shoes_report()
    assert problems == []
    assert shoes[0].name == "Daily trainer"
    assert shoes[0].features["wide_fit"] == 3


def test_the_old_shoe_list_falls_back_to_its_backup(store: ProfileStore) -> None:
    first = parse_shoes([{"id": "a", "name": "A", "features": {"cushioning": 2}}])
    assert store.load_user_shoes_report() == ([], [])
    backup_path(store.root / "shoes.json").write_bytes(encode_stored_shoes(first))
    (store.root / "shoes.json").write_bytes(b'{"storage_version": 2, "shoes": [')
    shoes, problems = store.load_user_shoes_report()
    assert shoes == first
    assert {p.kind for p in problems} == {"quarantined", "recovered"}
    assert store.load_user_shoes_report() == (first, [])  # the .bak was written back
    # A profile's own list starts as a copy of it; the old file stays as it is.
    profile_id = store.save(None, make_profile())
    before = (store.root / "shoes.json").read_bytes()
    assert store.profile_shoes(profile_id) == first
    assert (store.root / "shoes.json").read_bytes() == before


def test_newer_user_shoes_are_never_overwritten(store: ProfileStore) -> None:
    path = store.root / "shoes.json"
    raw = b'{"storage_version": 9, "shoes": [], "future": true}'
    path.write_bytes(raw)
    shoes, problems = store.load_user_shoes_report()
    assert shoes == []
    assert [p.kind for p in problems] == ["newer"]
    profile_id = store.save(None, make_profile())
    assert store.profile_shoes(profile_id) == []
    store.save_profile_shoes(profile_id, parse_shoes([{"id": "b", "name": "B"}]))
    assert path.read_bytes() == raw


def test_restore_refuses_to_overwrite(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile())
    store.delete(profile_id)
    store.save(profile_id, make_profile("Same id again"))
    with pytest.raises(StorageError):
        store.restore(profile_id)


def test_leftovers_of_a_killed_write_are_removed_on_open(private_data_dir: Path) -> None:
    with ProfileStore() as first:
        profile_id = first.save(None, make_profile())
    leftover = private_data_dir / "profiles" / f"{profile_id}.json.abc123.tmp"
    leftover.write_bytes(b'{"half": ')
    with ProfileStore() as second:
        assert not leftover.exists()
        assert second.list_profiles()[1] == []


def test_export_to_a_missing_folder_names_the_file(store: ProfileStore, tmp_path: Path) -> None:
    profile_id = store.save(None, make_profile())
    target = tmp_path / "no" / "such" / "folder.json"
    with pytest.raises(InputFileError) as error:
        store.export(profile_id, target)
    assert error.value.path == target
