"""Qt models over the advice: features grouped by level, risks by severity, the bibliography.

Models only read the plain values `advise` returns; they never compute advice or touch files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from shoeadvisor.core import labels
from shoeadvisor.core.ids import SEVERITY_RANK

from ..platform.qt_compat import none_safe

if TYPE_CHECKING:
    from shoeadvisor.core.advice import FeatureAdvice, RiskAdvice
    from shoeadvisor.core.knowledge import Source

AnyIndex = QModelIndex | QPersistentModelIndex

#: Role giving the id (feature, risk or source id) of a row.
IdRole = Qt.ItemDataRole.UserRole + 1
#: Role giving the raw value to sort on (importance, severity rank, year).
SortRole = Qt.ItemDataRole.UserRole + 2
#: Role giving the core object of a row (FeatureAdvice, RiskAdvice, Source).
ObjectRole = Qt.ItemDataRole.UserRole + 3

LEVEL_ORDER = ("essential", "recommended", "optional", "avoid")
#: Combined once: or-ing Qt flags makes a new enum value each time (asked at every paint).
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: (background, text) pairs: both given, so a badge reads the same on light and dark themes.
GRADE_COLOURS = {
    "strong": ("#1b5e20", "#ffffff"),
    "moderate": ("#2e7d32", "#ffffff"),
    "weak": ("#f9a825", "#000000"),
    "none": ("#616161", "#ffffff"),
    "contradicted": ("#b71c1c", "#ffffff"),
}
SEVERITY_COLOURS = {
    "warning": ("#c62828", "#ffffff"),
    "caution": ("#f9a825", "#000000"),
    "info": ("#1565c0", "#ffffff"),
}
LEVEL_COLOURS = {
    "essential": ("#1b5e20", "#ffffff"),
    "recommended": ("#1565c0", "#ffffff"),
    "optional": ("#616161", "#ffffff"),
    "avoid": ("#b71c1c", "#ffffff"),
}


def _shape(groups: Sequence[tuple[str, Sequence[FeatureAdvice]]]) -> list[tuple[str, list[str]]]:
    return [(level, [f.id for f in items]) for level, items in groups]


_NO_PARENT = 0  # internalId of a group row; feature rows carry their group number + 1


def column_title(
    columns: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """The horizontal header text of a model whose columns are named by `columns`."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(columns)
    ):
        return columns[section]
    return None


class FeatureTreeModel(QAbstractItemModel):
    """Features in groups by level (essential first), each group ranked by importance."""

    COLUMNS = ("Feature", "Importance", "Evidence")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[FeatureAdvice]]] = []

    def set_features(self, features: Sequence[FeatureAdvice]) -> bool:
        """Show these features; groups without features are left out.

        Returns True when the rows moved (a reset); False when only values changed in place,
        which keeps the view's expansion, selection and scroll position for free.
        """
        grouped: dict[str, list[FeatureAdvice]] = {level: [] for level in LEVEL_ORDER}
        for feature in features:
            grouped.setdefault(feature.level, []).append(feature)
        groups = [
            (level, sorted(items, key=lambda f: -f.importance))
            for level, items in grouped.items()
            if items
        ]
        if _shape(groups) == _shape(self._groups):
            changed = [
                g
                for g, (new, old) in enumerate(zip(groups, self._groups, strict=True))
                if new != old
            ]
            self._groups = groups
            for g in changed:
                parent = self.index(g, 0)
                last = self.rowCount(parent) - 1
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(last, len(self.COLUMNS) - 1, parent)
                )
            return False
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()
        return True

    def group_levels(self) -> list[str]:
        return [level for level, _ in self._groups]

    def features_in(self, level: str) -> list[str]:
        """Feature ids shown under a level, in their order."""
        for name, items in self._groups:
            if name == level:
                return [f.id for f in items]
        return []

    def index_of(self, feature_id: str) -> QModelIndex:
        for group, (_, items) in enumerate(self._groups):
            for row, feature in enumerate(items):
                if feature.id == feature_id:
                    return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def feature_at(self, index: AnyIndex) -> FeatureAdvice | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # -- QAbstractItemModel
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return _SELECTABLE

    @none_safe
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(self.COLUMNS, section, orientation, role)

    @none_safe
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(index, role)
        feature = self.feature_at(index)
        if feature is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return feature.name
            if column == 1:
                return f"{feature.importance}"
            return labels.grade(feature.evidence)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{feature.name}: {feature.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{feature.name}, {labels.level(feature.level)}, importance "
                f"{feature.importance} of 100, evidence {labels.grade(feature.evidence)}"
            )
        if column == 2 and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, text = GRADE_COLOURS[feature.evidence]
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return _RIGHT
        if role == IdRole:
            return feature.id
        if role == SortRole:
            return feature.importance
        if role == ObjectRole:
            return feature
        return None

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        level, items = self._groups[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{labels.level(level)} ({len(items)})"
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return level
        return None


class _ColumnsTableModel(QAbstractTableModel):
    """A flat table whose column titles are the class's COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    @none_safe
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(self.COLUMNS, section, orientation, role)


class RiskTableModel(_ColumnsTableModel):
    """The risks that apply, most severe first, with what to do about each."""

    COLUMNS = ("Severity", "Risk", "What to do")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._risks: list[RiskAdvice] = []

    def set_risks(self, risks: Sequence[RiskAdvice]) -> bool:
        """Show these risks; returns True when rows changed, False when values changed in place."""
        ordered = sorted(risks, key=lambda r: -SEVERITY_RANK[r.severity])
        if [r.id for r in ordered] == [r.id for r in self._risks]:
            if ordered != self._risks:
                self._risks = ordered
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(ordered) - 1, len(self.COLUMNS) - 1)
                )
            return False
        self.beginResetModel()
        self._risks = ordered
        self.endResetModel()
        return True

    def risk_ids(self) -> list[str]:
        return [r.id for r in self._risks]

    def risk_at(self, row: int) -> RiskAdvice | None:
        return self._risks[row] if 0 <= row < len(self._risks) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._risks)

    @none_safe
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._risks):
            return None
        risk = self._risks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (labels.severity(risk.severity), risk.name, risk.advice)[column]
        if role == Qt.ItemDataRole.ToolTipRole:  # the advice in full where it is cut short
            return f"What to do: {risk.advice}" if column == 2 else risk.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{labels.severity(risk.severity)}: {risk.name}. {risk.advice}"
        if column == 0 and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, text = SEVERITY_COLOURS[risk.severity]
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else text)
        if column == 0 and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == IdRole:
            return risk.id
        if role == SortRole:
            return SEVERITY_RANK[risk.severity]
        if role == ObjectRole:
            return risk
        return None


class SourceTableModel(_ColumnsTableModel):
    """The bibliography: every article and study the advice cites, with its grade."""

    COLUMNS = ("Title", "Kind", "Year", "Evidence grade", "Citation")

    def __init__(self, sources: Sequence[Source] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._sources = list(sources)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    @none_safe
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        source = self._sources[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kind = labels.source_kind(source.kind)
            year = "" if source.year is None else str(source.year)
            return (source.title, kind, year, labels.grade(source.grade), source.citation)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return source.note or source.citation
        if column == 3 and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, text = GRADE_COLOURS[source.grade]
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else text)
        if role == IdRole:
            return source.id
        if role == SortRole:
            return (source.title, source.kind, source.year or 0, source.grade, source.citation)[
                column
            ]
        if role == ObjectRole:
            return source
        return None
