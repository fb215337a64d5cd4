"""Reading bytes safely: regular files only, never blocking, always within a size cap."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path

from .model import ActivityFileError

#: The largest activity accepted, uncompressed (a day-long 1 s GPX is about 30 MB).
MAX_ACTIVITY_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


def read_regular_file(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes.

    Opened non-blocking and checked with fstat before reading, so a FIFO, a device
    or a socket is refused at once instead of hanging the import.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ActivityFileError("no such file") from None
    except IsADirectoryError:
        raise ActivityFileError("a folder, not a file") from None
    except OSError as exc:
        raise ActivityFileError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ActivityFileError("not a regular file (a pipe, device or socket)")
        if info.st_size > max_bytes:
            raise ActivityFileError(f"too large (over {max_bytes // (1024 * 1024)} MB)")
        parts: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ActivityFileError(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise ActivityFileError(f"too large (over {max_bytes // (1024 * 1024)} MB)")
    return b"".join(parts)


def gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output beyond max_bytes (a gzip bomb stops there)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ActivityFileError(f"a damaged gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise ActivityFileError(
            f"too large when uncompressed (over {max_bytes // (1024 * 1024)} MB)"
        )
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
        raise ActivityFileError(f"too large (over {max_bytes // (1024 * 1024)} MB)")
    try:
        with archive.open(info) as handle:
            data = handle.read(max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise ActivityFileError(f"cannot be unpacked ({exc})") from None
    except RuntimeError as exc:  # an encrypted member
        raise ActivityFileError(f"cannot be unpacked ({exc})") from None
    if len(data) > max_bytes:
        raise ActivityFileError(f"too large (over {max_bytes // (1024 * 1024)} MB)")
    return data
