"""Help ▸ Sources: every article and study the advice cites, with how much it weighs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.advice_models import SortRole, SourceTableModel
from .sizing import fit_to_screen

if TYPE_CHECKING:
    from shoeadvisor.core.knowledge import Source


class SourcesDialog(QDialog):
    """Lays out the bibliography table, sortable by any column."""

    def __init__(self, sources: Sequence[Source], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sources — ShoeAdvisor")
        intro = QLabel(
            "ShoeAdvisor started from popular articles about running shoes and knee pain, then "
            "checked each claim against published studies. The grade says how much weight a "
            "source carries: popular articles count as opinion (no studies) on their own."
        )
        intro.setWordWrap(True)
        self.model = SourceTableModel(sources, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName("Bibliography")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Long titles and citations wrap: rows follow the columns' widths, once per resize.
        self._rows = QTimer(self)
        self._rows.setSingleShot(True)
        self._rows.setInterval(0)
        self._rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows.start())
        fit_to_screen(self, 1000, 560)
