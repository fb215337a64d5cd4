"""The kept first frame: what the window's session showed when it last started, as JSON.

The window paints from this file before it has loaded pydantic, the store and the advice
engine (~200 ms at every start); the session then opens the folder for real and draws
the same thing. The file is a cache the session owns (gui.session_snapshot says what is
in it), never a second source of truth, so it is only used when it cannot be stale:

- It is kept under a key (`snapshot_key`) that digests everything the kept view was
  derived from: the knowledge key (every resource file, core's code, the Python and
  pydantic versions), the code of storage/ and of the window's session, the app's
  version, and the data folder as the store reads it (every profile file's bytes, the
  state file, the run log's header and stat; see `data_folder_stamp`). A file under
  another key is ignored.
- The key is computed while holding the data folder's lock, as the file is written
  while holding it: no other copy of ShoeAdvisor can change the folder in between.
- A file that is truncated, not JSON, too large, not a regular file (a FIFO is never
  opened for a blocking read), or owned or writable by another user is ignored; the
  next start that opens the folder for real replaces it.

Nothing here raises: without the file, the window starts the long way, as before. JSON
only (nothing here runs code from the file), written atomically, 0600.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from shoeadvisor.core.knowledge_key import (
    Digest,
    code_stamp,
    installed_version,
    knowledge_key,
    new_digest,
    source_files,
)
from shoeadvisor.regular_files import (
    UnreadableFileError,
    open_regular,
    private_to_us,
    read_regular_file_stat,
)

from .lock import LOCK_NAME

FILE_NAME = "window-start.json"
_MAGIC = b"ShoeAdvisor kept window 1 "
#: A kept window is some tens of kilobytes; a larger file is not ours.
MAX_BYTES = 4 * 1024 * 1024
#: What is never part of the stamp: the lock (its holder changes at every start), the
#: derived and set-aside files, and SQLite's shared-memory index.
NOT_READ_AT_START = frozenset({LOCK_NAME, "cache", "quarantine", "trash"})
#: Files up to this size are stamped by their bytes; larger ones (the run log) by their
#: stat and first bytes.
WHOLE_FILE_BYTES = 256 * 1024
#: SQLite's database header (its change counter, page count, schema cookie).
HEAD_BYTES = 100


def _entry_stamp(digest: Digest, path: Path, relative: str, info: os.stat_result) -> None:
    kind = stat.S_IFMT(info.st_mode)
    digest.update(
        f"{relative}\0{kind}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0".encode()
    )
    if not stat.S_ISREG(info.st_mode):
        return
    limit = info.st_size if info.st_size <= WHOLE_FILE_BYTES else HEAD_BYTES
    with contextlib.suppress(OSError, UnreadableFileError):
        fd, _ = open_regular(path)  # never blocks, and refuses what is not a file
        try:
            digest.update(os.read(fd, limit))
        finally:
            os.close(fd)


def data_folder_stamp(root: Path, ignore: Collection[str] = ()) -> str:
    """A digest of the data folder as a start reads it: each file's name, type, size,
    time and inode, and the bytes of every small one (profiles, the state file), the head
    of the large ones; one level of sub-folders (profiles/). `ignore`: other names of the
    window's own (its settings file) that the session's view does not depend on."""
    digest = new_digest()
    skipped = NOT_READ_AT_START | set(ignore)

    def walk(folder: Path, prefix: str, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            digest.update(f"{prefix}\0unreadable\0{exc.errno}\0".encode())
            return
        for entry in entries:
            name = entry.name
            if depth == 0 and (name in skipped or name.endswith("-shm")):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode) and depth == 0:
                digest.update(f"{prefix}{name}/\0".encode())
                walk(Path(entry.path), f"{prefix}{name}/", depth + 1)
            else:
                _entry_stamp(digest, Path(entry.path), prefix + name, info)

    walk(root, "", 0)
    return digest.hexdigest()


def snapshot_key(
    root: Path, resources: Path, session_code: Iterable[Path], ignore: Collection[str] = ()
) -> str:
    """The key a kept window is valid under (see the module's docstring)."""
    digest = new_digest()
    digest.update(_MAGIC)
    digest.update(knowledge_key(resources).encode())
    digest.update(installed_version("shoeadvisor").encode() + b"\0")
    code_stamp(digest, sorted({*source_files(Path(__file__).parent), *session_code}))
    digest.update(str(root).encode() + b"\0")
    digest.update(data_folder_stamp(root, ignore).encode())
    return digest.hexdigest()


class SnapshotFile:
    """The kept window in one file: a header line with its key, then the JSON object."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _header(self, key: str) -> bytes:
        return _MAGIC + key.encode("ascii", "replace") + b"\n"

    def load(self, key: str) -> dict[str, Any] | None:
        """The kept object under this key, or None (missing, stale, damaged or not ours)."""
        header = self._header(key)
        try:
            data, info = read_regular_file_stat(self.path, MAX_BYTES)
        except (UnreadableFileError, OSError):
            return None
        if not private_to_us(info) or not data.startswith(header):
            return None  # the next save replaces it
        try:
            found = json.loads(data[len(header) :])
        except (ValueError, RecursionError):
            return None
        return found if isinstance(found, dict) else None

    def save(self, key: str, value: dict[str, Any]) -> bool:
        """Keep value under key (atomically, 0600); False when it could not be written."""
        from .atomic import atomic_write
        from .paths import ensure_private_dir

        try:
            body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            data = self._header(key) + body.encode("utf-8")
            with contextlib.suppress(UnreadableFileError, OSError):
                kept, info = read_regular_file_stat(self.path, MAX_BYTES)
                if kept == data and private_to_us(info):
                    return True  # already kept: no write, no fsync
            ensure_private_dir(self.path.parent)
            with contextlib.suppress(FileNotFoundError):
                if not stat.S_ISREG(os.lstat(self.path).st_mode):
                    self.path.unlink()  # a FIFO (say) in its place: our cache, replaced
            atomic_write(self.path, data)
        except (OSError, TypeError, ValueError):
            return False
        return True

    def forget(self) -> None:
        """Remove the kept window (it no longer shows what a start would)."""
        with contextlib.suppress(OSError):
            self.path.unlink()
