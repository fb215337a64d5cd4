"""The runner's shoes with their kilometres, wear band and knee pain: one row per shoe.

Rows are the session's `ShoeMileage` (core.shoe_care's wear for the log's kilometres);
this model only arranges them. Retired shoes are listed last, with their history.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

from shoeadvisor.core import labels
from shoeadvisor.core import run_summaries as words

from ..platform.qt_compat import none_safe
from .table_base import ColumnTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
#: The row's ShoeMileage.
RowRole = Qt.ItemDataRole.UserRole + 2
#: On the wear column: (km / high end of the range, low end / high end, band id).
WearRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class MileageModel(ColumnTableModel):
    """Each shoe of the run log: kilometres, a wear bar, its band, runs, knee pain, defaults."""

    SHOE, KM, WEAR, STATE, RUNS, PAIN, DEFAULT = range(7)
    HEADERS = ("Shoe", "Distance", "Wear", "Where it stands", "Runs", "Knee pain", "Default for")
    TIPS = (
        "The shoe",
        "Logged runs plus the distance it had before them",
        "Distance against the usual replacement range (a rule of thumb, not an injury limit)",
        "Where the distance stands against the usual replacement range",
        "Runs logged in it",
        "Knee pain logged after runs in it (0–10): a record, not a cause",
        "New runs on these surfaces go in this shoe",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # session.ShoeMileage
        self._units = "metric"

    def set_rows(self, rows: Sequence[Any], units: str = "metric") -> None:
        old = self._rows
        if units == self._units and self._same_shoes(rows):
            # The same shoes, kilometres and pain, their wear moved with the runner's
            # weight: the bars change, and the words where a shoe changed band. The rows
            # stay, so the view keeps its layout and selection, and "Where it stands" is
            # measured again only for the shoes whose words changed.
            self._rows = list(rows)
            if rows:
                last = len(rows) - 1
                self.dataChanged.emit(self.index(0, self.WEAR), self.index(last, self.WEAR))
                for row, (new, was) in enumerate(zip(rows, old, strict=True)):
                    if new.wear.band_name != was.wear.band_name:
                        cell = self.index(row, self.STATE)
                        self.dataChanged.emit(cell, cell)
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._units = units
        self.endResetModel()

    def _same_shoes(self, rows: Sequence[Any]) -> bool:
        return len(rows) == len(self._rows) and all(
            new.owned is old.owned and new.pain is old.pain
            for new, old in zip(rows, self._rows, strict=True)
        )

    def row(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, shoe_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.owned.id == shoe_id), -1)

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
        if role == RowRole:
            return item
        if role == WearRole and col == self.WEAR:
            wear = item.wear
            return (wear.fraction, wear.low_km / wear.high_km, wear.band)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.KM, self.RUNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and item.owned.retired is not None:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _display(self, item: Any, col: int) -> str:
        owned, wear = item.owned, item.wear
        if col == self.SHOE:
            return str(owned.shoe.name)
        if col == self.KM:
            return words.distance(owned.km, self._units, 0)
        if col == self.WEAR:
            return ""  # the bar (widgets/wear_bar.py); its words are in the next column
        if col == self.STATE:
            if owned.retired is not None:
                return f"Retired {owned.retired:%d %b %Y}"
            return str(wear.band_name)
        if col == self.RUNS:
            return str(owned.runs)
        if col == self.PAIN:
            pain = item.pain
            if pain is None:
                return ""
            return words.shoe_pain(pain.runs_with_pain_logged, pain.mean_pain, pain.max_pain)
        if col == self.DEFAULT:
            return ", ".join(labels.choice("surfaces", s) for s in owned.default_for)
        return ""

    def _sort_value(self, item: Any, col: int) -> Any:
        owned = item.owned
        if col == self.SHOE:
            return str(owned.shoe.name).casefold()
        if col in (self.KM, self.WEAR):
            return float(item.wear.fraction) if col == self.WEAR else float(owned.km)
        if col == self.STATE:
            return f"{owned.retired is not None:d}{item.wear.band}"
        if col == self.RUNS:
            return int(owned.runs)
        if col == self.PAIN:
            pain = item.pain
            return -1.0 if pain is None or pain.mean_pain is None else float(pain.mean_pain)
        return self._display(item, col)

    def _tooltip(self, item: Any, col: int) -> str | None:
        owned, wear = item.owned, item.wear
        if col in (self.WEAR, self.STATE, self.KM):
            usual = (
                f"{words.distance(wear.low_km, self._units, 0)}\u2013"
                f"{words.distance(wear.high_km, self._units, 0)}"
            )
            lines = [
                f"{words.distance(owned.km, self._units, 0)}: {wear.band_name}. {wear.note}",
                f"Usual replacement range for you: {usual}"
                + (
                    f" ({owned.start_km:.0f} km before its first logged run)"
                    if owned.start_km
                    else ""
                ),
                *(a.text for a in wear.adjustments),
                wear.convention,
                f"{labels.evidence(wear.evidence)}.",
            ]
            return "\n".join(lines)
        if col == self.PAIN and item.pain is not None and item.pain.runs_with_pain_logged:
            shown = self._display(item, col)
            return f"Knee pain logged after runs in this shoe: {shown} \u2014 {words.NOT_A_CAUSE}."
        if col == self.SHOE:
            return str(owned.shoe.name)
        return None
