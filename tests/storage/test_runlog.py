"""The SQLite run log: schema, modes, dedupe, shoes per profile, the old global list."""

from __future__ import annotations

import json
import sqlite3
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_helpers import FULL_PROFILE

from shoeadvisor.core.files import parse_profile
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage import ProfileStore, StorageError
from shoeadvisor.storage.runlog import SCHEMA_VERSION, NewRun, RunLog, RunLogError

START = datetime(2025, 5, 1, 7, tzinfo=UTC)


def new_run(n: int, km: float = 8.0, digest: str | None = None, shoe: str | None = None) -> NewRun:
    return NewRun(
        START + timedelta(days=n),
        km * 1000,
        2400,
        2500,
        30,
        28,
        "running",
        None,
        None,
        f"run{n}.fit",
        digest or f"hash{n}",
        shoe,
    )


@pytest.fixture
def log(tmp_path: Path) -> RunLog:
    with RunLog(tmp_path / "runs.sqlite3") as opened:
        yield opened


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_file_is_private_wal_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    with RunLog(path) as log:
        log.add_runs("p", [new_run(0)])
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_runs_round_trip_per_profile(log: RunLog) -> None:
    ids = log.add_runs("a", [new_run(1, 5), new_run(0, 10)])
    log.add_runs("b", [new_run(3)])
    runs = log.runs("a")
    assert [r.distance_km for r in runs] == [10, 5]  # oldest first
    assert sorted(r.id for r in runs) == sorted(i for i in ids if i is not None)
    assert [r.source_file for r in log.runs("b")] == ["run3.fit"]


def test_same_hash_or_same_start_and_distance_is_a_duplicate(log: RunLog) -> None:
    assert log.add_runs("a", [new_run(0)])[0] is not None
    assert log.add_runs("a", [new_run(0)]) == [None]  # same file
    near = NewRun(
        START + timedelta(seconds=40),
        8030,
        None,
        None,
        None,
        None,
        "running",
        None,
        None,
        "same.gpx",
        "other-hash",
    )
    assert log.add_runs("a", [near]) == [None]  # same run from another device or export
    other = NewRun(
        START + timedelta(hours=5),
        8000,
        None,
        None,
        None,
        None,
        "running",
        None,
        None,
        "evening.gpx",
        "hash-evening",
    )
    assert log.add_runs("a", [other])[0] is not None
    assert log.add_runs("b", [new_run(0)])[0] is not None  # another runner may have it


def test_knee_pain_and_shoe_changes_are_checked(log: RunLog) -> None:
    (run_id,) = log.add_runs("a", [new_run(0)])
    assert run_id is not None
    log.set_knee_pain("a", run_id, 4)
    assert log.runs("a")[0].knee_pain == 4
    for bad in (-1, 11, 2.5, True):
        with pytest.raises(RunLogError, match="0 to 10"):
            log.set_knee_pain("a", run_id, bad)  # type: ignore[arg-type]
    with pytest.raises(RunLogError, match="no shoe"):
        log.set_run_shoe("a", run_id, "ghost")
    with pytest.raises(RunLogError, match="not in this runner"):
        log.set_knee_pain("b", run_id, 3)
    log.put_shoe("a", Shoe(id="peg", name="Pegasus"))
    log.set_run_shoe("a", run_id, "peg")
    assert log.runs("a")[0].shoe_id == "peg"


def test_shoe_km_start_km_retire_and_defaults(log: RunLog) -> None:
    log.put_shoe("a", Shoe(id="peg", name="Pegasus"), start_km=100)
    log.put_shoe("a", Shoe(id="trail", name="Speedgoat"))
    log.add_runs("a", [new_run(0, 10, shoe="peg"), new_run(1, 5, shoe="peg"), new_run(2, 7)])
    log.set_default_shoe("a", "trail", "trail")
    shoes = {s.id: s for s in log.shoes("a")}
    assert shoes["peg"].km == pytest.approx(115)
    assert shoes["peg"].runs == 2
    assert shoes["trail"].km == 0
    assert shoes["trail"].default_for == ("trail",)
    log.retire_shoe("a", "trail")
    retired = log.shoes("a")[-1]
    assert retired.id == "trail" and retired.retired is not None
    assert log.default_shoes("a") == {}  # a retired shoe is no one's default
    log.retire_shoe("a", "trail", retired=False)
    assert all(s.retired is None for s in log.shoes("a"))


def test_replacing_the_list_retires_a_used_shoe_instead_of_losing_it(log: RunLog) -> None:
    log.replace_shoes("a", [Shoe(id="old", name="Old"), Shoe(id="unused", name="Unused")])
    log.add_runs("a", [new_run(0, 12, shoe="old")])
    log.replace_shoes("a", [Shoe(id="new", name="New")])
    shoes = {s.id: s for s in log.shoes("a")}
    assert set(shoes) == {"new", "old"}
    assert shoes["old"].retired is not None and shoes["old"].km == pytest.approx(12)


def test_newer_run_log_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    RunLog(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(RunLogError, match="newer ShoeAdvisor"):
        RunLog(path)
    assert path.read_bytes() == before


def test_read_only_log_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    with RunLog(path) as log:
        log.add_runs("a", [new_run(0)])
    with RunLog(path, read_only=True) as ro:
        assert len(ro.runs("a")) == 1
        with pytest.raises(RunLogError, match="another ShoeAdvisor"):
            ro.add_runs("a", [new_run(1)])
    with RunLog(tmp_path / "missing.sqlite3", read_only=True) as empty:
        assert empty.runs("a") == []
    assert not (tmp_path / "missing.sqlite3").exists()


# -- through the store ------------------------------------------------------


def profile(name: str = "Runner") -> object:
    return parse_profile({**FULL_PROFILE, "name": name})


def test_damaged_database_is_quarantined_and_a_new_one_started(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        store.run_log()
    (private_data_dir / "runs.sqlite3").write_bytes(b"this is not a database" * 100)
    with ProfileStore() as store:
        assert store.run_log().runs("x") == []
    moved = list((private_data_dir / "quarantine").glob("runs*.sqlite3"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
    assert list((private_data_dir / "quarantine").glob("*.why.txt"))


def test_newer_database_through_the_store_is_a_storage_error(private_data_dir: Path) -> None:
    RunLog(private_data_dir / "runs.sqlite3").close()
    conn = sqlite3.connect(private_data_dir / "runs.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with ProfileStore() as store, pytest.raises(StorageError, match="newer"):
        store.run_log()


def test_old_global_shoe_list_is_copied_to_each_profile_and_kept(private_data_dir: Path) -> None:
    legacy = [{"id": "peg", "name": "Pegasus", "features": {"cushioning": 3}}]
    (private_data_dir / "shoes.json").write_text(json.dumps(legacy))
    before = (private_data_dir / "shoes.json").read_bytes()
    with ProfileStore() as store:
        ana = store.save(None, profile("Ana"))  # type: ignore[arg-type]
        ben = store.save(None, profile("Ben"))  # type: ignore[arg-type]
        assert [s.id for s in store.profile_shoes(ana)] == ["peg"]
        store.save_profile_shoes(ana, [Shoe(id="speed", name="Speedgoat")])
        assert [s.id for s in store.profile_shoes(ana)] == ["speed"]
        # Ben's list is still the old one; Ana's change is hers alone.
        assert [s.id for s in store.profile_shoes(ben)] == ["peg"]
        assert store.profile_shoes(ben)[0].features == {"cushioning": 3}
    # The old file is never moved or rewritten: nothing is lost, and an older
    # ShoeAdvisor still finds it.
    assert (private_data_dir / "shoes.json").read_bytes() == before


def test_profile_shoes_refuse_a_bad_profile_id() -> None:
    with ProfileStore() as store, pytest.raises(StorageError):
        store.profile_shoes("../../etc/passwd")
