"""The saved profiles: a searchable list with New, Rename, Duplicate and Delete (with Undo).

The panel draws the session's list of saved profiles and sends every change through an
action; it never sees the disk. Choosing a row opens that profile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..actions import profile_actions as act
from ..actions.context import run
from ..models.profile_list import ProfileListModel
from ..platform.theme import banner_style
from ..session import Change
from ..widgets.text_labels import plain_label

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from ..actions.context import ActionContext
    from ..session import RunnerSession


class ProfilesPanel(QWidget):
    """Search, list and manage the saved profiles; the open one is selected."""

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self._drawing = False

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

        self.empty_label = plain_label("No profiles yet. Click New to describe a runner.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)

        self.new_button = QPushButton(act.CreateProfile.text)
        self.rename_button = QPushButton("Rename")  # no Alt letter (the form needs them): F2
        self.duplicate_button = QPushButton(act.DuplicateProfile.text)
        self.delete_button = QPushButton(act.DeleteProfile.text)
        self.new_button.setToolTip("Start a new profile (Ctrl+N)")
        self.rename_button.setToolTip("Change the name of the selected profile (F2)")
        self.duplicate_button.setToolTip("Save a copy of the selected profile")
        self.delete_button.setToolTip("Move the selected profile to the trash (Del)")

        self.undo_label = plain_label()
        self.undo_button = QPushButton(act.UndoDelete.text)
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(6, 2, 6, 2)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.message_label = plain_label()
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
        self.search.textChanged.connect(lambda _t: self._update_actions())
        self.search.returnPressed.connect(self._activate_first_match)
        self.list_view.activated.connect(self._chosen)
        self.list_view.selectionModel().currentChanged.connect(self._chosen)
        # Queued: the rows are redrawn after the rename, which must not happen inside setData.
        self.model.renameRequested.connect(self.rename_profile, Qt.ConnectionType.QueuedConnection)
        self.new_button.clicked.connect(self.new_profile)
        self.rename_button.clicked.connect(self.start_rename)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_action.triggered.connect(self.undo_delete)

        self._session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

    # -- drawing ----------------------------------------------------------------

    def _redraw(self, change: Change) -> None:
        session = self._session
        if change & (Change.PROFILES | Change.LOCK):
            self._drawing = True
            try:
                self.model.set_entries(session.saved_profiles)
                self.model.set_editable(not session.read_only)
            finally:
                self._drawing = False
        if change & (Change.PROFILES | Change.CURRENT | Change.LOCK):
            self._select(session.profile_id)
        if change & (Change.NOTICE | Change.PROFILES):
            self._draw_messages()
        self._update_actions()

    def _select(self, profile_id: str | None) -> None:
        """Select the open profile (clearing the search if it hides it); nothing for a new one."""
        self._drawing = True
        try:
            row = self.model.row_of(profile_id) if profile_id else -1
            if row < 0:
                # No current row either: a click on the profile shown before opens it again.
                self.list_view.selectionModel().clear()
                return
            index = self.proxy.mapFromSource(self.model.index(row))
            if not index.isValid():
                self.search.clear()
                index = self.proxy.mapFromSource(self.model.index(row))
            if self.list_view.currentIndex() != index or not self.current_id():
                self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        finally:
            self._drawing = False

    def _draw_messages(self) -> None:
        session = self._session
        lines = [session.notice] if session.notice else []
        problems = list(session.listing_problems)
        if problems:
            count = len(problems)
            lines.append(
                f"{count} file{'s' if count > 1 else ''} in the profile folder could not be used:"
            )
            lines += problems[:3] + ([f"…and {count - 3} more."] if count > 3 else [])
        self.message_label.setText("\n".join(lines))
        self.message_label.setVisible(bool(lines))
        deleted = session.last_deleted
        if deleted is not None:
            self.undo_label.setText(f"“{deleted.name}” moved to the trash.")
        self.undo_bar.setVisible(deleted is not None)

    def _update_actions(self) -> None:
        writable = not self._session.read_only
        selected = self.current_id() is not None
        self.new_button.setEnabled(writable)
        self.rename_button.setEnabled(writable and selected)
        self.duplicate_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)
        self.delete_action.setEnabled(writable and selected)
        self.undo_button.setEnabled(writable)
        self.undo_action.setEnabled(writable and self._session.last_deleted is not None)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.list_view.setVisible(not empty)
        self.search.setEnabled(not empty)

    def current_id(self) -> str | None:
        """Id of the selected profile, or None."""
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return None
        value = index.data(ProfileListModel.IdRole)
        return str(value) if value else None

    def shown_names(self) -> list[str]:
        """The names in the list, top to bottom (as filtered and sorted)."""
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    # -- the runner's actions ---------------------------------------------------------

    def _chosen(self, index: QModelIndex, *_previous: object) -> None:
        if self._drawing or not index.isValid():
            return
        value = index.data(ProfileListModel.IdRole)
        if value:
            run(act.OpenSaved, self._context, str(value))

    def select(self, profile_id: str) -> bool:
        """Choose a profile in the list, as a click does: it opens."""
        row = self.model.row_of(profile_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list_view.setCurrentIndex(index)
        return True

    def new_profile(self) -> str | None:
        return run(act.CreateProfile, self._context)

    def start_rename(self) -> None:
        """Open the selected row's name for editing in place."""
        index = self.list_view.currentIndex()
        if index.isValid():
            self.list_view.setFocus()
            self.list_view.edit(index)

    def rename_profile(self, profile_id: str, name: str) -> bool:
        done = run(act.RenameProfile, self._context, profile_id, name)
        if not done:
            QTimer.singleShot(0, lambda: self._redraw(Change.PROFILES))  # the old name back
        return bool(done)

    def duplicate_current(self) -> str | None:
        current = self.current_id()
        return None if current is None else run(act.DuplicateProfile, self._context, current)

    def delete_current(self) -> bool:
        current = self.current_id()
        return current is not None and bool(run(act.DeleteProfile, self._context, current))

    def undo_delete(self) -> bool:
        return bool(run(act.UndoDelete, self._context))

    def _activate_first_match(self) -> None:
        if self.proxy.rowCount():
            first = self.proxy.index(0, 0)
            self.list_view.setCurrentIndex(first)
            self._chosen(first)


ANOTHER_WINDOW = (
    "ShoeAdvisor is already open in another window. Your profiles are shown here "
    "read-only: changes made in this window are not saved. Close the other window "
    "to edit here."
)


class ReadOnlyBanner(QFrame):
    """Shown while another running ShoeAdvisor owns the profile folder.

    The session retries the lock every few seconds; "Try again" asks at once.
    """

    def __init__(self, session: RunnerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.follow_palette()
        self.label = plain_label(ANOTHER_WINDOW)
        self.retry_button = QPushButton("Try again")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.retry_button.clicked.connect(self.retry)
        session.changed.connect(self._redraw)
        self._redraw(Change.LOCK)

    def follow_palette(self) -> None:
        """The banner's colours, for the theme shown (also after a switch). From the
        application's palette: the banner's own is tinted by its style sheet."""
        self.setStyleSheet(banner_style("#readOnlyBanner", "read_only"))

    def _redraw(self, change: Change) -> None:
        if change & Change.LOCK:
            session = self._session
            if session.read_only and not session.locked_by_another_window:
                reason = session.read_only_reason
                self.label.setText(
                    f"Your profiles are shown here read-only: {reason}. Changes made in this "
                    "window are not saved."
                )
            else:
                self.label.setText(ANOTHER_WINDOW)
            self.setVisible(session.started and session.read_only)

    def retry(self) -> bool:
        """Try to take the lock now; True once this window may save."""
        return self._session.retry_lock()
