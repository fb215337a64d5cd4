"""The saved profiles: a searchable list with New, Rename, Duplicate and Delete (with Undo).

Self-contained: give it a ProfileStore and listen to its signals. The model never reads
the disk itself; the panel asks the store and hands the model plain ProfileEntry rows.

Typical wiring in a window::

    panel = ProfilesPanel(store)
    banner = ReadOnlyBanner(store)
    banner.writableAgain.connect(panel.refresh)
    panel.profileActivated.connect(controller_open_profile)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core.files import InputFileError, parse_profile
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.qt_compat import none_safe
from shoeadvisor.storage import ProfileEntry, ProfileStore, StorageError, StorageProblem

AnyIndex = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")

NEW_PROFILE_NAME = "New runner"


def blank_profile(name: str = NEW_PROFILE_NAME) -> RunnerProfile:
    """A neutral starting profile for New; the runner edits it in the form."""
    return parse_profile(
        {
            "schema_version": 1,
            "name": name,
            "foot_width": "standard",
            "pronation": "unknown",
            "weight_kg": 70,
            "seasons": ["spring", "summer", "autumn", "winter"],
            "surfaces": ["asphalt"],
        }
    )


def _plain_label(text: str = "") -> QLabel:
    """A label that never interprets a runner's name or a file name as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProfileListModel(QAbstractListModel):
    """Saved profiles as rows; the display text is the runner's name, as plain text."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    EntryRole = Qt.ItemDataRole.UserRole + 2
    SortRole = Qt.ItemDataRole.UserRole + 3

    #: The user typed a new name in the list (profile id, new name).
    renameRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ProfileEntry] = []
        self._editable = True

    def set_entries(self, entries: list[ProfileEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def entry(self, row: int) -> ProfileEntry:
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
        # The panel saves through the store and then refreshes the rows.
        self.renameRequested.emit(entry.id, value)
        return True


class ProfilesPanel(QWidget):
    """Search, list and manage saved profiles.

    Signals carry profile ids (lower-case UUID strings).
    """

    #: Open this profile (double-click, Enter, or a profile just made by New/Duplicate).
    profileActivated = Signal(str)
    #: The selection moved; "" when nothing is selected.
    currentProfileChanged = Signal(str)
    #: Profiles were added, renamed, deleted or restored, or the list was re-read.
    profilesChanged = Signal()
    #: Files that could not be read while listing: list[StorageProblem].
    problemsFound = Signal(object)
    #: A change could not be made; the text is already shown in the panel.
    errorOccurred = Signal(str)

    def __init__(
        self,
        store: ProfileStore,
        parent: QWidget | None = None,
        *,
        new_profile: Callable[[str], RunnerProfile] = blank_profile,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._new_profile = new_profile
        self._deleted: ProfileEntry | None = None
        self.problems: list[StorageProblem] = []

        self.model = ProfileListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ProfileListModel.SortRole)
        self.proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search profiles")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search profiles")

        self.list_view = QListView()
        self.list_view.setModel(self.proxy)
        self.list_view.setAccessibleName("Saved profiles")
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Long names are elided to the panel's width instead of scrolling sideways.
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.empty_label = _plain_label("No profiles yet. Click New to describe a runner.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)

        self.new_button = QPushButton("&New")
        self.rename_button = QPushButton("&Rename")
        self.duplicate_button = QPushButton("D&uplicate")
        self.delete_button = QPushButton("&Delete")
        self.new_button.setToolTip("Start a new profile")
        self.rename_button.setToolTip("Change the name of the selected profile (F2)")
        self.duplicate_button.setToolTip("Save a copy of the selected profile")
        self.delete_button.setToolTip("Move the selected profile to the trash (Del)")

        self.undo_label = _plain_label()
        self.undo_button = QPushButton("&Undo")
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(6, 2, 6, 2)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.message_label = _plain_label()
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.message_label.hide()

        # Two by two, so the panel stays narrow beside the main window's pages.
        buttons = QGridLayout()
        buttons.addWidget(self.new_button, 0, 0)
        buttons.addWidget(self.duplicate_button, 0, 1)
        buttons.addWidget(self.rename_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.message_label)

        # Keyboard: Del and Ctrl+Z act on the list only, never while typing a search.
        self.delete_action = QAction("Delete profile", self.list_view)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.undo_action = QAction("Undo delete", self.list_view)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list_view.addAction(self.delete_action)
        self.list_view.addAction(self.undo_action)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(self._update_actions)
        self.search.returnPressed.connect(self._activate_first_match)
        self.list_view.activated.connect(self._on_activated)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        # Queued: the row is reset after saving, which must not happen inside setData.
        self.model.renameRequested.connect(self.rename_profile, Qt.ConnectionType.QueuedConnection)
        self.new_button.clicked.connect(self.new_profile)
        self.rename_button.clicked.connect(self.start_rename)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_action.triggered.connect(self.undo_delete)

        self.refresh()

    # -- reading --------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the profiles from the store, keeping the selection when it still exists."""
        keep = self.current_id()
        entries, problems = self._store.list_profiles()
        self.model.set_entries(entries)
        self.model.set_editable(not self._store.read_only)
        self.problems = problems
        if keep is not None:
            self.select(keep)
        self._update_actions()
        if problems:
            self._show_problems(problems)
            self.problemsFound.emit(problems)
        self.profilesChanged.emit()

    def current_id(self) -> str | None:
        """Id of the selected profile, or None."""
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return None
        value = index.data(ProfileListModel.IdRole)
        return str(value) if value else None

    def select(self, profile_id: str) -> bool:
        """Select a profile in the list (clearing the search if it hides it)."""
        row = self.model.row_of(profile_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)
        return True

    # -- changes --------------------------------------------------------------

    def _unused_name(self, wanted: str) -> str:
        taken = {self.model.entry(row).name for row in range(self.model.rowCount())}
        if wanted not in taken:
            return wanted
        number = 2
        while f"{wanted} {number}" in taken:
            number += 1
        return f"{wanted} {number}"

    def new_profile(self) -> str | None:
        """Save a blank profile, select it and announce it with profileActivated."""
        name = self._unused_name(NEW_PROFILE_NAME)
        profile_id = self._attempt(lambda: self._store.save(None, self._new_profile(name)))
        if profile_id is None:
            return None
        self._after_change(f"Created “{name}”.", select=profile_id)
        self.profileActivated.emit(profile_id)
        return profile_id

    def start_rename(self) -> None:
        """Open the selected row's name for editing in place."""
        index = self.list_view.currentIndex()
        if index.isValid():
            self.list_view.setFocus()
            self.list_view.edit(index)

    def rename_profile(self, profile_id: str, name: str) -> bool:
        """Rename a profile; a name that is empty or too long is refused with a message."""
        entry = self._attempt(lambda: self._store.rename(profile_id, name))
        if entry is None:
            QTimer.singleShot(0, self.refresh)  # put the old name back in the row
            return False
        self._after_change(f"Renamed to “{entry.name}”.", select=profile_id)
        return True

    def duplicate_current(self) -> str | None:
        """Save a copy of the selected profile and open it."""
        current = self.current_id()
        if current is None:
            return None
        copy_id = self._attempt(lambda: self._store.duplicate(current))
        if copy_id is None:
            return None
        self._after_change("Copy saved.", select=copy_id)
        self.profileActivated.emit(copy_id)
        return copy_id

    def delete_current(self) -> bool:
        """Move the selected profile to the trash; Undo brings it back."""
        current = self.current_id()
        if current is None:
            return False
        entry = self.model.entry(self.model.row_of(current))
        next_row = max(self.list_view.currentIndex().row() - 1, 0)

        def delete() -> bool:
            self._store.delete(current)
            return True

        if self._attempt(delete) is None:
            return False
        self._deleted = entry
        self.undo_label.setText(f"“{entry.name}” moved to the trash.")
        self.undo_bar.show()
        self.refresh()
        if self.proxy.rowCount() and self.current_id() is None:
            self.list_view.setCurrentIndex(
                self.proxy.index(min(next_row, self.proxy.rowCount() - 1), 0)
            )
        self.message_label.hide()
        return True

    def undo_delete(self) -> bool:
        """Restore the profile deleted last."""
        entry = self._deleted
        if entry is None:
            return False

        def restore() -> bool:
            self._store.restore(entry.id)
            return True

        if self._attempt(restore) is None:
            return False
        self._deleted = None
        self.undo_bar.hide()
        self._after_change(f"“{entry.name}” is back.", select=entry.id)
        return True

    # -- helpers --------------------------------------------------------------

    def _attempt(self, change: Callable[[], _T]) -> _T | None:
        """Run a store call; on failure show why and return None."""
        try:
            return change()
        except (StorageError, InputFileError) as exc:
            text = exc.message if isinstance(exc, InputFileError) else str(exc)
            self._show_message(text[:1].upper() + text[1:])
            self.errorOccurred.emit(text)
            return None

    def _after_change(self, message: str, *, select: str) -> None:
        self.refresh()
        self.select(select)
        self._show_message(message)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    def _show_problems(self, problems: list[StorageProblem]) -> None:
        lines = [str(problem) for problem in problems[:3]]
        if len(problems) > 3:
            lines.append(f"…and {len(problems) - 3} more.")
        count = len(problems)
        head = f"{count} file{'s' if count > 1 else ''} in the profile folder could not be used:"
        self._show_message("\n".join([head, *lines]))

    def _update_actions(self) -> None:
        writable = not self._store.read_only
        selected = self.current_id() is not None
        self.new_button.setEnabled(writable)
        self.rename_button.setEnabled(writable and selected)
        self.duplicate_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)
        self.delete_action.setEnabled(writable and selected)
        self.undo_button.setEnabled(writable)
        self.undo_action.setEnabled(writable and self._deleted is not None)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.list_view.setVisible(not empty)
        self.search.setEnabled(not empty)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        value = current.data(ProfileListModel.IdRole) if current.isValid() else None
        self.currentProfileChanged.emit(str(value) if value else "")

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ProfileListModel.IdRole)
        if value:
            self.profileActivated.emit(str(value))

    def _activate_first_match(self) -> None:
        if self.proxy.rowCount():
            first = self.proxy.index(0, 0)
            self.list_view.setCurrentIndex(first)
            self._on_activated(first)


class ReadOnlyBanner(QFrame):
    """Shown while another running ShoeAdvisor owns the profile folder.

    It retries the lock every few seconds (and on "Try again"); when this copy may
    write again it hides itself and emits writableAgain: refresh the panel and reload
    the open profile then, since the other copy may have changed it.
    """

    writableAgain = Signal()

    def __init__(
        self, store: ProfileStore, parent: QWidget | None = None, *, retry_ms: int = 5000
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border: 1px solid #e0b400; }"
            "#readOnlyBanner QLabel { color: #3d3000; }"
        )
        self.label = _plain_label(
            "ShoeAdvisor is already open in another window. Your profiles are shown here "
            "read-only: changes made in this window are not saved. Close the other window "
            "to edit here."
        )
        self.retry_button = QPushButton("Try again")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.retry_button.clicked.connect(self.retry)
        self._timer = QTimer(self)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.retry)
        if store.read_only:
            if retry_ms > 0:
                self._timer.start()
        else:
            self.hide()

    def retry(self) -> bool:
        """Try to take the lock now; True (and hidden) once this copy may save."""
        if self._store.retry_lock():
            self._timer.stop()
            self.hide()
            self.writableAgain.emit()
            return True
        return False
