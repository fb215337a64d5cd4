"""The risks view: what in the runner's surfaces, seasons and training needs care."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ..models.advice_models import RiskTableModel
from ..widgets.badge_delegate import BadgeDelegate
from ..widgets.list_and_why import ListAndWhy
from .explain import risk_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import RiskAdvice
    from shoeadvisor.core.knowledge import Source

NO_RISKS_HTML = "<p>No particular risks stand out for how you run. Keep listening to your body.</p>"


class RisksView(ListAndWhy):
    """Lays out the risk table (severity colours) and the selected risk's explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "<b>Risks to keep in mind</b> (most serious first)",
            "About this risk",
            NO_RISKS_HTML,
            stretch=(3, 2),
            parent=parent,
        )
        self._sources: Mapping[str, Source] = {}
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

        self.place_list(self.table)
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
            self.show_why(NO_RISKS_HTML)
            return
        row = ids.index(keep) if keep in ids else 0
        if reset:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show(row)

    def selected_risk(self) -> str | None:
        risk = self.model.risk_at(self.table.currentIndex().row())
        return None if risk is None else risk.id

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.row())

    def _show(self, row: int) -> None:
        risk = self.model.risk_at(row)
        if risk is not None:
            self.show_why(risk_html(risk, self._sources))
