"""The saved profiles as a list model: the runner's names, as plain text, with their ids."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..platform.qt_compat import none_safe

if TYPE_CHECKING:
    from ..session import SavedProfile

AnyIndex = QModelIndex | QPersistentModelIndex


class ProfileListModel(QAbstractListModel):
    """Saved profiles as rows; the display text is the runner's name, as plain text."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    EntryRole = Qt.ItemDataRole.UserRole + 2
    SortRole = Qt.ItemDataRole.UserRole + 3

    #: The runner typed a new name in the list (profile id, new name).
    renameRequested = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[SavedProfile] = []
        self._editable = True

    def set_entries(self, entries: Sequence[SavedProfile]) -> None:
        """Show these profiles; a list that did not change keeps the view as it is."""
        shown = [(e.id, e.name, e.modified, e.from_backup) for e in self._entries]
        if shown == [(e.id, e.name, e.modified, e.from_backup) for e in entries]:
            return
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def entry(self, row: int) -> SavedProfile:
        return self._entries[row]

    def row_of(self, profile_id: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.id == profile_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    @none_safe
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return entry.name
        if role == Qt.ItemDataRole.ToolTipRole:
            # Built from dates only: a tooltip would render a name like <b>x</b> as HTML.
            when = entry.modified.astimezone().strftime("%Y-%m-%d %H:%M")
            note = " (recovered from the previous save)" if entry.from_backup else ""
            return f"Last changed {when}{note}"
        if role == self.IdRole:
            return entry.id
        if role == self.EntryRole:
            return entry
        if role == self.SortRole:
            return f"{entry.name.casefold()}\x00{entry.id}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        entry = self._entries[index.row()]
        if value.strip() == entry.name:
            return False
        # The session renames it; the list is redrawn from the session afterwards.
        self.renameRequested.emit(entry.id, value)
        return True
