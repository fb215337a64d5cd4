"""What the runner does with profiles: new, example, open or import, export, save, the list."""

from __future__ import annotations

from pathlib import Path

from .context import ActionContext, Command

PROFILE_FILES = "Runner profiles (*.json);;All files (*)"


def may_leave(context: ActionContext) -> bool:
    """Before another profile opens: a new profile's shoes that cannot be saved yet (its
    required fields are missing) are only given up when the runner says so."""
    session = context.session
    waiting = session.unsaved_shoes_waiting()
    if not waiting:
        return True
    shoes = f"{waiting} shoe{'s' if waiting != 1 else ''}"
    if context.dialogs.confirm(
        context.parent,
        "Leave this new profile?",
        f"This new profile is not saved yet: the fields marked * are still missing. "
        f"What you entered and its {shoes} would be lost.\n\n"
        "Leave it anyway? (No: stay and fill in the marked fields; it is then saved "
        "with its shoes.)",
    ):
        session.discard_unsaved_shoes()
        return True
    return False


class NewProfile(Command):
    """An empty profile form (saved once the required fields are filled in)."""

    text = "&New profile"

    def do(self) -> bool:
        return may_leave(self.context) and self.session.new_profile()


class TryExample(Command):
    """The example runner, saved as a new profile."""

    text = "Try an &example runner"

    def do(self) -> bool:
        return may_leave(self.context) and self.session.show_example()


class OpenOrImport(Command):
    """A profile file from elsewhere, copied into the saved profiles and opened."""

    text = "&Open or import\u2026"

    def do(self) -> str | None:
        from ..session import SessionError

        ask = self.context.dialogs
        name = ask.open_file(self.context.parent, "Open or import a runner profile", PROFILE_FILES)
        if not name or not may_leave(self.context):
            return None
        try:
            return self.session.import_file(Path(name))
        except SessionError as exc:
            ask.warn(self.context.parent, "Cannot import this profile", str(exc))
            return None


def suggested_file_name(name: str) -> str:
    """A safe file name from a runner's name (any characters may be in it)."""
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name).strip("_")
    return f"{stem or 'runner'}.json"


class ExportProfile(Command):
    """The open profile as a file `shoeadvisor advise` reads (also when it is not saved)."""

    text = "E&xport profile\u2026"

    def do(self) -> Path | None:
        profile = self.session.profile
        if profile is None:
            self.context.dialogs.warn(
                self.context.parent, "Nothing to export yet", "Fill in the fields marked * first."
            )
            return None
        return self.export(
            "Export runner profile",
            suggested_file_name(profile.name),
            PROFILE_FILES,
            self.session.export_profile,
            "Not exported",
        )


class SaveNow(Command):
    """Ctrl+S: write now what the window holds (edits are saved anyway, soon after)."""

    text = "&Save now"

    def do(self) -> bool:
        return self.session.save_now()


class _OneProfile(Command):
    """An action on one saved profile, named by its id."""

    def __init__(self, context: ActionContext, profile_id: str) -> None:
        super().__init__(context)
        self.profile_id = profile_id


class OpenSaved(_OneProfile):
    """Open one of the saved profiles."""

    def do(self) -> bool:
        if self.profile_id == self.session.profile_id:
            return True
        return may_leave(self.context) and self.session.open(self.profile_id)


class CreateProfile(Command):
    """The list's New: a saved profile from the default profile, opened."""

    # No Alt letter: the form beside the list needs its letters; File ▸ New is Ctrl+N.
    text = "New"

    def do(self) -> str | None:
        return self.session.create_profile() if may_leave(self.context) else None


class RenameProfile(_OneProfile):
    def __init__(self, context: ActionContext, profile_id: str, name: str) -> None:
        super().__init__(context, profile_id)
        self.name = name

    def do(self) -> bool:
        return self.session.rename(self.profile_id, self.name)


class DuplicateProfile(_OneProfile):
    text = "D&uplicate"

    def do(self) -> str | None:
        return self.session.duplicate(self.profile_id) if may_leave(self.context) else None


class DeleteProfile(_OneProfile):
    """Move a profile to the trash; Undo brings it back."""

    text = "Delete"  # no Alt letter (the form needs its letters): Del in the list

    def do(self) -> bool:
        return self.session.delete(self.profile_id)


class UndoDelete(Command):
    text = "Und&o"  # Alt+U: Duplicate, beside it

    def do(self) -> bool:
        return may_leave(self.context) and self.session.undo_delete()
