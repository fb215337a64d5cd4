"""The run log as a table: one row per run, sortable by raw values, filtered by a proxy.

The rows are the session's runs with core's spike marks; the words (distances in the
runner's units, paces, the spike's band with its grade and source) come from
core.run_summaries. Two columns can be edited, the shoe and the knee pain after the
run: the model never writes them itself, it hands the change to `on_edit` (an action
through the session) and draws what the session then holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette

from shoeadvisor.core import run_summaries as words
from shoeadvisor.core.training import LoggedRun, SpikeMark

from ..platform.qt_compat import none_safe
from ..platform.theme import muted_colour
from .table_base import ColumnTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
#: The row's `RunRow`.
RowRole = Qt.ItemDataRole.UserRole + 2
#: On the shoe column: the (shoe id, name) pairs a run can be put in, "no shoe" first.
ChoicesRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
#: Called with (run id, column, new value); True when the change was made.
EditHandler = Callable[[int, int, Any], bool]

NO_SHOE = "\u2014"
UNKNOWN_SORTS_LAST = float("inf")


@dataclass(frozen=True, slots=True)
class RunRow:
    """One logged run (storage's `Run`), and its spike mark when it has one."""

    run: Any  # shoeadvisor.storage.runlog.Run (gui/ sees it through the session)
    mark: SpikeMark | None
    spike_detail: str  # "" without a mark
    judged: bool = True  # False: the log does not hold the 30 days before it (core.training)


def spike_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) of a spike cell, readable on light and dark themes."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return (
        (QColor("#6b3a00"), QColor("#ffe0b2")) if dark else (QColor("#ffe0b2"), QColor("#6b3a00"))
    )


def file_name(source: str) -> str:
    """The last part of an imported file's name ("run.fit", "export.zip/activities/1.fit")."""
    text = str(source).replace("\\", "/")
    return text.rsplit("/", 1)[-1] or text


class RunTableModel(ColumnTableModel):
    """The runs of the open profile, in the order of the column sorted by.

    The model sorts itself, by the SortRole values, and the proxy only filters: a
    QSortFilterProxyModel would call data() from C++ for every comparison (about
    20,000 calls, 40 ms, for 1,000 runs, enough to stall the window after an import),
    while sorting the SortRole values in Python takes about a millisecond.
    """

    DATE, DISTANCE, DURATION, PACE, SPIKE, SHOE, PAIN, ASCENT, DESCENT, FILE = range(10)
    HEADERS = (
        "Date",
        "Distance",
        "Time",
        "Pace",
        "Spike",
        "Shoe",
        "Knee pain",
        "Climb",
        "Descent",
        "File",
    )
    TIPS = (
        "When the run started (your local time)",
        "Distance of the run",
        "Moving time",
        "Average pace over the moving time",
        "Longer than the longest run of the 30 days before it (Frandsen 2025): the band",
        "The shoe it was run in; click to change it",
        "Knee pain after the run, 0 (none) to 10 (worst imaginable); click to log it",
        "Elevation gained",
        "Elevation lost",
        "The file it was imported from",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RunRow] = []
        self._shoe_names: dict[str, str] = {}
        self._choices: list[tuple[str | None, str]] = [(None, NO_SHOE)]
        self._units = "metric"
        self.editable = False
        self.on_edit: EditHandler | None = None
        self._colours = spike_colours(QPalette())
        self._muted = QColor(muted_colour())
        self._judged_from: datetime | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- filling -----------------------------------------------------------

    def set_runs(
        self,
        runs: Sequence[LoggedRun],
        marks: Sequence[SpikeMark],
        details: Mapping[int, str],
        *,
        shoe_names: Mapping[str, str],
        choices: Sequence[tuple[str, str]],
        units: str = "metric",
        editable: bool = False,
        palette: QPalette | None = None,
        judged_from: datetime | None = None,
    ) -> None:
        """Show these runs; the same runs again (an edit) update in place, keeping the view.

        `judged_from`: runs before it are shown as not judged for a spike (core.training).
        """
        by_run = {m.run_id: m for m in marks}
        self._judged_from = judged_from
        rows = [
            RunRow(
                r,
                by_run.get(r.id),
                details.get(r.id, ""),
                judged_from is None or r.start >= judged_from,
            )
            for r in runs
        ]
        self._shoe_names = dict(shoe_names)
        self._choices = [(None, NO_SHOE), *choices]
        self.editable = editable
        if palette is not None:
            self._colours = spike_colours(palette)
            self._muted = QColor(muted_colour(palette))
        self._units = units
        rows = self._sorted(rows, self._sort_column, self._sort_order)
        if rows and [r.run.id for r in rows] == [r.run.id for r in self._rows]:
            self._rows = rows  # an edit: the same rows in the same order, redrawn in place
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1)
            )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        """The spike and "not judged" colours for this palette (a theme switch); redrawn."""
        self._colours = spike_colours(palette)
        self._muted = QColor(muted_colour(palette))
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.SPIKE), self.index(len(self._rows) - 1, self.SPIKE)
            )

    # -- sorting -------------------------------------------------------------

    def _sorted(self, rows: list[RunRow], column: int, order: Qt.SortOrder) -> list[RunRow]:
        if not 0 <= column < len(self.HEADERS):
            return rows
        keys = [self._sort_value(row, column) for row in rows]
        # Stable: rows of equal value stay in the order of their start times.
        by = sorted(
            range(len(rows)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        return [rows[i] for i in by]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's SortRole values (raw numbers, not the words shown)."""
        self._sort_column, self._sort_order = column, order
        if not 0 <= column < len(self.HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        by_time = sorted(old, key=lambda r: (r.run.start, r.run.id))
        self._rows = self._sorted(by_time, column, order)
        where = {id(row): i for i, row in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [self.index(where[id(old[i.row()])], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def row(self, row: int) -> RunRow:
        return self._rows[row]

    def row_of(self, run_id: int) -> int:
        for i, item in enumerate(self._rows):
            if item.run.id == run_id:
                return i
        return -1

    @property
    def units(self) -> str:
        return self._units

    def shoe_name(self, shoe_id: str | None) -> str:
        if shoe_id is None:
            return NO_SHOE
        return self._shoe_names.get(shoe_id, shoe_id)

    # -- Qt model API ------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid() and index.column() in (self.SHOE, self.PAIN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    @none_safe
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == SortRole:
            return self._sort_value(item, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.SHOE:
                return item.run.shoe_id
            if col == self.PAIN:
                return item.run.knee_pain
            return self._display(item, col)
        if role == RowRole:
            return item
        if role == ChoicesRole and col == self.SHOE:
            return list(self._choices)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.SHOE, self.FILE, self.SPIKE, self.DATE):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.SPIKE and item.mark is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._colours[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._colours[1]
        if col == self.SPIKE and not item.judged and role == Qt.ItemDataRole.ForegroundRole:
            return self._muted
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.SPIKE:
            if not item.judged:
                return words.not_judged_detail(self._judged_from)
            return item.spike_detail or "no spike"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        col = index.column()
        if col not in (self.SHOE, self.PAIN) or self.on_edit is None:
            return False
        if col == self.PAIN and value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return False
            value = int(value)
            if not 0 <= value <= 10:
                value = None  # the spin box's "not logged" below 0
        if col == self.SHOE and value is not None and not isinstance(value, str):
            return False
        run = self._rows[index.row()].run
        current = run.shoe_id if col == self.SHOE else run.knee_pain
        if value == current:
            return True
        return self.on_edit(run.id, col, value)

    # -- cells -------------------------------------------------------------

    def _display(self, item: RunRow, col: int) -> str:
        run, units = item.run, self._units
        if col == self.DATE:
            return f"{run.start.astimezone():%a %d %b %Y %H:%M}"
        if col == self.DISTANCE:
            return words.distance(run.distance_km, units, 2)
        if col == self.DURATION:
            return words.duration(run.duration_s)
        if col == self.PACE:
            return words.pace(run.distance_km, run.duration_s, units)
        if col == self.ASCENT:
            return words.metres(run.ascent_m, units)
        if col == self.DESCENT:
            return words.metres(run.descent_m, units)
        if col == self.SHOE:
            return self.shoe_name(run.shoe_id)
        if col == self.PAIN:
            return "" if run.knee_pain is None else f"{run.knee_pain}/10"
        if col == self.SPIKE:
            if item.mark is not None:
                return "\u25b2 " + words.spike_cell(item.mark)
            return "" if item.judged else words.NOT_JUDGED
        if col == self.FILE:
            return file_name(run.source_file)
        return ""

    def _sort_value(self, item: RunRow, col: int) -> Any:
        run = item.run
        if col == self.DATE:
            return float(run.start.timestamp())
        if col == self.DISTANCE:
            return float(run.distance_km)
        if col == self.DURATION:
            return UNKNOWN_SORTS_LAST if run.duration_s is None else float(run.duration_s)
        if col == self.PACE:
            pace = words.pace_seconds(run.distance_km, run.duration_s)
            return UNKNOWN_SORTS_LAST if pace is None else pace
        if col == self.ASCENT:
            return -1.0 if run.ascent_m is None else float(run.ascent_m)
        if col == self.DESCENT:
            return -1.0 if run.descent_m is None else float(run.descent_m)
        if col == self.SHOE:
            return "\uffff" if run.shoe_id is None else self.shoe_name(run.shoe_id).casefold()
        if col == self.PAIN:
            return -1 if run.knee_pain is None else int(run.knee_pain)
        if col == self.SPIKE:
            if item.mark is None:
                return -1.0 if item.judged else -2.0  # not judged: below "no spike"
            return float(item.mark.increase)
        if col == self.FILE:
            return file_name(run.source_file).casefold()
        return 0

    def _tooltip(self, item: RunRow, col: int) -> str | None:
        run = item.run
        if col == self.SPIKE:
            if not item.judged:
                return words.not_judged_detail(self._judged_from)
            return item.spike_detail or "Not longer than the longest run of the 30 days before it"
        if col == self.FILE:
            return str(run.source_file)
        if col == self.SHOE:
            return f"{self.shoe_name(run.shoe_id)} \u2014 click to change the shoe"
        if col == self.PAIN:
            return "Knee pain after this run (0–10); click to log or change it"
        if col == self.DATE and run.name:
            return str(run.name)
        return None


class RunFilterProxy(QSortFilterProxyModel):
    """Filters by text, by shoe and to spikes only; sorting (by SortRole) is the model's."""

    ANY_SHOE = "\x00any"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._text = ""
        self._shoe: str | None = self.ANY_SHOE
        self._spikes_only = False

    def set_text(self, text: str) -> None:
        """Runs whose date, shoe or file contains this text (any case)."""
        folded = text.strip().casefold()
        if folded != self._text:
            self.beginFilterChange()
            self._text = folded
            self.endFilterChange()

    def set_shoe(self, shoe_id: str | None) -> None:
        """Runs in this shoe (None: runs with no shoe recorded; ANY_SHOE: all)."""
        if shoe_id != self._shoe:
            self.beginFilterChange()
            self._shoe = shoe_id
            self.endFilterChange()

    def set_spikes_only(self, on: bool) -> None:
        if on != self._spikes_only:
            self.beginFilterChange()
            self._spikes_only = on
            self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hand sorting to the source model (see RunTableModel); this proxy filters."""
        model = self.sourceModel()
        if isinstance(model, RunTableModel):
            model.sort(column, order)
        else:  # pragma: no cover - only RunTableModel is used as source
            super().sort(column, order)

    @property
    def filtering(self) -> bool:
        return bool(self._text) or self._shoe != self.ANY_SHOE or self._spikes_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.filtering:
            return True
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):  # pragma: no cover - only this source
            return True
        item = model.row(source_row)
        run = item.run
        if self._spikes_only and item.mark is None:
            return False
        if self._shoe != self.ANY_SHOE and run.shoe_id != self._shoe:
            return False
        if self._text:
            when: datetime = run.start.astimezone()
            haystack = " ".join(
                (
                    f"{when:%a %d %b %Y %Y-%m-%d}",
                    model.shoe_name(run.shoe_id),
                    str(run.source_file),
                    str(run.name or ""),
                )
            ).casefold()
            if self._text not in haystack:
                return False
        return True
