"""A layout that places its items in a row and wraps onto the next line when they do not fit.

For rows of buttons (the Shoes page's actions) and of check boxes (surfaces, seasons,
knee places): at 900 px they take two lines instead of hiding behind a "»" button or
being cut; on a wide screen they sit in one row. With `columns=True` the items share
one width, so check boxes line up in columns whatever their number per line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Left to right, wrapping; `heightForWidth` tells the parent how tall it gets."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        columns: bool = False,
        spacing: int = -1,
        margins: int = 0,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._columns = columns
        self._spacing = spacing
        #: heightForWidth by width, until the items change (Qt asks many times per layout).
        self._heights: dict[int, int] = {}
        self.setContentsMargins(QMargins(margins, margins, margins, margins))

    # -- QLayout ------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def invalidate(self) -> None:
        """An item was shown, hidden or changed its size: heights are worked out again."""
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything in one row."""
        margins = self.contentsMargins()
        shown = self._shown()
        width = sum(self._width(i) for i in shown) + self._gap(True) * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest item: every item on a line of its own."""
        margins = self.contentsMargins()
        shown = self._shown()
        width = max((self._width(i) for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    # -- placing ------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _width(self, item: QLayoutItem) -> int:
        if self._columns:
            return max((i.sizeHint().width() for i in self._shown()), default=0)
        return item.sizeHint().width()

    def _gap(self, horizontal: bool) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        found = parent.style().pixelMetric(metric, None, parent)
        return found if found >= 0 else 6

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line_height = area.x(), area.y(), 0
        gap_x, gap_y = self._gap(True), self._gap(False)
        shown = self._shown()
        hints = [item.sizeHint() for item in shown]
        column = max((hint.width() for hint in hints), default=0)
        for item, hint in zip(shown, hints, strict=True):
            width = min(column if self._columns else hint.width(), area.width())
            height = hint.height()
            if x > area.x() and x + width > area.right() + 1:
                x, y = area.x(), y + line_height + gap_y
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + gap_x
            line_height = max(line_height, height)
        return y + line_height - rect.y() + margins.bottom()
