"""File ▸ New / Open / Save / Save As and the welcome buttons: one small command each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSaveFile, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from . import form_logic

if TYPE_CHECKING:
    from shoeadvisor.core.profile import RunnerProfile

    from .profile_form import ProfileForm

FILE_FILTER = "Runner profiles (*.json);;All files (*)"


def write_profile_file(path: Path, profile: RunnerProfile) -> None:
    """Write a contract §1 file atomically: the old file stays whole if anything fails."""
    text = json.dumps(profile.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
    file = QSaveFile(str(path))
    if not file.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(file.errorString())
    file.write(text.encode("utf-8"))
    if not file.commit():
        raise OSError(file.errorString())


class ProfileFileActions(QObject):
    """Opens and saves profile files for the form; remembers the current file."""

    pathChanged = Signal(str)  # "" when the profile has no file yet

    def __init__(self, window: QWidget, form: ProfileForm) -> None:
        super().__init__(window)
        self.window = window
        self.form = form
        self._path: Path | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.pathChanged.emit(str(path) if path else "")

    def new_profile(self) -> None:
        self.set_path(None)
        self.form.clear_for_new_profile()

    def try_example(self) -> bool:
        from shoeadvisor.core.resources import resource_path

        ok = self.open_path(resource_path("example_runner.json"))
        self.set_path(None)  # never overwrite the shipped example
        return ok

    def open_profile(self) -> bool:
        start = str(self._path.parent) if self._path else ""
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open runner profile", start, FILE_FILTER
        )
        return bool(name) and self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Show a profile file in the form; a bad file is reported, never half-loaded."""
        from shoeadvisor.core.files import InputFileError, load_profile

        try:
            profile = load_profile(path)
        except InputFileError as exc:
            QMessageBox.warning(self.window, "Cannot open this profile", str(exc))
            return False
        self.show_profile(profile)
        self.set_path(path)
        return True

    def show_profile(self, profile: RunnerProfile) -> None:
        self.form.set_values(form_logic.values_from_profile(profile.to_json_dict()))

    def save(self) -> bool:
        if self._path is None:
            return self.save_as()
        return self._write(self._path)

    def save_as(self) -> bool:
        if not self._ready_to_save():
            return False
        start = str(self._path) if self._path else self._suggested_name()
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Save runner profile", start, FILE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".json")
        return self._write(path)

    def _suggested_name(self) -> str:
        profile = self.form.result.profile
        stem = "".join(c if c.isalnum() else "_" for c in profile.name) if profile else "runner"
        return f"{stem or 'runner'}.json"

    def _ready_to_save(self) -> bool:
        result = self.form.revalidate()
        if result.profile is None:
            self.form.show_all_errors()
            problems = "\n".join(f"\u2022 {m}" for m in result.errors.values())
            QMessageBox.warning(
                self.window, "Not saved yet", f"Fix the marked fields first:\n{problems}"
            )
            return False
        return True

    def _write(self, path: Path) -> bool:
        if not self._ready_to_save():
            return False
        profile = self.form.result.profile
        assert profile is not None
        try:
            write_profile_file(path, profile)
        except OSError as exc:
            QMessageBox.warning(self.window, "Could not save", f"{path}: {exc}")
            return False
        self.set_path(path)
        return True
