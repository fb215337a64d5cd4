"""The knee plan's week as a table model: one row a day; day, exercises, running."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..platform.qt_compat import none_safe

if TYPE_CHECKING:
    from shoeadvisor.core.advice import PlanDay


class WeekPlanModel(QAbstractTableModel):
    """The weekly plan as a table: one row a day; columns day, exercises, running."""

    HEADERS = ("Day", "Exercises", "Running and rest")
    DayRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: tuple[PlanDay, ...] = ()
        self._names: dict[str, str] = {}

    def set_plan(self, days: Sequence[PlanDay], names: dict[str, str]) -> None:
        self.beginResetModel()
        self._days = tuple(days)
        self._names = dict(names)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def exercises_text(self, day: PlanDay) -> str:
        return "\n".join(self._names.get(x, x) for x in day.exercises) or "—"

    @none_safe
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._days):
            return None
        day = self._days[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (day.day, self.exercises_text(day), day.note)[index.column()]
        if role == self.DayRole:
            return day
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    @none_safe
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
