"""Paints a coloured badge cell (evidence grade, severity) that stays coloured when selected."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


def begin_cell(painter: QPainter, option: QStyleOptionViewItem) -> bool:
    """Save the painter and fill a selected cell's background; True when it is selected."""
    painter.save()
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    if selected:
        painter.fillRect(option.rect, option.palette.highlight())
    return selected


class BadgeDelegate(QStyledItemDelegate):
    """Uses the model's BackgroundRole/ForegroundRole pair; a selected cell gets a frame."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Room around the badge's words, so a row never cuts them at the top or bottom."""
        size = super().sizeHint(option, index)
        return QSize(size.width() + 6, max(size.height(), option.fontMetrics.height() + 4))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if not isinstance(background, QColor) or not isinstance(foreground, QColor):
            super().paint(painter, option, index)
            return
        selected = begin_cell(painter, option)
        badge = option.rect.adjusted(2, 2, -2, -2)
        painter.fillRect(badge, background)
        if selected:
            painter.setPen(QPen(option.palette.highlightedText().color(), 1))
            painter.drawRect(badge.adjusted(0, 0, -1, -1))
        painter.setPen(foreground)
        painter.drawText(
            badge, int(Qt.AlignmentFlag.AlignCenter), str(index.data(Qt.ItemDataRole.DisplayRole))
        )
        painter.restore()
