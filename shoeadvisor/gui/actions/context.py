"""What every action is given: the session it acts on, and how to ask the runner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from ..session import RunnerSession
    from ..settings import WindowSettings


class Dialogs:
    """The questions an action may ask; tests pass a fake, or patch the Qt dialogs."""

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return name

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(names)

    def open_folder(self, parent: QWidget | None, title: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(parent, title, "")

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return name

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


class ActionContext:
    """The session, the window dialogs belong to, the dialogs to ask with, and the window's
    settings (where an action remembers a folder; never anything of the profile)."""

    def __init__(
        self,
        session: RunnerSession,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
        settings: WindowSettings | None = None,
    ) -> None:
        self.session = session
        self.parent = parent
        self.dialogs = dialogs or Dialogs()
        self.settings = settings

    def show_written(self, path: Path, what: str) -> None:
        """Tell the runner where a file went (the window's status bar, with "Open folder")."""
        tell = getattr(self.parent, "show_written", None)
        if callable(tell):
            tell(path, what)


class Command:
    """One user action, given its context; `do()` carries it out and says what it made."""

    #: The words of the menu item or button that runs it.
    text: ClassVar[str] = ""

    def __init__(self, context: ActionContext) -> None:
        self.context = context

    @property
    def session(self) -> RunnerSession:
        return self.context.session

    def do(self) -> Any:
        raise NotImplementedError

    def export(
        self,
        title: str,
        suggested: str,
        filters: str,
        write: Callable[[Path], None],
        failed: str,
    ) -> Path | None:
        """Ask where to save, write there (".json" added when no suffix is typed), tell failure."""
        from pathlib import Path

        from ..session import SessionError

        ask, parent = self.context.dialogs, self.context.parent
        name = ask.save_file(parent, title, suggested, filters)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            write(path)
        except SessionError as exc:
            ask.warn(parent, failed, str(exc))
            return None
        return path


def run(command: type[Command], context: ActionContext, *args: Any) -> Any:
    """Make the command with its context and arguments, and carry it out."""
    return command(context, *args).do()  # type: ignore[call-arg]
