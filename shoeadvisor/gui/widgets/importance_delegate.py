"""Importance (0–100) drawn as a bar behind the number, so the ranking shows at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ..models.advice_models import SortRole
from .badge_delegate import begin_cell


class ImportanceDelegate(QStyledItemDelegate):
    """Draws importance (0–100) as a bar behind the number, so the ranking shows at a glance."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SortRole)
        if not isinstance(value, int):
            super().paint(painter, option, index)
            return
        selected = begin_cell(painter, option)
        rect = option.rect.adjusted(3, 3, -3, -3)
        text_width = option.fontMetrics.horizontalAdvance("100") + 8
        track = rect.adjusted(text_width, 2, 0, -2)
        bar = QRect(track.left(), track.top(), int(track.width() * value / 100), track.height())
        colour = QColor(option.palette.highlight().color())
        if selected:
            colour = QColor(option.palette.highlightedText().color())
        colour.setAlpha(150)
        painter.fillRect(bar, colour)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        painter.drawText(
            QRect(rect.left(), option.rect.top(), text_width - 4, option.rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            str(value),
        )
        painter.restore()
