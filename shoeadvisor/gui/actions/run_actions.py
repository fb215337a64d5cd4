"""What the runner does with their runs: import, cancel, a run's shoe and knee pain, shoes.

Every change goes through the session, which writes the run log and says why when it
cannot (a read-only window, a full disk); the action shows that reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .context import ActionContext, Command

if TYPE_CHECKING:
    from shoeadvisor.core.ids import Surface

RUN_FILES = (
    "Runs and exports (*.fit *.gpx *.tcx *.gz *.zip *.FIT *.GPX *.TCX *.GZ *.ZIP);;All files (*)"
)
#: What a file name ends with for the importer to take it (folders are always taken).
RUN_SUFFIXES = (".fit", ".gpx", ".tcx", ".gz", ".zip")


def importable(path: Path) -> bool:
    """A folder, or a file the importer reads (by its name; the content is checked later)."""
    return path.is_dir() or path.name.lower().endswith(RUN_SUFFIXES)


class ImportRunPaths(Command):
    """Import these files, folders or exports into the open profile (in the background)."""

    text = "Import runs"

    def __init__(self, context: ActionContext, paths: Sequence[Path]) -> None:
        super().__init__(context)
        self.paths = list(paths)

    def do(self) -> bool:
        from ..session import SessionError

        if not self.paths:
            return False
        try:
            return self.session.start_import(self.paths)
        except SessionError as exc:
            self.context.dialogs.warn(self.context.parent, "Runs not imported", str(exc))
            return False


class ImportRunFiles(Command):
    """Pick run files or an export zip, and import them."""

    text = "Import &runs\u2026"

    def do(self) -> bool:
        ask = self.context.dialogs
        names = ask.open_files(self.context.parent, "Import runs (FIT, GPX, TCX, zip)", RUN_FILES)
        return ImportRunPaths(self.context, [Path(n) for n in names]).do() if names else False


class ImportRunFolder(Command):
    """Pick a folder (an unpacked Strava or Garmin export, a watch's folder) and import it."""

    text = "Import runs from a &folder\u2026"

    def do(self) -> bool:
        name = self.context.dialogs.open_folder(self.context.parent, "Import runs from a folder")
        return ImportRunPaths(self.context, [Path(name)]).do() if name else False


class CancelImport(Command):
    text = "Cancel"

    def do(self) -> None:
        self.session.cancel_import()


class _RunLogChange(Command):
    """A change to the run log; a refusal (read-only, disk full) is shown, nothing is lost."""

    failed = "Not changed"

    def change(self) -> None:
        raise NotImplementedError

    def do(self) -> bool:
        from ..session import SessionError

        try:
            self.change()
        except SessionError as exc:
            self.context.dialogs.warn(self.context.parent, self.failed, str(exc))
            return False
        return True


class SetRunShoe(_RunLogChange):
    """The shoe one run was run in (None: not recorded)."""

    def __init__(self, context: ActionContext, run_id: int, shoe_id: str | None) -> None:
        super().__init__(context)
        self.run_id, self.shoe_id = run_id, shoe_id

    def change(self) -> None:
        self.session.set_run_shoe(self.run_id, self.shoe_id)


class SetKneePain(_RunLogChange):
    """Knee pain after one run, 0–10 (None: not logged)."""

    def __init__(self, context: ActionContext, run_id: int, pain: int | None) -> None:
        super().__init__(context)
        self.run_id, self.pain = run_id, pain

    def change(self) -> None:
        self.session.set_knee_pain(self.run_id, self.pain)


class SetDefaultShoe(_RunLogChange):
    """The shoe new runs on one surface are put in."""

    def __init__(self, context: ActionContext, surface: Surface, shoe_id: str | None) -> None:
        super().__init__(context)
        self.surface, self.shoe_id = surface, shoe_id

    def change(self) -> None:
        self.session.set_default_shoe(self.surface, self.shoe_id)


class RetireShoe(_RunLogChange):
    """Retire a shoe (its runs and kilometres stay) or bring it back."""

    def __init__(self, context: ActionContext, shoe_id: str, retired: bool = True) -> None:
        super().__init__(context)
        self.shoe_id, self.retired = shoe_id, retired

    @property
    def failed(self) -> str:  # type: ignore[override]
        return "Not retired" if self.retired else "Not brought back"

    def change(self) -> None:
        self.session.retire_shoe(self.shoe_id, self.retired)
