"""Widths from the text a widget shows: columns sized from their content, never cut.

Widths are measured with the widget's own font (QFontMetrics.horizontalAdvance), so
they hold at any font size and at 200 % scaling; nothing here is a pixel constant.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget


def text_width(widget: QWidget, texts: Iterable[str], font: QFont | None = None) -> int:
    """The widest of these texts (each may hold line breaks) in the widget's font."""
    metrics = QFontMetrics(font or widget.font())
    return max(
        (metrics.horizontalAdvance(line) for text in texts for line in text.split("\n")),
        default=0,
    )


def chars(widget: QWidget, count: float) -> int:
    """The width of `count` average characters in the widget's font."""
    return round(QFontMetrics(widget.font()).averageCharWidth() * count)


def cell_width(view: QAbstractItemView, texts: Iterable[str], font: QFont | None = None) -> int:
    """What a column needs to show these texts whole: the text and the cell's margins."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return text_width(view, texts, font) + 2 * margin + 2


def header_width(header: QHeaderView, section: int) -> int:
    """What a header section needs for its title (and the sort arrow)."""
    model = header.model()
    if model is None:
        return 0
    title = model.headerData(section, header.orientation())
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    width = text_width(header, [title] if isinstance(title, str) else [])
    return width + 2 * margin + (arrow + margin if header.isSortIndicatorShown() else 0) + 2


def frame_width(view: QAbstractItemView) -> int:
    """What a view adds around its columns: the frame, and the vertical scroll bar."""
    scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    vertical = 0
    if isinstance(view, QTableView) and not view.verticalHeader().isHidden():
        vertical = view.verticalHeader().sizeHint().width()  # also before it is laid out
    return 2 * view.frameWidth() + scroll_bar + vertical + 2


def fit_to_screen(window: QWidget, width: int, height: int | None = None) -> None:
    """Size a dialog to `width` × `height` (default: what its layout needs at that width),
    but never larger than nine tenths of the screen it opens on.

    A layout with wrapped text gets the height of its lines at that width, so a short
    dialog never cuts its own explanation.
    """
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        if room.width() >= 200 and room.height() >= 200:
            width = min(width, int(room.width() * 0.9))
            if height is not None:
                height = min(height, int(room.height() * 0.9))
    layout = window.layout()
    if height is None:
        height = layout.totalHeightForWidth(width) if layout is not None else window.height()
        if height < 0 and layout is not None:
            height = layout.totalSizeHint().height()
    if layout is not None and layout.hasHeightForWidth():
        window.setMinimumHeight(min(layout.totalHeightForWidth(width), height))
    window.resize(width, height)
