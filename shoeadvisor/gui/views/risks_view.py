"""The risks view: what in the runner's surfaces, seasons and training needs care.

One line a risk, most serious first, so several show at once; the full "what to do"
is in the text beside (or below) the table. After an edit that brings a risk more
serious than the one selected, the most serious is selected and scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.ids import SEVERITY_RANK

from ..models.advice_models import RiskTableModel
from ..widgets.badge_delegate import BadgeDelegate
from ..widgets.list_and_why import ListAndWhy
from ..widgets.sizing import cell_width, chars, frame_width, header_width
from .explain import risk_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import RiskAdvice

NO_RISKS_HTML = "<p>No particular risks stand out for how you run. Keep listening to your body.</p>"
#: The "What to do" column is shown only when it gets at least this many characters.
ADVICE_MIN_CHARS = 18

SEVERITY, NAME, ADVICE = range(3)


class _RiskTable(QTableView):
    """The risk table; says when the room for its cells (its viewport) changes.

    A scroll area's resizeEvent is its viewport's: the width is read from the event, so
    the view never asks for `viewport()` before the first paint (the first C++-made
    QWidget handed to Python makes PySide6 set up every QtWidgets type, ~4 ms).
    """

    def __init__(self, resized: Callable[[], None]) -> None:
        super().__init__()
        self._resized = resized
        self.room = self.maximumViewportSize().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.room = event.size().width()
        self._resized()


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
        self._sources: Mapping[str, str] = {}
        self._name_width = 0
        self.model = RiskTableModel(self)
        self.table = _RiskTable(self._place_columns)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Risks for how you run")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setItemDelegateForColumn(SEVERITY, BadgeDelegate(self.table))

        self.place_list(self.table)
        self._fit_columns(())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    # ------------------------------------------------------------------ columns
    def _widths(self) -> tuple[int, int, int]:
        """What the severity badge, the risk's name and "What to do" need at least."""
        table, header = self.table, self.table.horizontalHeader()
        severity = max(
            header_width(header, SEVERITY), cell_width(table, labels.SEVERITIES.values()) + 6
        )
        advice = max(header_width(header, ADVICE), chars(table, ADVICE_MIN_CHARS))
        return severity, self._name_width, advice

    def _fit_columns(self, risks: Sequence[RiskAdvice]) -> None:
        header = self.table.horizontalHeader()
        names = max(cell_width(self.table, [r.name for r in risks]), header_width(header, NAME))
        self._name_width = max(self._name_width, names)  # only grows: no jumping layout
        severity, name, _advice = self._widths()
        width = severity + name + frame_width(self.table)
        self.table.setMinimumWidth(width)
        self.set_list_width(width)
        self._place_columns()

    def _place_columns(self) -> None:
        """Severity and name whole; "What to do" gets the rest, or hides when it is too little.

        Hidden, it is still in the tooltip and in full in the text beside the table.
        """
        severity, name, advice = self._widths()
        room = self.table.room
        header = self.table.horizontalHeader()
        show_advice = room - severity - name >= advice
        self.table.setColumnHidden(ADVICE, not show_advice)
        header.resizeSection(SEVERITY, severity)
        if show_advice:
            header.resizeSection(NAME, name)
            header.resizeSection(ADVICE, room - severity - name)
        else:
            header.resizeSection(NAME, max(name, room - severity))

    # ------------------------------------------------------------------ risks
    def set_risks(self, risks: Sequence[RiskAdvice], sources: Mapping[str, str]) -> None:
        """Show new risks; one that is new (or graver) and more serious than the selection
        takes the selection."""
        keep = self.selected_risk()
        before = self._severities()
        self._sources = sources
        self._fit_columns(risks)
        self.model.set_risks(risks)
        ids = self.model.risk_ids()
        if not ids:
            self.show_why(NO_RISKS_HTML)
            return
        row = self._row_to_select(keep, before)
        if row != self.table.currentIndex().row():
            self.table.setCurrentIndex(self.model.index(row, 0))
        if row == 0:
            self.table.scrollToTop()
        else:
            self.table.scrollTo(self.model.index(row, 0))
        self._show(row)

    def _severities(self) -> dict[str, int]:
        """Each risk shown and how serious it is (its SEVERITY_RANK)."""
        shown = (self.model.risk_at(row) for row in range(self.model.rowCount()))
        return {r.id: SEVERITY_RANK[r.severity] for r in shown if r is not None}

    def _row_to_select(self, keep: str | None, before: dict[str, int]) -> int:
        """The runner's risk, unless a risk more serious than it just appeared or grew.

        Then the most serious risk (row 0) is selected, so a new warning is never left
        out of view behind an old note.
        """
        ids = self.model.risk_ids()
        if keep not in ids:
            return 0
        now = self._severities()
        rank = now[keep]
        for risk_id, severity in now.items():
            grew = severity > before.get(risk_id, -1)
            if severity > rank and grew:
                return 0
        return ids.index(keep)

    def show_waiting(self, html: str) -> None:
        """No advice yet: say what to fill in instead of the risks."""
        self.model.set_risks(())
        self.show_why(html)

    def selected_risk(self) -> str | None:
        risk = self.model.risk_at(self.table.currentIndex().row())
        return None if risk is None else risk.id

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.row())

    def _show(self, row: int) -> None:
        risk = self.model.risk_at(row)
        if risk is not None:
            self.show_why(risk_html(risk, self._sources))
