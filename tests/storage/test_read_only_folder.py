"""The run log in a data folder that cannot be written, and files that are not SQLite's.

Reading works in a read-only folder (a read-only disk, a folder without write
permission); every change says the folder cannot be written, in one line. A FIFO
where the database or its journal goes never hangs, and a sound database is never
moved aside for something that is not its fault.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import FULL_PROFILE

from shoeadvisor.core.files import parse_profile
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage import ProfileStore, StorageError
from shoeadvisor.storage.runlog import NewRun, RunLog, side_files

START = datetime(2025, 5, 1, 7, tzinfo=UTC)
READ_ONLY_WORDS = "cannot be written (permission denied or a read-only disk)"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")


def new_run(n: int, source: str) -> NewRun:
    return NewRun(
        START + timedelta(days=n), 8000, 2400, 2500, 30, 28, "running", None, None, source,
        f"hash-{source}", None,
    )  # fmt: skip


def _saved_runner(data: Path) -> str:
    with ProfileStore(data) as store:
        return store.save(None, parse_profile({**FULL_PROFILE, "name": "Ana"}))


def _give_to(user: Any, folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        user.own(path)


def _one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def _listed_runs(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result
    return [run["source_file"] for run in json.loads(result.stdout)["runs"]]


def test_runs_and_shoes_are_read_in_a_read_only_folder_and_changes_refused(
    other_user: Any,
) -> None:
    data = other_user.folder / "data"
    runner = _saved_runner(data)
    with ProfileStore(data) as store:
        log = store.run_log()
        log.put_shoe(runner, Shoe(id="daily", name="Daily"))
        log.add_runs(runner, [new_run(0, "a.fit"), new_run(1, "b.fit")])
        log.set_run_shoe(runner, log.runs(runner)[0].id, "daily")
    _give_to(other_user, data)
    for folder in (data, data / "profiles"):
        folder.chmod(0o500)
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    env = {"SHOEADVISOR_DATA_DIR": str(data)}

    listed = other_user.run("runs", "list", "--json", env=env)
    assert _listed_runs(listed) == ["a.fit", "b.fit"]
    assert listed.stderr == ""  # nothing to warn about: the log was closed cleanly
    shoes = other_user.run("shoes", "list", "--json", env=env)
    assert shoes.returncode == 0, shoes
    assert [(s["id"], s["km"]) for s in json.loads(shoes.stdout)["shoes"]] == [("daily", 8.0)]

    for change in (
        ["shoes", "add", "Second"],
        ["shoes", "retire", "daily"],
        ["runs", "pain", "1", "3"],
        ["runs", "import", str(other_user.folder / "nothing.fit")],
    ):
        result = other_user.run(*change, env=env)
        _one_line(result, str(data), READ_ONLY_WORDS)
        assert "another ShoeAdvisor" not in result.stderr
    after = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert after == before  # no -wal, -shm or lock file left behind, nothing rewritten


@pytest.mark.parametrize("with_shm", [False, True], ids=["wal only", "wal and shm"])
def test_a_crash_left_wal_in_a_read_only_folder(other_user: Any, with_shm: bool) -> None:
    """What a crash leaves, then the folder made read-only (a USB stick, a backup).

    With the -shm index SQLite reads the journal too; without it (and no way to create
    it) only the main file can be read, and the runner is told what may be missing.
    """
    data = other_user.folder / "data"
    runner = _saved_runner(data)
    with ProfileStore(data) as store:
        store.run_log().add_runs(runner, [new_run(0, "merged.fit")])  # checkpointed at close
    crashed = other_user.folder / "crashed"
    shutil.copytree(data, crashed)
    with ProfileStore(data) as store:
        store.run_log().add_runs(runner, [new_run(1, "in-the-wal.fit")])
        wal, shm = side_files(store.run_log_path)
        assert wal.stat().st_size > 0
        # The files as a crash leaves them: the journal not merged into the main file.
        shutil.copyfile(store.run_log_path, crashed / "runs.sqlite3")
        shutil.copyfile(wal, crashed / wal.name)
        if with_shm:
            shutil.copyfile(shm, crashed / shm.name)
    _give_to(other_user, crashed)
    crashed.chmod(0o500)

    listed = other_user.run("runs", "list", "--json", env={"SHOEADVISOR_DATA_DIR": str(crashed)})
    if with_shm:
        assert _listed_runs(listed) == ["merged.fit", "in-the-wal.fit"]
        assert listed.stderr == ""
    else:
        assert _listed_runs(listed) == ["merged.fit"]
        assert listed.stderr.count("\n") == 1
        assert "note: runs.sqlite3-wal holds changes not yet merged" in listed.stderr
        assert "may be missing" in listed.stderr
    # Made writable again, the journal is read and nothing was lost.
    crashed.chmod(0o700)
    again = other_user.run("runs", "list", "--json", env={"SHOEADVISOR_DATA_DIR": str(crashed)})
    assert _listed_runs(again) == ["merged.fit", "in-the-wal.fit"]


def test_a_run_log_that_cannot_be_opened_is_not_moved_aside(other_user: Any) -> None:
    """Permission denied is not damage: the runs stay where they are, and it says why."""
    data = other_user.folder / "data"
    runner = _saved_runner(data)
    with ProfileStore(data) as store:
        store.run_log().add_runs(runner, [new_run(0, "a.fit")])
    _give_to(other_user, data)
    (data / "runs.sqlite3").chmod(0)
    result = other_user.run("runs", "list", env={"SHOEADVISOR_DATA_DIR": str(data)})
    _one_line(result, "runs.sqlite3 cannot be opened (unable to open database file)")
    assert not (data / "quarantine").exists()
    (data / "runs.sqlite3").chmod(0o600)
    with RunLog(data / "runs.sqlite3", read_only=True) as log:
        assert [r.source_file for r in log.runs(runner)] == ["a.fit"]


# -- files that are not SQLite's ----------------------------------------------------


@needs_fifo
def test_a_fifo_as_the_run_log_never_hangs_a_read_only_copy(private_data_dir: Path) -> None:
    """In a process of its own: a blocking open of a FIFO cannot be interrupted."""
    runner = _saved_runner(private_data_dir)
    os.mkfifo(private_data_dir / "runs.sqlite3")
    with ProfileStore() as holder:  # another copy holds the lock: the command only reads
        assert not holder.read_only
        result = subprocess.run(
            [sys.executable, "-m", "shoeadvisor", "runs", "list", "--profile", runner],
            capture_output=True,
            text=True,
            timeout=30,  # a hang fails here
            stdin=subprocess.DEVNULL,
        )
        _one_line(result, "runs.sqlite3 is a named pipe (FIFO), not a database")
        with ProfileStore() as store:
            assert store.read_only
            with pytest.raises(StorageError, match=r"is a named pipe \(FIFO\), not a database"):
                store.run_log()
    assert stat.S_ISFIFO(os.lstat(private_data_dir / "runs.sqlite3").st_mode)  # left as is


@needs_fifo
@pytest.mark.timeout(20)
def test_a_fifo_as_the_run_log_is_moved_aside_by_the_writer(private_data_dir: Path) -> None:
    os.mkfifo(private_data_dir / "runs.sqlite3")
    with ProfileStore() as store:
        assert store.run_log().runs("x") == []  # a new log
        store.run_log().put_shoe("x", Shoe(id="a", name="A"))
    moved = private_data_dir / "quarantine" / "runs.sqlite3"
    assert stat.S_ISFIFO(os.lstat(moved).st_mode)
    note = (private_data_dir / "quarantine" / "runs.sqlite3.why.txt").read_text()
    assert "is a named pipe (FIFO), not a database" in note


@needs_fifo
@pytest.mark.timeout(20)
@pytest.mark.parametrize("side", ["-shm", "-wal"])
def test_a_fifo_as_the_journal_moves_only_the_fifo(private_data_dir: Path, side: str) -> None:
    runner = _saved_runner(private_data_dir)
    with ProfileStore() as store:
        store.run_log().add_runs(runner, [new_run(0, "a.fit")])
    fifo = private_data_dir / f"runs.sqlite3{side}"
    os.mkfifo(fifo)
    with ProfileStore() as store:
        assert [r.source_file for r in store.run_log().runs(runner)] == ["a.fit"]
    quarantine = private_data_dir / "quarantine"
    assert sorted(p.name for p in quarantine.iterdir()) == [fifo.name, f"{fifo.name}.why.txt"]
    assert stat.S_ISFIFO(os.lstat(quarantine / fifo.name).st_mode)


@needs_fifo
@pytest.mark.timeout(20)
def test_a_read_only_copy_reads_past_a_fifo_journal_and_says_so(private_data_dir: Path) -> None:
    runner = _saved_runner(private_data_dir)
    with ProfileStore() as store:
        store.run_log().add_runs(runner, [new_run(0, "a.fit")])  # merged into the file at close
    os.mkfifo(private_data_dir / "runs.sqlite3-shm")
    with ProfileStore() as holder, ProfileStore() as store:
        assert store.read_only and not holder.read_only
        assert [r.source_file for r in store.run_log().runs(runner)] == ["a.fit"]
        notice = store.run_log_notice() or ""
    assert "runs.sqlite3-shm is a named pipe (FIFO)" in notice
    assert "latest changes may be missing" in notice
    assert stat.S_ISFIFO(os.lstat(private_data_dir / "runs.sqlite3-shm").st_mode)


# -- modes --------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_run_log_and_its_journal_are_private(private_data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        with ProfileStore() as store:
            store.run_log().put_shoe("x", Shoe(id="a", name="A"))
            wal, shm = side_files(store.run_log_path)
            assert {_mode(p) for p in (store.run_log_path, wal, shm)} == {0o600}
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_damaged_run_log_is_quarantined_with_its_journal_all_private(
    private_data_dir: Path,
) -> None:
    for name in ("runs.sqlite3", "runs.sqlite3-wal", "runs.sqlite3-shm"):
        (private_data_dir / name).write_bytes(b"not SQLite's " * 100)
        (private_data_dir / name).chmod(0o644)
    with ProfileStore() as store:
        assert store.run_log().runs("x") == []
    quarantine = private_data_dir / "quarantine"
    names = {p.name: _mode(p) for p in quarantine.iterdir()}
    assert names == {
        "runs.sqlite3": 0o600,
        "runs.sqlite3-wal": 0o600,
        "runs.sqlite3-shm": 0o600,
        "runs.sqlite3.why.txt": 0o600,
    }
    assert (quarantine / "runs.sqlite3-wal").read_bytes().startswith(b"not SQLite's")
