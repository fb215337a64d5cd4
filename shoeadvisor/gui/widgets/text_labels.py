"""Labels for words: plain text (a runner's name is never HTML) or our own rich text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget


def plain_label(text: str = "") -> QLabel:
    """A wrapping label that never interprets a runner's name or a file name as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def intro_label(text: str) -> QLabel:
    """The wrapping line of explanation at the top of a form or dialog."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def rich_label(html: str = "", *, name: str = "") -> QLabel:
    """A wrapping, selectable label for text we wrote and escaped ourselves."""
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    return label


class ScrollingLabel(QScrollArea):
    """A wrapped label as tall as its lines, up to `max_lines`; longer text scrolls.

    For a summary above a table: in a short window it never pushes the table out of
    view, and it is never cut either.
    """

    def __init__(self, label: QLabel, max_lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._max_lines = max_lines
        label.setWordWrap(True)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def _height(self, lines: int) -> int:
        width = self.viewport().width() if self.viewport().width() > 50 else self.width()
        needed = self.label.heightForWidth(max(width, 50))
        cap = lines * self.label.fontMetrics().lineSpacing() + self.label.margin() * 2 + 20
        return min(max(needed, 0), cap) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(self._max_lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height(2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a new width wraps the lines anew
