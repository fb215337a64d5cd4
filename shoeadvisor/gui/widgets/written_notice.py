"""The status bar's word on a file just written: where it went, and "Open folder"."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

#: How long the notice stays (the file is still there after, of course).
SHOWN_MS = 60_000


class WrittenNotice(QWidget):
    """ "Report saved to ~/Documents/….pdf  [Open folder]"; hides itself after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("File written")
        self.open_button = QPushButton("Open folder")
        self.open_button.setToolTip("Show the folder in your file manager")
        self.open_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_file(self, path: Path, what: str) -> None:
        self.folder = path.parent
        self.label.setText(f"{escape(what)} saved to <b>{escape(str(path))}</b>")
        self.label.setToolTip(str(path))
        self.show()
        self._timer.start()

    def open_folder(self) -> bool:
        """Open the folder in the desktop's file manager; False when none could."""
        if self.folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
