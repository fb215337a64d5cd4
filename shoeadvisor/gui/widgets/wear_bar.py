"""A shoe's wear as a bar: its distance against the usual replacement range, drawn in a cell.

The bar fills up to the high end of the (adjusted) range; a tick marks the low end.
Its colour follows the band, in shades readable on light and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ..models.mileage_models import WearRole
from .badge_delegate import begin_cell

Index = QModelIndex | QPersistentModelIndex

#: (light theme, dark theme) fill per wear band.
BAND_COLOURS: dict[str, tuple[str, str]] = {
    "fresh": ("#2e7d32", "#81c784"),
    "in_use": ("#1565c0", "#64b5f6"),
    "replacement_range": ("#b26a00", "#ffb74d"),
    "past_range": ("#c62828", "#ef9a9a"),
}


def band_colour(band: str, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    light_colour, dark_colour = BAND_COLOURS.get(band, ("#757575", "#bdbdbd"))
    return QColor(dark_colour if dark else light_colour)


class WearBarDelegate(QStyledItemDelegate):
    """Paints WearRole (fraction, low-end fraction, band) as a bar with the low end marked."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        wear = index.data(WearRole)
        if not isinstance(wear, tuple):
            super().paint(painter, option, index)
            return
        fraction, low, band = wear
        begin_cell(painter, option)
        frame = QRectF(option.rect.adjusted(4, 6, -4, -6))
        palette = option.palette
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(frame)
        filled = QRectF(
            frame.left(), frame.top(), frame.width() * min(fraction, 1.0), frame.height()
        )
        painter.fillRect(filled.adjusted(1, 1, 0, 0), band_colour(band, palette))
        tick = frame.left() + frame.width() * low
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
        painter.drawLine(tick, frame.top() - 3, tick, frame.bottom() + 3)
        painter.restore()
