"""Labels for words: plain text (a runner's name is never HTML) or our own rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


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
