"""The data folder under attack: FIFOs, files in the way, read-only folders, full disks."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import FULL_PROFILE, make_profile

from shoeadvisor.cli import main
from shoeadvisor.storage import ProfileStore, StorageError
from shoeadvisor.storage.atomic import backup_path
from shoeadvisor.storage.lock import describe_lock_info

FILE_ID = "5a5a5a5a-1111-4222-8333-444455556666"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")


def _cli(
    env: dict[str, str], *args: str, timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shoeadvisor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        **kwargs,
    )


def _one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


# -- FIFOs and other files that are not regular ---------------------------------


@needs_fifo
@pytest.mark.timeout(20)
def test_a_fifo_named_like_a_profile_never_hangs_the_lock_holder(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        good = store.save(None, make_profile("Good"))
        os.mkfifo(store.profiles_dir / f"{FILE_ID}.json")
        os.mkfifo(store.profiles_dir / f"{good}.json.bak")
        assert not store.read_only  # this store holds the lock while it lists
        entries, problems = store.list_profiles()
    assert [e.name for e in entries] == ["Good"]
    reasons = {p.path.name: (p.kind, p.reason) for p in problems}
    assert reasons[f"{FILE_ID}.json"][0] == "quarantined"
    assert "named pipe (FIFO)" in reasons[f"{FILE_ID}.json"][1]
    moved = private_data_dir / "quarantine" / f"{FILE_ID}.json"
    assert stat.S_ISFIFO(os.lstat(moved).st_mode)  # moved aside, never deleted


@needs_fifo
@pytest.mark.parametrize("kind", ["fifo", "symlink to a fifo"])
def test_a_fifo_as_the_lock_file_never_hangs(private_data_dir: Path, kind: str) -> None:
    private_data_dir.mkdir(exist_ok=True)
    lock = private_data_dir / "shoeadvisor.lock"
    if kind == "fifo":
        os.mkfifo(lock)
    else:
        os.mkfifo(private_data_dir / "elsewhere")
        lock.symlink_to(private_data_dir / "elsewhere")
    listed = _cli({}, "profiles", "list", timeout=20)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    result = _cli({}, "profiles", "import", str(private_data_dir / "x.json"), timeout=20)
    _one_line(result, f"{lock} is not a regular file", "remove it")
    with ProfileStore() as store:
        assert store.read_only_cause() == "bad_lock_file"


@needs_fifo
def test_profiles_list_and_import_of_a_fifo_in_a_process(
    private_data_dir: Path, tmp_path: Path
) -> None:
    profiles = private_data_dir / "profiles"
    profiles.mkdir()
    os.mkfifo(profiles / f"{FILE_ID}.json")
    result = _cli({}, "profiles", "list", timeout=20)
    assert result.returncode == 0 and "named pipe" in result.stderr
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    _one_line(_cli({}, "profiles", "import", str(fifo), timeout=20), str(fifo), "named pipe")


@needs_fifo
@pytest.mark.timeout(20)
def test_a_fifo_as_the_shoes_file_or_the_state_file(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        os.mkfifo(store.root / "shoes.json")
        os.mkfifo(store.root / "state.json")
        shoes, problems = store.load_user_shoes_report()
        assert shoes == [] and problems[0].kind == "quarantined"
        assert store.last_opened() is None


# -- the data folder itself -------------------------------------------------------


def test_data_folder_is_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder")
    result = _cli({"SHOEADVISOR_DATA_DIR": str(data)}, "profiles", "list")
    _one_line(result, f"the data folder {data} is a file, not a folder")
    assert data.read_text() == "not a folder"


def test_profiles_folder_is_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "profiles").write_text("x")
    result = _cli({"SHOEADVISOR_DATA_DIR": str(data)}, "profiles", "import", "x.json")
    _one_line(result, f"the profiles folder {data / 'profiles'} is a file, not a folder")


def test_data_folder_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    data = tmp_path / "file" / "data"
    result = _cli({"SHOEADVISOR_DATA_DIR": str(data)}, "profiles", "list")
    _one_line(result, f"cannot create the data folder {data}", f"{tmp_path / 'file'} is a file")
    with pytest.raises(StorageError, match="is a file"):
        ProfileStore(data)


def test_data_folder_cannot_be_created(other_user: Any) -> None:
    parent = other_user.mkdir("locked", mode=0o555)
    data = parent / "data"
    result = other_user.run("profiles", "list", env={"SHOEADVISOR_DATA_DIR": str(data)})
    _one_line(result, f"cannot create the data folder {data} (permission denied)")


def test_read_only_data_folder_is_not_blamed_on_another_copy(other_user: Any) -> None:
    data = other_user.mkdir("data")
    source = other_user.folder / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    env = {"SHOEADVISOR_DATA_DIR": str(data)}
    assert other_user.run("profiles", "import", str(source), env=env).returncode == 0
    data.chmod(0o500)
    (data / "profiles").chmod(0o500)
    listed = other_user.run("profiles", "list", env=env)
    assert listed.returncode == 0 and FULL_PROFILE["name"] in listed.stdout
    result = other_user.run("profiles", "import", str(source), env=env)
    _one_line(result, "cannot be written (permission denied or a read-only disk)")
    assert "another ShoeAdvisor" not in result.stderr


def test_run_log_in_a_read_only_folder_is_not_blamed_on_another_copy(other_user: Any) -> None:
    data = other_user.mkdir("data")
    source = other_user.folder / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    env = {"SHOEADVISOR_DATA_DIR": str(data)}
    assert other_user.run("profiles", "import", str(source), env=env).returncode == 0
    assert other_user.run("shoes", "add", "Daily", env=env).returncode == 0
    for folder in (data, data / "profiles"):
        folder.chmod(0o500)
    result = other_user.run("shoes", "add", "Second", env=env)
    _one_line(result)
    assert "another ShoeAdvisor" not in result.stderr


def test_profiles_folder_read_only_during_import(other_user: Any) -> None:
    data = other_user.mkdir("data")
    other_user.mkdir("data", "profiles", mode=0o500)
    source = other_user.folder / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    result = other_user.run(
        "profiles", "import", str(source), env={"SHOEADVISOR_DATA_DIR": str(data)}
    )
    _one_line(result, f"cannot save the profile in {data / 'profiles'} (permission denied)")


# -- full disks ------------------------------------------------------------------


def test_disk_full_during_import(tiny_disk: Any, tmp_path: Path) -> None:
    data = tiny_disk.path / "data"
    env = {"SHOEADVISOR_DATA_DIR": str(data)}
    source = tmp_path / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    assert _cli(env, "profiles", "import", str(source)).returncode == 0
    before = {p.name: p.read_bytes() for p in (data / "profiles").iterdir()}
    tiny_disk.fill(leave=4096)  # room for the lock file, not for the profile
    result = _cli(env, "profiles", "import", str(source))
    _one_line(result, "cannot save the profile", "(the disk is full); nothing was changed")
    after = {p.name: p.read_bytes() for p in (data / "profiles").iterdir()}
    assert after == before  # no temporary file left, nothing rewritten


def test_a_full_disk_opens_read_only_and_says_why(tiny_disk: Any, tmp_path: Path) -> None:
    data = tiny_disk.path / "data"
    env = {"SHOEADVISOR_DATA_DIR": str(data)}
    source = tmp_path / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    assert _cli(env, "profiles", "import", str(source)).returncode == 0
    tiny_disk.fill()  # not even the lock file fits
    listed = _cli(env, "profiles", "list")
    assert listed.returncode == 0 and FULL_PROFILE["name"] in listed.stdout
    result = _cli(env, "profiles", "import", str(source))
    _one_line(result, f"the disk holding the profile folder {data} is full")
    assert "another ShoeAdvisor" not in result.stderr


def test_file_size_limit_during_import(tmp_path: Path, private_data_dir: Path) -> None:
    """`ulimit -f`: the write fails with EFBIG (SIGXFSZ is ignored, not fatal)."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")

    def limit() -> None:  # runs in the child only
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    result = _cli({}, "profiles", "import", str(source), preexec_fn=limit)
    _one_line(result, "cannot save the profile", "(the file size limit was reached)")
    assert list((private_data_dir / "profiles").iterdir()) == []


@pytest.mark.parametrize("leave", [0, 4096], ids=["no room at all", "room for the lock"])
def test_listing_on_a_full_disk_when_a_backup_is_needed(tiny_disk: Any, leave: int) -> None:
    data = tiny_disk.path / "data"
    with ProfileStore(data) as store:
        profile_id = store.save(None, make_profile("First"))
        store.save(profile_id, make_profile("Second"))
    main_file = data / "profiles" / f"{profile_id}.json"
    main_file.write_bytes(b"{ damaged")
    tiny_disk.fill(leave)
    for _ in range(2):  # and again, with the damaged file already moved aside
        result = _cli({"SHOEADVISOR_DATA_DIR": str(data)}, "profiles", "list")
        assert result.returncode == 0 and "Traceback" not in result.stderr
        assert "First" in result.stdout  # the copy from before the last save
        assert "the copy from before the last save is used instead" in result.stderr
    # The damaged file is either still there or in quarantine: never lost.
    kept = [main_file, data / "quarantine" / main_file.name]
    assert any(p.exists() and p.read_bytes() == b"{ damaged" for p in kept)
    assert backup_path(main_file).exists()


def test_restore_never_overwrites_a_damaged_file_it_could_not_move(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("First"))
        store.save(profile_id, make_profile("Second"))
        main_file = store.profile_path(profile_id)
        main_file.write_bytes(b"{ damaged")
        monkeypatch.setattr(store, "_quarantine", lambda path, reason: None)
        entries, problems = store.list_profiles()
    assert [e.name for e in entries] == ["First"]
    assert "could not be moved aside" in problems[0].reason
    assert main_file.read_bytes() == b"{ damaged"


# -- what must never be rewritten ------------------------------------------------


def test_a_newer_backup_is_never_overwritten_on_save(private_data_dir: Path) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("Now"))
        newer = json.dumps(
            {"storage_version": 9, "id": profile_id, "future": True}, indent=2
        ).encode()
        backup = backup_path(store.profile_path(profile_id))
        backup.write_bytes(newer)
        store.save(profile_id, make_profile("Later"))
        store.save(profile_id, make_profile("Later still"))
        assert backup.read_bytes() == newer
        assert store.load(profile_id).name == "Later still"


def test_a_newer_shoes_backup_is_never_overwritten(private_data_dir: Path) -> None:
    from shoeadvisor.core.shoes import parse_shoes
    from shoeadvisor.storage.schema import encode_stored_shoes

    with ProfileStore() as store:
        main = store.root / "shoes.json"
        main.write_bytes(encode_stored_shoes(parse_shoes([{"id": "a", "name": "A"}])))
        newer = b'{"storage_version": 9, "shoes": [], "future": true}'
        backup = backup_path(main)
        backup.write_bytes(newer)
        profile_id = store.save(None, make_profile())
        assert [s.id for s in store.profile_shoes(profile_id)] == ["a"]
        store.save_profile_shoes(profile_id, parse_shoes([{"id": "b", "name": "B"}]))
        assert backup.read_bytes() == newer
        assert [s.id for s in store.profile_shoes(profile_id)] == ["b"]


def test_export_over_the_saved_profile_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("Mine"))
        path = store.profile_path(profile_id)
    before = path.read_bytes()
    assert main(["profiles", "export", profile_id, "-o", str(path)]) == 2
    assert "is a saved profile; choose a file outside" in capsys.readouterr().err
    assert path.read_bytes() == before


# -- modes and the lock ------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_every_file_in_the_data_folder_is_private(private_data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        with ProfileStore() as store:
            assert _mode(store.root / "shoeadvisor.lock") == 0o600
            profile_id = store.save(None, make_profile("One"))
            store.save(profile_id, make_profile("Two"))
            store.set_last_opened(profile_id)
            stray = store.profiles_dir / f"{FILE_ID}.json"
            stray.write_text("{")
            stray.chmod(0o644)
            store.list_profiles()
            store.delete(profile_id)
    finally:
        os.umask(old)
    files = [p for p in private_data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".why.txt") for p in files)
    assert any(p.parent.name == "quarantine" and p.suffix == ".json" for p in files)
    assert {p.relative_to(private_data_dir).as_posix(): _mode(p) for p in files} == {
        p.relative_to(private_data_dir).as_posix(): 0o600 for p in files
    }
    folders = [p for p in private_data_dir.rglob("*") if p.is_dir()]
    assert all(_mode(p) == 0o700 for p in folders), {p.name: oct(_mode(p)) for p in folders}


def test_lock_holder_is_pid_on_host() -> None:
    assert describe_lock_info((4242, "laptop", "python3.11")) == "process 4242 on laptop"
    assert describe_lock_info((4242, "", "python3.11")) == "process 4242"
    assert describe_lock_info((0, "", "")) is None
    assert describe_lock_info(False) is None


def test_lock_holder_of_another_process(private_data_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from shoeadvisor.storage import ProfileStore; s = ProfileStore(); "
            "print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with ProfileStore() as store:
            assert store.read_only and store.read_only_cause() == "other_copy"
            reason = store.read_only_reason() or ""
        host = os.uname().nodename
        assert f"another ShoeAdvisor (process {holder.pid} on {host})" in reason
    finally:
        holder.communicate("", timeout=20)


@needs_fifo
def test_writes_never_replace_a_device_or_a_fifo(tmp_path: Path) -> None:
    from shoeadvisor.storage.atomic import NotRegularFileError, atomic_write

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        atomic_write(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_dev_null_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("Mine"))
    assert main(["profiles", "export", profile_id, "-o", os.devnull]) == 2
    err = capsys.readouterr().err
    assert "a device, FIFO or socket, not a regular file" in err and err.count("\n") == 1
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
