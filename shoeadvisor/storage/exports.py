"""Files the runner asks for (a profile or a shoe list to keep or share), written atomically.

The same writer as the store's own files: the old file stays whole if anything fails.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from shoeadvisor.core.files import describe_os_error
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe

from .atomic import atomic_write
from .schema import encode_profile_export
from .store import StorageError, refusal, store_file


def _write(path: Path | str, data: bytes) -> None:
    """Write an export; refused when path is one of the store's own files (store_file)."""
    target = Path(path)
    what = store_file(target)
    if what is not None:
        raise StorageError(f"{target}: {refusal(what)}")
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise StorageError(f"{target}: cannot be written ({describe_os_error(exc)})") from exc


def write_profile_file(profile: RunnerProfile, path: Path | str) -> None:
    """A contract §1 file that `shoeadvisor advise` reads."""
    _write(path, encode_profile_export(profile))


def write_shoes_file(shoes: Sequence[Shoe], path: Path | str) -> None:
    """A contract §2 shoe list that Import (and `advise --shoes`) reads."""
    text = json.dumps([s.to_json_dict() for s in shoes], ensure_ascii=False, indent=2) + "\n"
    _write(path, text.encode("utf-8"))
