"""Horizontal bars of each feature's points for up to four shoes, painted with QPainter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from shoeadvisor.core.advice import FeatureAdvice, ShoeScore

#: One colour per compared shoe, distinguishable for the common colour-vision deficiencies.
SHOE_COLOURS = ("#0072b2", "#e69f00", "#cc79a7", "#009e73", "#56b4e9", "#d55e00")

_BAR = 7
_GAP = 3
_LEGEND = 22


class ScoreChart(QWidget):
    """Where each fit score comes from: points per feature, most important first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._features: tuple[FeatureAdvice, ...] = ()
        self._scores: tuple[ShoeScore, ...] = ()
        self._rows: list[tuple[str, bool, list[float]]] = []
        self.setAccessibleName("Score breakdown chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(60)

    def set_scores(self, features: Sequence[FeatureAdvice], scores: Sequence[ShoeScore]) -> None:
        """Show the breakdown of these shoes (at most six are drawn)."""
        self._features = tuple(features)
        self._scores = tuple(scores)[: len(SHOE_COLOURS)]
        points = [{b.feature: b.points for b in s.breakdown} for s in self._scores]
        rows: list[tuple[str, bool, list[float]]] = [
            ("Comfort when tried on", True, [s.comfort_points for s in self._scores]),
            ("Heel-to-toe drop", False, [s.adjustment_points for s in self._scores]),
        ]
        for feature in self._features:
            rows.append(
                (feature.name, feature.level == "essential", [p[feature.id] for p in points])
            )
        self._rows = rows if self._scores else []
        self.setAccessibleDescription(self._describe())
        self.updateGeometry()
        self.update()

    def _describe(self) -> str:
        if not self._scores:
            return "No shoes to chart."
        parts = [f"{s.shoe.name}: fit {s.score}" for s in self._scores]
        return "Points per feature. " + "; ".join(parts) + "."

    def _legend_layout(self, metrics: QFontMetrics) -> list[tuple[float, float, str]]:
        placed: list[tuple[float, float, str]] = []
        x, y = 8.0, 16.0
        for score in self._scores:
            label = f"{score.shoe.name} — fit {score.score}"
            width = 16 + metrics.horizontalAdvance(label) + 18
            if placed and x + width > self.width():
                x, y = 8.0, y + _LEGEND
            placed.append((x, y, label))
            x += width
        return placed

    def _legend_height(self, metrics: QFontMetrics) -> int:
        layout = self._legend_layout(metrics)
        return int(layout[-1][1]) + 6 if layout else _LEGEND

    def _row_height(self) -> int:
        return max(len(self._scores), 1) * _BAR + _GAP * 2

    def sizeHint(self) -> QSize:
        legend = self._legend_height(QFontMetrics(self.font()))
        return QSize(480, legend + 30 + len(self._rows) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 60)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        if not self._rows:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Choose shoes to see their points."
            )
            return
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        # Legend: one swatch and the fit score per shoe, wrapping onto more lines.
        for i, (x, y, label) in enumerate(self._legend_layout(metrics)):
            painter.fillRect(QRectF(x, y - 10, 12, 12), QColor(SHOE_COLOURS[i]))
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + 16, y), label)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        label_width = min(
            max(bold_metrics.horizontalAdvance(name) for name, _, _ in self._rows) + 12,
            self.width() * 2 // 5,
        )
        left = float(label_width)
        right = float(self.width() - 46)
        top = float(self._legend_height(metrics) + 8)
        span = max((abs(v) for _, _, values in self._rows for v in values), default=1.0) or 1.0
        zero = left + (right - left) / 2
        half = (right - left) / 2
        row_h = self._row_height()
        for r, (name, strong, values) in enumerate(self._rows):
            y = top + r * row_h
            if r % 2:
                painter.fillRect(QRectF(0, y, self.width(), row_h), self.palette().alternateBase())
            painter.setFont(bold if strong else font)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(4, y, label_width - 8, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                (bold_metrics if strong else metrics).elidedText(
                    name, Qt.TextElideMode.ElideRight, label_width - 8
                ),
            )
            painter.setFont(font)
            for i, value in enumerate(values):
                width = abs(value) / span * half
                bar_y = y + _GAP + i * _BAR
                start = zero if value >= 0 else zero - width
                painter.fillRect(
                    QRectF(start, bar_y, max(width, 1.0), _BAR - 1), QColor(SHOE_COLOURS[i])
                )
        painter.setPen(QPen(text_colour, 1))
        bottom = top + len(self._rows) * row_h
        painter.drawLine(QPointF(zero, top), QPointF(zero, bottom))
        painter.setPen(text_colour)
        painter.drawText(QPointF(left, bottom + 14), f"−{span:.0f} points")
        painter.drawText(
            QRectF(zero - 40, bottom + 2, 80, 16), int(Qt.AlignmentFlag.AlignHCenter), "0"
        )
        plus = f"+{span:.0f} points"
        painter.drawText(QPointF(right - metrics.horizontalAdvance(plus), bottom + 14), plus)
