"""An export (from the window: session -> storage/exports.py) never replaces the store's
own files: a saved profile, its backup, the shoes file, the run log. One clear line instead."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storage_helpers import make_profile

from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage import ProfileStore, StorageError, write_profile_file, write_shoes_file
from shoeadvisor.storage.runlog import NewRun

SHOE = Shoe.model_validate({"id": "road", "name": "Road", "features": {}})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProfileStore]:
    """A store in a folder of its own (not $SHOEADVISOR_DATA_DIR), as the window opens it."""
    with ProfileStore(tmp_path / "data") as opened:
        yield opened


def _filled(store: ProfileStore) -> str:
    profile_id = store.save(None, make_profile("Ana"))
    store.save(profile_id, make_profile("Ana", weight_kg=71))  # now it has a .bak
    (store.root / "shoes.json").write_text('[{"id": "old", "name": "Old", "features": {}}]')
    from datetime import UTC, datetime

    store.save_profile_shoes(profile_id, [SHOE])
    store.run_log().add_runs(
        profile_id,
        [
            NewRun(
                datetime(2025, 5, 1, tzinfo=UTC),
                5000.0,
                1500,
                1500,
                None,
                None,
                "running",
                None,
                None,
                "a.fit",
                "h",
                "road",
            )
        ],
    )
    return profile_id


TARGETS: dict[str, Callable[[ProfileStore, str], Path]] = {
    "profile": lambda s, pid: s.profile_path(pid),
    "profile backup": lambda s, pid: s.profile_path(pid).with_name(f"{pid}.json.bak"),
    "another name in profiles/": lambda s, pid: s.profiles_dir / "export.json",
    "shoes file": lambda s, pid: s.root / "shoes.json",
    "shoes backup": lambda s, pid: s.root / "shoes.json.bak",
    "run log": lambda s, pid: s.run_log_path,
    "run log journal": lambda s, pid: s.root / "runs.sqlite3-wal",
    "state": lambda s, pid: s.root / "state.json",
    "lock": lambda s, pid: s.root / "shoeadvisor.lock",
    "trash": lambda s, pid: s.root / "trash" / f"{pid}.json",
    "quarantine": lambda s, pid: s.root / "quarantine" / "x.json",
}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith("runs.sqlite3")
    }


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("what", ["profile", "shoes"])
def test_an_export_onto_the_stores_own_file_is_refused_in_one_line(
    store: ProfileStore, target: str, what: str
) -> None:
    profile_id = _filled(store)
    (store.root / "trash").mkdir(exist_ok=True)
    (store.root / "quarantine").mkdir(exist_ok=True)
    path = TARGETS[target](store, profile_id)
    before = _snapshot(store.root)
    with pytest.raises(StorageError) as refused:
        if what == "profile":
            write_profile_file(make_profile("Other"), path)
        else:
            write_shoes_file([SHOE], path)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert "ShoeAdvisor" in message and "choose" in message
    assert _snapshot(store.root) == before  # nothing was written, nothing moved
    assert store.load(profile_id).profile.weight_kg == 71
    with sqlite3.connect(store.run_log_path) as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


def test_the_same_file_by_another_way_is_refused(store: ProfileStore, tmp_path: Path) -> None:
    profile_id = _filled(store)
    link = tmp_path / "my-profiles"
    link.symlink_to(store.profiles_dir)
    dotted = store.root / "trash" / ".." / "profiles" / f"{profile_id}.json"
    (store.root / "trash").mkdir(exist_ok=True)
    relative_from = store.profiles_dir
    for path in (link / f"{profile_id}.json", dotted):
        with pytest.raises(StorageError, match="saved profile"):
            write_profile_file(make_profile("Other"), path)
    cwd = os.getcwd()
    os.chdir(relative_from)
    try:
        with pytest.raises(StorageError, match="saved profile"):
            write_profile_file(make_profile("Other"), f"{profile_id}.json")
    finally:
        os.chdir(cwd)
    assert store.load(profile_id).profile.weight_kg == 71


def test_the_default_data_folder_is_protected_with_no_store_open(
    private_data_dir: Path,
) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("Ana"))
        path = store.profile_path(profile_id)
    with pytest.raises(StorageError, match="saved profile"):
        write_profile_file(make_profile("Other"), path)
    with ProfileStore() as store:
        assert store.load(profile_id).profile.name == "Ana"


def test_an_export_anywhere_else_is_written(store: ProfileStore, tmp_path: Path) -> None:
    _filled(store)
    out = tmp_path / "ana.json"
    write_profile_file(make_profile("Ana"), out)
    write_shoes_file([SHOE], tmp_path / "shoes.json")  # the name alone is not refused
    (store.root / "exports").mkdir()
    write_profile_file(make_profile("Ana"), store.root / "exports" / "ana.json")
    assert out.stat().st_size > 0 and (tmp_path / "shoes.json").stat().st_size > 0


def test_store_export_refuses_its_own_files_in_the_same_words(store: ProfileStore) -> None:
    from shoeadvisor.core.files import InputFileError

    profile_id = _filled(store)
    with pytest.raises(InputFileError, match="run log"):
        store.export(profile_id, store.run_log_path)
    with pytest.raises(InputFileError, match="saved profile"):
        store.export(profile_id, store.profile_path(profile_id))
