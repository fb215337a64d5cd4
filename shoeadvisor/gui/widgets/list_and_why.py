"""A list under its title, and beside it why the selected row matters: the advice's shape."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget


class ListAndWhy(QWidget):
    """Lays out a title, a list (tree or table) and a text browser in a splitter.

    A subclass builds its list and hands it to `place_list`; `show_why` sets the text,
    skipping the costly re-layout of rich text when it did not change.
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
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(why_name)
        self.detail.setOpenExternalLinks(False)
        self.detail.setHtml(placeholder_html)
        self._left = QWidget()
        self._left_layout = QVBoxLayout(self._left)
        self._left_layout.setContentsMargins(0, 0, 0, 0)
        self._left_layout.addWidget(QLabel(title_html))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, stretch[0])
        self.splitter.setStretchFactor(1, stretch[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def place_list(self, view: QWidget) -> None:
        self._left_layout.addWidget(view)

    def show_why(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self.detail.setHtml(html)

    def detail_text(self) -> str:
        return self.detail.toPlainText()
