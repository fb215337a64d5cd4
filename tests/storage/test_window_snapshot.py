"""The kept first frame's file and key: used only under the key of what it came from."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from shoeadvisor.core.resources import resources_dir
from shoeadvisor.storage import window_snapshot
from shoeadvisor.storage.lock import LOCK_NAME
from shoeadvisor.storage.window_snapshot import (
    FILE_NAME,
    SnapshotFile,
    data_folder_stamp,
    snapshot_key,
)


def private_mode(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


VALUE = {"format": 1, "name": "Sam", "rows": [1, 2.5, "three", None, True]}


@pytest.fixture
def kept(tmp_path: Path) -> SnapshotFile:
    return SnapshotFile(tmp_path / "cache" / FILE_NAME)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder as the store leaves it: two profiles, the state file, a run log."""
    root = tmp_path / "data"
    (root / "profiles").mkdir(parents=True)
    (root / "profiles" / "a.json").write_text('{"name": "A"}', encoding="utf-8")
    (root / "profiles" / "b.json").write_text('{"name": "B"}', encoding="utf-8")
    (root / "state.json").write_text('{"last_opened": "a"}', encoding="utf-8")
    (root / "runs.sqlite3").write_bytes(b"SQLite format 3\x00" + bytes(range(200)) * 2000)
    return root


def test_kept_under_its_key_only(kept: SnapshotFile) -> None:
    assert kept.load("k1") is None  # nothing kept yet
    assert kept.save("k1", VALUE)
    assert kept.load("k1") == VALUE
    assert kept.load("k2") is None
    assert private_mode(kept.path)


def test_saving_the_same_again_writes_nothing(kept: SnapshotFile) -> None:
    kept.save("k1", VALUE)
    before = os.stat(kept.path)
    kept.save("k1", VALUE)
    after = os.stat(kept.path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    kept.save("k1", {**VALUE, "name": "Alex"})
    assert kept.load("k1") == {**VALUE, "name": "Alex"}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not kept at all",
        b'ShoeAdvisor kept window 1 KEY\n{"format": 1, "name":',  # truncated
        b"ShoeAdvisor kept window 1 KEY\n\xff\xfe garbage",
        b"ShoeAdvisor kept window 1 KEY\n[1, 2, 3]",  # JSON, but not a kept window
        b"ShoeAdvisor kept window 1 KEY\n" + b"[" * 100_000,  # too deep to decode
    ],
    ids=["empty", "foreign", "truncated", "garbage", "not-an-object", "deep"],
)
def test_a_damaged_file_is_ignored_and_replaced(kept: SnapshotFile, damage: bytes) -> None:
    kept.path.parent.mkdir(parents=True)
    kept.path.write_bytes(damage.replace(b"KEY", b"k1"))
    assert kept.load("k1") is None
    assert kept.save("k1", VALUE)
    assert kept.load("k1") == VALUE


def test_a_file_others_may_write_is_never_used(kept: SnapshotFile) -> None:
    kept.save("k1", VALUE)
    os.chmod(kept.path, 0o666)
    assert kept.load("k1") is None
    assert kept.save("k1", VALUE)  # replaced by this user's own
    assert private_mode(kept.path)
    assert kept.load("k1") == VALUE


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_file_another_user_owns_is_never_used(kept: SnapshotFile) -> None:
    kept.save("k1", VALUE)
    os.chown(kept.path, 65534, 65534)
    assert kept.load("k1") is None
    assert kept.save("k1", VALUE)
    assert kept.path.stat().st_uid == os.geteuid()
    assert kept.load("k1") == VALUE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(10)
def test_a_fifo_in_its_place_neither_hangs_nor_stays(kept: SnapshotFile) -> None:
    kept.path.parent.mkdir(parents=True)
    os.mkfifo(kept.path)
    assert kept.load("k1") is None
    assert kept.save("k1", VALUE)
    assert stat.S_ISREG(os.lstat(kept.path).st_mode)
    assert kept.load("k1") == VALUE


def test_a_folder_in_its_place_only_costs_time(kept: SnapshotFile) -> None:
    kept.path.mkdir(parents=True)
    assert kept.load("k1") is None
    assert not kept.save("k1", VALUE)


def test_forget(kept: SnapshotFile) -> None:
    kept.save("k1", VALUE)
    kept.forget()
    assert not kept.path.exists()
    kept.forget()  # nothing there: no error


# -- what the key covers ---------------------------------------------------------------


def test_the_stamp_follows_every_file_a_start_reads(folder: Path) -> None:
    stamp = data_folder_stamp(folder)
    assert data_folder_stamp(folder) == stamp  # nothing changed

    def changed(step: object) -> None:
        nonlocal stamp
        now = data_folder_stamp(folder)
        assert now != stamp, step
        stamp = now

    (folder / "profiles" / "a.json").write_text('{"name": "Z"}', encoding="utf-8")
    changed("a profile's bytes, same size")
    (folder / "profiles" / "c.json").write_text("{}", encoding="utf-8")
    changed("a profile added")
    (folder / "profiles" / "b.json").unlink()
    changed("a profile removed")
    (folder / "profiles" / "a.json.bak").write_text("{}", encoding="utf-8")
    changed("a backup appeared")
    (folder / "state.json").write_text('{"last_opened": "c"}', encoding="utf-8")
    changed("another last-opened profile")
    with (folder / "runs.sqlite3").open("r+b") as log:  # the header's change counter
        log.seek(24)
        log.write(b"\x00\x00\x00\x07")
    changed("the run log's header")
    (folder / "runs.sqlite3-wal").write_bytes(b"journal")
    changed("a run log journal")
    (folder / "shoes.json").write_text("[]", encoding="utf-8")
    changed("the old shoe list")


def test_the_stamp_leaves_out_what_a_start_does_not_read(folder: Path) -> None:
    stamp = data_folder_stamp(folder, ignore=("window.ini",))
    (folder / LOCK_NAME).write_text("1234\nhost\n", encoding="utf-8")
    (folder / "runs.sqlite3-shm").write_bytes(b"index")
    for name in ("cache", "quarantine", "trash"):
        (folder / name).mkdir()
        (folder / name / "x.json").write_text("{}", encoding="utf-8")
    (folder / "window.ini").write_text("[window]\n", encoding="utf-8")
    assert data_folder_stamp(folder, ignore=("window.ini",)) == stamp


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(10)
def test_the_stamp_never_opens_a_fifo(folder: Path) -> None:
    os.mkfifo(folder / "profiles" / "d.json")
    stamp = data_folder_stamp(folder)
    assert stamp == data_folder_stamp(folder)


def test_the_key_follows_the_code_the_resources_and_the_version(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    code = tmp_path / "session.py"
    code.write_text("# the session\n", encoding="utf-8")
    key = snapshot_key(folder, resources, [code])
    assert snapshot_key(folder, resources, [code]) == key

    features = resources / "features.toml"
    features.write_text(features.read_text(encoding="utf-8") + "\n# more\n", encoding="utf-8")
    assert snapshot_key(folder, resources, [code]) != key, "a resource"
    key = snapshot_key(folder, resources, [code])

    code.write_text("# the session, changed\n", encoding="utf-8")
    assert snapshot_key(folder, resources, [code]) != key, "the session's code"
    key = snapshot_key(folder, resources, [code])

    monkeypatch.setattr(
        window_snapshot, "installed_version", lambda name: "9.9" if name == "shoeadvisor" else ""
    )
    assert snapshot_key(folder, resources, [code]) != key, "the app's version"
    key = snapshot_key(folder, resources, [code])

    (folder / "profiles" / "a.json").write_text('{"name": "Q"}', encoding="utf-8")
    assert snapshot_key(folder, resources, [code]) != key, "the data folder"
