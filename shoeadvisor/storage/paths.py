"""Where ShoeAdvisor keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ShoeAdvisor"
#: Set to a folder to keep the data somewhere else (tests, a USB stick).
DATA_DIR_ENV = "SHOEADVISOR_DATA_DIR"


def data_dir() -> Path:
    """The data folder: $SHOEADVISOR_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # ~3 ms: only where no folder is given

    return user_data_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create path (and parents) readable by this user only; an existing folder is kept as is."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            # mkdir's mode is filtered by the umask; health data should not be.
            path.chmod(0o700)
    return path


def cache_dir() -> Path:
    """Derived data that is rebuilt when missing: $SHOEADVISOR_DATA_DIR/cache when that is
    set (a portable copy or a test leaves nothing elsewhere), else the user cache folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
