"""The key of everything the validated knowledge depends on, found without importing pydantic.

core.knowledge keeps its validated knowledge under this key (storage.knowledge_cache), and
the window's kept first frame (storage.window_snapshot) is keyed by it too, before the
window has loaded pydantic: so the versions are read from the installed distributions'
metadata folder names, never by importing the packages (or importlib.metadata, ~20 ms).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import Protocol

#: The distributions whose code decides what a validated value is.
VALIDATING = ("pydantic", "pydantic_core")


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def new_digest() -> Digest:
    """A BLAKE2b digest (256 bits), from the module hashlib itself takes it from: importing
    hashlib first loads OpenSSL, ~2 ms that the window's first paint would wait for."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(digest_size=32)


@cache
def installed_version(distribution: str) -> str:
    """The version of an installed distribution ("2.14.3"), from the name of its
    `<name>-<version>.dist-info` folder on sys.path; "" when there is none (a frozen app)."""
    wanted = distribution.lower().replace("-", "_") + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(wanted):
                return name[len(wanted) : -len(".dist-info")]
    return ""


def source_files(*folders: Path) -> list[Path]:
    """The Python source files directly in these folders, in a stable order."""
    return sorted(path for folder in folders for path in folder.glob("*.py"))


def update_with_files(digest: Digest, kind: str, files: list[Path]) -> None:
    """Feed each file's name, size and bytes to the digest (a missing one is skipped)."""
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(f"{kind}\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)


def code_stamp(digest: Digest, files: list[Path]) -> None:
    """The code's part of a key: its files, or where a frozen app has none, its executable."""
    if files:
        update_with_files(digest, "code", files)
    else:  # pragma: no cover - a frozen app
        info = Path(sys.executable).stat()
        digest.update(f"{sys.executable}\0{info.st_size}\0{info.st_mtime_ns}".encode())


def knowledge_key(folder: Path) -> str:
    """A digest of everything the validated knowledge depends on.

    Every file in the resources folder and every source file of core/ (the models and
    their validators), by name and content, and the Python, pydantic and pydantic-core
    versions. A frozen app has no source files: its executable's size and time stand for
    them.
    """
    digest = new_digest()
    versions = "\0".join(installed_version(name) for name in VALIDATING)
    digest.update(f"{sys.version}\0{versions}\0".encode())
    update_with_files(digest, "resource", sorted(p for p in folder.iterdir() if p.is_file()))
    code_stamp(digest, source_files(Path(__file__).parent))
    return digest.hexdigest()
