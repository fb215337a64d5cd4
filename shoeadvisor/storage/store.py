"""ProfileStore: the runner profiles and shoes saved on this computer.

Layout of the data folder (see docs/storage.md):

    profiles/<uuid>.json       one profile each, storage version 2
    profiles/<uuid>.json.bak   the version before the last save
    trash/                     deleted profiles, restorable
    quarantine/                files that could not be read, with a .why.txt note
    shoes.json (+ .bak)        the old global shoe list (only read, to seed each profile's)
    runs.sqlite3 (+ -wal, -shm)  every profile's runs and shoes (storage/runlog.py)
    state.json                 small things to remember (last opened profile)
    shoeadvisor.lock           held by the one copy of ShoeAdvisor allowed to write
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

from shoeadvisor.core.files import (
    InputFileError,
    NewerFileError,
    decode_json_bytes,
    describe_os_error,
    parse_profile,
    read_json_file,
    read_regular_file,
    read_regular_file_stat,
)
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe

from .atomic import TEMP_SUFFIX, atomic_write, backup_path, remove_leftovers
from .lock import LOCK_NAME, DataFolderLock
from .paths import DATA_DIR_ENV, data_dir, ensure_private_dir
from .runlog import RUNLOG_FILE, DamagedRunLogError, RunLog, RunLogError, side_files
from .schema import (
    MAX_STORED_PROFILE_BYTES,
    MAX_STORED_SHOES_BYTES,
    STORAGE_VERSION,
    StoredProfile,
    encode_profile_export,
    encode_stored_profile,
    is_profile_id,
    new_profile_id,
    now_utc,
    parse_stored_profile,
    parse_stored_shoes,
    stored_profile_from_data,
)

PROFILES = "profiles"
TRASH = "trash"
QUARANTINE = "quarantine"
SHOES_FILE = "shoes.json"
STATE_FILE = "state.json"
PROFILE_SUFFIX = ".json"
COPY_SUFFIX = " (copy)"
MAX_NAME = 80

ProblemKind = Literal["quarantined", "recovered", "newer", "unreadable"]
#: Why a store is read-only: another running copy holds the lock, the disk is full,
#: the folder cannot be written, the lock file is not a file, or the lock failed otherwise.
ReadOnlyCause = Literal["other_copy", "disk_full", "not_writable", "bad_lock_file", "unknown"]


#: The files the store keeps in its data folder, for `own_file`: an export must never
#: be written over one of them (nor anywhere in the folders below).
_ROOT_FILES: tuple[tuple[str, str], ...] = (
    (SHOES_FILE, "old shoe list (shoes.json)"),
    (SHOES_FILE + ".bak", "old shoe list's backup (shoes.json.bak)"),
    (RUNLOG_FILE, "run log, every runner's runs and shoes (runs.sqlite3)"),
    (RUNLOG_FILE + "-wal", "run log's journal (runs.sqlite3-wal)"),
    (RUNLOG_FILE + "-shm", "run log's index (runs.sqlite3-shm)"),
    (RUNLOG_FILE + "-journal", "run log's journal (runs.sqlite3-journal)"),
    (STATE_FILE, "own state file (state.json)"),
    (LOCK_NAME, "lock file (shoeadvisor.lock)"),
    ("window.ini", "window settings file (window.ini)"),
)
_OWN_FOLDERS: tuple[tuple[str, str], ...] = (
    (PROFILES, "profiles folder, where every file is read as a saved profile"),
    (TRASH, "trash folder"),
    (QUARANTINE, "quarantine folder"),
    ("cache", "cache folder"),
)
#: Every store opened in this process (the window's), so an export can refuse their files.
_OPEN_STORES: weakref.WeakSet[ProfileStore] = weakref.WeakSet()


def _same_folder(a: Path, b: Path) -> bool:
    """One folder however named (links, `..`, a case-insensitive disk); False if one is missing."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def own_file(root: Path, path: Path | str) -> str | None:
    """What `path` is among the files a store in `root` keeps ("the saved profile ..."), or
    None when it is none of them. Used to refuse an export that would replace one."""
    target = Path(path)
    folder, name = target.parent, target.name.casefold()
    stem = name.removesuffix(".bak").removesuffix(PROFILE_SUFFIX)
    if is_profile_id(stem) and _same_folder(folder, root / PROFILES):
        return "the backup of a saved profile" if name.endswith(".bak") else "a saved profile"
    if _same_folder(folder, root):
        for file_name, what in _ROOT_FILES:
            if name == file_name.casefold():
                return f"ShoeAdvisor's {what}"
        if name.endswith(TEMP_SUFFIX):
            return "named like a temporary file of ShoeAdvisor's, which its data folder removes"
        return None
    for folder_name, what in _OWN_FOLDERS:
        if _same_folder(folder, root / folder_name):
            return f"in ShoeAdvisor's {what}"
    return None


def store_file(path: Path | str) -> str | None:
    """What `path` is among the files of the stores open in this process and of the
    default data folder (`own_file`), or None. An export is refused with these words."""
    roots = [store.root for store in list(_OPEN_STORES)]
    roots.append(data_dir())
    for root in roots:
        what = own_file(root, path)
        if what is not None:
            return what
    return None


def refusal(what: str) -> str:
    """The message for an export onto a store's own file."""
    return f"is {what}; choose a file outside ShoeAdvisor's data folder for the export"


class StorageError(Exception):
    """Something the store cannot do, in words a person can act on."""


class ReadOnlyError(StorageError):
    """Another running ShoeAdvisor holds the data folder; this one only reads."""


class ProfileNotFoundError(StorageError, KeyError):
    """No saved profile has this id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "no such profile"


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    """One saved profile as listed: its id, timestamps and the validated profile."""

    id: str
    created: datetime
    modified: datetime
    profile: RunnerProfile
    #: True when the main file was damaged and the `.bak` copy was used.
    from_backup: bool = False

    @property
    def name(self) -> str:
        return self.profile.name


@dataclass(frozen=True, slots=True)
class StorageProblem:
    """A file in the data folder that could not be used, and what was done about it."""

    path: Path
    reason: str
    kind: ProblemKind
    moved_to: Path | None = None

    def __str__(self) -> str:
        name = self.path.name
        if self.kind == "quarantined" and self.moved_to is not None:
            return (
                f"{name}: {self.reason}; moved to {self.moved_to.parent.name}/{self.moved_to.name}"
            )
        if self.kind == "recovered":
            return f"{name}: {self.reason}; the copy from before the last save is used instead"
        if self.kind == "newer":
            return f"{name}: {self.reason}; the file is left untouched"
        return f"{name}: {self.reason}; skipped"


def _reason(error: InputFileError) -> str:
    return f"{error.field}: {error.message}" if error.field else error.message


def _mtime(info: os.stat_result) -> datetime:
    return datetime.fromtimestamp(info.st_mtime, UTC)


def _private_dir(path: Path, what: str) -> Path:
    """ensure_private_dir, with a failure in words (a file in the way, no permission)."""
    try:
        return ensure_private_dir(path)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
        if blocker == path:
            raise StorageError(
                f"{what} {path} is a file, not a folder; move that file away "
                f"(or set {DATA_DIR_ENV} to another folder)"
            ) from None
        raise StorageError(
            f"cannot create {what} {path}: {blocker} is a file, not a folder"
        ) from None
    except OSError as exc:
        raise StorageError(f"cannot create {what} {path} ({describe_os_error(exc)})") from None


def _disk_is_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail == 0 and info.f_blocks > 0


@contextlib.contextmanager
def _writing(what: str, folder: Path) -> Iterator[None]:
    """A failed write (full disk, no permission) as a StorageError; writes are atomic."""
    try:
        yield
    except OSError as exc:
        raise StorageError(
            f"cannot save {what} in {folder} ({describe_os_error(exc)}); nothing was changed"
        ) from None


class ProfileStore:
    """Profiles and shoes in one data folder.

    Opening the store tries to take the folder's lock. If another running copy of
    ShoeAdvisor holds it, the store is read-only: listing and loading work, every
    change raises ReadOnlyError, and `read_only` is True so the window can say so.
    Call `retry_lock()` to become writable once the other copy has closed.
    """

    def __init__(self, root: Path | None = None, lock: DataFolderLock | None = None) -> None:
        """Open (creating when needed) the data folder; StorageError when it cannot be used.

        `lock`: the folder's lock when the caller has already taken it (the window does,
        to show its kept first frame); the store holds it from then on.
        """
        self.root = _private_dir(Path(root) if root is not None else data_dir(), "the data folder")
        self.profiles_dir = _private_dir(self.root / PROFILES, "the profiles folder")
        self._lock = lock if lock is not None else DataFolderLock(self.root)
        self._cache: dict[str, tuple[tuple[int, int, int], ProfileEntry]] = {}
        self._run_log: RunLog | None = None
        _OPEN_STORES.add(self)
        self.retry_lock()

    # -- lock -------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True while this store may not write: another copy owns the folder, or it is read-only."""
        return not self._lock.held

    def read_only_cause(self) -> ReadOnlyCause | None:
        """Why this store is read-only, for a window to word it: None while writable."""
        if self._lock.held:
            return None
        if self._lock.failure == "held":
            return "other_copy"
        if self._lock.failure == "not_a_file":
            return "bad_lock_file"
        if _disk_is_full(self.root):
            return "disk_full"
        if self._lock.failure == "not_writable" or not os.access(self.root, os.W_OK):
            return "not_writable"
        return "unknown"

    def read_only_reason(self) -> str | None:
        """Why this store is read-only, in a sentence for the window or the command line."""
        cause = self.read_only_cause()
        if cause is None:
            return None
        if cause == "other_copy":
            holder = self._lock.holder()
            who = f" ({holder})" if holder else ""
            return (
                f"another ShoeAdvisor{who} is using the profile folder {self.root}; "
                "close it to make changes here"
            )
        if cause == "bad_lock_file":
            return (
                f"{self._lock.path} is not a regular file (a FIFO, link or device); "
                "remove it to make changes here; profiles can be read but not changed"
            )
        if cause == "disk_full":
            return (
                f"the disk holding the profile folder {self.root} is full; profiles can be "
                "read but not changed until some space is freed"
            )
        if cause == "not_writable":
            return (
                f"the profile folder {self.root} cannot be written (permission denied or a "
                "read-only disk); profiles can be read but not changed"
            )
        return (
            f"the profile folder {self.root} could not be locked for writing; "
            "profiles can be read but not changed"
        )

    def lock_holder(self) -> str | None:
        """Who holds the lock when this store is read-only (for messages)."""
        return None if self._lock.held else self._lock.holder()

    def retry_lock(self) -> bool:
        """Try to become the writer; True when this store may now save."""
        was_held = self._lock.held
        if self._lock.try_acquire() and not was_held:
            remove_leftovers(self.profiles_dir)
            remove_leftovers(self.root)
            if self._run_log is not None:  # reopen it writable
                self._run_log.close()
                self._run_log = None
        return self._lock.held

    def close_run_log(self) -> None:
        """Close the run log (opened again on next use); the lock is kept."""
        if self._run_log is not None:
            self._run_log.close()
            self._run_log = None

    def close(self) -> None:
        """Release the lock so another copy can write."""
        self.close_run_log()
        self._lock.release()

    def __enter__(self) -> ProfileStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _require_writable(self) -> None:
        reason = self.read_only_reason()
        if reason is not None:
            raise ReadOnlyError(reason)

    # -- paths ------------------------------------------------------------

    def profile_path(self, profile_id: str) -> Path:
        """The file of a profile; the id is checked so it can never name another path."""
        if not is_profile_id(profile_id):
            raise ProfileNotFoundError(f"{profile_id!r} is not a profile id")
        return self.profiles_dir / f"{profile_id}{PROFILE_SUFFIX}"

    def _trash_dir(self) -> Path:
        return _private_dir(self.root / TRASH, "the trash folder")

    # -- reading ----------------------------------------------------------

    def _read_file(self, path: Path, file_id: str) -> StoredProfile:
        raw, info = read_regular_file_stat(path, MAX_STORED_PROFILE_BYTES)
        return parse_stored_profile(raw, path, file_id=file_id, mtime=_mtime(info))

    def _quarantine(self, path: Path, reason: str) -> Path | None:
        """Move a bad file aside with a note of why; None when it could not be moved.

        Never raises (a full disk, a read-only folder): the file then stays where it is.
        """
        try:
            folder = ensure_private_dir(self.root / QUARANTINE)
        except OSError:
            return None
        target = folder / path.name
        if target.exists():
            stamp = now_utc().strftime("%Y%m%dT%H%M%S%fZ")
            target = folder / f"{path.stem}.{stamp}{path.suffix}"
        try:
            os.replace(path, target)
        except OSError:
            return None
        with contextlib.suppress(OSError):
            # Moved as it was; in the data folder it is this user's only (a link is left).
            if stat.S_ISREG(os.lstat(target).st_mode):
                os.chmod(target, 0o600)
        with contextlib.suppress(OSError):
            note = f"{path.name} was moved here on {now_utc().isoformat()}\nreason: {reason}\n"
            atomic_write(target.with_name(target.name + ".why.txt"), note.encode("utf-8"))
        return target

    def _restore_main(self, main: Path, backup: Path, damaged: InputFileError | None) -> str:
        """Put the `.bak` back as the main file; "" or why it could not be done (never raises).

        A damaged main file is moved to quarantine first and never overwritten: if it
        cannot be moved, the backup is used but nothing is written.
        """
        if damaged is not None and self._quarantine(main, _reason(damaged)) is None:
            return "; the damaged file could not be moved aside, so it is left as it is"
        try:
            atomic_write(main, read_regular_file(backup, MAX_STORED_PROFILE_BYTES))
        except OSError as exc:
            return f"; it could not be restored yet ({describe_os_error(exc)})"
        except InputFileError as exc:
            return f"; it could not be restored yet ({exc.message})"
        return ""

    def _set_aside(self, path: Path, error: InputFileError, problems: list[StorageProblem]) -> None:
        reason = _reason(error)
        moved = None if self.read_only else self._quarantine(path, reason)
        kind: ProblemKind = "quarantined" if moved else "unreadable"
        problems.append(StorageProblem(path, reason, kind, moved))

    def _load_entry(self, profile_id: str, problems: list[StorageProblem]) -> ProfileEntry | None:
        """Read one profile, falling back to its `.bak`; bad files are reported and set aside."""
        main = self.profiles_dir / f"{profile_id}{PROFILE_SUFFIX}"
        backup = backup_path(main)
        main_error: InputFileError | None = None
        try:
            stat = main.stat()
        except OSError:
            stat = None
        if stat is not None:
            key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
            cached = self._cache.get(profile_id)
            if cached is not None and cached[0] == key:
                return cached[1]
            try:
                stored = self._read_file(main, profile_id)
            except NewerFileError as exc:
                problems.append(StorageProblem(main, _reason(exc), "newer"))
                return None
            except InputFileError as exc:
                main_error = exc
            else:
                entry = ProfileEntry(stored.id, stored.created, stored.modified, stored.profile)
                self._cache[profile_id] = (key, entry)
                return entry
        if not backup.exists():
            if main_error is not None:
                self._set_aside(main, main_error, problems)
            return None
        try:
            stored = self._read_file(backup, profile_id)
        except NewerFileError as exc:
            problems.append(StorageProblem(backup, _reason(exc), "newer"))
            if main_error is not None:
                self._set_aside(main, main_error, problems)
            return None
        except InputFileError as exc:
            if main_error is not None:
                self._set_aside(main, main_error, problems)
            self._set_aside(backup, exc, problems)
            return None
        reason = _reason(main_error) if main_error else "the file is missing"
        if not self.read_only:
            reason += self._restore_main(main, backup, main_error)
        problems.append(StorageProblem(main, reason, "recovered"))
        return ProfileEntry(
            stored.id, stored.created, stored.modified, stored.profile, from_backup=True
        )

    def list_profiles(self) -> tuple[list[ProfileEntry], list[StorageProblem]]:
        """Every readable profile (newest change first) and the problems met on the way.

        Never raises for a bad file: it is moved to quarantine/ (or, read-only,
        skipped) and reported; a file from a newer ShoeAdvisor is reported and left.
        """
        problems: list[StorageProblem] = []
        ids: set[str] = set()
        try:
            names = [entry.name for entry in os.scandir(self.profiles_dir)]
        except OSError as exc:
            raise StorageError(f"cannot read {self.profiles_dir} ({exc.strerror or exc})") from exc
        for name in names:
            stem = name.removesuffix(".bak")
            if not stem.endswith(PROFILE_SUFFIX):
                continue
            profile_id = stem.removesuffix(PROFILE_SUFFIX)
            if is_profile_id(profile_id):
                ids.add(profile_id)
            else:
                error = InputFileError(
                    name, "not named like a saved profile (<id>.json); use Import to add it"
                )
                self._set_aside(self.profiles_dir / name, error, problems)
        entries: list[ProfileEntry] = []
        for profile_id in ids:
            entry = self._load_entry(profile_id, problems)
            if entry is not None:
                entries.append(entry)
        for gone in self._cache.keys() - ids:
            del self._cache[gone]
        entries.sort(key=lambda e: (e.modified, e.id), reverse=True)
        problems.sort(key=lambda p: p.path.name)
        return entries, problems

    def load(self, profile_id: str) -> ProfileEntry:
        """One profile by id; raises ProfileNotFoundError, NewerFileError or InputFileError."""
        main = self.profile_path(profile_id)
        problems: list[StorageProblem] = []
        entry = self._load_entry(profile_id, problems)
        if entry is not None:
            return entry
        for problem in problems:
            if problem.kind == "newer":
                raise NewerFileError(problem.path, problem.reason)
        if problems:
            raise InputFileError(problems[0].path, str(problems[0]).partition(": ")[2])
        raise ProfileNotFoundError(f"no saved profile has the id {profile_id} ({main})")

    # -- writing ----------------------------------------------------------

    def _write(self, stored: StoredProfile) -> None:
        main = self.profile_path(stored.id)
        # A .bak written by a newer ShoeAdvisor is kept as it is, never replaced.
        keep_backup = not self._newer_profile_file(backup_path(main), stored.id)
        with _writing("the profile", self.profiles_dir):
            atomic_write(main, encode_stored_profile(stored), keep_backup=keep_backup)
        self._cache.pop(stored.id, None)

    def _newer_profile_file(self, path: Path, file_id: str) -> bool:
        """True when path is a stored profile written by a newer ShoeAdvisor."""
        if not path.exists():
            return False
        try:
            self._read_file(path, file_id)
        except NewerFileError:
            return True
        except InputFileError:
            return False
        return False

    def save(self, profile_id: str | None, profile: RunnerProfile) -> str:
        """Save a profile (a new one when profile_id is None) and return its id.

        The previous version is kept as `<id>.json.bak`. A file written by a
        newer ShoeAdvisor is never overwritten (NewerFileError).
        """
        self._require_writable()
        now = now_utc()
        created = now
        if profile_id is None:
            profile_id = new_profile_id()
        else:
            main = self.profile_path(profile_id)
            if main.exists() or backup_path(main).exists():
                try:
                    created = self.load(profile_id).created
                except NewerFileError:
                    raise
                except InputFileError:
                    # Damaged beyond repair: load() has moved it to quarantine, and the
                    # profile in hand is the best copy there is, so it is written anew.
                    pass
        self._write(StoredProfile(profile_id, created, now, profile))
        return profile_id

    def rename(self, profile_id: str, name: str) -> ProfileEntry:
        """Give a profile a new name (1–80 characters after trimming)."""
        self._require_writable()
        entry = self.load(profile_id)
        data = {**entry.profile.to_json_dict(), "name": name}
        profile = parse_profile(data, self.profile_path(profile_id))
        self.save(profile_id, profile)
        return self.load(profile_id)

    def duplicate(self, profile_id: str) -> str:
        """Save a copy of a profile under a new id, named "<name> (copy)"."""
        self._require_writable()
        entry = self.load(profile_id)
        base = entry.name[: MAX_NAME - len(COPY_SUFFIX)].rstrip()
        data = {**entry.profile.to_json_dict(), "name": base + COPY_SUFFIX}
        return self.save(None, parse_profile(data, self.profile_path(profile_id)))

    def delete(self, profile_id: str) -> None:
        """Move a profile (and its .bak) to trash/; `restore` brings it back."""
        self._require_writable()
        main = self.profile_path(profile_id)
        backup = backup_path(main)
        if not main.exists() and not backup.exists():
            raise ProfileNotFoundError(f"no saved profile has the id {profile_id}")
        self.load(profile_id)  # a newer file is refused here, so it is never moved
        trash = self._trash_dir()
        # The .bak goes first: if we stop half way the profile is still listed.
        with _writing("the change", self.root):
            if backup.exists():
                os.replace(backup, trash / backup.name)
            if main.exists():
                os.replace(main, trash / main.name)
        for moved in (trash / backup.name, trash / main.name):
            with contextlib.suppress(OSError):  # as in quarantine/: this user's only
                if stat.S_ISREG(os.lstat(moved).st_mode):
                    os.chmod(moved, 0o600)
        self._cache.pop(profile_id, None)

    def restore(self, profile_id: str) -> None:
        """Bring a deleted profile back from trash/."""
        self._require_writable()
        main = self.profile_path(profile_id)
        trash = self.root / TRASH
        trashed, trashed_backup = trash / main.name, trash / backup_path(main).name
        if not trashed.exists() and not trashed_backup.exists():
            raise ProfileNotFoundError(f"no deleted profile has the id {profile_id}")
        if main.exists():
            raise StorageError(f"a profile with the id {profile_id} exists already")
        with _writing("the change", self.root):
            if trashed.exists():
                os.replace(trashed, main)
            if trashed_backup.exists():
                os.replace(trashed_backup, backup_path(main))

    def trashed_ids(self) -> list[str]:
        """Ids of the profiles in trash/."""
        trash = self.root / TRASH
        if not trash.is_dir():
            return []
        ids = {p.name.removesuffix(".bak").removesuffix(PROFILE_SUFFIX) for p in trash.iterdir()}
        return sorted(i for i in ids if is_profile_id(i))

    # -- import and export -------------------------------------------------

    def import_file(self, path: Path | str) -> str:
        """Add a profile from a contract §1 file (or a stored file) as a new profile."""
        self._require_writable()
        data = read_json_file(path, MAX_STORED_PROFILE_BYTES)
        stored = stored_profile_from_data(data, path, file_id=None)
        return self.save(None, stored.profile)

    def export(self, profile_id: str, path: Path | str) -> None:
        """Write a profile as a contract §1 file that `shoeadvisor advise` accepts."""
        entry = self.load(profile_id)
        path = Path(path)
        what = own_file(self.root, path) or store_file(path)
        if what is not None:
            raise InputFileError(path, refusal(what))
        try:
            atomic_write(path, encode_profile_export(entry.profile))
        except OSError as exc:
            raise InputFileError(path, f"cannot be written ({describe_os_error(exc)})") from None

    # -- small state ------------------------------------------------------

    def _read_state(self) -> dict[str, object]:
        path = self.root / STATE_FILE
        try:
            data = decode_json_bytes(read_regular_file(path, 100_000), path)
        except InputFileError:
            return {}
        return data if isinstance(data, dict) else {}

    def last_opened(self) -> str | None:
        """The profile open when ShoeAdvisor last closed, if it still exists."""
        value = self._read_state().get("last_opened")
        if isinstance(value, str) and is_profile_id(value) and self.profile_path(value).exists():
            return value
        return None

    def set_last_opened(self, profile_id: str | None) -> None:
        """Remember the open profile, as well as it can: a read-only store, a full disk
        or an unwritable folder mean it is not remembered (no error)."""
        if self.read_only:
            return
        if profile_id is not None:
            self.profile_path(profile_id)  # validates the id
        state = {**self._read_state(), "storage_version": STORAGE_VERSION}
        state["last_opened"] = profile_id
        data = (json.dumps(state, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        with contextlib.suppress(OSError):
            atomic_write(self.root / STATE_FILE, data)

    # -- the old global shoe list (read to seed each profile's) -----------

    def load_user_shoes_report(self) -> tuple[list[Shoe], list[StorageProblem]]:
        """The old global shoes.json (empty when absent) and any problem with the file.

        Only read, to seed a profile's own list (`profile_shoes`); nothing writes it any
        more. Never raises: a bad file is set aside and reported, the `.bak` used instead.
        """
        path = self.root / SHOES_FILE
        problems: list[StorageProblem] = []
        main_error: InputFileError | None = None
        for candidate in (path, backup_path(path)):
            if not candidate.exists():
                continue
            try:
                raw = read_regular_file(candidate, MAX_STORED_SHOES_BYTES)
                shoes = parse_stored_shoes(raw, candidate)
            except NewerFileError as exc:
                problems.append(StorageProblem(candidate, _reason(exc), "newer"))
                return [], problems
            except InputFileError as exc:
                if candidate == path:
                    main_error = exc
                else:
                    if main_error is not None:
                        self._set_aside(path, main_error, problems)
                    self._set_aside(candidate, exc, problems)
                continue
            if candidate != path:
                reason = "could not be read"
                if not self.read_only:
                    reason += self._restore_shoes(path, raw, main_error, problems)
                problems.append(StorageProblem(path, reason, "recovered"))
            return shoes, problems
        if main_error is not None:
            self._set_aside(path, main_error, problems)
        return [], problems

    def _restore_shoes(
        self,
        path: Path,
        raw: bytes,
        damaged: InputFileError | None,
        problems: list[StorageProblem],
    ) -> str:
        """Write the `.bak` back as shoes.json; "" or why not (never raises)."""
        if damaged is not None:
            self._set_aside(path, damaged, problems)
            if problems[-1].kind != "quarantined":
                return "; the damaged file could not be moved aside, so it is left as it is"
        try:
            atomic_write(path, raw)
        except OSError as exc:
            return f"; it could not be restored yet ({describe_os_error(exc)})"
        return ""

    # -- runs and per-profile shoes ----------------------------------------

    @property
    def run_log_path(self) -> Path:
        """The SQLite run log; `RunImport` opens its own connection to it."""
        return self.root / RUNLOG_FILE

    def run_log(self) -> RunLog:
        """The run log (opened on first use; read-only while another copy holds the lock).

        A damaged database is moved to quarantine/ and a new one started; one from a
        newer ShoeAdvisor raises StorageError and is left as it is.
        """
        if self._run_log is None:
            try:
                self._run_log = RunLog(
                    self.run_log_path,
                    read_only=self.read_only,
                    read_only_reason=self.read_only_reason(),
                )
            except DamagedRunLogError as exc:
                if self.read_only:
                    raise StorageError(str(exc)) from None
                if exc.path == self.run_log_path:
                    self._quarantine_run_log(str(exc))
                elif self._quarantine(exc.path, str(exc)) is None:
                    # A FIFO or a folder as the -wal or -shm: the database itself is sound.
                    raise StorageError(f"{exc}; move it away to use the run log") from None
                try:
                    self._run_log = RunLog(self.run_log_path)
                except RunLogError as again:
                    raise StorageError(str(again)) from None
            except RunLogError as exc:  # newer, or the file cannot be created
                raise StorageError(str(exc)) from None
        return self._run_log

    def run_log_notice(self) -> str | None:
        """What the runner should know about the open run log (changes it cannot read)."""
        return self._run_log.notice if self._run_log is not None else None

    def _quarantine_run_log(self, reason: str) -> None:
        main = self.run_log_path
        moved = self._quarantine(main, reason)
        if moved is None:
            return
        for side, moved_side in zip(side_files(main), side_files(moved), strict=True):
            with contextlib.suppress(OSError):
                os.replace(side, moved_side)
                if stat.S_ISREG(os.lstat(moved_side).st_mode):
                    os.chmod(moved_side, 0o600)

    def _legacy_shoes(self) -> list[Shoe]:
        """The old global shoes.json, shared by every profile before lists were per profile."""
        return self.load_user_shoes_report()[0]

    def profile_shoes(self, profile_id: str) -> list[Shoe]:
        """A profile's shoe list (contract §2 shoes, retired ones left out).

        A profile that has no list of its own yet starts from the old global
        shoes.json (copied, never moved), so no shoe is lost in the move to per-profile
        lists; see docs/storage.md.
        """
        self.profile_path(profile_id)  # validates the id
        log = self.run_log()
        if not log.has_shoe_list(profile_id):
            legacy = self._legacy_shoes()
            if legacy and not self.read_only:
                log.replace_shoes(profile_id, legacy, seeded_from=SHOES_FILE)
            else:
                return legacy
        return [owned.shoe for owned in log.shoes(profile_id) if owned.retired is None]

    def save_profile_shoes(self, profile_id: str, shoes: list[Shoe]) -> None:
        """Make a profile's list these shoes; one left out that has runs is retired, not lost."""
        self._require_writable()
        self.profile_path(profile_id)
        self.run_log().replace_shoes(profile_id, list(shoes))
