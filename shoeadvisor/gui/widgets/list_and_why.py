"""A list under its title, and beside it why the selected row matters: the advice's shape.

Side by side when there is room for the list's columns and a readable text; the text
goes below the list when there is not, so a small window never cuts a feature's name
to "…" nor wraps the explanation a word a line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .adaptive import AdaptiveSplitter
from .sizing import chars

#: The narrowest the "why" text may be, in average characters (it then reads as sentences).
WHY_MIN_CHARS = 32
#: How wide it should be before it goes beside the list rather than below it.
WHY_SIDE_CHARS = 46
#: The rows a list always has room for, however small the window (and lines of its text).
LIST_MIN_ROWS = 4
WHY_MIN_LINES = 4


class ListAndWhy(QWidget):
    """Lays out a title, a list (tree or table) and a text browser in a splitter.

    A subclass builds its list and hands it to `place_list`, and says how wide the list
    must be with `set_list_width`; `show_why` sets the text, skipping the costly
    re-layout of rich text when it did not change.
    """

    def __init__(
        self,
        title_html: str,
        why_name: str,
        placeholder_html: str,
        stretch: tuple[int, int] = (1, 1),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._html = ""
        self._list_width = 0
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(why_name)
        self.detail.setOpenExternalLinks(False)
        self.detail.setHtml(placeholder_html)
        self.detail.setMinimumWidth(chars(self.detail, WHY_MIN_CHARS))
        self._left = QWidget()
        self._left_layout = QVBoxLayout(self._left)
        self._left_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title_html)
        self.title.setWordWrap(True)
        self._left_layout.addWidget(self.title)
        self.splitter = AdaptiveSplitter(self._side_by_side_from)
        self.splitter.addWidget(self._left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, stretch[0])
        self.splitter.setStretchFactor(1, stretch[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _side_by_side_from(self) -> int:
        return self._list_width + chars(self.detail, WHY_SIDE_CHARS) + self.splitter.handleWidth()

    def place_list(self, view: QAbstractItemView) -> None:
        """Add the list under the title; it always shows its header and a few rows."""
        rows = view.fontMetrics().height() + 10
        header = getattr(view, "horizontalHeader", None) or view.header
        view.setMinimumHeight(header().sizeHint().height() + LIST_MIN_ROWS * rows + 4)
        self.detail.setMinimumHeight(WHY_MIN_LINES * self.detail.fontMetrics().lineSpacing() + 8)
        self._left_layout.addWidget(view)

    def set_list_width(self, width: int) -> None:
        """The width the list needs to show its columns whole; the layout follows it."""
        if width == self._list_width:
            return
        self._list_width = width
        self._left.setMinimumWidth(width)
        self.splitter.adapt()

    def show_why(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self.detail.setHtml(html)

    def detail_text(self) -> str:
        return self.detail.toPlainText()
