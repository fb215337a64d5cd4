"""Two running copies, and copies killed in the middle of a write."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_helpers import FULL_PROFILE, make_profile

from shoeadvisor.storage import ProfileStore, ReadOnlyError, parse_stored_profile

WORKER = Path(__file__).with_name("store_worker.py")


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def _first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def test_second_process_is_read_only_while_the_first_runs() -> None:
    with ProfileStore() as first:
        profile_id = first.save(None, make_profile("Shared"))
        second = _start("hold")
        try:
            assert _first_line(second) == "read_only=True"
        finally:
            second.communicate("", timeout=10)
        assert second.returncode == 0
        assert not first.read_only
        first.save(profile_id, make_profile("Still mine"))


def test_this_process_is_read_only_while_another_runs() -> None:
    with ProfileStore() as setup:
        profile_id = setup.save(None, make_profile("Before"))
    other = _start("hold")
    try:
        assert _first_line(other) == "read_only=False"
        with ProfileStore() as second:
            assert second.read_only
            assert second.lock_holder() is not None
            entries, _ = second.list_profiles()
            assert [e.name for e in entries] == ["Before"]
            for change in (
                lambda: second.save(profile_id, make_profile("Overwrite")),
                lambda: second.save(None, make_profile("New")),
                lambda: second.delete(profile_id),
                lambda: second.rename(profile_id, "X"),
                lambda: second.duplicate(profile_id),
                lambda: second.save_profile_shoes(profile_id, []),
            ):
                with pytest.raises(ReadOnlyError):
                    change()
            second.set_last_opened(profile_id)  # quietly not remembered
            assert second.retry_lock() is False
            other.communicate("", timeout=10)
            assert second.retry_lock() is True
            assert not second.read_only
            second.save(profile_id, make_profile("After"))
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()
    with ProfileStore() as third:
        assert third.load(profile_id).name == "After"


def test_read_only_copy_never_moves_bad_files(private_data_dir: Path) -> None:
    other = _start("hold")
    try:
        assert _first_line(other) == "read_only=False"
        bad = private_data_dir / "profiles" / "5a5a5a5a-1111-4222-8333-444455556666.json"
        bad.write_bytes(b"{")
        with ProfileStore() as second:
            _, problems = second.list_profiles()
        assert [p.kind for p in problems] == ["unreadable"]
        assert bad.read_bytes() == b"{"
    finally:
        other.communicate("", timeout=10)


def test_lock_of_a_killed_process_is_taken_over() -> None:
    other = _start("hold")
    assert _first_line(other) == "read_only=False"
    other.send_signal(signal.SIGKILL)
    other.wait()
    with ProfileStore() as store:
        assert not store.read_only


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_saving_or_importing_never_breaks_a_profile(tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    source = tmp_path / "import-me.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    with ProfileStore() as setup:
        ids = [setup.save(None, make_profile(f"Runner {n}")) for n in range(4)]
        folder = setup.profiles_dir
    deadline = time.monotonic() + 10
    rounds = 0
    while time.monotonic() < deadline and rounds < 60:
        rounds += 1
        worker = _start("churn", str(source))
        try:
            assert _first_line(worker) == "ready", f"seed {seed}"
            time.sleep(rng.uniform(0, 0.05))  # a random moment in the write loop
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        # Every main file is whole by itself, without needing the .bak.
        for path in folder.glob("*.json"):
            stored = parse_stored_profile(path.read_bytes(), path, file_id=path.stem)
            assert stored.profile.name, f"seed {seed}, round {rounds}"
        with ProfileStore() as check:
            assert not check.read_only, "the killed process's lock was not taken over"
            entries, problems = check.list_profiles()
        assert problems == [], f"seed {seed}, round {rounds}: {problems}"
        assert set(ids) <= {e.id for e in entries}
        assert not list(folder.glob("*.tmp")), "leftover temporary files were not cleaned"
    assert rounds >= 10, f"only {rounds} rounds ran"
    print(f"{rounds} kill rounds, seed {seed}, {len(entries)} profiles at the end")
