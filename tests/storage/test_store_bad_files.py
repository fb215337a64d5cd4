"""Bad, damaged and newer files in the data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import FULL_PROFILE, make_profile

from shoeadvisor.core.files import InputFileError, NewerFileError
from shoeadvisor.storage import ProfileStore, StorageProblem

BAD_ID = "5a5a5a5a-1111-4222-8333-444455556666"

GOOD_ENVELOPE = {
    "storage_version": 2,
    "id": BAD_ID,
    "created": "2026-01-01T00:00:00+00:00",
    "modified": "2026-01-01T00:00:00+00:00",
    "profile": FULL_PROFILE,
}

BAD_FILES: dict[str, bytes] = {
    "truncated": json.dumps(GOOD_ENVELOPE).encode()[:150],
    "not JSON": b"name = 'runner'\n",
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "NUL inside": b'{"name": "a\x00b"}',
    "not UTF-8": '{"profile": "ü"}'.encode("latin-1"),
    "JSON list": b"[1, 2, 3]",
    "wrong type": json.dumps(
        {**GOOD_ENVELOPE, "profile": {**FULL_PROFILE, "weight_kg": "70"}}
    ).encode(),
    "unknown key": json.dumps({**GOOD_ENVELOPE, "colour": "red"}).encode(),
    "bad date": json.dumps({**GOOD_ENVELOPE, "created": "yesterday"}).encode(),
    "id mismatch": json.dumps(
        {**GOOD_ENVELOPE, "id": "00000000-0000-4000-8000-000000000000"}
    ).encode(),
    "version as text": json.dumps({**GOOD_ENVELOPE, "storage_version": "2"}).encode(),
    "too large": json.dumps({**GOOD_ENVELOPE, "padding": " " * 1_100_000}).encode(),
    "NaN": json.dumps(
        {**GOOD_ENVELOPE, "profile": {**FULL_PROFILE, "weight_kg": float("nan")}}
    ).encode(),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.fixture
def store() -> ProfileStore:
    with ProfileStore() as opened:
        yield opened


def _others(store: ProfileStore) -> list[str]:
    return [store.save(None, make_profile(f"Runner {n}")) for n in range(3)]


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_is_quarantined_and_others_load(store: ProfileStore, kind: str) -> None:
    good = _others(store)
    path = store.profiles_dir / f"{BAD_ID}.json"
    path.write_bytes(BAD_FILES[kind])
    entries, problems = store.list_profiles()
    assert sorted(e.id for e in entries) == sorted(good)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.kind == "quarantined"
    assert problem.path == path
    assert problem.moved_to is not None
    assert problem.moved_to.parent == store.root / "quarantine"
    assert problem.moved_to.read_bytes() == BAD_FILES[kind]  # moved, never changed
    assert path.name in str(problem)
    assert problem.reason in problem.moved_to.with_name(
        problem.moved_to.name + ".why.txt"
    ).read_text("utf-8")
    assert not path.exists()
    # The next listing is clean.
    assert store.list_profiles()[1] == []


def test_a_file_with_a_name_that_is_no_id_is_quarantined(store: ProfileStore) -> None:
    good = _others(store)
    stray = store.profiles_dir / "my runner.json"
    stray.write_text(json.dumps(FULL_PROFILE), "utf-8")
    entries, problems = store.list_profiles()
    assert len(entries) == len(good)
    assert [p.path.name for p in problems] == ["my runner.json"]
    assert (store.root / "quarantine" / "my runner.json").exists()


def test_two_bad_files_with_the_same_name_are_both_kept(store: ProfileStore) -> None:
    path = store.profiles_dir / f"{BAD_ID}.json"
    path.write_bytes(b"first")
    store.list_profiles()
    path.write_bytes(b"second")
    store.list_profiles()
    kept = sorted(p.read_bytes() for p in (store.root / "quarantine").glob("*.json"))
    assert kept == [b"first", b"second"]


@pytest.mark.parametrize(
    "content",
    [
        {**GOOD_ENVELOPE, "storage_version": 3, "new_key": [1, 2]},
        {**GOOD_ENVELOPE, "profile": {**FULL_PROFILE, "schema_version": 3, "shoe_size": 42}},
        {**FULL_PROFILE, "schema_version": 7},
    ],
    ids=["newer storage", "newer profile in envelope", "newer bare profile"],
)
def test_newer_file_is_reported_and_left_byte_for_byte(
    store: ProfileStore, content: dict[str, object]
) -> None:
    good = _others(store)
    path = store.profiles_dir / f"{BAD_ID}.json"
    raw = json.dumps(content, indent=3).encode() + b"\n\n"
    path.write_bytes(raw)
    before = path.stat()
    for _ in range(2):
        entries, problems = store.list_profiles()
        assert sorted(e.id for e in entries) == sorted(good)
        assert [p.kind for p in problems] == ["newer"]
        assert "newer ShoeAdvisor" in problems[0].reason
    with pytest.raises(NewerFileError):
        store.load(BAD_ID)
    with pytest.raises(NewerFileError):
        store.save(BAD_ID, make_profile())
    with pytest.raises(NewerFileError):
        store.rename(BAD_ID, "x")
    with pytest.raises(NewerFileError):
        store.delete(BAD_ID)
    assert path.read_bytes() == raw
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not (store.root / "quarantine").exists()
    assert not path.with_name(path.name + ".bak").exists()


def test_damaged_file_falls_back_to_bak(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile(weight_kg=70))
    store.save(profile_id, make_profile(weight_kg=75))
    main = store.profile_path(profile_id)
    main.write_bytes(main.read_bytes()[:40])
    entries, problems = store.list_profiles()
    assert [e.profile.weight_kg for e in entries] == [70]
    assert entries[0].from_backup
    assert [p.kind for p in problems] == ["recovered"]
    assert "before the last save" in str(problems[0])
    # The damaged file is kept in quarantine and the main file is whole again.
    assert len(list((store.root / "quarantine").glob("*.json"))) == 1
    assert store.load(profile_id).profile.weight_kg == 70
    assert not store.load(profile_id).from_backup


def test_missing_main_file_is_restored_from_bak(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile())
    store.save(profile_id, make_profile(weight_kg=90))
    store.profile_path(profile_id).unlink()
    entries, problems = store.list_profiles()
    assert [e.id for e in entries] == [profile_id]
    assert [p.kind for p in problems] == ["recovered"]
    assert store.profile_path(profile_id).exists()


def test_both_copies_damaged_are_both_quarantined(store: ProfileStore) -> None:
    profile_id = store.save(None, make_profile())
    store.save(profile_id, make_profile(weight_kg=90))
    main = store.profile_path(profile_id)
    main.write_bytes(b"{")
    main.with_name(main.name + ".bak").write_bytes(b"[")
    entries, problems = store.list_profiles()
    assert entries == []
    assert sorted(p.kind for p in problems) == ["quarantined", "quarantined"]
    with pytest.raises(Exception, match="no saved profile"):
        store.load(profile_id)


def test_load_of_a_damaged_profile_raises_the_documented_error(store: ProfileStore) -> None:
    (store.profiles_dir / f"{BAD_ID}.json").write_bytes(b"\xff\xfe")
    with pytest.raises(InputFileError):
        store.load(BAD_ID)


def test_problem_texts_are_plain_and_name_the_file(tmp_path: Path) -> None:
    problem = StorageProblem(tmp_path / "x.json", "not valid JSON", "unreadable")
    assert str(problem) == "x.json: not valid JSON; skipped"


def test_saving_over_a_damaged_file_without_backup_writes_the_new_copy(
    store: ProfileStore,
) -> None:
    path = store.profiles_dir / f"{BAD_ID}.json"
    path.write_bytes(b"\x00\x01")
    store.save(BAD_ID, make_profile("Fresh"))
    assert store.load(BAD_ID).name == "Fresh"
    assert [p.read_bytes() for p in (store.root / "quarantine").glob("*.json")] == [b"\x00\x01"]
