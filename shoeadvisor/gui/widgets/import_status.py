"""The status bar's view of an import of runs: which file, a progress bar and Cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..session import Change

if TYPE_CHECKING:
    from ..session import RunnerSession


class ImportStatus(QWidget):
    """Shown while runs are imported; Cancel stops after the file being written."""

    def __init__(self, session: RunnerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.label = QLabel("Importing runs\u2026")
        self.label.setAccessibleName("Import progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Files imported")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip(
            "Stop after the file being written: the runs imported so far are kept"
        )
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()
        session.changed.connect(self._redraw)

    def _cancel(self) -> None:
        self._session.cancel_import()
        self.cancel_button.setEnabled(False)
        self.label.setText("Stopping after this file\u2026")

    def _redraw(self, change: Change) -> None:
        if not change & Change.IMPORT:
            return
        state = self._session.import_state
        if not state.running:
            self.hide()
            return
        if not self.isVisible():
            self.cancel_button.setEnabled(True)
            self.show()
        self.bar.setRange(0, max(state.total, 1) if state.total else 0)  # busy until counted
        self.bar.setValue(state.done)
        self.bar.setFormat(f"{state.done} of {state.total} files" if state.total else "")
        if self.cancel_button.isEnabled():
            shown = state.file if len(state.file) <= 40 else "\u2026" + state.file[-39:]
            self.label.setText(f"Importing runs: {shown}" if shown else "Importing runs\u2026")
            self.label.setToolTip(state.file)
