"""What the runner does with profiles: new, example, open or import, export, save, the list."""

from __future__ import annotations

from pathlib import Path

from .context import ActionContext, Command

PROFILE_FILES = "Runner profiles (*.json);;All files (*)"


class NewProfile(Command):
    """An empty profile form (saved once the required fields are filled in)."""

    text = "&New profile"

    def do(self) -> bool:
        return self.session.new_profile()


class TryExample(Command):
    """The example runner, saved as a new profile."""

    text = "Try an &example runner"

    def do(self) -> bool:
        return self.session.show_example()


class OpenOrImport(Command):
    """A profile file from elsewhere, copied into the saved profiles and opened."""

    text = "&Open or import\u2026"

    def do(self) -> str | None:
        from ..session import SessionError

        ask = self.context.dialogs
        name = ask.open_file(self.context.parent, "Open or import a runner profile", PROFILE_FILES)
        if not name:
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
        return self.session.open(self.profile_id)


class CreateProfile(Command):
    """The list's New: a saved profile from the default profile, opened."""

    text = "&New"

    def do(self) -> str | None:
        return self.session.create_profile()


class RenameProfile(_OneProfile):
    def __init__(self, context: ActionContext, profile_id: str, name: str) -> None:
        super().__init__(context, profile_id)
        self.name = name

    def do(self) -> bool:
        return self.session.rename(self.profile_id, self.name)


class DuplicateProfile(_OneProfile):
    text = "D&uplicate"

    def do(self) -> str | None:
        return self.session.duplicate(self.profile_id)


class DeleteProfile(_OneProfile):
    """Move a profile to the trash; Undo brings it back."""

    text = "&Delete"

    def do(self) -> bool:
        return self.session.delete(self.profile_id)


class UndoDelete(Command):
    text = "&Undo"

    def do(self) -> bool:
        return self.session.undo_delete()
