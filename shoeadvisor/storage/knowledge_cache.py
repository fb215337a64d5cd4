"""The validated knowledge kept between runs, in the cache folder (core.knowledge.use_cache).

One file, `knowledge.pickle`: a header line with the key (core.knowledge.knowledge_key,
which changes whenever a resource, the code or a version changes), then the pickled
knowledge. A file with another key, a truncated or unreadable one, or anything that does
not unpickle is ignored; the next save replaces it. Nothing here ever raises: without
the file the knowledge is read from resources/ as before, only slower.

The file is derived data, written by this program (0600, atomically) into this user's
own cache folder; it holds nothing of a runner's profile. Unpickling runs code, so a
file another user owns, or one others may write, is never unpickled
(`regular_files.private_to_us`).
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from shoeadvisor.core.files import InputFileError, read_regular_file_stat
from shoeadvisor.regular_files import private_to_us

from .paths import cache_dir, ensure_private_dir

FILE_NAME = "knowledge.pickle"
_MAGIC = b"ShoeAdvisor validated knowledge 1 "
#: Far above the ~70 kB it takes; a larger file is not ours.
MAX_BYTES = 16 * 1024 * 1024


class PickleFileCache:
    """core.knowledge.KnowledgeCache in one file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _header(self, key: str) -> bytes:
        return _MAGIC + key.encode("ascii", "replace") + b"\n"

    def load(self, key: str) -> object | None:
        header = self._header(key)
        try:
            data, info = read_regular_file_stat(self.path, MAX_BYTES)
        except (InputFileError, OSError):
            return None
        if not private_to_us(info):
            return None  # the next save replaces it with this user's own
        if not data.startswith(header):
            return None  # another version's copy, or not ours
        try:
            found: object = pickle.loads(data[len(header) :])
        except Exception:  # a damaged copy: any error unpickling means "not kept"
            return None
        return found

    def save(self, key: str, value: object) -> None:
        from .atomic import atomic_write  # (tempfile: only when writing)

        with contextlib.suppress(Exception):  # a cache that cannot be written is no cache
            data = self._header(key) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            ensure_private_dir(self.path.parent)
            atomic_write(self.path, data)


def install(folder: Path | None = None) -> PickleFileCache:
    """Keep the validated knowledge in `folder` (default: the cache folder) from now on."""
    from shoeadvisor.core.knowledge import use_cache

    kept = PickleFileCache((folder or cache_dir()) / FILE_NAME)
    use_cache(kept)
    return kept
