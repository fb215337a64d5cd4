"""A drawn right knee, front and side, whose regions a runner clicks to mark pain.

The regions are the pain locations of contract §1. Shapes live in a 100 × 160 box per
view and are scaled to the widget, so hit-testing and painting use the same paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from shoeadvisor.core import labels

from ..platform.theme import muted_colour, text_colour

KNEE_CAPTIONS = labels.KNEE_PLACE_CAPTIONS

BOX_W, BOX_H = 100.0, 160.0
TITLE_HEIGHT = 22.0
SKIN = QColor("#f3dcc4")
SKIN_EDGE = QColor("#8a6a50")
KNEECAP = QColor("#e6c3a0")
MARKED = QColor(198, 40, 40, 150)
HOVER = QColor(30, 110, 200, 70)
REGION_EDGE = QColor("#5a7fa8")


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), rx, ry)
    return path


def _rounded(x: float, y: float, w: float, h: float, r: float = 6) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    return path


def _polygon(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


@dataclass(frozen=True)
class KneePanel:
    """One view of the knee: its title, the leg outline and the clickable regions."""

    title: str
    leg: tuple[QPainterPath, ...]
    kneecap: QPainterPath
    regions: dict[str, QPainterPath]
    captions: dict[str, tuple[float, float]]
    notes: tuple[tuple[str, float, float], ...]


def _front() -> KneePanel:
    # A right knee seen from the front: the outside of the knee is on the viewer's left.
    leg = QPainterPath(QPointF(22, 0))
    leg.lineTo(20, 40)
    leg.quadTo(15, 52, 17, 62)
    leg.quadTo(19, 78, 27, 84)
    leg.lineTo(33, 120)
    leg.lineTo(37, 160)
    leg.lineTo(63, 160)
    leg.lineTo(67, 120)
    leg.lineTo(73, 84)
    leg.quadTo(81, 78, 83, 62)
    leg.quadTo(85, 52, 80, 40)
    leg.lineTo(78, 0)
    leg.closeSubpath()
    tendon = _polygon((45, 72), (55, 72), (54, 97), (46, 97))
    return KneePanel(
        "Front (right knee)",
        (leg, tendon),
        _ellipse(50, 60, 12, 14),
        {
            "around_kneecap": _ellipse(50, 60, 19, 21),
            "below_kneecap": _rounded(39, 85, 22, 22),
            "outside": _rounded(6, 46, 21, 50),
            "inside": _rounded(73, 46, 21, 50),
        },
        {
            "around_kneecap": (50, 34),
            "below_kneecap": (50, 114),
            "outside": (16, 103),
            "inside": (84, 103),
        },
        (),
    )


def _side() -> KneePanel:
    # The same knee seen from its outer side: the front of the knee points right.
    leg = QPainterPath(QPointF(24, 0))
    leg.lineTo(22, 45)
    leg.quadTo(27, 64, 24, 80)
    leg.quadTo(14, 100, 26, 125)
    leg.lineTo(38, 160)
    leg.lineTo(60, 160)
    leg.lineTo(68, 110)
    leg.lineTo(72, 80)
    leg.quadTo(78, 70, 76, 52)
    leg.lineTo(74, 0)
    leg.closeSubpath()
    tendon = _polygon((74, 70), (79, 72), (72, 94), (68, 92))
    return KneePanel(
        "Side, from the outside",
        (leg, tendon),
        _ellipse(78, 60, 6, 12),
        {
            "around_kneecap": _ellipse(78, 60, 11, 17),
            "below_kneecap": _rounded(60, 80, 24, 22),
            "outside": _ellipse(48, 62, 14, 18),
            "behind": _rounded(2, 46, 24, 46),
        },
        {
            "around_kneecap": (80, 37),
            "below_kneecap": (74, 109),
            "outside": (48, 86),
            "behind": (14, 98),
        },
        (("← back", 14, 40), ("front →", 86, 24)),
    )


PANELS: tuple[KneePanel, ...] = (_front(), _side())


GAP = 16.0


def panel_rects(area: QRectF, title_height: float = TITLE_HEIGHT) -> list[QRectF]:
    """Where each panel's 100 × 160 box sits inside the widget, keeping its shape."""
    width = (area.width() - GAP * (len(PANELS) - 1)) / len(PANELS)
    height = area.height() - title_height
    scale = max(0.1, min(width / BOX_W, height / BOX_H))
    rects = []
    for i in range(len(PANELS)):
        left = area.left() + i * (width + GAP) + (width - BOX_W * scale) / 2
        rects.append(QRectF(left, area.top() + title_height, BOX_W * scale, BOX_H * scale))
    return rects


def title_height(font: QFont, area_width: float) -> float:
    """Room for the panel titles: one line, or two when a title does not fit one."""
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    column = (area_width - GAP * (len(PANELS) - 1)) / len(PANELS)
    lines = 1 if all(metrics.horizontalAdvance(p.title) <= column for p in PANELS) else 2
    return max(TITLE_HEIGHT, lines * metrics.lineSpacing() + 6)


def _transform(box: QRectF) -> QTransform:
    scale = box.width() / BOX_W
    return QTransform(scale, 0, 0, scale, box.left(), box.top())


def _inside(rect: QRectF, area: QRectF) -> QRectF:
    """The rect moved sideways so that it stays within the area (captions at the edges)."""
    left = min(max(rect.left(), area.left()), area.right() - rect.width())
    return QRectF(left, rect.top(), rect.width(), rect.height())


@dataclass(frozen=True)
class PaintedText:
    """One text the drawing paints: a panel's title, a region's caption or a note."""

    panel: int
    kind: str  # "title", "caption" or "note"
    text: str
    rect: QRectF
    location: str | None = None  # the region a caption names


def _fonts(font: QFont) -> tuple[QFont, QFont]:
    """(bold title font, small caption font) from the widget's font."""
    title_font = QFont(font)
    title_font.setBold(True)
    small = QFont(font)
    small.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
    return title_font, small


def text_layout(area: QRectF, font: QFont, marked: Iterable[str] = ()) -> list[PaintedText]:
    """Where every title, caption and note goes; paint_knee draws exactly these.

    Computed, not painted, so a test (and the size checks) can see that no two texts
    overlap at any size: a caption that would run into one placed before it is moved
    up or down, within its panel, to the nearest free place.
    """
    chosen = set(marked)
    _title_font, small = _fonts(font)
    metrics = QFontMetricsF(small)
    line = metrics.height() + 2
    titles = title_height(font, area.width())
    column = (area.width() - GAP * (len(PANELS) - 1)) / len(PANELS)
    found: list[PaintedText] = []
    boxes = panel_rects(area, titles)
    lanes = [
        QRectF(area.left() + i * (column + GAP), box.top(), column, area.bottom() - box.top())
        for i, box in enumerate(boxes)
    ]
    placed: list[QRectF] = []
    for index, panel in enumerate(PANELS):
        lane = lanes[index]
        title = QRectF(lane.left(), boxes[index].top() - titles, column, titles)
        found.append(PaintedText(index, "title", panel.title, title))
        placed.append(title)
    for index, (panel, box) in enumerate(zip(PANELS, boxes, strict=True)):
        t = _transform(box)
        # Its own panel's lane when it fits there, else the whole width.
        lane = lanes[index]
        texts = [
            (
                "caption",
                location,
                ("● " if location in chosen else "") + KNEE_CAPTIONS[location],
                x,
                y,
            )
            for location, (x, y) in panel.captions.items()
        ] + [("note", None, words, x, y) for words, x, y in panel.notes]
        for kind, location, words, x, y in texts:
            point = t.map(QPointF(x, y))
            width = metrics.horizontalAdvance(words) + 4
            rect = QRectF(point.x() - width / 2, point.y() - line / 2, width, line)
            rect = _inside(rect, lane if width <= lane.width() else area)
            rect = _free_place(
                rect, placed, QRectF(area.left(), lane.top(), area.width(), lane.height())
            )
            placed.append(rect)
            found.append(PaintedText(index, kind, words, rect, location))
    return found


def _free_place(rect: QRectF, taken: list[QRectF], bounds: QRectF) -> QRectF:
    """The rect, or the nearest place up or down (in half-line steps, within bounds) where
    it meets none of the texts placed before it; as it was if there is none."""
    step = rect.height() / 2
    inside = bounds.adjusted(0, -0.5, 0, 0.5)
    for k in range(int(bounds.height() / step) + 1):
        for sign in (1, -1) if k else (0,):
            moved = rect.translated(0, sign * k * step)
            if moved.top() < inside.top() or moved.bottom() > inside.bottom():
                continue
            if not any(moved.intersects(other) for other in taken):
                return moved
    return rect


def paint_knee(
    painter: QPainter,
    area: QRectF,
    marked: Iterable[str],
    hovered: tuple[int, str] | None = None,
    palette: QPalette | None = None,
) -> None:
    """Draw both views into `area`; marked regions are filled red.

    Words take the palette's text colours, so the drawing reads on a dark theme too;
    where they go is `text_layout`'s.
    """
    chosen = set(marked)
    shown = palette if palette is not None else QGuiApplication.palette()
    text = shown.color(QPalette.ColorRole.WindowText)
    caption = QColor(text_colour("link", shown))
    caption_marked = QColor(text_colour("marked", shown))
    note = QColor(muted_colour(shown))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font, small = _fonts(painter.font())
    titles = title_height(painter.font(), area.width())
    for index, (panel, box) in enumerate(zip(PANELS, panel_rects(area, titles), strict=True)):
        t = _transform(box)
        painter.setPen(QPen(SKIN_EDGE, 1.5))
        painter.setBrush(SKIN)
        for part in panel.leg:
            painter.drawPath(t.map(part))
        painter.setBrush(KNEECAP)
        painter.drawPath(t.map(panel.kneecap))
        for location, region in panel.regions.items():
            path = t.map(region)
            if location in chosen:
                painter.setBrush(MARKED)
                painter.setPen(QPen(QColor("#8e0000"), 2))
            elif hovered == (index, location):
                painter.setBrush(HOVER)
                painter.setPen(QPen(REGION_EDGE, 1.5))
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(REGION_EDGE, 1, Qt.PenStyle.DashLine))
            painter.drawPath(path)
    for item in text_layout(area, painter.font(), chosen):
        if item.kind == "title":
            painter.setFont(title_font)
            painter.setPen(text)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        else:
            painter.setFont(small)
            marked_here = item.location in chosen
            painter.setPen(
                note if item.kind == "note" else caption_marked if marked_here else caption
            )
            flags = Qt.AlignmentFlag.AlignCenter
        painter.drawText(item.rect, int(flags), item.text)
    painter.restore()


class KneeDrawing(QWidget):
    """Click a region to mark or unmark pain there; the checkboxes beside it do the same."""

    locationToggled = Signal(str)  # a contract §1 knee_pain location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marked: set[str] = set()
        self._hovered: tuple[int, str] | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(200, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as its width needs: no empty band below
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Knee drawing")
        self.setAccessibleDescription(
            "Front and side view of a right knee. Click where it hurts; the checkboxes "
            "below do the same."
        )

    def sizeHint(self) -> QSize:
        return QSize(380, self.heightForWidth(380))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        area_width = width - 12
        column = (area_width - GAP * (len(PANELS) - 1)) / len(PANELS)
        titles = title_height(self.font(), area_width)
        return min(int(titles + column / BOX_W * BOX_H + 8), 460)

    @property
    def marked(self) -> frozenset[str]:
        return frozenset(self._marked)

    def set_marked(self, locations: Iterable[str]) -> None:
        marked = set(locations)
        if marked != self._marked:
            self._marked = marked
            self.update()

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(6, 4, -6, -4)

    def _boxes(self) -> list[QRectF]:
        area = self._area()
        return panel_rects(area, title_height(self.font(), area.width()))

    def hit(self, point: QPointF) -> tuple[int, str] | None:
        """The (panel, location) under a point, if any."""
        for index, box in enumerate(self._boxes()):
            local = _transform(box).inverted()[0].map(point)
            for location, region in PANELS[index].regions.items():
                if region.contains(local):
                    return index, location
        return None

    def region_center(self, panel: int, location: str) -> QPointF:
        """Where a region is on screen (for tests and tooltips)."""
        box = self._boxes()[panel]
        return _transform(box).map(PANELS[panel].regions[location].boundingRect().center())

    def painted_texts(self) -> list[tuple[str, QRectF]]:
        """Every text the drawing paints and where (the size checks look at these)."""
        return [(t.text, t.rect) for t in text_layout(self._area(), self.font(), self._marked)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_knee(painter, self._area(), self._marked, self._hovered, self.palette())
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found != self._hovered:
            self._hovered = found
            self.update()
            if found:
                state = "marked" if found[1] in self._marked else "click to mark"
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    f"{labels.knee_place(found[1])} ({state})",
                    self,
                )
            else:
                QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position())
            if found:
                self.locationToggled.emit(found[1])
                return
        super().mousePressEvent(event)


__all__ = ["PANELS", "KneeDrawing", "PaintedText", "paint_knee", "text_layout"]
