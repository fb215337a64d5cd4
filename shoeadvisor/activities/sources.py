"""Where activities come from: files, folders, Strava and Garmin exports (zip or unpacked).

`find_sources()` only looks at names (and reads Strava's activities.csv); the activity
bytes are read later by `read_source()`, in whichever process parses them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .model import ActivityFileError, normalise_sport
from .reading import MAX_ACTIVITY_BYTES, open_regular, read_regular_file, read_zip_member

#: File names the folder and archive walks pick up (a file named on the command line
#: is tried whatever its name).
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
ARCHIVE_SUFFIX = ".zip"
STRAVA_CSV = "activities.csv"
MAX_SOURCES = 200_000
MAX_CSV_BYTES = 64 * 1024 * 1024
#: A zip inside an export (Garmin's UploadedFiles_*.zip) is unpacked to a temporary file.
MAX_INNER_ZIP_BYTES = 8 * 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class StravaActivity:
    """What Strava's activities.csv says about one exported file."""

    type: str | None
    gear: str | None
    name: str | None

    @property
    def sport(self) -> str | None:
        return normalise_sport(self.type)


@dataclass(frozen=True, slots=True)
class ActivitySource:
    """One activity file: a path, or a member of the zip archive at path. Picklable."""

    name: str  # shown to the runner, e.g. "export.zip/activities/123.fit.gz"
    path: str
    member: str | None = None
    strava: StravaActivity | None = None


@dataclass
class SourceScan:
    """The activity files found under some paths, and the paths that could not be used."""

    sources: list[ActivitySource] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (name, why)
    _temp: list[Path] = field(default_factory=list)

    def cleanup(self) -> None:
        """Remove the temporary copies of zips found inside zips."""
        for folder in self._temp:
            shutil.rmtree(folder, ignore_errors=True)
        self._temp.clear()

    def __enter__(self) -> SourceScan:
        return self

    def __exit__(self, *_: object) -> None:
        self.cleanup()


def _is_activity_name(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_SUFFIXES)


def _strava_csv(data: bytes, base: PurePosixPath) -> dict[str, StravaActivity]:
    """activities.csv rows by their file name relative to the export's root."""
    text = data.decode("utf-8-sig", errors="replace")
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if not header:
        return {}
    columns = {name.strip(): index for index, name in reversed(list(enumerate(header)))}
    where = {key: columns.get(key) for key in ("Filename", "Activity Type", "Activity Gear")}
    name_col = columns.get("Activity Name")
    if where["Filename"] is None:
        return {}

    def cell(row: list[str], index: int | None) -> str | None:
        if index is None or index >= len(row):
            return None
        return row[index].strip() or None

    found: dict[str, StravaActivity] = {}
    for row in rows:
        filename = cell(row, where["Filename"])
        if filename:
            key = str(base / filename).lower()
            found[key] = StravaActivity(
                cell(row, where["Activity Type"]),
                cell(row, where["Activity Gear"]),
                cell(row, name_col),
            )
    return found


class _Scanner:
    def __init__(self) -> None:
        self.scan = SourceScan()

    def add(self, source: ActivitySource) -> None:
        if len(self.scan.sources) >= MAX_SOURCES:
            raise ActivityFileError(f"more than {MAX_SOURCES:,} activity files in one import")
        self.scan.sources.append(source)

    def problem(self, name: str, why: str) -> None:
        self.scan.problems.append((name, why))

    def path(self, path: Path, *, named: bool) -> None:
        try:
            info = path.stat()
        except OSError as exc:
            self.problem(
                str(path),
                "no such file or folder"
                if isinstance(exc, FileNotFoundError)
                else f"cannot be read ({exc.strerror or exc})",
            )
            return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path)
        elif path.name.lower().endswith(ARCHIVE_SUFFIX):
            self.archive(path, str(path))
        elif named or _is_activity_name(path.name):
            # Regular or not, it is read (and a FIFO refused) by read_source.
            self.add(ActivitySource(str(path), str(path)))

    def folder(self, root: Path) -> None:
        strava: dict[str, StravaActivity] = {}
        csv_path = root / STRAVA_CSV
        if csv_path.is_file():
            try:
                strava = _strava_csv(read_regular_file(csv_path, MAX_CSV_BYTES), PurePosixPath())
            except ActivityFileError as exc:
                self.problem(str(csv_path), str(exc))
        for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                full = Path(folder) / name
                lower = name.lower()
                if lower.endswith(ARCHIVE_SUFFIX):
                    self.archive(full, str(full))
                elif _is_activity_name(name):
                    rel = full.relative_to(root).as_posix().lower()
                    self.add(ActivitySource(str(full), str(full), None, strava.get(rel)))

    def archive(self, path: Path, shown: str, depth: int = 0) -> None:
        try:
            with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
                self._archive_members(archive, path, shown, depth)
        except ActivityFileError as exc:
            self.problem(shown, str(exc))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            self.problem(shown, f"not a readable zip archive ({exc})")

    def _archive_members(
        self, archive: zipfile.ZipFile, path: Path, shown: str, depth: int
    ) -> None:
        names = [i.filename for i in archive.infolist() if not i.is_dir()]
        strava: dict[str, StravaActivity] = {}
        for name in names:
            posix = PurePosixPath(name)
            if posix.name.lower() == STRAVA_CSV and len(posix.parts) <= 2:
                try:
                    data = read_zip_member(archive, name, MAX_CSV_BYTES)
                    strava = _strava_csv(data, posix.parent)
                except ActivityFileError as exc:
                    self.problem(f"{shown}/{name}", str(exc))
                break
        for name in sorted(names):
            lower = name.lower()
            if lower.endswith(ARCHIVE_SUFFIX) and depth == 0:
                self._inner_archive(archive, name, f"{shown}/{name}")
            elif _is_activity_name(name):
                key = str(PurePosixPath(name)).lower()
                self.add(ActivitySource(f"{shown}/{name}", str(path), name, strava.get(key)))

    def _inner_archive(self, archive: zipfile.ZipFile, member: str, shown: str) -> None:
        """A zip inside a zip (Garmin exports): copied out once, then read like a file."""
        info = archive.getinfo(member)
        if info.file_size > MAX_INNER_ZIP_BYTES:
            self.problem(shown, "too large an archive inside the export")
            return
        folder = Path(tempfile.mkdtemp(prefix="shoeadvisor-import-"))  # 0700
        self.scan._temp.append(folder)
        target = folder / "inner.zip"
        try:
            with archive.open(info) as source, _private_file(target) as out:
                copied = 0
                while chunk := source.read(1024 * 1024):
                    copied += len(chunk)
                    if copied > MAX_INNER_ZIP_BYTES:
                        raise ActivityFileError("too large an archive inside the export")
                    out.write(chunk)
        except ActivityFileError as exc:
            self.problem(shown, str(exc))
            return
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            self.problem(shown, f"cannot be unpacked ({exc})")
            return
        self.archive(target, shown, depth=1)


def _private_file(path: Path) -> BinaryIO:
    """A new file open for writing that only this user may read: created 0600 (a umask
    can only take bits away), as it holds the runner's runs and where they ran. O_EXCL:
    never an existing file or a link planted in its place."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o600), "wb")


def find_sources(paths: Iterable[Path | str]) -> SourceScan:
    """Every activity file under paths (files, folders, .zip exports), in a stable order.

    Paths that do not exist or archives that cannot be opened are listed in
    `problems`; nothing is parsed yet. Call `cleanup()` (or use `with`) when done.
    """
    scanner = _Scanner()
    try:
        for path in paths:
            scanner.path(Path(path), named=True)
    except ActivityFileError as exc:
        scanner.scan.cleanup()
        raise exc
    return scanner.scan


def read_source(source: ActivitySource) -> bytes:
    """The raw bytes of one source (still compressed if it is a .gz); ActivityFileError."""
    if source.member is None:
        return read_regular_file(source.path, MAX_ACTIVITY_BYTES)
    with contextlib.ExitStack() as stack:
        handle = stack.enter_context(open_regular(source.path))
        try:
            archive = stack.enter_context(zipfile.ZipFile(handle))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ActivityFileError(f"not a readable zip archive ({exc})") from None
        return read_zip_member(archive, source.member, MAX_ACTIVITY_BYTES)
    raise AssertionError("unreachable")  # pragma: no cover


def iter_names(scan: SourceScan) -> Iterator[str]:
    """The names of all the sources, for messages."""
    return (source.name for source in scan.sources)
