"""Reading bytes safely: regular files only, never blocking, always within a size cap.

Files are read by shoeadvisor.regular_files (the app's one bounded reader; it imports
the standard library only), gzip data and zip members here.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from shoeadvisor import regular_files
from shoeadvisor.regular_files import UnreadableFileError, describe_size

from .model import ActivityFileError

#: The largest activity accepted, uncompressed (a day-long 1 s GPX is about 30 MB).
MAX_ACTIVITY_BYTES = 64 * 1024 * 1024


def read_regular_file(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes (shoeadvisor.regular_files' reader).

    Opened non-blocking and checked on the open file before reading, so a FIFO, a
    device or a socket is refused at once instead of hanging the import.
    """
    try:
        return regular_files.read_regular_file(path, max_bytes)
    except UnreadableFileError as exc:
        raise ActivityFileError(exc.reason) from None


@contextlib.contextmanager
def open_regular(path: Path | str) -> Iterator[BinaryIO]:
    """A regular file open for reading (a zip archive), never blocking on a FIFO."""
    try:
        fd, _ = regular_files.open_regular(path)
    except UnreadableFileError as exc:
        raise ActivityFileError(exc.reason) from None
    with os.fdopen(fd, "rb") as handle:
        yield handle


def gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output beyond max_bytes (a gzip bomb stops there)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ActivityFileError(f"a damaged gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise ActivityFileError(f"too large when uncompressed (over {describe_size(max_bytes)})")
    if not inflater.eof:
        raise ActivityFileError("a gzip file that ends too early (truncated)")
    return out


def read_zip_member(archive: zipfile.ZipFile, member: str, max_bytes: int) -> bytes:
    """One member of an open zip archive, at most max_bytes whatever its header claims."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise ActivityFileError("missing from the archive") from None
    if info.file_size > max_bytes:
        raise ActivityFileError(f"too large (over {describe_size(max_bytes)})")
    try:
        with archive.open(info) as handle:
            data = handle.read(max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise ActivityFileError(f"cannot be unpacked ({exc})") from None
    except RuntimeError as exc:  # an encrypted member
        raise ActivityFileError(f"cannot be unpacked ({exc})") from None
    if len(data) > max_bytes:
        raise ActivityFileError(f"too large (over {describe_size(max_bytes)})")
    return data
