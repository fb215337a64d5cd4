"""The runner's session: the one owner of the profile, the runner's shoes and the store.

Views never keep their own copy of what the runner entered. They send patches
(`session.update(knee_pain=[...])`) and redraw from `changed`, which says what changed.
The store (the profiles and shoes on disk) is reached only through this object: opening,
autosave, import, export, rename and delete all pass here, and so does the truth the
status bar tells ("Saved 12:04", "Not saved: the disk is full — …", "Read-only: …").

What the runner entered is the *draft* (contract §1 keys, possibly incomplete); the
*profile* is the draft's last complete version, which the advice and the disk follow.
A failed save keeps the profile in memory and tries again; nothing is lost by a full
disk or a read-only folder.

This module is imported before the window's first paint: storage and core are imported
inside the methods that need them, so constructing a session costs nothing.

A start can show what the last start showed before it has opened anything
(`show_kept`): the session reads back the view it kept of that start (see
gui.session_snapshot and storage.window_snapshot), keyed by everything it was derived
from, so it is never stale. It stays the owner: views read the same properties, and
`start()` then opens the folder for real and replaces the kept view. Until then, every
change, and every property the kept view cannot answer, first finishes the start: a
runner who types at once loses nothing.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import functools
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from shoeadvisor.core.advice import Advice, FeatureAdvice, RiskAdvice, ShoeScore
    from shoeadvisor.core.fit import FitMemo
    from shoeadvisor.core.form_limits import FieldSpec
    from shoeadvisor.core.ids import Surface
    from shoeadvisor.core.knowledge import Knowledge
    from shoeadvisor.core.profile import RunnerProfile
    from shoeadvisor.core.shoe_care import RotationAdvice, ShoeWear
    from shoeadvisor.core.shoes import Shoe
    from shoeadvisor.core.training import ShoePain, SpikeMark, TrainingLoad
    from shoeadvisor.storage import ProfileStore
    from shoeadvisor.storage.lock import DataFolderLock
    from shoeadvisor.storage.run_import import ImportProgress, ImportReport
    from shoeadvisor.storage.runlog import OwnedShoe, Run, RunLog
    from shoeadvisor.storage.window_snapshot import SnapshotFile

    from .session_snapshot import KeptStart
    from .workers import JobThread

#: How long after the last edit the profile is written (typing never waits for the disk).
SAVE_DELAY_MS = 300
#: How often a failed save, or a lock held by another window, is tried again.
RETRY_MS = 5000
#: An import's progress is drawn at most this often (a 100,000-file export stays smooth).
IMPORT_DRAW_MS = 50


class Change(enum.Flag):
    """What a `changed` signal is about; views redraw only the parts they show."""

    DRAFT = 1  # what the runner entered (any field)
    PROFILE = 2  # the complete profile the advice follows
    ADVICE = 4
    SHOES = 8
    CURRENT = 16  # which saved profile is open (or a new one)
    PROFILES = 32  # the list of saved profiles
    SAVE_STATE = 64  # what the status bar says
    LOCK = 128  # read-only because another window writes
    NOTICE = 256  # the outcome of a list action (renamed, created, an error)
    RUNS = 512  # the run log: runs, their shoes and pain, the shoes' kilometres, the load
    IMPORT = 1024  # an import of runs started, went on or ended
    ALL = 2047


class SessionError(Exception):
    """An action on the session failed; the message is worded for the runner."""


class SaveState:
    """The truth about what is on disk, for the status bar."""

    __slots__ = ("kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        #: "none", "new", "saving", "saved", "incomplete", "failed", "read_only", "problem"
        self.kind = kind
        self.text = text

    def __repr__(self) -> str:
        return f"SaveState({self.kind!r}, {self.text!r})"


READ_ONLY = "Read-only: another ShoeAdvisor is open"
#: What the status bar says while the store may not write, by the store's read_only_cause().
READ_ONLY_BECAUSE = {
    "other_copy": READ_ONLY,
    "disk_full": "Read-only: the disk is full — changes here are not saved",
    "not_writable": "Read-only: the profile folder cannot be written to",
    "unknown": "Read-only: the profile folder could not be locked for writing",
}
NEW_PROFILE = "New profile: saved as soon as the fields marked * are filled in"
NEW_PROFILE_SHOES = (
    "New profile: it and its shoes are saved as soon as the fields marked * are filled in"
)
INCOMPLETE = "Not saved: fix the marked fields first — the last complete version is on disk"
KEPT = "your changes are kept in this window"


class SavedProfile:
    """One profile in the list of saved profiles (what the panel shows)."""

    __slots__ = ("from_backup", "id", "modified", "name")

    def __init__(self, id: str, name: str, modified: datetime, from_backup: bool) -> None:
        self.id = id
        self.name = name
        self.modified = modified
        self.from_backup = from_backup


class ShoeMileage(NamedTuple):
    """One of the runner's shoes (retired ones too) with its kilometres, wear and knee pain."""

    owned: OwnedShoe
    wear: ShoeWear
    pain: ShoePain | None


class ImportState:
    """What the window shows of an import of runs: while it runs, and the last one's outcome."""

    __slots__ = ("broken", "cancelled", "done", "error", "file", "running", "summary", "total")

    def __init__(self) -> None:
        self.running = False
        self.done = 0
        self.total = 0
        self.file = ""  # the file done last
        self.summary = ""  # "3 imported, 1 duplicate, 0 skipped, 1 broken" once it ended
        self.broken: tuple[tuple[str, str], ...] = ()  # (file name, why) of each broken file
        self.error = ""  # why the import stopped before the end ("" when it did not)
        self.cancelled = False


def _why_not_written(error: BaseException) -> str:
    """A failed write, in words: the disk is full, the folder is read-only, or the reason."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError):
            if seen.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                return "the disk is full"
            if seen.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return "the profile folder cannot be written to"
            if seen.strerror:
                return seen.strerror[:1].lower() + seen.strerror[1:]
        seen = seen.__cause__ or seen.__context__
    text = str(error)
    if "disk is full" in text.lower():  # SQLite's words for ENOSPC, passed on by the run log
        return "the disk is full"
    return text[:1].lower() + text[1:] if text else type(error).__name__


def _finishes_start(method: Any) -> Any:
    """For what the kept view cannot answer or must not do: the start is finished first."""

    @functools.wraps(method)
    def finished_first(self: RunnerSession, *args: Any, **kwargs: Any) -> Any:
        if self._kept is not None:
            self._finish_kept_start()
        return method(self, *args, **kwargs)

    return finished_first


def _opened_text(modified: datetime, from_backup: bool) -> str:
    """What the status bar says of a profile just opened."""
    note = " (restored from the backup copy)" if from_backup else ""
    return f"Saved {_when(modified)}{note}"


def _when(moment: datetime) -> str:
    from datetime import datetime

    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"{local:%H:%M}"
    return f"{local.day} {local:%b %Y}, {local:%H:%M}"


class RunnerSession(QObject):
    """The profile being edited, the runner's shoes, the saved profiles and the advice.

    Reading: `draft`, `problems`, `profile`, `profile_id`, `shoes`, `advice`,
    `catalog_scores`, `saved_profiles`, `save_state`, `read_only`, `notice`.
    Changing: `update(**fields)` and the methods below; each change emits `changed`.
    """

    changed = Signal(object)  # Change

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        """`folder`: the data folder (default: $SHOEADVISOR_DATA_DIR or the user's)."""
        super().__init__(parent)
        self._folder = folder
        self._store: ProfileStore | None = None
        self._started = False
        self._last_opened: str | None = None  # what the store says was open last
        self._kb: Knowledge | None = None
        self._open = False
        self._draft: dict[str, Any] = {}
        self._problems: Mapping[str, str] = {}
        self._profile: RunnerProfile | None = None
        self._profile_id: str | None = None
        self._saved: RunnerProfile | None = None
        self._shoes: tuple[Shoe, ...] = ()
        self._shoes_unsaved = False
        self._runs: tuple[Run, ...] = ()
        self._owned: tuple[OwnedShoe, ...] = ()
        self._training: TrainingLoad | None = None
        #: The last 30 days only (what the advice needs), read when a profile opens; the
        #: whole log is read when a page first asks for it (a start never waits for it).
        self._recent: TrainingLoad | None = None
        self._runs_loaded = False
        #: shoe_mileage() as last worked out: (owned shoes, training, weight's key, rows)
        self._mileage: tuple[Any, ...] | None = None
        self._advised: RunnerProfile | None = None  # the profile with blanks from the log
        self._filled: tuple[str, ...] = ()
        self._run_problems: tuple[str, ...] = ()
        self._import: JobThread | None = None
        self._import_profile: str | None = None
        self._import_state = ImportState()
        self._import_timer = QTimer(self)
        self._import_timer.setSingleShot(True)
        self._import_timer.setInterval(IMPORT_DRAW_MS)
        self._import_timer.timeout.connect(lambda: self._emit(Change.IMPORT))
        self._advice: Advice | None = None
        self._catalog: tuple[ShoeScore, ...] = ()
        self._fit_memo: FitMemo | None = None  # for the runner's shoes
        self._catalog_memo: FitMemo | None = None  # for the built-in shoe types
        self._list: tuple[SavedProfile, ...] = ()
        self._list_problems: tuple[str, ...] = ()
        self._shoe_problems: tuple[str, ...] = ()
        self._deleted: SavedProfile | None = None
        self._state = SaveState("none", "")
        self._notice = ""
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._autosave)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_MS)
        self._retry_timer.timeout.connect(self._retry)
        #: The view of the last start, shown until this one has opened the folder.
        self._kept: KeptStart | None = None
        self._kept_lock: DataFolderLock | None = None
        #: The open profile's save time and whether its backup was used (its "Saved …").
        self._opened_at: tuple[datetime, bool] | None = None
        #: When the runs' figures were worked out, and the first moment they may change.
        self._advised_at = 0.0
        self._figures_until: float | None = None
        self._source_names: Mapping[str, str] | None = None

    # ------------------------------------------------------------------ start and stop
    def start(self) -> None:
        """Open the store (taking the folder's lock if free), list it, reopen the last profile.

        A kept view shown until now gives way to what this start finds: the same, unless
        something it was derived from was missed; then this start's view wins, and is
        kept for the next start instead.
        """
        if self._started:
            return
        self._started = True
        lock = self._kept_lock
        self._forget_kept()
        from shoeadvisor.storage import ProfileStore, StorageError
        from shoeadvisor.storage.knowledge_cache import install

        # The validated knowledge kept from the last run (beside the data when a folder
        # is given, as a test or a portable copy does).
        install(self._cache_folder())
        try:
            self._store = ProfileStore(self._folder, lock=lock)
        except (StorageError, OSError) as exc:
            if lock is not None:
                lock.release()
            self._set_state("problem", f"Not saved: cannot use the profile folder ({exc})")
            self._emit(Change.ALL)
            return
        if self._store.read_only:
            self._retry_timer.start()
        if not self._open_last():
            # Nothing to advise yet: load the engine while the runner reads the welcome page.
            warm_up_in_background()
        self._keep_for_next_start(self._start_state())
        self._emit(Change.ALL)

    def _open_last(self) -> bool:
        """List the store and open the profile open last time (or the newest); False if none."""
        assert self._store is not None
        self._refresh_list()
        last = self._last_opened = self._store.last_opened()
        if last is None and self._list:
            last = max(self._list, key=lambda p: p.modified).id
        if last is None or not self.open(last):
            self._set_state("none", self._read_only_text() if self.read_only else "")
            return False
        return True

    # ------------------------------------------------------------------ the kept start
    def show_kept(self) -> bool:
        """Show what the last start showed, when nothing it was derived from has changed.

        For the window, before its first paint: this takes the folder's lock (the store
        keeps it) and reads one small file, without pydantic or the advice engine.
        False, and nothing shown, when no valid view is kept, or another window holds
        the lock (a start here is then read-only, which a kept view never is).
        """
        if self._started or self._kept is not None:
            return False
        import time

        from shoeadvisor.storage.lock import DataFolderLock
        from shoeadvisor.storage.paths import data_dir

        from .session_snapshot import decode

        root = self._folder if self._folder is not None else data_dir()
        lock = DataFolderLock(root)
        if not root.is_dir() or not lock.try_acquire():
            return False
        file, key = self._kept_file()
        found = file.load(key)
        try:
            if found is None:
                raise ValueError("nothing kept under this key")
            kept = decode(found)
            now = time.time()
            if now < kept.advised_at or (kept.valid_until is not None and now >= kept.valid_until):
                raise ValueError("the runs' figures may have changed since")
        except ValueError:
            lock.release()
            return False
        self._kept, self._kept_lock = kept, lock
        self._open = True
        self._draft = dict(kept.draft)
        self._problems = kept.problems
        self._profile_id = kept.profile_id
        self._last_opened = kept.last_opened
        self._list = tuple(
            SavedProfile(p.id, p.name, p.modified, p.from_backup) for p in kept.profiles
        )
        self._opened_at = (kept.modified, kept.from_backup)
        self._set_state("saved", _opened_text(kept.modified, kept.from_backup))
        self._emit(Change.ALL)
        return True

    @property
    def showing_kept(self) -> bool:
        """The kept view of the last start is shown: `start()` has not opened the folder yet."""
        return self._kept is not None

    def _finish_kept_start(self) -> None:
        """Open the folder now, for a caller that needs what only it knows. The views are
        told on the next turn of the event loop: this may run while one is being built."""
        blocked = self.blockSignals(True)
        try:
            self.start()
        finally:
            self.blockSignals(blocked)
        QTimer.singleShot(0, lambda: self._emit(Change.ALL))

    def _forget_kept(self) -> None:
        """Back to the state of a session not started (start() fills it in for real)."""
        if self._kept is None:
            return
        self._kept = self._kept_lock = None
        self._open, self._draft, self._problems = False, {}, {}
        self._profile_id = self._last_opened = self._opened_at = None
        self._list = ()
        self._set_state("none", "")

    def _cache_folder(self) -> Path | None:
        """Where derived data is kept (None: the user's cache folder)."""
        return self._folder / "cache" if self._folder is not None else None

    def _kept_file(self) -> tuple[SnapshotFile, str]:
        """The kept view's file, and its key as the data folder is now (lock held).

        The file holds what the window shows of a profile, so it lives in the data folder
        (its cache/), never in the user's cache folder: a runner who deletes the data
        folder deletes it too.
        """
        from pathlib import Path

        from shoeadvisor.core.resources import resources_dir
        from shoeadvisor.storage.paths import data_dir
        from shoeadvisor.storage.window_snapshot import FILE_NAME, SnapshotFile, snapshot_key

        from .settings import SETTINGS_FILE

        root = self._folder if self._folder is not None else data_dir()
        here = Path(__file__).parent
        code = (here / "session.py", here / "session_snapshot.py")
        key = snapshot_key(root, resources_dir(), code, ignore=(SETTINGS_FILE,))
        return SnapshotFile(root / "cache" / FILE_NAME), key

    def _start_state(self) -> KeptStart | None:
        """What this session shows right after a start, to be kept for the next one.

        None when a kept view may not stand for it: nothing is open, the folder is
        read-only, or something is reported only once (a file set aside, a notice).
        """
        store = self._store
        if (
            store is None
            or store.read_only
            or not self._open
            or self._profile_id is None
            or self._opened_at is None
            or self._state.kind != "saved"
            or self._notice
            or self.listing_problems
            or self._deleted is not None
            or self._import is not None
            or self.has_unsaved_changes()
            or store.run_log_notice()
        ):
            return None
        from shoeadvisor.core.form_limits import profile_fields

        from .session_snapshot import KeptProfile, KeptStart, cited

        features, risks = self.features, self.risks
        names = self.source_names
        modified, from_backup = self._opened_at
        return KeptStart(
            profile_id=self._profile_id,
            last_opened=self._last_opened,
            draft=dict(self._draft),
            problems=dict(self._problems),
            profiles=tuple(
                KeptProfile(p.id, p.name, p.modified, p.from_backup) for p in self._list
            ),
            modified=modified,
            from_backup=from_backup,
            name=self.shown_name,
            features=features,
            risks=risks,
            source_names={s: names.get(s, s) for s in sorted(cited(features, risks))},
            figures_from_runs=dict(self.figures_from_runs),
            filled_from_runs=dict(self.filled_from_runs),
            fields=profile_fields(),
            import_blocked=self.import_blocked(),
            advised_at=self._advised_at,
            valid_until=self._figures_until,
        )

    def _keep_for_next_start(self, state: KeptStart | None) -> None:
        """Keep what a start shows (rewritten only when it changed), or forget a kept view
        that no longer stands for a start. Only while this session holds the lock."""
        if self._store is None or self._store.read_only:
            return
        from .session_snapshot import encode

        file, key = self._kept_file()
        if state is None:
            file.forget()
        else:
            file.save(key, encode(state))

    def _keep_on_closing(self) -> None:
        """What the next start will show, worked out by a start's own steps on this store
        (its lock still held, so nothing changes the folder before the file is written)."""
        store = self._store
        if store is None or store.read_only:
            return
        twin = RunnerSession(self._folder)
        twin.blockSignals(True)
        twin._store, twin._kb, twin._started = store, self._kb, True
        twin._open_last()
        state = twin._start_state()
        store.close_run_log()  # as the next start finds it: checkpointed, no journal
        self._keep_for_next_start(state)

    @property
    def started(self) -> bool:
        return self._started

    def close(self) -> bool:
        """Save what is pending and let another window write; False when something is lost.

        What the next start will show is kept for it first (see `show_kept`).
        """
        self._save_timer.stop()
        self._retry_timer.stop()
        saved = self._flush()
        task = self._import
        if task is not None:  # what was committed stays; the rest can be imported again
            task.cancel()
            task.wait(30)
        if self._store is not None:
            if saved and (task is None or task.isFinished()):
                self._keep_on_closing()
            self._store.close()
        elif self._kept_lock is not None:  # closed while the kept view was shown
            self._kept_lock.release()
            self._kept_lock = None
        return saved

    # ------------------------------------------------------------------ reading
    @property
    def is_open(self) -> bool:
        """A profile (saved, or new and not saved yet) is open for editing."""
        return self._open

    @property
    def draft(self) -> Mapping[str, Any]:
        """What the runner has entered: contract §1 keys; may be incomplete."""
        return MappingProxyType(self._draft)

    @property
    def problems(self) -> Mapping[str, str]:
        """What is missing or wrong in the draft, by field, worded for the runner."""
        return self._problems

    @property
    @_finishes_start
    def profile(self) -> RunnerProfile | None:
        """The draft's last complete version: what the advice shows and the disk gets."""
        return self._profile

    @property
    def profile_id(self) -> str | None:
        """The open saved profile's id; None for a new profile not saved yet."""
        return self._profile_id

    @property
    @_finishes_start
    def shoes(self) -> tuple[Shoe, ...]:
        """The runner's own shoes."""
        return self._shoes

    @property
    @_finishes_start
    def advice(self) -> Advice | None:
        return self._advice

    @property
    def shown_name(self) -> str | None:
        """The name of the complete profile the advice follows (None while there is none)."""
        if self._kept is not None:
            return self._kept.name
        return self._profile.name if self._profile is not None else None

    @property
    def features(self) -> tuple[FeatureAdvice, ...] | None:
        """The advice's shoe features (what the Advice page lists); None without advice."""
        if self._kept is not None:
            return self._kept.features
        return self._advice.features if self._advice is not None else None

    @property
    def risks(self) -> tuple[RiskAdvice, ...] | None:
        """The advice's risks (what the Advice page lists); None without advice."""
        if self._kept is not None:
            return self._kept.risks
        return self._advice.risks if self._advice is not None else None

    @property
    def source_names(self) -> Mapping[str, str]:
        """Each source's short name by id ("Title (year)"), for the lines under a reason."""
        if self._kept is not None:
            return self._kept.source_names
        if self._source_names is None:
            from shoeadvisor.core import labels

            sources = self.knowledge.sources
            self._source_names = MappingProxyType(
                {sid: labels.source_in(sid, sources) for sid in sources}
            )
        return self._source_names

    @property
    def form_fields(self) -> Mapping[str, FieldSpec]:
        """The profile's fields as a form shows them (core.form_limits.profile_fields)."""
        if self._kept is not None:
            return self._kept.fields
        from shoeadvisor.core.form_limits import profile_fields

        return profile_fields()

    @property
    @_finishes_start
    def catalog_scores(self) -> tuple[ShoeScore, ...]:
        """The built-in shoe types scored for the profile, best first."""
        return self._catalog

    @property
    @_finishes_start
    def knowledge(self) -> Knowledge:
        if self._kb is None:
            from shoeadvisor.core.knowledge import knowledge

            self._kb = knowledge()
        return self._kb

    @property
    def saved_profiles(self) -> tuple[SavedProfile, ...]:
        """The saved profiles, by name (as the list shows them)."""
        return self._list

    @property
    def listing_problems(self) -> tuple[str, ...]:
        """Files in the data folder that could not be used, and what was done with them."""
        return self._list_problems + self._shoe_problems + self._run_problems

    @property
    def last_deleted(self) -> SavedProfile | None:
        """The profile moved to the trash last, while Undo can bring it back."""
        return self._deleted

    @property
    def save_state(self) -> SaveState:
        return self._state

    @property
    def notice(self) -> str:
        """What the last action on the saved profiles did, or why it could not."""
        return self._notice

    @property
    def read_only(self) -> bool:
        """Another running ShoeAdvisor owns the data folder: nothing is written here."""
        return self._store is not None and self._store.read_only

    @property
    def read_only_reason(self) -> str:
        """Why nothing is written here, in a sentence for the banner ("" while writable)."""
        return (self._store.read_only_reason() or "") if self._store is not None else ""

    @property
    def run_log_notice(self) -> str | None:
        """What the runner should know about the run log read here (its latest changes
        cannot be shown, say); None when nothing. The window says it once."""
        return self._store.run_log_notice() if self._store is not None else None

    @property
    def locked_by_another_window(self) -> bool:
        return self._store is not None and self._store.read_only_cause() == "other_copy"

    def _read_only_text(self) -> str:
        cause = self._store.read_only_cause() if self._store is not None else None
        return READ_ONLY_BECAUSE.get(cause or "unknown", READ_ONLY_BECAUSE["unknown"])

    def has_unsaved_changes(self) -> bool:
        dirty_profile = self._profile is not None and self._profile != self._saved
        return dirty_profile or self._shoes_unsaved

    # ------------------------------------------------------------------ editing
    @_finishes_start
    def update(self, **fields: Any) -> None:
        """Patch the draft (`update(knee_pain=["inside"])`); a complete draft is saved soon."""
        from shoeadvisor.core.profile_draft import patched

        self._set_draft(patched(self._draft, fields))

    @_finishes_start
    def new_profile(self) -> bool:
        """An empty profile, saved once its required fields are filled in."""
        if not self._leave_current():
            return False
        units = self._draft.get("units", "metric")
        self._enter(None, None)
        self._set_draft({"units": units}, emit=False)
        self._emit(Change.ALL)
        return True

    @_finishes_start
    def show_example(self) -> bool:
        """The example runner, as a new profile (saved as soon as it shows)."""
        from shoeadvisor.core.files import load_profile
        from shoeadvisor.core.resources import resource_path

        return self.adopt(load_profile(resource_path("example_runner.json")), reuse=False)

    @_finishes_start
    def adopt(self, profile: RunnerProfile, *, reuse: bool = True) -> bool:
        """Open a profile that came from outside (e.g. `--profile FILE`).

        With `reuse`, a saved profile equal to it is opened; otherwise it becomes a new one.
        """
        if reuse and self._store is not None:
            entries, _ = self._store.list_profiles()
            same = next((e.id for e in entries if e.profile == profile), None)
            if same is not None:
                return self.open(same)
        if not self._leave_current():
            return False
        from shoeadvisor.core.profile_draft import draft_of

        self._enter(None, None)
        self._set_draft(draft_of(profile), emit=False)
        self._emit(Change.ALL)
        return True

    @_finishes_start
    def save_now(self) -> bool:
        """Write what the window holds now (Ctrl+S; also after the disk has room again).

        True when everything the window shows is on disk.
        """
        self._save_timer.stop()
        ok = self._flush()
        if ok and not self.has_unsaved_changes():
            self._settle_state(saved_now=not self._problems)
        self._emit(Change.SAVE_STATE | Change.CURRENT | Change.PROFILES)
        return ok and not self._problems

    # ------------------------------------------------------------------ saved profiles
    @_finishes_start
    def open(self, profile_id: str) -> bool:
        """Show a saved profile; what the window holds is saved first (refused if that fails)."""
        if not profile_id:
            return False
        if profile_id == self._profile_id and self._open:
            return True
        if not self._leave_current():
            return False
        from shoeadvisor.core.files import InputFileError, NewerFileError
        from shoeadvisor.core.profile_draft import draft_of
        from shoeadvisor.storage import StorageError

        if self._store is None:
            return False
        try:
            entry = self._store.load(profile_id)
        except NewerFileError as exc:
            self._set_state("problem", f"Not opened: {exc.message}")
            self._emit(Change.SAVE_STATE)
            return False
        except (StorageError, InputFileError, OSError) as exc:
            self._set_state("problem", f"Could not open that profile: {exc}")
            self._emit(Change.SAVE_STATE)
            return False
        self._enter(entry.id, entry.profile)
        self._set_draft(draft_of(entry.profile), emit=False)
        self._opened_at = (entry.modified, entry.from_backup)
        if self.read_only:
            self._set_state("read_only", self._read_only_text())
        else:
            self._set_state("saved", _opened_text(entry.modified, entry.from_backup))
            self._remember_last(entry.id)
        self._emit(Change.ALL)
        return True

    @_finishes_start
    def create_profile(self) -> str | None:
        """A new saved profile ("New runner", "New runner 2", …) from the default profile."""
        from shoeadvisor.core.profile_draft import NEW_RUNNER_NAME, new_runner_profile, unused_name

        name = unused_name(NEW_RUNNER_NAME, {p.name for p in self._list})
        profile_id = self._store_call(lambda s: s.save(None, new_runner_profile(name)))
        if profile_id is None:
            return None
        self._refresh_list()
        self.open(profile_id)
        self._say(f"Created “{name}”.")
        return profile_id

    @_finishes_start
    def rename(self, profile_id: str, name: str) -> bool:
        """Give a saved profile a new name; a name that is empty or too long is refused."""
        current = profile_id == self._profile_id
        if current and not self._flush():
            self._say("Not renamed: the open profile could not be saved first.")
            return False
        entry = self._store_call(lambda s: s.rename(profile_id, name))
        if entry is None:
            self._emit(Change.PROFILES)  # the list puts the old name back
            return False
        if current:
            self._saved = self._profile = entry.profile
            self._set_draft({**self._draft, "name": entry.profile.name}, emit=False)
            self._readvise()
            self._set_state("saved", f"Saved {_when(entry.modified)}")
        self._refresh_list()
        self._say(f"Renamed to “{entry.name}”.", Change.ALL)
        return True

    @_finishes_start
    def duplicate(self, profile_id: str) -> str | None:
        """Save a copy of a profile ("… (copy)") and open it."""
        if not self._flush():
            return None
        copy_id = self._store_call(lambda s: s.duplicate(profile_id))
        if copy_id is None:
            return None
        self._refresh_list()
        self.open(copy_id)
        self._say("Copy saved.")
        return copy_id

    @_finishes_start
    def delete(self, profile_id: str) -> bool:
        """Move a profile to the trash (Undo brings it back); the open one gives way."""
        gone = next((p for p in self._list if p.id == profile_id), None)
        if gone is None:
            return False
        current = profile_id == self._profile_id
        # A new profile's shoes waiting for its required fields are not in the way.
        if not current and not self._flush() and not self.unsaved_shoes_waiting():
            return False
        order = [p.id for p in self._list]
        at = order.index(profile_id)
        if self._store_call(lambda s: s.delete(profile_id) or True) is None:
            return False
        self._deleted = gone
        self._refresh_list()
        if current:
            # Nothing of the deleted profile is saved again: it went to the trash whole.
            self._save_timer.stop()
            self._saved = self._profile
            self._profile_id = None
            rest = [p.id for p in self._list]
            neighbour = rest[max(at - 1, 0)] if rest else None
            if neighbour is None or not self.open(neighbour):
                self.new_profile()
        self._say("")
        return True

    @_finishes_start
    def undo_delete(self) -> bool:
        """Bring back the profile deleted last, and open it."""
        gone = self._deleted
        if gone is None:
            return False
        if self._store_call(lambda s: s.restore(gone.id) or True) is None:
            return False
        self._deleted = None
        self._refresh_list()
        self.open(gone.id)
        self._say(f"“{gone.name}” is back.")
        return True

    @_finishes_start
    def import_file(self, path: Path) -> str:
        """Copy a contract §1 file into the saved profiles and open it (SessionError if bad)."""
        from shoeadvisor.core.files import InputFileError
        from shoeadvisor.storage import StorageError

        if not self._flush():
            raise SessionError(f"Not imported: the open profile could not be saved first ({KEPT}).")
        assert self._store is not None
        try:
            profile_id = self._store.import_file(path)
        except (InputFileError, StorageError, OSError) as exc:
            raise SessionError(str(exc)) from exc
        self._refresh_list()
        self.open(profile_id)
        return profile_id

    @_finishes_start
    def export_profile(self, path: Path) -> None:
        """Write the profile this window shows as a contract §1 file (also when not saved)."""
        if self._profile is None:
            raise SessionError(
                "Fill in the fields marked * first: there is no complete profile to export yet."
            )
        from shoeadvisor.storage import StorageError, write_profile_file

        try:
            write_profile_file(self._profile, path)
        except (StorageError, OSError) as exc:
            raise SessionError(str(exc)) from exc

    @_finishes_start
    def retry_lock(self) -> bool:
        """Try to become the window that writes; on success show what is on disk now."""
        if self._store is None or not self._store.read_only:
            return self._store is not None
        if not self._store.retry_lock():
            return False
        self._retry_timer.stop()
        self._refresh_list()
        # Edits made while read-only were never saved (the banner said so): show the disk.
        current = self._profile_id
        self._shoes_unsaved = False
        if current is not None:
            self._profile_id, self._saved = None, self._profile
            self.open(current)
        elif self._open:
            self._set_draft(dict(self._draft), emit=False)  # a new profile: saved from now on
        else:
            self._set_state("none", "")
        self._emit(Change.ALL)
        return True

    # ------------------------------------------------------------------ shoes
    @_finishes_start
    def set_shoes(self, shoes: Sequence[Shoe]) -> bool:
        """The runner's shoes from now on; saved at once (kept in memory if that fails)."""
        self._shoes = tuple(shoes)
        self._shoes_unsaved = True
        saved = self._flush()
        self._readvise()
        self._emit(Change.SHOES | Change.ADVICE | Change.SAVE_STATE | Change.RUNS)
        return saved

    def unsaved_shoes_waiting(self) -> int:
        """How many shoes of a new profile wait for its required fields (lost if it is left)."""
        if self._shoes_unsaved and self._profile_id is None and not self.read_only:
            return len(self._shoes)
        return 0

    def discard_unsaved_shoes(self) -> None:
        """The runner chose to leave a new profile with shoes that could not be saved yet."""
        if self._profile_id is None:
            self._shoes_unsaved = False

    @_finishes_start
    def export_shoes(self, path: Path) -> None:
        """Write the runner's shoes as a contract §2 file."""
        from shoeadvisor.storage import StorageError, write_shoes_file

        try:
            write_shoes_file(self._shoes, path)
        except (StorageError, OSError) as exc:
            raise SessionError(str(exc)) from exc

    # ------------------------------------------------------------------ runs
    @property
    @_finishes_start
    def runs(self) -> tuple[Run, ...]:
        """The open profile's logged runs, oldest first (none for a profile not saved yet)."""
        self._ensure_runs()
        return self._runs

    @property
    @_finishes_start
    def training(self) -> TrainingLoad | None:
        """What the log says about recent training (core.training); None without runs."""
        self._ensure_runs()
        return self._training

    @property
    @_finishes_start
    def owned_shoes(self) -> tuple[OwnedShoe, ...]:
        """The runner's shoes as the run log keeps them: kilometres, retired ones, defaults."""
        return self._owned

    @property
    @_finishes_start
    def advised_profile(self) -> RunnerProfile | None:
        """The profile the advice follows: the runner's, blank load fields filled from runs."""
        return self._advised

    @property
    def filled_from_runs(self) -> Mapping[str, float]:
        """Load fields the runner left blank and the log filled in (key -> km)."""
        if self._kept is not None:
            return self._kept.filled_from_runs
        advised = self._advised
        if advised is None:
            return {}
        return {key: float(getattr(advised, key)) for key in self._filled}

    @property
    def figures_from_runs(self) -> Mapping[str, float]:
        """The log's own weekly_km, previous_weekly_km, longest_run_30d_km (also when typed)."""
        if self._kept is not None:
            return self._kept.figures_from_runs
        return self._recent.profile_fields() if self._recent is not None else {}

    @_finishes_start
    def planned_run(self) -> SpikeMark | None:
        """The planned longest run in a raised single-run-spike band, or None."""
        planned = getattr(self._advised, "planned_longest_run_km", None)
        if planned is None or not self.runs:
            return None
        from datetime import datetime

        from shoeadvisor.core.training import planned_run_check

        return planned_run_check(planned, self._runs, datetime.now().astimezone())

    @_finishes_start
    def rotation(self) -> RotationAdvice | None:
        """ "Rotate two pairs" when every recent run was in the same shoe (core.shoe_care)."""
        if not self.runs:
            return None
        from datetime import datetime

        from shoeadvisor.core.shoe_care import rotation_advice

        now = datetime.now().astimezone()
        return rotation_advice([(r.start, r.shoe_id) for r in self._runs], now)

    @_finishes_start
    def shoe_mileage(self) -> tuple[ShoeMileage, ...]:
        """Each shoe of the log with its wear band (for this runner's weight) and knee pain.

        Worked out once per change of what it depends on (the log's shoes and runs, and
        whether the weight moves a shoe's range): the same tuple is returned until then, so
        a view can tell by identity that nothing it shows changed.
        """
        if not self._owned:
            return ()
        from shoeadvisor.core.shoe_care import WearScale, wear_surface

        weight = self._advised.weight_kg if self._advised is not None else None
        scale = WearScale(weight)
        training = self.training
        kept = self._mileage
        same_log = kept is not None and kept[0] is self._owned and kept[1] is training
        if kept is not None and same_log and kept[2] == scale.key:
            return kept[3]
        pain = {p.shoe_id: p for p in training.pain_by_shoe} if training is not None else {}
        wear = scale.wear
        rows = tuple(
            ShoeMileage(
                owned,
                wear(owned.km, wear_surface(owned.default_for, owned.shoe.surface)),
                pain.get(owned.id),
            )
            for owned in self._owned
        )
        self._mileage = (self._owned, training, scale.key, rows)
        return rows

    @_finishes_start
    def set_run_shoe(self, run_id: int, shoe_id: str | None) -> None:
        """The shoe a run was run in (None: not recorded); SessionError if not saved."""
        self._change_log(lambda log, pid: log.set_run_shoe(pid, run_id, shoe_id))

    @_finishes_start
    def set_knee_pain(self, run_id: int, pain: int | None) -> None:
        """Knee pain after a run, 0–10 (None clears it); SessionError if not saved."""
        self._change_log(lambda log, pid: log.set_knee_pain(pid, run_id, pain))

    @_finishes_start
    def set_default_shoe(self, surface: Surface, shoe_id: str | None) -> None:
        """The shoe new runs on a surface go in (None: none)."""
        self._change_log(lambda log, pid: log.set_default_shoe(pid, surface, shoe_id))

    @_finishes_start
    def retire_shoe(self, shoe_id: str, retired: bool = True) -> None:
        """Retire a shoe (its runs and kilometres are kept) or bring it back into the list."""
        self._change_log(lambda log, pid: log.retire_shoe(pid, shoe_id, retired), shoes=True)

    def import_blocked(self) -> str:
        """Why runs cannot be imported now, in a sentence; "" when they can."""
        if self._kept is not None:
            return self._kept.import_blocked
        if self._store is None:
            return "Runs cannot be imported: the profile folder could not be opened."
        if self.read_only:
            return f"Import is off in this window: {self.read_only_reason or READ_ONLY}."
        if self._import is not None:
            return "An import is running; wait for it or cancel it first."
        if self._profile_id is None:
            return "Runs belong to a saved profile: fill in the fields marked * first."
        return ""

    @property
    def import_state(self) -> ImportState:
        return self._import_state

    @_finishes_start
    def start_import(self, paths: Sequence[Path]) -> bool:
        """Import run files, folders or exports into the open profile, in a worker thread.

        Progress and the end are told by `changed(Change.IMPORT)` (see `import_state`);
        the window keeps running meanwhile. False (and why, as SessionError) if it cannot.
        """
        blocked = self.import_blocked()
        if blocked:
            raise SessionError(blocked)
        if not self._flush():  # the runs' shoes and defaults must be on disk first
            raise SessionError(f"Not imported: the open profile could not be saved first ({KEPT}).")
        from shoeadvisor.storage import StorageError

        from .workers import JobThread

        assert self._store is not None and self._profile_id is not None
        try:
            self._store.run_log()  # created (or migrated) here, while the lock is held
        except (StorageError, OSError) as exc:
            raise SessionError(f"Not imported: {_why_not_written(exc)}") from exc
        main = self._advised.main_surface if self._advised is not None else None
        log_path, profile_id, chosen = self._store.run_log_path, self._profile_id, list(paths)

        def make_job() -> Any:  # in the worker: the parsers are imported there, not here
            from shoeadvisor.storage.run_import import RunImport

            return RunImport(log_path, profile_id, chosen, main_surface=main)

        def read_back() -> tuple[list[Run], list[OwnedShoe], TrainingLoad | None]:
            # Also in the worker: 1,000 runs read and analysed here cost the window nothing.
            from datetime import datetime

            from shoeadvisor.core.training import analyse_runs
            from shoeadvisor.storage.runlog import RunLog

            with RunLog(log_path) as log:
                runs, owned = log.runs(profile_id), log.shoes(profile_id)
            now = datetime.now().astimezone()
            return runs, owned, analyse_runs(runs, now) if runs else None

        task = JobThread(make_job, "shoeadvisor-import", self, then=read_back)
        task.progressed.connect(self._import_progressed)
        task.finished.connect(self._import_finished)
        self._import, self._import_profile = task, self._profile_id
        state = self._import_state = ImportState()
        state.running = True
        task.start()
        self._emit(Change.IMPORT)
        return True

    def cancel_import(self) -> None:
        """Stop the import after the file being written; what was committed stays."""
        if self._import is not None:
            self._import.cancel()

    def wait_for_import(self, timeout: float | None = None) -> bool:
        """Block until the worker thread has ended (tests, closing); True when it has."""
        return self._import is None or self._import.wait(timeout)

    def _import_progressed(self, progress: ImportProgress) -> None:
        state = self._import_state
        state.done, state.total, state.file = progress.done, progress.total, progress.file.name
        if not self._import_timer.isActive():
            self._import_timer.start()

    def _import_finished(
        self,
        report: ImportReport | None,
        error: str,
        read: tuple[list[Run], list[OwnedShoe], TrainingLoad | None] | None = None,
    ) -> None:
        task, self._import = self._import, None
        if task is not None:
            task.deleteLater()
        self._import_timer.stop()
        state = self._import_state
        state.running = False
        state.error = error
        if report is not None:
            state.done = len(report.files)
            state.total = max(state.total, state.done)
            state.summary = report.summary()
            state.cancelled = report.cancelled
            state.broken = tuple((f.name, f.reason or "") for f in report.broken)
        else:
            state.summary = "nothing imported"
        if self._import_profile == self._profile_id and self._profile_id is not None:
            if not self._shoes_unsaved:  # a Strava export may have added shoes by gear name
                self._shoes = tuple(self._read_shoes())
            if read is not None:
                self._run_problems = ()
                self._runs, self._owned = tuple(read[0]), tuple(read[1])
                self._training = self._recent = read[2]
                self._runs_loaded = True
            else:
                self._read_runs(everything=True)
            self._readvise()
        self._emit(Change.IMPORT | Change.RUNS | Change.SHOES | Change.ADVICE)

    def _change_log(self, change: Callable[[RunLog, str], None], *, shoes: bool = False) -> None:
        """One change to the open profile's run log, then everything that follows from it."""
        from shoeadvisor.storage import StorageError
        from shoeadvisor.storage.runlog import RunLogError

        if self._store is None or self._profile_id is None:
            raise SessionError("Not changed: this profile is not saved yet.")
        if self.read_only:
            raise SessionError(f"Not changed: {self.read_only_reason or READ_ONLY}.")
        if not self._flush():
            raise SessionError(f"Not changed: the open profile could not be saved first ({KEPT}).")
        try:
            change(self._store.run_log(), self._profile_id)
        except (StorageError, RunLogError, OSError) as exc:
            raise SessionError(f"Not changed: {_why_not_written(exc)}.") from exc
        if shoes:
            self._shoes = tuple(self._read_shoes())
        self._read_runs(everything=True)
        self._readvise()
        self._emit(Change.RUNS | Change.SHOES | Change.ADVICE if shoes else Change.RUNS)

    def _ensure_runs(self) -> None:
        if not self._runs_loaded and self._profile_id is not None and self._store is not None:
            self._read_runs(everything=True)

    def _read_runs(self, *, everything: bool | None = None) -> None:
        """The open profile's owned shoes and what its runs say, from the log.

        Opening a profile reads the last 30 days only: the advice needs no more, and a
        log of years costs the start nothing. `everything` (default: whether the whole
        log was read before) reads every run for the pages that show them.
        """
        from datetime import datetime, timedelta

        from shoeadvisor.storage import StorageError
        from shoeadvisor.storage.runlog import RunLogError

        everything = self._runs_loaded if everything is None else everything
        self._run_problems = ()
        runs: list[Run] = []
        owned: list[OwnedShoe] = []
        count = 0
        log_start: datetime | None = None  # when only the recent runs are read
        now = datetime.now().astimezone()
        if self._store is not None and self._profile_id is not None:
            try:
                log = self._store.run_log()
                owned = log.shoes(self._profile_id)
                if everything:
                    runs = log.runs(self._profile_id)
                    count = len(runs)
                else:
                    count = log.run_count(self._profile_id)
                    if count:
                        runs = log.runs(self._profile_id, since=now - timedelta(days=31))
                        log_start = log.first_run_start(self._profile_id)
            except (StorageError, OSError, RunLogError) as exc:
                self._run_problems = (f"Your runs could not be read: {exc}",)
        self._owned = tuple(owned)
        self._runs_loaded = everything and self._profile_id is not None
        self._runs = tuple(runs) if everything else ()
        self._training = self._recent = None
        self._advised_at, self._figures_until = now.timestamp(), None
        if count:
            from dataclasses import replace

            from shoeadvisor.core.training import analyse_runs, figures_change_at

            load = analyse_runs(runs, now=now, log_start=log_start)
            until = figures_change_at(runs, now)
            self._figures_until = until.timestamp() if until is not None else None
            if everything:
                self._training = self._recent = load
            else:  # the weekly and 30-day figures are whole; the count is the log's
                self._recent = replace(load, runs=count)

    # The two places that know where shoes are kept: each profile has its own list
    # (storage keeps it in the run log). A new profile gets one once it is first saved.
    def _read_shoes(self) -> list[Shoe]:
        from shoeadvisor.storage import StorageError
        from shoeadvisor.storage.runlog import RunLogError

        self._shoe_problems = ()
        if self._store is None or self._profile_id is None:
            return []
        try:
            return self._store.profile_shoes(self._profile_id)
        except (StorageError, OSError, RunLogError) as exc:
            self._shoe_problems = (f"Your shoes could not be read: {exc}",)
            return []

    def _write_shoes(self, shoes: Sequence[Shoe]) -> bool:
        """Write the open profile's shoes; False while it has no id (saved with it later)."""
        if self._store is None or self._profile_id is None:
            return False
        self._store.save_profile_shoes(self._profile_id, list(shoes))
        return True

    # ------------------------------------------------------------------ inside
    def _emit(self, change: Change) -> None:
        self.changed.emit(change)

    def _say(self, text: str, also: Change | None = None) -> None:
        self._notice = text
        change = Change.NOTICE | Change.PROFILES | Change.CURRENT
        self._emit(change | also if also is not None else change)

    def _set_state(self, kind: str, text: str) -> None:
        self._state = SaveState(kind, text)

    def _enter(self, profile_id: str | None, saved: RunnerProfile | None) -> None:
        """Make a profile the open one (None: a new profile); its draft follows."""
        self._save_timer.stop()
        self._open = True
        self._profile_id = profile_id
        self._saved = saved
        self._profile = None
        self._advice, self._catalog = None, ()
        self._advised, self._filled = None, ()
        if self._store is not None:
            self._shoes = tuple(self._read_shoes())
            self._shoes_unsaved = False
            self._read_runs(everything=False)  # the rest when a page asks for it

    def _set_draft(self, draft: dict[str, Any], *, emit: bool = True) -> None:
        from shoeadvisor.core.profile_draft import check_draft

        self._open = True
        self._draft = draft
        check = check_draft(draft)
        self._problems = check.problems
        change = Change.DRAFT
        if check.profile is not None and check.profile != self._profile:
            self._profile = check.profile
            self._readvise()
            change |= Change.PROFILE | Change.ADVICE
        if self.has_unsaved_changes() and self._store is not None and not self.read_only:
            self._save_timer.start()
        self._settle_state(saving=self._save_timer.isActive())
        if emit:
            self._emit(change | Change.SAVE_STATE)

    def _settle_state(self, *, saving: bool = False, saved_now: bool = False) -> None:
        """What the status bar says once the draft or the disk changed."""
        from datetime import datetime

        if self.read_only:
            self._set_state("read_only", self._read_only_text())
        elif self._state.kind in ("failed", "problem") and self.has_unsaved_changes():
            pass  # the reason it could not be written still holds until a save succeeds
        elif self._problems and self._profile_id is None:
            waiting = self.unsaved_shoes_waiting()
            self._set_state("new", NEW_PROFILE_SHOES if waiting else NEW_PROFILE)
        elif self._problems:
            self._set_state("incomplete", INCOMPLETE)
        elif saving:
            self._set_state("saving", "Saving…")
        elif saved_now:
            self._set_state("saved", f"Saved {datetime.now():%H:%M}")
        elif self._state.kind in ("incomplete", "new", "saving") and self._profile_id:
            self._set_state("saved", "Saved")

    def _readvise(self) -> None:
        profile = self._profile
        if profile is None:
            self._advice, self._catalog = None, ()
            self._advised, self._filled = None, ()
            return
        from shoeadvisor.core.advisor import advise, score_shoes

        if self._recent is not None:
            from shoeadvisor.core.training import profile_with_runs

            profile, self._filled = profile_with_runs(profile, self._recent)
        else:
            self._filled = ()
        self._advised = profile
        kb = self.knowledge
        if self._fit_memo is None:
            from shoeadvisor.core.fit import FitMemo

            self._fit_memo, self._catalog_memo = FitMemo(), FitMemo()
        # The memos keep what an edit leaves alone (the shoes' readings, and the scores
        # while the numbers they follow from stay the same): most edits re-score nothing.
        self._advice = advise(profile, self._shoes, kb, self._fit_memo)
        self._catalog = score_shoes(
            self._advice.features, kb.catalog, profile, kb, self._catalog_memo
        )

    def _autosave(self) -> None:
        # What a save changes beyond the status bar: a first save gives the profile its id
        # (CURRENT), a new name re-reads the list (PROFILES), shoes written at last are
        # read back into the log (RUNS). An edit saved in place changes none of these,
        # and the views that draw them need not redraw.
        profile_id, listed, owned = self._profile_id, self._list, self._owned
        self._flush()
        change = Change.SAVE_STATE
        if self._profile_id != profile_id:
            change |= Change.CURRENT
        if self._list is not listed:
            change |= Change.PROFILES
        if self._owned is not owned:
            change |= Change.RUNS
        self._emit(change)

    def _retry(self) -> None:
        if self.read_only:
            self.retry_lock()
        elif self.has_unsaved_changes():
            self._autosave()
        else:
            self._retry_timer.stop()

    def _flush(self) -> bool:
        """Write the profile and shoes if they changed; True when nothing is left unsaved."""
        self._save_timer.stop()
        if not self.has_unsaved_changes():
            return True
        if self._store is None:
            return False  # the folder could not be opened: the state says so
        if self.read_only:
            self._set_state("read_only", self._read_only_text())
            return False
        from shoeadvisor.core.files import InputFileError
        from shoeadvisor.storage import StorageError
        from shoeadvisor.storage.runlog import RunLogError

        profile = self._profile
        try:
            if profile is not None and profile != self._saved:
                created = self._profile_id is None
                renamed = self._saved is not None and self._saved.name != profile.name
                self._profile_id = self._store.save(self._profile_id, profile)
                self._saved = profile
                if created or renamed:  # the list shows names: re-read it when one changes
                    self._refresh_list()
                if created:
                    self._remember_last(self._profile_id)
            if self._shoes_unsaved and self._write_shoes(self._shoes):
                self._shoes_unsaved = False
                self._read_runs()  # the kilometres (a removed shoe that has runs is retired)
        except (StorageError, InputFileError, OSError, RunLogError) as exc:
            self._set_state("failed", f"Not saved: {_why_not_written(exc)} — {KEPT}")
            self._retry_timer.start()
            return False
        if self._shoes_unsaved:
            # A new profile's shoes wait for its required fields: nothing is on disk yet,
            # so this is not "saved" (leaving it would lose them; the window asks first).
            if not self._shoes:
                self._shoes_unsaved = False
            else:
                self._set_state("new", NEW_PROFILE_SHOES)
                return False
        self._set_state("saved", "")  # a failure before this no longer holds
        self._settle_state(saved_now=True)
        return True

    def _leave_current(self) -> bool:
        """Before another profile opens: save this one; False (and it stays) if that fails."""
        if self._flush():
            return True
        if self.read_only:
            return True  # nothing is ever saved here: the banner says so
        self._emit(Change.SAVE_STATE | Change.CURRENT)
        return False

    def _remember_last(self, profile_id: str | None) -> None:
        from shoeadvisor.storage import StorageError

        if self._store is None or self.read_only or profile_id == self._last_opened:
            return  # (the same one again: nothing to write, as at every start)
        with contextlib.suppress(StorageError, OSError):  # only a convenience for next time
            self._store.set_last_opened(profile_id)
            self._last_opened = profile_id

    def _refresh_list(self) -> None:
        from shoeadvisor.storage import StorageError

        if self._store is None:
            return
        try:
            entries, problems = self._store.list_profiles()
        except (StorageError, OSError) as exc:
            self._list_problems = (str(exc),)
            return
        listed = [SavedProfile(e.id, e.name, e.modified, e.from_backup) for e in entries]
        listed.sort(key=lambda p: (p.name.casefold(), p.id))
        self._list = tuple(listed)
        self._list_problems = tuple(str(p) for p in problems)

    def _store_call(self, call: Any) -> Any:
        """Run a change on the store; on failure say why (in the list's notice), return None."""
        from shoeadvisor.core.files import InputFileError
        from shoeadvisor.storage import StorageError

        if self._store is None:
            return None
        try:
            return call(self._store)
        except (StorageError, InputFileError, OSError) as exc:
            text = exc.message if isinstance(exc, InputFileError) else str(exc)
            if isinstance(exc, OSError) and not isinstance(exc, InputFileError):
                text = f"not changed: {_why_not_written(exc)}"
            self._say(text[:1].upper() + text[1:])
            return None


def warm_up_in_background() -> Any:
    """Import core/ and read the knowledge files off the UI thread, when nothing waits for them.

    Only while the welcome page shows: a restored profile needs them at once, and a thread
    importing the same modules would only make the window wait for its import locks.
    """
    import importlib
    import threading

    def load() -> None:
        from shoeadvisor.core.knowledge import knowledge

        for module in (
            "shoeadvisor.core.advisor",
            "shoeadvisor.core.files",
            "shoeadvisor.core.profile_draft",
            "shoeadvisor.storage",
        ):
            importlib.import_module(module)
        knowledge()

    thread = threading.Thread(target=load, name="shoeadvisor-warm-up", daemon=True)
    thread.start()
    return thread
