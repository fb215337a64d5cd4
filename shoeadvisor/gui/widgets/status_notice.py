"""The status bar's notices: what the runner should read once, until they close it.

A settings file refused or moved aside, a run log whose latest changes cannot be
shown: each is said once per window, in words, and stays until dismissed (a menu's
status tip or the next import summary does not wipe it, as it would a status message).
A notice longer than the window is cut with "…" and said whole in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from .sizing import chars

#: The narrowest the notice gets, in average characters (the window may be 900 px).
MIN_CHARS = 24


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" when narrower than it; the tooltip holds all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(chars(self, MIN_CHARS), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        width = QFontMetrics(self.font()).horizontalAdvance(self._full)
        return QSize(width + 4, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)


class StatusNotice(QWidget):
    """ "⚠ The window starts with its default layout: …  [×]"; each text is told once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._told: set[str] = set()
        self.label = ElidedLabel()
        self.label.setAccessibleName("Notice")
        self.close_button = QToolButton()
        self.close_button.setText("\u00d7")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this notice")
        self.close_button.setAccessibleName("Hide this notice")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hide()

    def told(self) -> tuple[str, ...]:
        """Every notice told so far, in no particular order."""
        return tuple(self._told)

    def text(self) -> str:
        """The notice shown now (its whole text), "" when none is."""
        return self.label.full_text() if self.isVisible() else ""

    def tell(self, text: str) -> bool:
        """Show a notice, unless this text was told before; True when it is shown now."""
        text = " ".join(text.split())
        if not text or text in self._told:
            return False
        self._told.add(text)
        self.label.set_full_text("\u26a0 " + text)
        self.show()
        return True
