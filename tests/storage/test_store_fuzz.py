"""Random bytes and random JSON never make the loader raise anything undocumented."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from storage_helpers import FULL_PROFILE

from shoeadvisor.core.files import InputFileError
from shoeadvisor.storage import ProfileStore, parse_stored_profile

FILE_ID = "0b6f1c1e-6d3b-4f4c-9a51-2f4e7a1d9c30"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)

# Objects shaped like ours, with any one part replaced by something random.
envelope_keys = st.sampled_from(["storage_version", "id", "created", "modified", "profile"])
profile_keys = st.sampled_from(sorted(FULL_PROFILE))


@st.composite
def near_misses(draw: st.DrawFn) -> Any:
    profile = dict(FULL_PROFILE)
    if draw(st.booleans()):
        profile[draw(profile_keys)] = draw(json_values)
    envelope = {
        "storage_version": 2,
        "id": FILE_ID,
        "created": "2026-01-01T00:00:00+00:00",
        "modified": "2026-01-01T00:00:00+00:00",
        "profile": profile,
    }
    if draw(st.booleans()):
        envelope[draw(envelope_keys)] = draw(json_values)
    if draw(st.booleans()):
        del envelope[draw(envelope_keys)]
    return envelope if draw(st.booleans()) else profile


def _load(raw: bytes) -> None:
    try:
        stored = parse_stored_profile(raw, "fuzz.json", file_id=FILE_ID)
    except InputFileError as exc:
        assert str(exc).startswith("fuzz.json: ")
        assert "\n" not in exc.message
    else:
        assert stored.profile.name


@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    _load(raw)


@given(json_values)
def test_random_json(value: Any) -> None:
    _load(json.dumps(value).encode())


@given(near_misses())
def test_almost_valid_files(value: Any) -> None:
    _load(json.dumps(value).encode())


@settings(max_examples=40)
@given(st.lists(st.one_of(st.binary(max_size=300), near_misses().map(json.dumps)), max_size=4))
def test_listing_a_folder_of_random_files_never_raises(files: list[Any]) -> None:
    with ProfileStore() as store:
        for old in store.profiles_dir.iterdir():
            old.unlink()
        for n, content in enumerate(files):
            raw = content if isinstance(content, bytes) else content.encode()
            (store.profiles_dir / f"{FILE_ID[:-1]}{n}.json").write_bytes(raw)
        entries, problems = store.list_profiles()
        assert len(entries) + len(problems) >= len(files)
        for problem in problems:
            assert problem.kind in {"quarantined", "newer"}
