"""Distance per week as bars, knee pain per week as dots, weeks with a spike marked: QPainter.

Drawn from core's weekly totals (training.WeekTotal); the chart adds nothing of its
own but the picture. Colours come from the palette, so a dark theme gets a dark chart.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from shoeadvisor.core import run_summaries as words
from shoeadvisor.core.training import WeekTotal

_BAR_MIN = 9
_GAP = 3
_MAX_WEEKS = 52
_LEFT = 44
_RIGHT = 36
_TOP = 26
_BOTTOM = 22


def chart_colours(palette: QPalette) -> dict[str, QColor]:
    """Bars, the week not over yet, pain dots, spike marks, grid and text, for this palette."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    bar = palette.color(QPalette.ColorRole.Highlight)
    partial = QColor(bar)
    partial.setAlpha(110)
    return {
        "base": palette.color(QPalette.ColorRole.Base),
        "text": palette.color(QPalette.ColorRole.Text),
        "grid": palette.color(QPalette.ColorRole.Mid),
        "bar": bar,
        "partial": partial,
        "pain": QColor("#ff9e66" if dark else "#c2410c"),
        "spike": QColor("#ffd166" if dark else "#a16207"),
    }


def _nice_step(top: float) -> float:
    """A round tick step giving three to five grid lines up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


class WeeklyChart(QWidget):
    """The last weeks that fit the width (at most a year), oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: tuple[WeekTotal, ...] = ()
        self._spike_weeks: frozenset[date] = frozenset()
        self._current: date | None = None
        self._units = "metric"
        self.setAccessibleName("Distance per week chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_weeks(
        self,
        weeks: Sequence[WeekTotal],
        spike_weeks: Collection[date] = (),
        *,
        current_week: date | None = None,
        units: str = "metric",
    ) -> None:
        """Weeks oldest first (gaps as 0 km); `current_week` is drawn as not over yet."""
        self._weeks = tuple(weeks)
        self._spike_weeks = frozenset(spike_weeks)
        self._current = current_week
        self._units = units
        self.setAccessibleDescription(self._describe())
        self.update()

    def shown_weeks(self) -> tuple[WeekTotal, ...]:
        """The weeks that fit the widget's width now."""
        room = max(self.width() - _LEFT - _RIGHT, _BAR_MIN)
        fits = max(1, min(_MAX_WEEKS, int(room // (_BAR_MIN + _GAP))))
        return self._weeks[-fits:]

    def _describe(self) -> str:
        if not self._weeks:
            return "No runs to chart."
        last = self._weeks[-1]
        return (
            f"{len(self._weeks)} weeks; the latest ({last.week_start:%d %b %Y}) "
            f"{words.distance(last.km, self._units)} in {last.runs} runs."
        )

    def week_text(self, week: WeekTotal) -> str:
        """What the tooltip says of one week."""
        runs = f"{week.runs} run{'s' if week.runs != 1 else ''}"
        text = (
            f"Week of {week.week_start:%d %b %Y}: {words.distance(week.km, self._units)} in {runs}"
        )
        if week.week_start == self._current:
            text += " (not over yet)"
        pain = words.week_pain(week)
        if pain:
            text += f"; {pain} \u2014 {words.NOT_A_CAUSE}"
        if week.week_start in self._spike_weeks:
            text += "; a run this week was longer than the longest of the 30 days before it"
        return text

    def sizeHint(self) -> QSize:
        return QSize(520, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    # -- drawing -------------------------------------------------------------

    def _geometry(self) -> tuple[QRectF, float, float]:
        """The plot area, the width of a week's slot and the top of the km scale."""
        plot = QRectF(_LEFT, _TOP, self.width() - _LEFT - _RIGHT, self.height() - _TOP - _BOTTOM)
        shown = self.shown_weeks()
        slot = plot.width() / max(len(shown), 1)
        top = max((w.km for w in shown), default=0.0)
        top = words.distance_value(top, self._units)
        step = _nice_step(top)
        return plot, slot, max(step * math.ceil(top / step), step)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        colours = chart_colours(self.palette())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours["base"])
        metrics = QFontMetrics(self.font())
        painter.setPen(colours["text"])
        if not self._weeks:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No runs to chart yet.")
            return
        plot, slot, top = self._geometry()
        shown = self.shown_weeks()
        unit = words.distance_unit(self._units)
        # Grid and the km (or mi) scale on the left, pain 0–10 on the right.
        step = _nice_step(top)
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - value / top * plot.height()
            painter.setPen(QPen(colours["grid"], 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(colours["text"])
            painter.drawText(
                QRectF(0, y - 8, _LEFT - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{value:g}",
            )
            value += step
        painter.drawText(QPointF(4, 14), f"{unit} per week")
        has_pain = any(w.knee_pain for w in shown)
        if has_pain:
            for mark in (0, 5, 10):
                y = plot.bottom() - mark / 10 * plot.height()
                painter.setPen(colours["pain"])
                painter.drawText(
                    QRectF(plot.right() + 4, y - 8, _RIGHT - 4, 16),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    str(mark),
                )
        self._legend(painter, metrics, colours, has_pain)
        bar_w = max(slot - _GAP, 2.0)
        pain_points: list[QPointF] = []
        last_month = None
        for i, week in enumerate(shown):
            x = plot.left() + i * slot
            height = words.distance_value(week.km, self._units) / top * plot.height()
            colour = colours["partial"] if week.week_start == self._current else colours["bar"]
            painter.fillRect(QRectF(x, plot.bottom() - height, bar_w, height), colour)
            if week.week_start in self._spike_weeks:
                self._spike_mark(painter, x + bar_w / 2, plot.bottom() - height - 3, colours)
            if week.knee_pain:
                mean = sum(week.knee_pain) / len(week.knee_pain)
                pain_points.append(
                    QPointF(x + bar_w / 2, plot.bottom() - mean / 10 * plot.height())
                )
            month = (week.week_start.year, week.week_start.month)
            if month != last_month and (i == 0 or week.week_start.day <= 7):
                label = f"{week.week_start:%b}" if i else f"{week.week_start:%b %Y}"
                if i == 0 or x + metrics.horizontalAdvance(label) < plot.right():
                    painter.setPen(colours["text"])
                    painter.drawText(QPointF(x, plot.bottom() + 15), label)
                last_month = month
        if pain_points:
            painter.setPen(QPen(colours["pain"], 2))
            painter.setBrush(colours["pain"])
            for point in pain_points:
                painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(QPen(colours["text"], 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def _spike_mark(
        self, painter: QPainter, x: float, y: float, colours: dict[str, QColor]
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["spike"])
        painter.drawPolygon([QPointF(x, y - 7), QPointF(x - 5, y), QPointF(x + 5, y)])
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(
        self, painter: QPainter, metrics: QFontMetrics, colours: dict[str, QColor], pain: bool
    ) -> None:
        items: list[tuple[str, str]] = [("bar", "distance"), ("spike", "spike")]
        if pain:
            items.append(("pain", "knee pain, mean 0–10"))
        x = float(self.width() - 8)
        for key, text in reversed(items):
            width = metrics.horizontalAdvance(text)
            if x - width - 16 < _LEFT + 70:
                break
            x -= width
            painter.setPen(colours["text"])
            painter.drawText(QPointF(x, 14), text)
            x -= 14
            if key == "pain":
                painter.setBrush(colours["pain"])
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(QPointF(x + 5, 10), 3.5, 3.5)
            elif key == "spike":
                self._spike_mark(painter, x + 5, 14, colours)
            else:
                painter.fillRect(QRectF(x, 5, 10, 10), colours["bar"])
            x -= 12

    # -- hover ---------------------------------------------------------------

    def week_at(self, x: float) -> WeekTotal | None:
        plot, slot, _ = self._geometry()
        shown = self.shown_weeks()
        if not shown or not plot.left() <= x < plot.left() + slot * len(shown):
            return None
        return shown[int((x - plot.left()) // slot)]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            week = self.week_at(event.pos().x())
            if week is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.week_text(week), self)
            return True
        return super().event(event)
