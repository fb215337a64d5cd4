"""Where profiles and the runner's shoes live on disk. Uses QtCore only, never widgets.

The names below are looked up on first use, as in `shoeadvisor.core`: importing a small
submodule (`storage.lock`, `storage.paths`, `storage.window_snapshot`) does not load the
profile store, which loads pydantic. The window's first paint and the headless commands
depend on that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .exports import write_profile_file, write_shoes_file
    from .paths import DATA_DIR_ENV, data_dir
    from .schema import (
        STORAGE_VERSION,
        StoredProfile,
        parse_stored_profile,
        stored_profile_from_data,
    )
    from .store import (
        ProblemKind,
        ProfileEntry,
        ProfileNotFoundError,
        ProfileStore,
        ReadOnlyCause,
        ReadOnlyError,
        StorageError,
        StorageProblem,
    )

#: Public name -> the submodule that defines it.
_WHERE = {
    "write_profile_file": "exports",
    "write_shoes_file": "exports",
    "DATA_DIR_ENV": "paths",
    "data_dir": "paths",
    "STORAGE_VERSION": "schema",
    "StoredProfile": "schema",
    "parse_stored_profile": "schema",
    "stored_profile_from_data": "schema",
    "ProblemKind": "store",
    "ProfileEntry": "store",
    "ProfileNotFoundError": "store",
    "ProfileStore": "store",
    "ReadOnlyCause": "store",
    "ReadOnlyError": "store",
    "StorageError": "store",
    "StorageProblem": "store",
}

__all__ = [
    "DATA_DIR_ENV",
    "STORAGE_VERSION",
    "ProblemKind",
    "ProfileEntry",
    "ProfileNotFoundError",
    "ProfileStore",
    "ReadOnlyCause",
    "ReadOnlyError",
    "StorageError",
    "StorageProblem",
    "StoredProfile",
    "data_dir",
    "parse_stored_profile",
    "stored_profile_from_data",
    "write_profile_file",
    "write_shoes_file",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
