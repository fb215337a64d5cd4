"""The run log: every imported run and every shoe of every runner, in one SQLite file.

`runs.sqlite3` in the data folder, WAL journal with synchronous=FULL (a committed run
survives a crash or a kill), created 0600, schema versioned with `PRAGMA user_version`
and migrated forward step by step (see MIGRATIONS and docs/storage.md).

A read-only RunLog opens the file with `mode=ro`. In a folder that cannot be written
SQLite cannot create the `-shm` file that even reading a WAL database needs, so there
it falls back to `immutable=1`, which reads the main file alone (see `_open_read_only`
for what that misses, and `notice`).

A RunLog may be used from several threads (calls are serialised by a lock); an import
opens its own RunLog in its own thread, and WAL lets the window read meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shoeadvisor.core.ids import SURFACES, Surface
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.regular_files import kind_of

RUNLOG_FILE = "runs.sqlite3"
#: A run this close in start time and distance to a logged one is the same run
#: recorded twice (a watch's FIT and the same run's GPX from Strava).
SAME_RUN_SECONDS = 120
SAME_RUN_DISTANCE = 0.01
MAX_KNEE_PAIN = 10
#: Bounds of a run row that decodes: a start from 1970 to 9999 (Unix seconds) and a
#: distance up to 10,000 km. `_SOUND_RUN` is the same test in SQL, so the shoes'
#: kilometres and the run count are those of the runs `runs()` returns.
MAX_START_TS = 253_402_300_799
MAX_RUN_M = 10_000_000.0
_SOUND_RUN = (
    "typeof({r}start_ts) = 'integer' AND {r}start_ts BETWEEN 0 AND {start} AND "
    "typeof({r}distance_m) IN ('integer', 'real') AND {r}distance_m BETWEEN 0 AND {metres}"
)
MAX_START_KM = 100_000.0
#: How many damaged rows the notice names (the rest are counted).
_NAMED_ROWS = 3


def _sound_run(alias: str = "") -> str:
    return _SOUND_RUN.format(r=alias, start=MAX_START_TS, metres=MAX_RUN_M)


#: MIGRATIONS[n] turns schema version n into n + 1. Never edit a released step; add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        profile_id TEXT NOT NULL,
        start_ts INTEGER NOT NULL,          -- Unix seconds, UTC
        distance_m REAL NOT NULL CHECK (distance_m >= 0),
        duration_s REAL,
        elapsed_s REAL,
        ascent_m REAL,
        descent_m REAL,
        sport TEXT,
        surface TEXT,
        name TEXT,
        source_file TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        shoe_id TEXT,
        knee_pain INTEGER CHECK (knee_pain BETWEEN 0 AND 10),
        imported_ts INTEGER NOT NULL,
        UNIQUE (profile_id, content_sha256)
    );
    CREATE INDEX runs_by_start ON runs (profile_id, start_ts);
    CREATE TABLE skipped_files (
        profile_id TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (profile_id, content_sha256)
    );
    CREATE TABLE shoe_lists (
        profile_id TEXT PRIMARY KEY,
        seeded_from TEXT,                   -- 'shoes.json' when copied from the old global list
        modified_ts INTEGER NOT NULL
    );
    CREATE TABLE shoes (
        profile_id TEXT NOT NULL REFERENCES shoe_lists (profile_id),
        shoe_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        shoe_json TEXT NOT NULL,            -- the contract §2 shoe
        start_km REAL NOT NULL DEFAULT 0 CHECK (start_km >= 0),
        retired TEXT,                       -- ISO date, NULL while in use
        PRIMARY KEY (profile_id, shoe_id)
    );
    CREATE TABLE default_shoes (
        profile_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        shoe_id TEXT NOT NULL,
        PRIMARY KEY (profile_id, surface)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class RunLogError(Exception):
    """The run log cannot do this; the message says why in plain words."""


class DamagedRunLogError(RunLogError):
    """runs.sqlite3 (or its -wal or -shm, named by `path`) is not what it must be: not a
    database, damaged, or not a regular file. The store moves `path` to quarantine."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class NewerRunLogError(RunLogError):
    """runs.sqlite3 was written by a newer ShoeAdvisor: it is left exactly as it is."""


@dataclass(frozen=True, slots=True)
class NewRun:
    """A run to add: what a parser found, and where it came from."""

    start: datetime
    distance_m: float
    duration_s: float | None
    elapsed_s: float | None
    ascent_m: float | None
    descent_m: float | None
    sport: str | None
    surface: str | None
    name: str | None
    source_file: str
    content_sha256: str
    shoe_id: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """One logged run of one runner."""

    id: int
    profile_id: str
    start: datetime  # UTC
    distance_km: float
    duration_s: float | None
    elapsed_s: float | None
    ascent_m: float | None
    descent_m: float | None
    sport: str | None
    surface: str | None
    name: str | None
    source_file: str
    shoe_id: str | None
    knee_pain: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start.isoformat(timespec="seconds"),
            "distance_km": round(self.distance_km, 3),
            "duration_s": self.duration_s,
            "elapsed_s": self.elapsed_s,
            "ascent_m": self.ascent_m,
            "descent_m": self.descent_m,
            "sport": self.sport,
            "surface": self.surface,
            "name": self.name,
            "source_file": self.source_file,
            "shoe_id": self.shoe_id,
            "knee_pain": self.knee_pain,
        }


@dataclass(frozen=True, slots=True)
class OwnedShoe:
    """A shoe of a runner's list, with the kilometres it has been run."""

    shoe: Shoe
    start_km: float  # kilometres it had before its first logged run
    run_km: float  # kilometres of logged runs in it
    runs: int
    retired: date | None
    default_for: tuple[Surface, ...]

    @property
    def id(self) -> str:
        return self.shoe.id

    @property
    def km(self) -> float:
        return self.start_km + self.run_km


def _ts(when: datetime) -> int:
    if when.tzinfo is None:
        raise ValueError("a run's start time must carry a time zone")
    return int(when.timestamp())


def _now_ts() -> int:
    return int(datetime.now(UTC).timestamp())


#: SQLite's words for a file that is not a sound database (others are a lock, a full
#: disk, a permission: not the file's fault, so it is never moved aside for them).
_DAMAGED = ("SQLITE_NOTADB", "SQLITE_CORRUPT")


def _is_damage(exc: sqlite3.Error) -> bool:
    return str(getattr(exc, "sqlite_errorname", "")).startswith(_DAMAGED)


def side_files(path: Path) -> tuple[Path, Path]:
    """The WAL journal and the shared-memory index SQLite keeps next to the database."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _not_regular(path: Path) -> str | None:
    """What path is when it exists and is not a regular file ("a named pipe (FIFO)")."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # missing, or SQLite reports why it cannot be opened
        return None
    return None if stat.S_ISREG(mode) else kind_of(mode)


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite opens it (WAL and SHM files follow)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def _make_private(path: Path) -> None:
    """An existing log (from an older version, or copied in) and its journal set to 0600:
    SQLite gives a new -wal and -shm the database file's mode."""
    if os.name != "posix":
        return
    for each in (path, *side_files(path)):
        with contextlib.suppress(OSError):  # missing, or not this user's to change
            if stat.S_IMODE(os.stat(each).st_mode) & 0o077:
                os.chmod(each, 0o600)


def _number(value: Any, high: float = math.inf) -> float | None:
    """A finite number from 0 to high as SQLite gave it (int or float), else None."""
    if type(value) in (int, float) and math.isfinite(value) and 0 <= value <= high:
        return float(value)
    return None


def _shown(value: Any) -> str:
    """A stored key as a message may show it: quoted, control characters escaped, short."""
    text = repr(value if type(value) in (int, str) else type(value).__name__)
    return text if len(text) <= 42 else text[:40] + "…'"


class _RowDamage:
    """The rows of one read that could not be decoded: left out, or shown with a blank."""

    def __init__(self) -> None:
        self.left_out: list[str] = []
        self.blanked: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.left_out or self.blanked)


def _decode_run(row: Sequence[Any], damage: _RowDamage) -> Run | None:
    """A run from its row; None (and why, in damage) when its start or distance is not
    what a run needs. A bad optional value is left blank (None) and said."""
    run_id = row[0]
    start_ts, metres = row[2], row[3]
    if type(start_ts) is not int or not 0 <= start_ts <= MAX_START_TS:
        damage.left_out.append(f"run {run_id} (its start is not a time)")
        return None
    distance = _number(metres, MAX_RUN_M)
    if distance is None:
        damage.left_out.append(f"run {run_id} (its distance is not a number of metres)")
        return None
    blank: list[str] = []

    def kept(value: Any, name: str, ok: bool) -> Any:
        """value when it is None or ok; else None, and its name in the blanks."""
        if value is None or ok:
            return value
        blank.append(name)
        return None

    duration, elapsed, ascent, descent = (
        _number(kept(value, name, _number(value) is not None))
        for value, name in zip(row[4:8], ("duration", "time", "climb", "descent"), strict=True)
    )
    texts = row[8], row[10], row[11], row[12]
    sport, name, source, shoe_id = (
        kept(value, what, type(value) is str)
        for value, what in zip(texts, ("sport", "name", "file name", "shoe"), strict=True)
    )
    surface = kept(row[9], "surface", row[9] in SURFACES)
    pain = row[13]
    knee_pain = kept(pain, "knee pain", type(pain) is int and 0 <= pain <= MAX_KNEE_PAIN)
    if blank:
        damage.blanked.append(f"run {run_id} ({', '.join(blank)})")
    return Run(
        run_id,
        row[1],
        datetime.fromtimestamp(start_ts, UTC),
        distance / 1000.0,
        duration,
        elapsed,
        ascent,
        descent,
        sport,
        surface,
        name,
        source or "",
        shoe_id,
        knee_pain,
    )


def _shoe_problem(exc: Exception) -> str:
    """Why a stored shoe does not validate, in a few words (the first error only)."""
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the shoe"
        return f"not a valid shoe: {where}: {first['msg']}"
    if isinstance(exc, ValueError):  # json.JSONDecodeError is one
        return "its data is not JSON"
    return "not a valid shoe"


def _decode_shoe(
    row: Sequence[Any], defaults: dict[str, list[Surface]], damage: _RowDamage
) -> OwnedShoe | None:
    shoe_id, shoe_json, start_km, retired, metres, count = row
    try:
        if type(shoe_json) is not str:
            raise TypeError(shoe_json)
        shoe = Shoe.model_validate(json.loads(shoe_json))
    except (ValueError, TypeError, RecursionError) as exc:  # ValidationError is a ValueError
        damage.left_out.append(f"shoe {_shown(shoe_id)} ({_shoe_problem(exc)})")
        return None
    if shoe.id != shoe_id:
        damage.left_out.append(f"shoe {_shown(shoe_id)} (its data names another shoe)")
        return None
    blank: list[str] = []
    km = _number(start_km, MAX_START_KM)
    if km is None:
        blank.append("starting km")
    when: date | None = None
    if retired is not None:
        try:
            when = date.fromisoformat(retired) if type(retired) is str else None
        except ValueError:
            when = None
        if when is None:
            blank.append("retired date")
    if blank:
        damage.blanked.append(f"shoe {_shown(shoe_id)} ({', '.join(blank)})")
    return OwnedShoe(
        shoe,
        km or 0.0,
        float(metres) / 1000.0,
        int(count),
        when,
        tuple(s for s in SURFACES if s in defaults.get(shoe.id, ())),
    )


def _damage_line(file_name: str, damage: _RowDamage) -> str:
    """All the damaged rows of a read, in one line."""

    def listed(items: list[str]) -> str:
        shown = ", ".join(items[:_NAMED_ROWS])
        more = len(items) - _NAMED_ROWS
        return f"{shown} and {more} more" if more > 0 else shown

    def counted(items: list[str]) -> str:
        runs = sum(item.startswith("run ") for item in items)
        shoes = len(items) - runs
        parts = [
            f"{n} {word}{'s' if n != 1 else ''}"
            for n, word in ((runs, "run"), (shoes, "shoe"))
            if n
        ]
        return " and ".join(parts)

    parts = []
    if damage.left_out:
        parts.append(f"left out {counted(damage.left_out)}: {listed(damage.left_out)}")
    if damage.blanked:
        parts.append(f"left blank in {counted(damage.blanked)}: {listed(damage.blanked)}")
    return f"{file_name} has rows that cannot be read (kept as they are); " + "; ".join(parts)


class RunLog:
    """The runs and shoes of all profiles. Methods take the profile id first."""

    def __init__(
        self, path: Path, *, read_only: bool = False, read_only_reason: str | None = None
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        #: Why changes are refused (the store knows: another copy, a full disk, ...).
        self.read_only_reason = read_only_reason
        #: True when opened with immutable=1 (a read-only folder); see _open_read_only.
        self.immutable = False
        self._file_notice: str | None = None
        #: Rows that did not decode in the last reads, by (table, profile id).
        self._damage: dict[tuple[str, str], _RowDamage] = {}
        self._lock = threading.RLock()
        self._check_files()
        try:
            self._conn = self._connect()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                self._conn.close()
            if _is_damage(exc):
                raise DamagedRunLogError(
                    f"{self.path.name} cannot be opened ({exc})", self.path
                ) from exc
            raise RunLogError(f"{self.path.name} cannot be opened ({exc})") from exc

    @property
    def notice(self) -> str | None:
        """Something the runner should know about what is shown, in one line: changes
        that cannot be read here, rows that could not be decoded (left out or blank)."""
        with self._lock:
            merged = _RowDamage()
            for key in sorted(self._damage):
                merged.left_out += self._damage[key].left_out
                merged.blanked += self._damage[key].blanked
        parts = [self._file_notice] if self._file_notice else []
        if merged:
            parts.append(_damage_line(self.path.name, merged))
        return "; ".join(parts) or None

    def _note_damage(self, table: str, profile_id: str, damage: _RowDamage, *, whole: bool) -> None:
        """Remember what a read found damaged; a read of the whole table replaces it."""
        with self._lock:
            key = (table, profile_id)
            if whole or key not in self._damage:
                self._damage[key] = damage
            else:
                known = self._damage[key]
                known.left_out += [i for i in damage.left_out if i not in known.left_out]
                known.blanked += [i for i in damage.blanked if i not in known.blanked]
            if not self._damage[key]:
                del self._damage[key]

    def _check_files(self) -> None:
        """Refuse a FIFO, a folder or a device where the database or its journal goes.

        SQLite opens whatever is there: a FIFO as runs.sqlite3 would block a read-only
        open forever. A read-only log reads past a bad -wal or -shm (immutable=1).
        """
        kind = _not_regular(self.path)
        if kind is not None:
            raise DamagedRunLogError(f"{self.path.name} is {kind}, not a database", self.path)
        for side in side_files(self.path):
            kind = _not_regular(side)
            if kind is not None and not self.read_only:
                raise DamagedRunLogError(f"{side.name} is {kind}, not SQLite's file", side)
            if kind is not None:
                self.immutable = True
                self._file_notice = (
                    f"{side.name} is {kind}, not SQLite's file; the runs are read from "
                    f"{self.path.name} alone, so the latest changes may be missing"
                )

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            if not self.path.exists():
                conn = sqlite3.connect(":memory:", check_same_thread=False)
                conn.executescript("".join(MIGRATIONS))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                return conn
            conn = self._open_read_only()
        else:
            if not self.path.exists():
                try:
                    _create_private(self.path)
                except OSError as exc:
                    raise RunLogError(
                        f"{self.path.name} cannot be created ({exc.strerror or exc})"
                    ) from None
            else:
                _make_private(self.path)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Text that is not UTF-8 (written by another program, a bad sector) is read with
        # U+FFFD in place of the bad bytes instead of failing the whole query.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        # Transactions are opened explicitly (BEGIN IMMEDIATE) by _write().
        conn.isolation_level = None
        return conn

    def _open_read_only(self) -> sqlite3.Connection:
        """`mode=ro`; in a folder that cannot be written, `immutable=1`.

        Reading a WAL database needs its -shm file, which SQLite creates if it is
        missing: in a read-only folder (a read-only disk, a folder without write
        permission) it cannot, and `mode=ro` fails ("attempt to write a readonly
        database"). `immutable=1` then reads the main file alone, with no locks. Its
        caveats: changes still in a -wal file (left by a crash, never merged) are not
        seen, which `notice` says; and nothing may write the file meanwhile, which
        holds, since nobody can write in that folder (a writer elsewhere, such as
        root, may make reads fail, never the file change).
        """
        uri = self.path.resolve().as_uri()
        if not self.immutable:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=10)
            try:
                conn.execute("PRAGMA user_version").fetchone()  # opens the file and its -shm
                return conn
            except sqlite3.OperationalError:
                conn.close()
                if os.access(self.path.parent, os.W_OK):
                    raise
            self.immutable = True
            wal = side_files(self.path)[0]
            with contextlib.suppress(OSError):
                if wal.stat().st_size > 0:
                    self._file_notice = (
                        f"{wal.name} holds changes not yet merged into {self.path.name}, "
                        "which cannot be read while the data folder is read-only; the runs "
                        "and shoes saved last may be missing here"
                    )
        return sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False, timeout=10
        )

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            self._conn.close()
            raise NewerRunLogError(
                f"{self.path.name} was written by a newer ShoeAdvisor (version {version}; "
                f"this one reads up to {SCHEMA_VERSION}); update ShoeAdvisor to open it"
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise RunLogError(f"{self.path.name} needs an upgrade that a read-only copy cannot do")
        for step in range(version, SCHEMA_VERSION):
            with self._write() as conn:
                for statement in _statements(MIGRATIONS[step]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step + 1}")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> RunLog:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is on disk when this returns, or none of it."""
        if self.read_only:
            raise RunLogError(
                self.read_only_reason
                or "another ShoeAdvisor is using the data folder; nothing is changed"
            )
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                # A full disk, a folder gone read-only, a lock held too long.
                raise RunLogError(
                    f"cannot save to {self.path} ({exc}); nothing of this change was saved"
                ) from None

    def _read(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as exc:  # a lock held too long, a disk error, damage
                raise RunLogError(f"cannot read {self.path} ({exc})") from None

    # -- runs -------------------------------------------------------------

    def known_hashes(self, profile_id: str) -> frozenset[str]:
        """Content hashes of the files already imported (or skipped) for a profile."""
        rows = self._read(
            "SELECT content_sha256 FROM runs WHERE profile_id = ? "
            "UNION SELECT content_sha256 FROM skipped_files WHERE profile_id = ?",
            (profile_id, profile_id),
        )
        return frozenset(row[0] for row in rows)

    def skipped_files(self, profile_id: str) -> dict[str, str]:
        """Files seen before that were not runs: content hash -> why."""
        rows = self._read(
            "SELECT content_sha256, reason FROM skipped_files WHERE profile_id = ?", (profile_id,)
        )
        return {row[0]: row[1] for row in rows}

    def add_runs(
        self,
        profile_id: str,
        runs: Sequence[NewRun],
        skipped: Sequence[tuple[str, str]] = (),
        new_shoes: Sequence[Shoe] = (),
    ) -> list[int | None]:
        """Add runs in one transaction; the id of each, or None for a run logged already.

        A run is already logged when its file's content hash is, or when a run starts
        within two minutes and 1% of its distance. `skipped` (hash, reason) pairs
        remember files that are not runs; `new_shoes` are added to the list first.
        """
        ids: list[int | None] = []
        now = _now_ts()
        with self._write() as conn:
            for shoe in new_shoes:
                self._put_shoe(conn, profile_id, shoe, None)
            for run in runs:
                start = _ts(run.start)
                same = conn.execute(
                    "SELECT 1 FROM runs WHERE profile_id = ? AND (content_sha256 = ? OR "
                    "(start_ts BETWEEN ? AND ? AND abs(distance_m - ?) <= ?)) LIMIT 1",
                    (
                        profile_id,
                        run.content_sha256,
                        start - SAME_RUN_SECONDS,
                        start + SAME_RUN_SECONDS,
                        run.distance_m,
                        max(run.distance_m * SAME_RUN_DISTANCE, 20.0),
                    ),
                ).fetchone()
                if same is not None:
                    ids.append(None)
                    continue
                cursor = conn.execute(
                    "INSERT INTO runs (profile_id, start_ts, distance_m, duration_s, elapsed_s, "
                    "ascent_m, descent_m, sport, surface, name, source_file, content_sha256, "
                    "shoe_id, imported_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        profile_id,
                        start,
                        run.distance_m,
                        run.duration_s,
                        run.elapsed_s,
                        run.ascent_m,
                        run.descent_m,
                        run.sport,
                        run.surface,
                        run.name,
                        run.source_file,
                        run.content_sha256,
                        run.shoe_id,
                        now,
                    ),
                )
                ids.append(cursor.lastrowid)
            conn.executemany(
                "INSERT OR IGNORE INTO skipped_files (profile_id, content_sha256, reason) "
                "VALUES (?, ?, ?)",
                [(profile_id, digest, reason) for digest, reason in skipped],
            )
        return ids

    def runs(self, profile_id: str, *, since: datetime | None = None) -> list[Run]:
        """A profile's runs, oldest first; with `since`, only those that started then or later."""
        rows = self._read(
            "SELECT id, profile_id, start_ts, distance_m, duration_s, elapsed_s, ascent_m, "
            "descent_m, sport, surface, name, source_file, shoe_id, knee_pain FROM runs "
            "WHERE profile_id = ? AND (? IS NULL OR start_ts >= ? OR typeof(start_ts) != "
            "'integer') ORDER BY start_ts, id",  # a damaged start is read (to be reported)
            (profile_id, *[_ts(since) if since is not None else None] * 2),
        )
        damage = _RowDamage()
        runs = [run for row in rows if (run := _decode_run(row, damage)) is not None]
        self._note_damage("runs", profile_id, damage, whole=since is None)
        return runs

    def run_count(self, profile_id: str) -> int:
        """How many of a profile's runs `runs()` returns (rows that decode)."""
        rows = self._read(
            f"SELECT count(*) FROM runs WHERE profile_id = ? AND {_sound_run()}", (profile_id,)
        )
        return int(rows[0][0])

    def first_run_start(self, profile_id: str) -> datetime | None:
        """When the first of a profile's runs that `runs()` returns started (None without
        any): from it, how much of the past the log holds (core.training.TrainingLoad)."""
        rows = self._read(
            f"SELECT min(start_ts) FROM runs WHERE profile_id = ? AND {_sound_run()}",
            (profile_id,),
        )
        first = rows[0][0]
        return None if first is None else datetime.fromtimestamp(int(first), UTC)

    def _require_run(self, conn: sqlite3.Connection, profile_id: str, run_id: int) -> None:
        row = conn.execute(
            "SELECT 1 FROM runs WHERE profile_id = ? AND id = ?", (profile_id, run_id)
        ).fetchone()
        if row is None:
            raise RunLogError(f"run {run_id} is not in this runner's log")

    def set_run_shoe(self, profile_id: str, run_id: int, shoe_id: str | None) -> None:
        """Change the shoe a run was run in (None: no shoe recorded)."""
        with self._write() as conn:
            self._require_run(conn, profile_id, run_id)
            if shoe_id is not None:
                self._require_shoe(conn, profile_id, shoe_id)
            conn.execute("UPDATE runs SET shoe_id = ? WHERE id = ?", (shoe_id, run_id))

    def set_knee_pain(self, profile_id: str, run_id: int, pain: int | None) -> None:
        """Knee pain after a run, 0 (none) to 10 (worst imaginable); None clears it."""
        if pain is not None and (type(pain) is not int or not 0 <= pain <= MAX_KNEE_PAIN):
            raise RunLogError(f"knee pain must be a whole number from 0 to {MAX_KNEE_PAIN}")
        with self._write() as conn:
            self._require_run(conn, profile_id, run_id)
            conn.execute("UPDATE runs SET knee_pain = ? WHERE id = ?", (pain, run_id))

    def delete_run(self, profile_id: str, run_id: int) -> None:
        """Remove a run from the log (its file can be imported again)."""
        with self._write() as conn:
            self._require_run(conn, profile_id, run_id)
            conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))

    # -- shoes ------------------------------------------------------------

    def has_shoe_list(self, profile_id: str) -> bool:
        """True once a profile has a shoe list of its own (even an empty one)."""
        return bool(self._read("SELECT 1 FROM shoe_lists WHERE profile_id = ?", (profile_id,)))

    def _touch_list(self, conn: sqlite3.Connection, profile_id: str, seeded: str | None) -> None:
        conn.execute(
            "INSERT INTO shoe_lists (profile_id, seeded_from, modified_ts) VALUES (?, ?, ?) "
            "ON CONFLICT (profile_id) DO UPDATE SET modified_ts = excluded.modified_ts",
            (profile_id, seeded, _now_ts()),
        )

    def _require_shoe(self, conn: sqlite3.Connection, profile_id: str, shoe_id: str) -> None:
        row = conn.execute(
            "SELECT 1 FROM shoes WHERE profile_id = ? AND shoe_id = ?", (profile_id, shoe_id)
        ).fetchone()
        if row is None:
            raise RunLogError(f"no shoe with the id {shoe_id!r} in this runner's list")

    def _put_shoe(
        self, conn: sqlite3.Connection, profile_id: str, shoe: Shoe, start_km: float | None
    ) -> None:
        self._touch_list(conn, profile_id, None)
        position = conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM shoes WHERE profile_id = ?",
            (profile_id,),
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO shoes (profile_id, shoe_id, position, shoe_json, start_km) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, shoe_id) DO UPDATE SET "
            "shoe_json = excluded.shoe_json, start_km = coalesce(?, start_km)",
            (
                profile_id,
                shoe.id,
                position,
                json.dumps(shoe.to_json_dict(), ensure_ascii=False),
                start_km or 0.0,
                start_km,
            ),
        )

    def put_shoe(self, profile_id: str, shoe: Shoe, *, start_km: float | None = None) -> None:
        """Add a shoe to a runner's list, or update the one with its id (start_km kept if None)."""
        if start_km is not None and not 0 <= start_km <= 100_000:
            raise RunLogError("the starting kilometres must be between 0 and 100,000")
        with self._write() as conn:
            self._put_shoe(conn, profile_id, shoe, start_km)

    def replace_shoes(
        self, profile_id: str, shoes: Sequence[Shoe], *, seeded_from: str | None = None
    ) -> None:
        """Make a runner's list exactly these shoes, in this order.

        A shoe left out that has runs is kept, retired, so its history is never lost;
        one without runs is removed.
        """
        today = date.today().isoformat()
        with self._write() as conn:
            self._touch_list(conn, profile_id, seeded_from)
            keep = {shoe.id for shoe in shoes}
            old = conn.execute(
                "SELECT shoe_id FROM shoes WHERE profile_id = ?", (profile_id,)
            ).fetchall()
            for (shoe_id,) in old:
                if shoe_id in keep:
                    continue
                used = conn.execute(
                    "SELECT 1 FROM runs WHERE profile_id = ? AND shoe_id = ? LIMIT 1",
                    (profile_id, shoe_id),
                ).fetchone()
                if used:
                    conn.execute(
                        "UPDATE shoes SET retired = coalesce(retired, ?), position = position "
                        "+ 100000 WHERE profile_id = ? AND shoe_id = ?",
                        (today, profile_id, shoe_id),
                    )
                else:
                    conn.execute(
                        "DELETE FROM shoes WHERE profile_id = ? AND shoe_id = ?",
                        (profile_id, shoe_id),
                    )
                    conn.execute(
                        "DELETE FROM default_shoes WHERE profile_id = ? AND shoe_id = ?",
                        (profile_id, shoe_id),
                    )
            for position, shoe in enumerate(shoes):
                self._put_shoe(conn, profile_id, shoe, None)
                conn.execute(
                    "UPDATE shoes SET position = ? WHERE profile_id = ? AND shoe_id = ?",
                    (position, profile_id, shoe.id),
                )

    def set_start_km(self, profile_id: str, shoe_id: str, km: float) -> None:
        """Kilometres a shoe had before its first logged run."""
        if not 0 <= km <= 100_000:
            raise RunLogError("the starting kilometres must be between 0 and 100,000")
        with self._write() as conn:
            self._require_shoe(conn, profile_id, shoe_id)
            conn.execute(
                "UPDATE shoes SET start_km = ? WHERE profile_id = ? AND shoe_id = ?",
                (km, profile_id, shoe_id),
            )

    def retire_shoe(self, profile_id: str, shoe_id: str, retired: bool = True) -> None:
        """Retire a shoe (kept with its runs, no longer a default) or bring it back."""
        with self._write() as conn:
            self._require_shoe(conn, profile_id, shoe_id)
            conn.execute(
                "UPDATE shoes SET retired = ? WHERE profile_id = ? AND shoe_id = ?",
                (date.today().isoformat() if retired else None, profile_id, shoe_id),
            )
            if retired:
                conn.execute(
                    "DELETE FROM default_shoes WHERE profile_id = ? AND shoe_id = ?",
                    (profile_id, shoe_id),
                )

    def set_default_shoe(self, profile_id: str, surface: Surface, shoe_id: str | None) -> None:
        """The shoe new runs on a surface are put in (None: no default)."""
        if surface not in SURFACES:
            raise RunLogError(f"unknown surface {surface!r}")
        with self._write() as conn:
            if shoe_id is None:
                conn.execute(
                    "DELETE FROM default_shoes WHERE profile_id = ? AND surface = ?",
                    (profile_id, surface),
                )
                return
            self._require_shoe(conn, profile_id, shoe_id)
            conn.execute(
                "INSERT OR REPLACE INTO default_shoes (profile_id, surface, shoe_id) "
                "VALUES (?, ?, ?)",
                (profile_id, surface, shoe_id),
            )

    def default_shoes(self, profile_id: str) -> dict[Surface, str]:
        rows = self._read(
            "SELECT surface, shoe_id FROM default_shoes WHERE profile_id = ?", (profile_id,)
        )
        return {row[0]: row[1] for row in rows if row[0] in SURFACES and type(row[1]) is str}

    def shoes(self, profile_id: str) -> list[OwnedShoe]:
        """A runner's shoes in list order (retired ones last), with their kilometres.

        A row whose shoe does not validate is left out, a bad starting figure or retired
        date left blank; `notice` says which, in one line.
        """
        defaults: dict[str, list[Surface]] = {}
        for surface, shoe_id in self.default_shoes(profile_id).items():
            defaults.setdefault(shoe_id, []).append(surface)
        rows = self._read(
            "SELECT s.shoe_id, s.shoe_json, s.start_km, s.retired, "
            "coalesce(sum(r.distance_m), 0), count(r.id) FROM shoes s LEFT JOIN runs r "
            "ON r.profile_id = s.profile_id AND r.shoe_id = s.shoe_id AND "
            f"{_sound_run('r.')} WHERE s.profile_id = ? GROUP BY s.shoe_id "
            "ORDER BY s.retired IS NOT NULL, s.position",
            (profile_id,),
        )
        damage = _RowDamage()
        owned = [shoe for row in rows if (shoe := _decode_shoe(row, defaults, damage))]
        self._note_damage("shoes", profile_id, damage, whole=True)
        return owned

    def integrity_ok(self) -> bool:
        """SQLite's own check of the file."""
        return bool(self._read("PRAGMA quick_check")[0][0] == "ok")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our SQL strings)."""
    return [s.strip() for s in script.split(";") if s.strip() and not s.strip().startswith("--")]
