"""The validated knowledge kept between runs: used when nothing changed, never stale or fatal."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from shoeadvisor.core import knowledge as kb_module
from shoeadvisor.core.knowledge import (
    Knowledge,
    knowledge_key,
    load_knowledge_from,
    load_knowledge_kept,
)
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.storage.knowledge_cache import FILE_NAME, PickleFileCache, install


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A copy of the resources folder this test may change."""
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder)
    return folder


@pytest.fixture
def kept(tmp_path: Path) -> PickleFileCache:
    return PickleFileCache(tmp_path / "cache" / FILE_NAME)


class Counting(PickleFileCache):
    """Counts what the cache is asked, to tell a kept copy from a fresh validation."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.hits = 0
        self.saves = 0

    def load(self, key: str) -> object | None:
        found = super().load(key)
        self.hits += found is not None
        return found

    def save(self, key: str, value: object) -> None:
        self.saves += 1
        super().save(key, value)


def test_the_second_load_uses_the_kept_copy(tmp_path: Path, resources: Path) -> None:
    cache = Counting(tmp_path / "cache" / FILE_NAME)
    first = load_knowledge_kept(resources, cache)
    assert (cache.hits, cache.saves) == (0, 1)
    assert cache.path.is_file()
    assert stat.S_IMODE(cache.path.stat().st_mode) == 0o600
    second = load_knowledge_kept(resources, cache)
    assert (cache.hits, cache.saves) == (1, 1)
    assert second is not first and second == first == load_knowledge_from(resources)


def test_a_changed_resource_is_read_again(resources: Path, kept: PickleFileCache) -> None:
    before = load_knowledge_kept(resources, kept)
    key = knowledge_key(resources)
    features = resources / "features.toml"
    text = features.read_text(encoding="utf-8")
    old_name = before.features["cushioning"].name
    features.write_text(text.replace(f'"{old_name}"', '"Soft landing"', 1), encoding="utf-8")
    assert knowledge_key(resources) != key
    after = load_knowledge_kept(resources, kept)
    assert after.features["cushioning"].name == "Soft landing"
    # ... and that copy is now the kept one.
    assert kept.load(knowledge_key(resources)) == after


def test_a_new_resource_file_changes_the_key(resources: Path) -> None:
    key = knowledge_key(resources)
    (resources / "extra.toml").write_text("# nothing\n", encoding="utf-8")
    assert knowledge_key(resources) != key


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a cache at all",
        b"ShoeAdvisor validated knowledge 1 KEY\n\x80\x05garbage",
        b"ShoeAdvisor validated knowledge 1 KEY\n" + b"\x00" * 100,
    ],
    ids=["empty", "foreign", "bad-pickle", "zeros"],
)
def test_a_broken_copy_is_ignored_and_replaced(
    resources: Path, kept: PickleFileCache, damage: bytes
) -> None:
    key = knowledge_key(resources)
    kept.path.parent.mkdir(parents=True)
    kept.path.write_bytes(damage.replace(b"KEY", key.encode()))
    assert kept.load(key) is None
    found = load_knowledge_kept(resources, kept)
    assert found == load_knowledge_from(resources)
    assert isinstance(kept.load(key), Knowledge)


def test_a_truncated_copy_is_ignored(resources: Path, kept: PickleFileCache) -> None:
    load_knowledge_kept(resources, kept)
    data = kept.path.read_bytes()
    kept.path.write_bytes(data[: len(data) // 2])
    assert kept.load(knowledge_key(resources)) is None
    assert load_knowledge_kept(resources, kept) == load_knowledge_from(resources)


def test_a_copy_of_another_value_is_not_taken_for_knowledge(
    resources: Path, kept: PickleFileCache
) -> None:
    key = knowledge_key(resources)
    kept.save(key, {"sources": "not knowledge"})
    assert load_knowledge_kept(resources, kept) == load_knowledge_from(resources)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(10)
def test_a_fifo_in_its_place_neither_hangs_nor_breaks(
    resources: Path, kept: PickleFileCache
) -> None:
    kept.path.parent.mkdir(parents=True)
    os.mkfifo(kept.path)
    assert load_knowledge_kept(resources, kept) == load_knowledge_from(resources)
    assert stat.S_ISFIFO(os.lstat(kept.path).st_mode)  # refused by the writer, left alone


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, resources: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    cache = PickleFileCache(blocker / FILE_NAME)  # its folder cannot be made
    assert load_knowledge_kept(resources, cache) == load_knowledge_from(resources)


def test_install_keeps_it_in_the_data_folder_cache(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kb_module, "_cache", None)
    kept = install()
    assert kept.path == private_data_dir / "cache" / FILE_NAME
    assert kb_module._cache is kept


def _advise(data: Path) -> subprocess.CompletedProcess[str]:
    example = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"
    return subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "advise", str(example), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "SHOEADVISOR_DATA_DIR": str(data)},
        timeout=120,
    )


def test_the_advise_command_keeps_and_uses_the_validated_knowledge(tmp_path: Path) -> None:
    first = _advise(tmp_path)
    assert first.returncode == 0, first.stderr
    kept = tmp_path / "cache" / FILE_NAME
    assert kept.is_file() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    written = kept.stat().st_mtime_ns
    second = _advise(tmp_path)  # from the kept copy: not written again, the same advice
    assert second.returncode == 0 and second.stdout == first.stdout
    assert kept.stat().st_mtime_ns == written
    kept.write_bytes(b"ShoeAdvisor validated knowledge 1 garbage\n\x80\x05")
    third = _advise(tmp_path)  # a broken copy is ignored and replaced
    assert third.returncode == 0 and third.stdout == first.stdout and third.stderr == ""
    assert kept.read_bytes() != b"ShoeAdvisor validated knowledge 1 garbage\n\x80\x05"
