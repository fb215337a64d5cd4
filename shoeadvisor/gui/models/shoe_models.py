"""Table models for the runner's shoes: the ranked list and the side-by-side comparison.

Scores and per-feature points are read from the controller's `Advice`; these
models only arrange them. The verdict of a cell (✓, ✗, !, ?) is a reading of
the runner's feature level next to the shoe's level, never a new score.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from shoeadvisor.core import labels
from shoeadvisor.core.advice import Advice, FeatureAdvice, ShoeScore
from shoeadvisor.core.ids import FEATURE_IDS, FeatureId, Level
from shoeadvisor.core.shoes import Shoe

from ..platform.qt_compat import none_safe

SortRole = Qt.ItemDataRole.UserRole + 1
#: The row object: a `ShoeRow` in the list; in the comparison a `FeatureAdvice`,
#: or None on the comfort row.
RowRole = Qt.ItemDataRole.UserRole + 2
#: The cell's `Verdict` in the comparison model.
VerdictRole = Qt.ItemDataRole.UserRole + 3
#: "surface<TAB>name in lower case", what the list's filter matches.
FilterRole = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


def _points(points: float) -> str:
    """Signed, one decimal, and never "-0.0"."""
    return f"{round(points, 1) + 0.0:+.1f}"


class Verdict(enum.Enum):
    """What a shoe's level of a feature means for this runner."""

    GOOD = "✓"  # what the runner needs is there (or a feature to avoid is absent)
    MISSING = "✗"  # an essential feature is absent
    WEAK = "~"  # an essential feature only slight, or a recommended one absent
    AVOID = "!"  # a feature this runner should avoid is present
    UNKNOWN = "?"  # not filled in
    NEUTRAL = "·"  # an optional feature, either way


def verdict(level: Level, shoe_level: int | None) -> Verdict:
    """Read a shoe's level of one feature against the runner's need for it."""
    if shoe_level is None:
        return Verdict.UNKNOWN
    if level == "avoid":
        return Verdict.AVOID if shoe_level > 0 else Verdict.GOOD
    if level == "essential":
        if shoe_level == 0:
            return Verdict.MISSING
        return Verdict.GOOD if shoe_level >= 2 else Verdict.WEAK
    if level == "recommended":
        return Verdict.GOOD if shoe_level >= 2 else Verdict.WEAK
    return Verdict.NEUTRAL


#: (background, text) colours; a missing essential is meant to be impossible to miss.
VERDICT_COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.GOOD: ("#dcf2dc", "#14501e"),
    Verdict.MISSING: ("#c62828", "#ffffff"),
    Verdict.WEAK: ("#fff1c2", "#5c4300"),
    Verdict.AVOID: ("#f6c7a6", "#6b2300"),
    Verdict.UNKNOWN: ("#ececec", "#444444"),
    Verdict.NEUTRAL: ("#ffffff", "#333333"),
}

VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.GOOD: "suits you",
    Verdict.MISSING: "essential feature missing",
    Verdict.WEAK: "weaker than you need",
    Verdict.AVOID: "a feature you should avoid",
    Verdict.UNKNOWN: "not checked yet",
    Verdict.NEUTRAL: "optional for you",
}


@dataclass(frozen=True, slots=True)
class ShoeRow:
    """One of the runner's shoes with its score (None while there is no profile)."""

    shoe: Shoe
    score: ShoeScore | None
    rank: int  # 1 = best fit, in the order `advise` returned


@dataclass(frozen=True, slots=True)
class ShoeSummary:
    """What a runner in a shop scans for first."""

    missing: tuple[FeatureId, ...]  # essential features absent
    unknown: tuple[FeatureId, ...]  # essential features not checked
    avoid: tuple[FeatureId, ...]  # features to avoid that are present


def summarise(shoe: Shoe, needs: Mapping[FeatureId, Level]) -> ShoeSummary:
    missing: list[FeatureId] = []
    unknown: list[FeatureId] = []
    avoid: list[FeatureId] = []
    for fid, level in zip(FEATURE_IDS, shoe.levels, strict=True):
        need = needs.get(fid)
        if need == "essential":
            if level is None:
                unknown.append(fid)
            elif level == 0:
                missing.append(fid)
        elif need == "avoid" and level:
            avoid.append(fid)
    return ShoeSummary(tuple(missing), tuple(unknown), tuple(avoid))


class ShoeListModel(QAbstractTableModel):
    """The runner's shoes as rows, best fit first, as `advise` ranked them."""

    RANK, SCORE, NAME, SURFACE, MISSING, UNKNOWN, COMFORT, WEIGHT, DROP = range(9)
    HEADERS = (
        "#",
        "Fit",
        "Shoe",
        "Surface",
        "Essentials missing",
        "Not checked",
        "Comfort",
        "Weight",
        "Drop",
    )
    TIPS = (
        "Rank by fit score for your profile",
        "Fit score 0–100 for your profile (50 = neutral)",
        "The shoe's name",
        "The surface the shoe is made for",
        "Features essential for you that this shoe lacks",
        "Essential features you have not checked on this shoe",
        "Your comfort rating after trying it on (1–5)",
        "Weight in grams",
        "Heel-to-toe drop in millimetres",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ShoeRow] = []
        self._needs: dict[FeatureId, Level] = {}
        self._names: dict[str, str] = {}
        self._summaries: dict[int, ShoeSummary] = {}  # by rank, which survives sorting
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- filling -----------------------------------------------------------

    def set_shoes(
        self,
        shoes: Sequence[Shoe],
        advice: Advice | None,
        feature_names: Mapping[str, str] | None = None,
    ) -> None:
        """Show `advice.shoes` in their order, or `shoes` unscored when there is no advice."""
        self.beginResetModel()
        if advice is not None:
            self._rows = [ShoeRow(s.shoe, s, i + 1) for i, s in enumerate(advice.shoes)]
            self._needs = {f.id: f.level for f in advice.features}
        else:
            self._rows = [ShoeRow(s, None, i + 1) for i, s in enumerate(shoes)]
            self._needs = {}
        if feature_names is not None:
            self._names = dict(feature_names)
        self._summaries = {}
        by_rank = self._sort_column == self.RANK and self._sort_order == Qt.SortOrder.AscendingOrder
        if self._sort_column >= 0 and not by_rank:  # rows come in rank order already
            self._rows = self._sorted_rows(self._sort_column, self._sort_order)
        self.endResetModel()

    def row(self, row: int) -> ShoeRow:
        return self._rows[row]

    def rows(self) -> list[ShoeRow]:
        return list(self._rows)

    def row_of(self, shoe_id: str) -> int:
        for i, item in enumerate(self._rows):
            if item.shoe.id == shoe_id:
                return i
        return -1

    def summary(self, row: int) -> ShoeSummary:
        # Computed on first look: a reset with 10,000 shoes must stay cheap.
        item = self._rows[row]
        found = self._summaries.get(item.rank)
        if found is None:
            found = summarise(item.shoe, self._needs)
            self._summaries[item.rank] = found
        return found

    # -- sorting -------------------------------------------------------------
    #
    # The model sorts itself and the proxy only filters: QSortFilterProxyModel would
    # call data() from C++ for every comparison, about half a second for 10,000
    # shoes, while sorting precomputed SortRole keys in Python takes milliseconds.

    def _sorted_rows(self, column: int, order: Qt.SortOrder) -> list[ShoeRow]:
        # Start from the advisor's ranking so that ties keep its order (stable sort).
        by_rank = sorted(self._rows, key=lambda r: r.rank)
        index = {id(r): i for i, r in enumerate(self._rows)}
        keys = [self._sort_value(r, index[id(r)], column) for r in by_rank]
        order_ = sorted(
            range(len(by_rank)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        return [by_rank[i] for i in order_]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's SortRole value; ties stay in the advisor's order."""
        if not 0 <= column < len(self.HEADERS):
            column = -1
        self._sort_column, self._sort_order = column, order
        if column < 0:
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted_rows(column, order)
        new_row = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [self.index(new_row[id(old_rows[i.row()])], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _name(self, fid: str) -> str:
        return self._names.get(fid, fid.replace("_", " "))

    # -- Qt model API ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    @none_safe
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section]
        return None

    @none_safe
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.row(), col)
        if role == SortRole:
            return self._sort_value(item, index.row(), col)
        if role == RowRole:
            return item
        if role == FilterRole:
            return f"{item.shoe.surface or ''}\t{item.shoe.name.casefold()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, index.row(), col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.NAME, self.SURFACE, self.MISSING):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flagged = col == self.MISSING and item.score is not None
        if role == Qt.ItemDataRole.ForegroundRole and flagged and self.summary(index.row()).missing:
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.FontRole and (
            col == self.SCORE or (flagged and self.summary(index.row()).missing)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, item: ShoeRow, row: int, col: int) -> Any:
        shoe = item.shoe
        if col == self.RANK:
            return str(item.rank) if item.score is not None else ""
        if col == self.SCORE:
            return "—" if item.score is None else str(item.score.score)
        if col == self.NAME:
            return shoe.name
        if col == self.SURFACE:
            return labels.shoe_surface(shoe.surface)
        if col == self.MISSING:
            if item.score is None:
                return ""
            summary = self.summary(row)
            if not summary.missing:
                return "none"
            return "✗ " + ", ".join(self._name(f) for f in summary.missing)
        if col == self.UNKNOWN:
            return "" if item.score is None else (str(len(self.summary(row).unknown)) or "")
        if col == self.COMFORT:
            return "—" if shoe.comfort is None else f"{shoe.comfort}/5"
        if col == self.WEIGHT:
            return "—" if shoe.weight_g is None else f"{shoe.weight_g:.0f} g"
        if col == self.DROP:
            return "—" if shoe.drop_mm is None else f"{shoe.drop_mm:g} mm"
        return None

    def _sort_value(self, item: ShoeRow, row: int, col: int) -> Any:
        shoe = item.shoe
        if col == self.RANK:
            return item.rank
        if col == self.SCORE:
            return -1 if item.score is None else item.score.score
        if col == self.NAME:
            return shoe.name.casefold()
        if col == self.SURFACE:
            return shoe.surface or ""
        if col == self.MISSING:
            return 0 if item.score is None else len(self.summary(row).missing)
        if col == self.UNKNOWN:
            return 0 if item.score is None else len(self.summary(row).unknown)
        if col == self.COMFORT:
            return 0 if shoe.comfort is None else shoe.comfort
        if col == self.WEIGHT:
            return -1.0 if shoe.weight_g is None else shoe.weight_g
        if col == self.DROP:
            return -99.0 if shoe.drop_mm is None else shoe.drop_mm
        return None

    def _tooltip(self, item: ShoeRow, row: int, col: int) -> str | None:
        if item.score is None:
            return "Fill in your profile to score this shoe."
        summary = self.summary(row)
        if col == self.MISSING and summary.missing:
            return "Essential for you but absent: " + ", ".join(
                self._name(f) for f in summary.missing
            )
        if col == self.UNKNOWN and summary.unknown:
            return "Essential for you, not checked on this shoe yet: " + ", ".join(
                self._name(f) for f in summary.unknown
            )
        if summary.avoid:
            return "Has features you should avoid: " + ", ".join(
                self._name(f) for f in summary.avoid
            )
        return None


class ShoeFilterProxy(QSortFilterProxyModel):
    """Filters by surface and by name; sorting is handed to the source model.

    The filter is Qt's own regular expression on FilterRole ("surface<TAB>name"):
    with no filter set Qt accepts every row without calling back into Python,
    which keeps a reset of 10,000 shoes cheap.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterKeyColumn(0)
        self._surface: str | None = None
        self._text = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hand sorting to the source model (see ShoeListModel.sort); this proxy filters."""
        model = self.sourceModel()
        if isinstance(model, ShoeListModel):
            model.sort(column, order)
        else:  # pragma: no cover - only ShoeListModel is used as source
            super().sort(column, order)

    @property
    def surface(self) -> str | None:
        return self._surface

    def set_surface(self, surface: str | None) -> None:
        """Show only shoes for this surface (`road`, `track`, `trail`), or all for None."""
        if surface != self._surface:
            self._surface = surface
            self._refilter()

    def set_text(self, text: str) -> None:
        """Show only shoes whose name contains this text (any case)."""
        text = text.strip().casefold()
        if text != self._text:
            self._text = text
            self._refilter()

    def _refilter(self) -> None:
        if self._surface is None and not self._text:
            pattern = ""
        else:
            surface = QRegularExpression.escape(self._surface) if self._surface else "[^\t]*"
            pattern = f"^{surface}\t.*{QRegularExpression.escape(self._text)}"
        self.setFilterRegularExpression(QRegularExpression(pattern))


class CompareModel(QAbstractTableModel):
    """Features as rows (the runner's most important first), the chosen shoes as columns.

    Row 0 is the comfort rating, the criterion with the most research support; row 1 the
    heel-to-toe drop, which counts for runners whose experience is known.
    """

    COMFORT_ROW = 0
    DROP_ROW = 1
    FIRST_FEATURE_ROW = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._features: tuple[FeatureAdvice, ...] = ()
        self._scores: list[ShoeScore] = []
        self._points: list[dict[FeatureId, float]] = []

    def set_comparison(
        self, features: Sequence[FeatureAdvice], scores: Sequence[ShoeScore]
    ) -> None:
        self.beginResetModel()
        self._features = tuple(features)
        self._scores = list(scores)
        self._points = [{b.feature: b.points for b in s.breakdown} for s in self._scores]
        self.endResetModel()

    def clear(self) -> None:
        self.set_comparison((), ())

    @property
    def scores(self) -> list[ShoeScore]:
        return list(self._scores)

    @property
    def features(self) -> tuple[FeatureAdvice, ...]:
        return self._features

    def feature_at(self, row: int) -> FeatureAdvice | None:
        if row < self.FIRST_FEATURE_ROW:
            return None
        return self._features[row - self.FIRST_FEATURE_ROW]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._scores:
            return 0
        return len(self._features) + self.FIRST_FEATURE_ROW

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scores)

    @none_safe
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._scores):
                return None
            score = self._scores[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{score.shoe.name}\nFit {score.score} / 100"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"{score.shoe.name}: fit score {score.score} for your profile "
                    "(50 plus the points of each feature below, plus comfort and drop)"
                )
            if role == SortRole:
                return score.score
            return None
        if not 0 <= section < self.rowCount():
            return None
        feature = self.feature_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.DROP_ROW:
                return "Heel-to-toe drop"
            if feature is None:
                return "Comfort when tried on"
            return f"{feature.name}  · {feature.level}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.DROP_ROW:
                return (
                    "The height difference between heel and forefoot. In a trial, low drop "
                    "(6 mm or less) went with more injuries in weekly runners and fewer in "
                    "occasional ones; it counts once your experience is filled in."
                )
            if feature is None:
                return (
                    "How the shoe felt on your foot. Of all the ways to choose a shoe, "
                    "picking the comfortable one has the most research behind it."
                )
            return f"{feature.name}: {feature.level} for you (importance {feature.importance})"
        if role == Qt.ItemDataRole.FontRole and (feature is None or feature.level == "essential"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    @none_safe
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or index.row() >= self.rowCount()
            or index.column() >= len(self._scores)
        ):
            return None
        score = self._scores[index.column()]
        feature = self.feature_at(index.row())
        if index.row() == self.DROP_ROW:
            return self._drop_data(score, role)
        if feature is None:
            return self._comfort_data(score, role)
        level = score.shoe.features.get(feature.id)
        points = self._points[index.column()][feature.id]
        mark = verdict(feature.level, level)
        if role == Qt.ItemDataRole.DisplayRole:
            word = labels.feature_level(level)
            return f"{mark.value} {word}  {_points(points)}"
        if role == SortRole:
            return points
        if role == RowRole:
            return feature
        if role == VerdictRole:
            return mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(VERDICT_COLOURS[mark][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(VERDICT_COLOURS[mark][1]))
        if role == Qt.ItemDataRole.FontRole and mark in (Verdict.MISSING, Verdict.AVOID):
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            word = (
                "not checked" if level is None else f"{labels.feature_level(level)} (level {level})"
            )
            text = (
                f"{score.shoe.name} — {feature.name}: {word}. "
                f"{feature.level.capitalize()} for you, so {VERDICT_WORDS[mark]}; "
                f"{_points(points)} points."
            )
            if role == Qt.ItemDataRole.ToolTipRole and level is None:
                text += f"\nHow to check: {feature.how_to_check}"
            return text
        return None

    def _drop_data(self, score: ShoeScore, role: int) -> Any:
        drop = score.shoe.drop_mm
        points = score.adjustment_points
        if role == Qt.ItemDataRole.DisplayRole:
            if drop is None:
                return "? not measured"
            text = f"{drop:g} mm"
            return f"{text}  {_points(points)}" if score.adjustments else text
        if role == SortRole:
            return points
        if role == RowRole:
            return None
        if role == VerdictRole:
            if drop is None:
                return Verdict.UNKNOWN
            return Verdict.WEAK if points < 0 else Verdict.GOOD if points > 0 else Verdict.NEUTRAL
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            mark = self._drop_data(score, VerdictRole)
            colour = VERDICT_COLOURS[mark][0 if role == Qt.ItemDataRole.BackgroundRole else 1]
            return QBrush(QColor(colour))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if drop is None:
                return f"{score.shoe.name}: drop not given (see the maker's page or the label)."
            reasons = " ".join(
                f"{a.text} ({_points(a.points)} points; evidence: {a.evidence})"
                for a in score.adjustments
            )
            return f"{score.shoe.name}: drop {drop:g} mm. {reasons or 'No points either way.'}"
        return None

    def _comfort_data(self, score: ShoeScore, role: int) -> Any:
        comfort = score.shoe.comfort
        if role == Qt.ItemDataRole.DisplayRole:
            if comfort is None:
                return "? try it on"
            stars = "★" * comfort + "☆" * (5 - comfort)
            return f"{stars} {comfort}/5  {_points(score.comfort_points)}"
        if role == SortRole:
            return score.comfort_points
        if role == RowRole:
            return None
        if role == VerdictRole:
            if comfort is None:
                return Verdict.UNKNOWN
            return (
                Verdict.GOOD if comfort >= 4 else Verdict.WEAK if comfort <= 2 else Verdict.NEUTRAL
            )
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            mark = self._comfort_data(score, VerdictRole)
            colour = VERDICT_COLOURS[mark][0 if role == Qt.ItemDataRole.BackgroundRole else 1]
            return QBrush(QColor(colour))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if comfort is None:
                return (
                    f"{score.shoe.name}: not tried on yet. Try it on and rate how it feels; "
                    "comfort is the choice with the most research support."
                )
            points = _points(score.comfort_points)
            return f"{score.shoe.name}: comfort {comfort} of 5, {points} points."
        return None
