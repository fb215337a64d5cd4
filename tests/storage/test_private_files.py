"""Every file ShoeAdvisor writes or moves is this user's only (0600), also when the file
it replaces or keeps was 0644 (an older version, a copy); the knowledge cache is never
unpickled from a file someone else could have written."""

from __future__ import annotations

import os
import pickle
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import make_profile

from shoeadvisor.core.knowledge import knowledge_key
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage import ProfileStore, write_profile_file, write_shoes_file
from shoeadvisor.storage.atomic import backup_path
from shoeadvisor.storage.knowledge_cache import _MAGIC, FILE_NAME, PickleFileCache
from shoeadvisor.storage.runlog import RunLog, side_files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)  # the usual umask: a file created without care would be 0644
    yield
    os.umask(old)


def test_exports_from_the_window_replace_a_0644_file_with_a_private_one(tmp_path: Path) -> None:
    profile_out, shoes_out = tmp_path / "me.json", tmp_path / "shoes.json"
    for path in (profile_out, shoes_out):
        path.write_text("an older export")
        path.chmod(0o644)
    write_profile_file(make_profile("Ana"), profile_out)
    write_shoes_file([Shoe(id="daily", name="Daily")], shoes_out)
    assert {_mode(profile_out), _mode(shoes_out)} == {0o600}
    assert '"Ana"' in profile_out.read_text() and '"daily"' in shoes_out.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.json", "shoes.json"]


def test_the_backup_of_a_0644_profile_is_private(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("First"))
        main = store.profile_path(profile_id)
        main.chmod(0o644)  # as an older version, or a copy, left it
        store.save(profile_id, make_profile("Second"))
        assert _mode(main) == 0o600
        assert _mode(backup_path(main)) == 0o600
        assert '"First"' in backup_path(main).read_text()


def test_deleted_profiles_are_private_in_the_trash(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("First"))
        store.save(profile_id, make_profile("Second"))
        main = store.profile_path(profile_id)
        for path in (main, backup_path(main)):
            path.chmod(0o644)
        store.delete(profile_id)
    trash = private_data_dir / "trash"
    assert {p.name: _mode(p) for p in trash.iterdir()} == {
        main.name: 0o600,
        backup_path(main).name: 0o600,
    }


def test_a_0644_run_log_is_made_private_with_its_journal(private_data_dir: Path) -> None:
    path = private_data_dir / "runs.sqlite3"
    RunLog(path).close()
    path.chmod(0o644)  # SQLite would give a new -wal and -shm this mode too
    with ProfileStore() as store:
        store.run_log().put_shoe("x", Shoe(id="a", name="A"))
        wal, shm = side_files(path)
        assert {p.name: _mode(p) for p in (path, wal, shm)} == {
            "runs.sqlite3": 0o600,
            "runs.sqlite3-wal": 0o600,
            "runs.sqlite3-shm": 0o600,
        }


# -- the knowledge cache: a pickle is code --------------------------------------------


class Marker:
    """Unpickling it creates a file: proof that a pickle was loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.path,))


def _planted_cache(tmp_path: Path) -> tuple[PickleFileCache, str, Path]:
    key = knowledge_key(resources_dir())
    cache = PickleFileCache(tmp_path / "cache" / FILE_NAME)
    cache.path.parent.mkdir(mode=0o700)
    marker = tmp_path / "unpickled"
    header = _MAGIC + key.encode("ascii", "replace") + b"\n"
    cache.path.write_bytes(header + pickle.dumps(Marker(marker)))
    cache.path.chmod(0o600)
    return cache, key, marker


def test_the_planted_cache_is_loaded_when_it_is_this_users_own(tmp_path: Path) -> None:
    cache, key, marker = _planted_cache(tmp_path)
    cache.load(key)
    assert marker.exists()  # the control: the tests below would see an unpickling


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602], ids=["0666", "0620", "0602"])
def test_a_cache_file_others_may_write_is_never_unpickled(tmp_path: Path, mode: int) -> None:
    cache, key, marker = _planted_cache(tmp_path)
    cache.path.chmod(mode)
    assert cache.load(key) is None
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_cache_file_of_another_user_is_never_unpickled(tmp_path: Path) -> None:
    cache, key, marker = _planted_cache(tmp_path)
    os.chown(cache.path, 65534, 65534)
    assert cache.load(key) is None
    assert not marker.exists()
    cache.save(key, {"rebuilt": True})  # replaced by this user's own copy
    assert cache.path.stat().st_uid == os.geteuid() and _mode(cache.path) == 0o600
    assert cache.load(key) == {"rebuilt": True}
