"""Where profiles and the runner's shoes live on disk. Uses QtCore only, never widgets."""

from .exports import write_profile_file, write_shoes_file
from .paths import DATA_DIR_ENV, data_dir
from .schema import STORAGE_VERSION, StoredProfile, parse_stored_profile, stored_profile_from_data
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
