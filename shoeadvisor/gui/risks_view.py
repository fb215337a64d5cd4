"""The risks view: what in the runner's surfaces, seasons and training needs care."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .advice_models import RiskTableModel
from .badge_delegate import BadgeDelegate
from .explain import risk_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import RiskAdvice
    from shoeadvisor.core.knowledge import Source

NO_RISKS_HTML = "<p>No particular risks stand out for how you run. Keep listening to your body.</p>"


class RisksView(QWidget):
    """Lays out the risk table (severity colours) and the selected risk's explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources: Mapping[str, Source] = {}
        self._html = ""
        self.model = RiskTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Risks for how you run")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(0, BadgeDelegate(self.table))
        # Wrapped "what to do" text needs the rows re-measured whenever the width changes,
        # once the header has settled: coalesce the requests into one pass of the event loop.
        self._row_timer = QTimer(self)
        self._row_timer.setSingleShot(True)
        self._row_timer.setInterval(0)
        self._row_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._row_timer.start())
        self.table.viewport().installEventFilter(self)

        self.detail = QTextBrowser()
        self.detail.setAccessibleName("About this risk")
        self.detail.setHtml(NO_RISKS_HTML)

        title = QLabel("<b>Risks to keep in mind</b> (most serious first)")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(title)
        left_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._row_timer.start()
        return super().eventFilter(watched, event)

    def set_risks(self, risks: Sequence[RiskAdvice], sources: Mapping[str, Source]) -> None:
        """Show new risks, keeping the selected one when it still applies."""
        keep = self.selected_risk()
        self._sources = sources
        reset = self.model.set_risks(risks)
        self._row_timer.start()  # texts may have changed length: re-measure once, later
        ids = self.model.risk_ids()
        if not ids:
            self._set_html(NO_RISKS_HTML)
            return
        row = ids.index(keep) if keep in ids else 0
        if reset:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show(row)

    def _set_html(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self.detail.setHtml(html)

    def selected_risk(self) -> str | None:
        risk = self.model.risk_at(self.table.currentIndex().row())
        return None if risk is None else risk.id

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.row())

    def _show(self, row: int) -> None:
        risk = self.model.risk_at(row)
        if risk is not None:
            self._set_html(risk_html(risk, self._sources))
