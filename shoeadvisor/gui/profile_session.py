"""Which saved profile is open, and autosaving it: the glue between form, controller and store.

Every valid edit of the form reaches the controller; this session saves it to the
ProfileStore at once (a save takes a few milliseconds) and reports the saved state
for the status bar. It never saves while another copy of the app holds the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from shoeadvisor.core.files import InputFileError
from shoeadvisor.storage import ProfileStore, StorageError

if TYPE_CHECKING:
    from shoeadvisor.core.profile import RunnerProfile

    from .controller import AdviceController


class ProfileSession(QObject):
    """Opens stored profiles into the form and autosaves the one that is open."""

    #: Plain-language saved state for the status bar ("Saved at 14:02", "Not saved: …").
    savedStateChanged = Signal(str)
    #: The id of the open profile; "" for a new profile that has not been saved yet.
    currentIdChanged = Signal(str)
    #: A profile was created or changed on disk by this session (refresh lists).
    storeChanged = Signal()

    def __init__(
        self,
        store: ProfileStore,
        controller: AdviceController,
        show_profile: Callable[[RunnerProfile], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.controller = controller
        self._show_profile = show_profile
        self._current_id: str | None = None
        self._saved: RunnerProfile | None = None
        self.saved_state = ""
        controller.profileChanged.connect(self.autosave)

    @property
    def current_id(self) -> str | None:
        return self._current_id

    def _set_current(self, profile_id: str | None) -> None:
        if profile_id != self._current_id:
            self._current_id = profile_id
            self.currentIdChanged.emit(profile_id or "")
        if profile_id is not None:
            self.store.set_last_opened(profile_id)

    def _state(self, text: str) -> None:
        self.saved_state = text
        self.savedStateChanged.emit(text)

    def open(self, profile_id: str) -> bool:
        """Show a stored profile in the form; a broken or newer file is reported instead."""
        if not profile_id or profile_id == self._current_id:
            return False
        try:
            entry = self.store.load(profile_id)
        except (StorageError, InputFileError) as exc:
            self._state(f"Could not open that profile: {exc}")
            return False
        self._saved = entry.profile
        self._set_current(entry.id)
        self._show_profile(entry.profile)
        note = " (restored from the backup copy)" if entry.from_backup else ""
        self._state(f"Saved on this computer{note}")
        return True

    def reopen_last(self) -> bool:
        """At start-up: the profile that was open last time, if it still loads."""
        last = self.store.last_opened()
        return bool(last) and self.open(last)  # type: ignore[arg-type]

    def start_new(self) -> None:
        """The next valid profile in the form is saved as a new one."""
        self._set_current(None)
        self._saved = None
        self._state("New profile: saved as soon as the fields marked * are filled in")

    def autosave(self, profile: RunnerProfile | None) -> None:
        """Save every valid change of the open profile (called for each edit)."""
        if profile is None or profile == self._saved:
            return
        if self.store.read_only:
            self._state("Not saved: another ShoeAdvisor window has your profiles open")
            return
        created = self._current_id is None
        renamed = self._saved is not None and self._saved.name != profile.name
        try:
            profile_id = self.store.save(self._current_id, profile)
        except StorageError as exc:
            self._state(f"Not saved: {exc}")
            return
        self._saved = profile
        if created or renamed:  # the list shows names: refresh it only when one changes
            self.storeChanged.emit()
        self._set_current(profile_id)
        self._state(f"Saved at {datetime.now():%H:%M:%S}")

    def import_file(self, path: Path) -> str | None:
        """Copy a contract §1 file into the saved profiles and open it."""
        profile_id = self.store.import_file(path)  # InputFileError / StorageError propagate
        self.storeChanged.emit()
        self.open(profile_id)
        return profile_id

    def export(self, path: Path) -> None:
        """Write the open profile as a contract §1 file (what `shoeadvisor advise` reads)."""
        if self._current_id is None:
            raise StorageError("fill in the fields marked * first: nothing is saved yet")
        self.store.export(self._current_id, path)

    def reload_if_renamed(self, shown_name: str) -> None:
        """The list renamed the open profile: show the stored version in the form."""
        if self._current_id is None:
            return
        try:
            stored = self.store.load(self._current_id).profile
        except (StorageError, InputFileError):
            return
        if stored.name != shown_name:
            self.reload_current()

    def reload_current(self) -> None:
        """After the lock comes back or a rename: show what is on disk now."""
        current, self._current_id = self._current_id, None
        if current:
            self.open(current)
