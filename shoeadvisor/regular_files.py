"""Reading a file safely: regular files only, never blocking, always within a size cap.

The one reader behind every file the app reads: profiles and shoe lists
(`core.files`, which words failures as InputFileError), the store's own files, and
recorded runs (`activities`, as ActivityFileError). It imports the standard library
only, so an import's parsing processes load neither pydantic nor Qt; an
import-linter contract in pyproject.toml and tests/test_architecture.py keep it so.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: Never blocks: a FIFO opens at once (and is then refused), a terminal is not adopted.
READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_MB = 1024 * 1024
#: Read in pieces of at most this (beyond the size the file says it has).
_CHUNK = _MB


class UnreadableFileError(Exception):
    """A file that cannot be read; `reason` says why, without the path:
    "is a named pipe (FIFO), not a regular file", "too large (over 64 MB)"."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def describe_os_error(exc: OSError) -> str:
    """A failed read or write in a person's words: "the disk is full", "permission denied"."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if code == errno.EFBIG:
        return "the file size limit was reached"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


def describe_size(limit: int) -> str:
    """A size cap as a message says it: "64 MB" for whole mebibytes, else "1,000,000 bytes"."""
    if limit >= _MB and limit % _MB == 0:
        return f"{limit // _MB} MB"
    return f"{limit:,} bytes"


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is: "a folder", "a named pipe (FIFO)", ..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse(path: Path | str, mode: int) -> UnreadableFileError:
    kind = kind_of(mode)
    if kind == "a folder":
        return UnreadableFileError(path, "is a folder, not a file")
    if kind == "not a regular file":
        return UnreadableFileError(path, kind)
    return UnreadableFileError(path, f"is {kind}, not a regular file")


def open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    """A descriptor of a regular file opened for reading, and its stat; never blocks.

    The type is checked on the open descriptor, so nothing can be swapped in between
    the check and the read. The caller closes the descriptor.
    """
    try:
        fd = os.open(path, READ_FLAGS)
    except FileNotFoundError:
        raise UnreadableFileError(path, "no such file") from None
    except IsADirectoryError:
        raise UnreadableFileError(path, "is a folder, not a file") from None
    except OSError as exc:
        # Opening a socket fails (ENXIO); say what it is rather than errno's words.
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise _refuse(path, mode) from None
        raise UnreadableFileError(path, f"cannot be read ({describe_os_error(exc)})") from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise UnreadableFileError(path, f"cannot be read ({describe_os_error(exc)})") from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _refuse(path, info.st_mode)
    return fd, info


def read_regular_file_stat(path: Path | str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """`read_regular_file`, with the file's stat taken from the opened file."""
    fd, info = open_regular(path)
    too_large = UnreadableFileError(path, f"too large (over {describe_size(max_bytes)})")
    try:
        if info.st_size > max_bytes:
            raise too_large
        parts: list[bytes] = []
        size = 0
        # One read for a file that is as big as it says; more, up to the cap, if it grew.
        want = info.st_size + 1
        while size <= max_bytes:
            chunk = os.read(fd, min(max(want - size, _CHUNK), max_bytes + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({describe_os_error(exc)})") from None
    finally:
        os.close(fd)
    if size > max_bytes:  # it grew while we read it
        raise too_large
    return parts[0] if len(parts) == 1 else b"".join(parts), info


def read_regular_file(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes, for every file the app reads.

    Never hangs and never reads without bound: the file is opened non-blocking (a
    FIFO or a device opens at once), its type is checked on the open descriptor
    (anything but a regular file is refused), and at most max_bytes + 1 bytes are
    read. Every failure is an UnreadableFileError naming the file.
    """
    return read_regular_file_stat(path, max_bytes)[0]


def private_to_us(info: os.stat_result) -> bool:
    """True for a file this user owns that nobody else may write (always where there are
    no POSIX owners). Only such a file may hold what the app trusts without checking it
    again: a pickle, which runs code, or a kept window, which is drawn as it is."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
