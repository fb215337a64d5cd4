"""Horizontal bars of each feature's points for up to six shoes, painted with QPainter.

Above the bars, one block per shoe says what the comparison table says: what the shoe
is made for, its tie, how much of what counts is known and what to check in the store.
A feature that does not count for a shoe gets no bar but a dash, an unknown one that
counts a "?" at zero: neither earns points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from shoeadvisor.core import labels
from shoeadvisor.core.advice import FeatureAdvice, ShoeScore
from shoeadvisor.core.compare import (
    Verdict,
    counting_first,
    coverage_note,
    feature_verdicts,
    store_check_note,
)

#: One colour per compared shoe, distinguishable for the common colour-vision deficiencies.
SHOE_COLOURS = ("#0072b2", "#e69f00", "#cc79a7", "#009e73", "#56b4e9", "#d55e00")

_BAR = 7
_GAP = 3
_SWATCH = 12
_MARGIN = 8
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
NOT_COUNTED = "not counted"
_MARK_WORDS = {"-": NOT_COUNTED, "?": "not known, earns nothing"}
KEY = "? not known: earns nothing   – does not count for this shoe"


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One row of bars: a name, and per shoe its points or why it has none."""

    name: str
    strong: bool  # drawn in bold: comfort and the runner's essential features
    points: tuple[float, ...]
    #: per shoe: "" (a bar), "?" (counts, not known) or "-" (does not count)
    marks: tuple[str, ...]
    tip: str

    @property
    def counted(self) -> bool:
        return any(mark != "-" for mark in self.marks)


def _legend_text(score: ShoeScore, tie_sizes: Mapping[int, int], names: Mapping[str, str]) -> str:
    parts = [labels.surface_match(score.surface_match, score.shoe.surface)]
    size = tie_sizes.get(score.tie_group, 1)
    if size > 1:
        parts.append(labels.tie(score.tie_group, size))
    parts.append(coverage_note(score))
    check = store_check_note(score, names)
    if check:
        parts.append(check)
    return " · ".join(parts)


def _drop_mark(score: ShoeScore) -> str:
    if "drop_mm" in score.measure_in_store:
        return "?"  # it would count: not given
    return "" if score.adjustments or score.shoe.drop_mm is not None else "-"


class ScoreChart(QWidget):
    """Where each fit score comes from: points per feature, those that count first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: tuple[ShoeScore, ...] = ()
        self._rows: list[ChartRow] = []
        self._legends: list[tuple[str, str]] = []  # (name — fit, what the table says)
        self.rows_top = 0.0
        self._label_width = 0
        self.setAccessibleName("Score breakdown chart")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(60)

    # -- filling ------------------------------------------------------------------

    def set_scores(
        self,
        features: Sequence[FeatureAdvice],
        scores: Sequence[ShoeScore],
        tie_sizes: Mapping[int, int] | None = None,
    ) -> None:
        """Show the breakdown of these shoes (at most six are drawn).

        `tie_sizes`: tie group -> how many of the runner's shoes are in it (default: among
        these shoes).
        """
        self._scores = tuple(scores)[: len(SHOE_COLOURS)]
        sizes = tie_sizes if tie_sizes is not None else Counter(s.tie_group for s in scores)
        names = {f.id: f.name for f in features}
        self._legends = [
            (f"{s.shoe.name} — fit {s.score}", _legend_text(s, sizes, names)) for s in self._scores
        ]
        verdicts = [{v.feature: v for v in feature_verdicts(s)} for s in self._scores]
        shoes = [s.shoe.name for s in self._scores]
        rows = [
            ChartRow(
                "Comfort when tried on",
                True,
                tuple(s.comfort_points for s in self._scores),
                tuple("" if s.shoe.comfort is not None else "?" for s in self._scores),
                "Comfort when tried on: up to ±10 points from your rating after trying on.",
            ),
            ChartRow(
                "Heel-to-toe drop",
                False,
                tuple(s.adjustment_points for s in self._scores),
                tuple(_drop_mark(s) for s in self._scores),
                "Heel-to-toe drop: points where a known drop suits your experience.",
            ),
        ]
        for feature in counting_first(features):
            items = [v[feature.id] for v in verdicts]
            marks = tuple(
                "-" if not i.counts else "?" if i.verdict is Verdict.UNKNOWN else "" for i in items
            )
            said = "; ".join(
                f"{shoe}: {_MARK_WORDS.get(m) or f'{i.points:+.1f} points'}"
                for shoe, m, i in zip(shoes, marks, items, strict=True)
            )
            level = labels.level(feature.level).lower()
            rows.append(
                ChartRow(
                    feature.name,
                    feature.level == "essential",
                    tuple(i.points for i in items),
                    marks,
                    f"{feature.name} ({level} for you). {said}.",
                )
            )
        self._rows = rows if self._scores else []
        self.setAccessibleDescription(self._describe())
        self._fit_height()
        self.updateGeometry()
        self.update()

    @property
    def rows(self) -> list[ChartRow]:
        return list(self._rows)

    @property
    def legends(self) -> list[tuple[str, str]]:
        """Per shoe: its name and fit, and its surface match, tie, coverage and checklist."""
        return list(self._legends)

    def _describe(self) -> str:
        if not self._scores:
            return "No shoes to chart."
        parts = [f"{title}: {text}" for title, text in self._legends]
        return "Points per feature. " + "; ".join(parts) + "."

    # -- geometry -------------------------------------------------------------------

    def _legend_blocks(self, width: int) -> list[tuple[QRectF, QRectF]]:
        """Per shoe: the title's rectangle and the wrapped text's, top to bottom."""
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        text_width = max(width - 2 * _MARGIN - _SWATCH - 6, 80)
        blocks = []
        y = float(_MARGIN)
        for title, text in self._legends:
            title_rect = bold_metrics.boundingRect(QRect(0, 0, text_width, 10_000), _WRAP, title)
            top = QRectF(_MARGIN + _SWATCH + 6, y, text_width, title_rect.height())
            y += title_rect.height()
            body_rect = metrics.boundingRect(QRect(0, 0, text_width, 10_000), _WRAP, text)
            body = QRectF(_MARGIN + _SWATCH + 6, y, text_width, body_rect.height())
            y += body_rect.height() + 6
            blocks.append((top, body))
        return blocks

    def row_height(self) -> int:
        """The height of one row of bars."""
        return max(len(self._scores) * _BAR, QFontMetrics(self.font()).height()) + _GAP * 2

    def _needed_height(self, width: int) -> int:
        if not self._rows:
            return 60
        blocks = self._legend_blocks(width)
        legend = int(blocks[-1][1].bottom()) if blocks else 0
        line = QFontMetrics(self.font()).height()
        return legend + 8 + len(self._rows) * self.row_height() + 2 * line + 12

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._needed_height(width)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 480)
        return QSize(480, self._needed_height(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 60)

    def _fit_height(self) -> None:
        # A scroll area does not always ask heightForWidth: the minimum height makes sure
        # every row and the whole legend can be scrolled to.
        needed = self._needed_height(max(self.width(), 240))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    # -- tooltips: the whole text of anything drawn shortened -------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        """What the chart says at this point: a row's points per shoe, or a shoe's legend."""
        for (title, text), (top, body) in zip(
            self._legends, self._legend_blocks(self.width()), strict=True
        ):
            if top.top() <= point.y() <= body.bottom():
                return f"{title}. {text[:1].upper()}{text[1:]}."
        if not self._rows or point.y() < self.rows_top:
            return ""
        index = int((point.y() - self.rows_top) // self.row_height())
        return self._rows[index].tip if 0 <= index < len(self._rows) else ""

    # -- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if not self._rows:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Choose shoes to see their points."
            )
            return
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        # Per shoe: a swatch, its name and fit, and what it is, wrapped (never cut short).
        blocks = self._legend_blocks(self.width())
        for i, ((title, text), (top, body)) in enumerate(zip(self._legends, blocks, strict=True)):
            painter.fillRect(
                QRectF(_MARGIN, top.top() + 2, _SWATCH, _SWATCH), QColor(SHOE_COLOURS[i])
            )
            painter.setPen(text_colour)
            painter.setFont(bold)
            painter.drawText(top, _WRAP, title)
            painter.setFont(font)
            painter.drawText(body, _WRAP, text)
        label_width = min(
            max(bold_metrics.horizontalAdvance(r.name) for r in self._rows) + 12,
            self.width() * 9 // 20,
        )
        self._label_width = label_width
        left = float(label_width)
        right = float(self.width() - 46)
        top_y = float(blocks[-1][1].bottom() + 8)
        self.rows_top = top_y
        span = max((abs(v) for r in self._rows for v in r.points), default=1.0) or 1.0
        zero = left + (right - left) / 2
        half = (right - left) / 2
        row_h = self.row_height()
        for r, row in enumerate(self._rows):
            y = top_y + r * row_h
            if r % 2:
                painter.fillRect(QRectF(0, y, self.width(), row_h), palette.alternateBase())
            painter.setFont(bold if row.strong else font)
            painter.setPen(text_colour if row.counted else muted)
            painter.drawText(
                QRectF(4, y, label_width - 8, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                (bold_metrics if row.strong else metrics).elidedText(
                    row.name, Qt.TextElideMode.ElideRight, label_width - 8
                ),
            )
            painter.setFont(font)
            if not row.counted:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(zero + 6, y, right - zero, row_h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    NOT_COUNTED,
                )
                continue
            for i, (value, mark) in enumerate(zip(row.points, row.marks, strict=True)):
                bar_y = y + _GAP + i * _BAR
                colour = QColor(SHOE_COLOURS[i])
                if mark == "-":
                    painter.setPen(QPen(muted, 1))
                    painter.drawLine(QPointF(zero + 2, bar_y + 3), QPointF(zero + 8, bar_y + 3))
                    continue
                if mark == "?":
                    small = QFont(font)
                    small.setPixelSize(max(_BAR + 2, 8))
                    small.setBold(True)
                    painter.setFont(small)
                    painter.setPen(colour)
                    painter.drawText(
                        QRectF(zero + 2, bar_y - 2, 12, _BAR + 4),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                        "?",
                    )
                    painter.setFont(font)
                    continue
                width = abs(value) / span * half
                start = zero if value >= 0 else zero - width
                painter.fillRect(QRectF(start, bar_y, max(width, 1.0), _BAR - 1), colour)
        painter.setPen(QPen(text_colour, 1))
        bottom = top_y + len(self._rows) * row_h
        painter.drawLine(QPointF(zero, top_y), QPointF(zero, bottom))
        painter.setPen(text_colour)
        line = metrics.height()
        painter.drawText(QPointF(left, bottom + line), f"−{span:.0f} points")
        painter.drawText(
            QRectF(zero - 40, bottom + 2, 80, line), int(Qt.AlignmentFlag.AlignHCenter), "0"
        )
        plus = f"+{span:.0f} points"
        painter.drawText(QPointF(right - metrics.horizontalAdvance(plus), bottom + line), plus)
        painter.setPen(muted)
        painter.drawText(
            QRectF(_MARGIN, bottom + line + 4, self.width() - 2 * _MARGIN, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(KEY, Qt.TextElideMode.ElideRight, self.width() - 2 * _MARGIN),
        )
