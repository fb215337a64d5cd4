"""Table models for the runner's shoes: the ranked list and the side-by-side comparison.

Scores, ranks, tie groups, coverage and per-feature points are read from the session's
`Advice`; what a cell means (✓, ✗, ~, !, ?, ·), the shoe's summary and every note in
words come from core.compare and core.labels. These models only arrange them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple

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
from shoeadvisor.core.compare import (
    RUNNER_SURFACE_WORDS,
    VERDICT_MEANING,
    FeatureVerdict,
    ShoeSummary,
    Verdict,
    counting_first,
    coverage_note,
    drop_verdict,
    feature_verdicts,
    level_source,
    store_check_note,
    store_checks,
    summarise,
    surface_note,
)
from shoeadvisor.core.fit import (
    SHORTLIST_MAX,
    TIE_POINTS,
    UNRANKED_TIER,
    same_ranking,
    tier_of,
)
from shoeadvisor.core.ids import FeatureId, SurfaceMatch
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.core.summaries import (
    ON_SHORTLIST,
    SHORTLIST_MARK,
    TIE_ADVICE,
    TIE_ORDER,
    TIED_MARK,
    TIED_OFF_SHORTLIST,
    tie_note,
    tie_rule,
    tied_off_shortlist_tip,
)

from ..platform.qt_compat import none_safe
from ..platform.theme import error_colour, is_dark
from .table_base import ColumnTableModel

__all__ = [
    "MATCH_COLOURS",
    "VERDICT_COLOURS",
    "CompareModel",
    "FilterRole",
    "RowRole",
    "ShoeFilterProxy",
    "ShoeListModel",
    "ShoeRow",
    "SortRole",
    "Verdict",
    "VerdictRole",
    "match_colours",
    "verdict_colours",
]

SortRole = Qt.ItemDataRole.UserRole + 1
#: The row object: a `ShoeRow` in the list; in the comparison a `FeatureAdvice`,
#: or None on the rows above the features.
RowRole = Qt.ItemDataRole.UserRole + 2
#: The cell's `Verdict` in the comparison model.
VerdictRole = Qt.ItemDataRole.UserRole + 3
#: "surface<TAB>name in lower case", what the list's filter matches.
FilterRole = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex
_TIE_GROUP = attrgetter("tie_group")
_RANK = attrgetter("rank")


def _points(points: float) -> str:
    """Signed, one decimal, and never "-0.0"."""
    return f"{round(points, 1) + 0.0:+.1f}"


def with_shown_text(tip: Any, shown: Any) -> Any:
    """A tooltip that starts with the cell's own words when it does not hold them already:
    wherever a column cuts a text short, its tooltip says it whole."""
    if not isinstance(tip, str) or not isinstance(shown, str) or not shown:
        return tip
    flat = shown.replace("\n", " ")
    return tip if flat in tip.replace("\n", " ") else f"{flat}\n{tip}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


#: (background, text) colours; a missing essential is meant to be impossible to miss.
VERDICT_COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.GOOD: ("#dcf2dc", "#14501e"),
    Verdict.MISSING: ("#c62828", "#ffffff"),
    Verdict.WEAK: ("#fff1c2", "#5c4300"),
    Verdict.AVOID: ("#f6c7a6", "#6b2300"),
    Verdict.UNKNOWN: ("#ececec", "#444444"),
    Verdict.NEUTRAL: ("#ffffff", "#6b6b6b"),
}

#: The same on a dark desktop theme: dark cells, light text, the missing essential as loud.
DARK_VERDICT_COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.GOOD: ("#1f3d25", "#c3f0c8"),
    Verdict.MISSING: ("#c62828", "#ffffff"),
    Verdict.WEAK: ("#4a3d12", "#ffe49a"),
    Verdict.AVOID: ("#5a2f14", "#ffcfae"),
    Verdict.UNKNOWN: ("#33373b", "#d0d4d8"),
    Verdict.NEUTRAL: ("#1f2224", "#b8bcc0"),
}


def verdict_colours(mark: Verdict) -> tuple[str, str]:
    """(background, text) of a verdict cell on the desktop's theme, light or dark."""
    return (DARK_VERDICT_COLOURS if is_dark() else VERDICT_COLOURS)[mark]


#: (background, text) of the "Made for" badge, by surface match: the groups of the list.
MATCH_COLOURS: dict[SurfaceMatch, tuple[str, str]] = {
    "main": ("#dcf2dc", "#14501e"),
    "second": ("#dbe8f7", "#12386b"),
    "none": ("#e4e4e4", "#505050"),
    "unknown": ("#fff1c2", "#5c4300"),
}
#: The text of a shoe that is not for the ground the runner runs on, or about which
#: nothing is known: listed, but not a candidate.
_DIMMED = "#7a7a7a"
#: The badges and the dimmed text on a dark theme.
DARK_MATCH_COLOURS: dict[SurfaceMatch, tuple[str, str]] = {
    "main": ("#1f3d25", "#c3f0c8"),
    "second": ("#1b3350", "#cfe2fb"),
    "none": ("#3a3d40", "#d0d4d8"),
    "unknown": ("#4a3d12", "#ffe49a"),
}
_DARK_DIMMED = "#9aa0a6"


def match_colours(match: SurfaceMatch) -> tuple[str, str]:
    """(background, text) of a "Made for" badge on the desktop's theme."""
    return (DARK_MATCH_COLOURS if is_dark() else MATCH_COLOURS)[match]


#: A tie shared by two or more of the shoes compared.
_TIE_COLOURS = ("#fff1c2", "#5c4300")


class ShoeRow(NamedTuple):
    """One of the runner's shoes with its score (None while there is no profile).

    A named tuple, not a frozen dataclass: 10,000 are made on every re-advice, and a
    frozen dataclass takes four times as long to make.
    """

    shoe: Shoe
    score: ShoeScore | None
    rank: int  # 1 = best fit, in the order `advise` returned


@dataclass(frozen=True, slots=True)
class _Reading:
    """What core says about one scored shoe, worked out when its row is first shown."""

    summary: ShoeSummary
    checks: tuple[str, ...]
    match: str


class ShoeListModel(ColumnTableModel):
    """The runner's shoes as rows, best fit first, as `advise` ranked them."""

    RANK, SCORE, NAME, SURFACE, TIE, KNOWN, MISSING, CHECK, COMFORT, WEIGHT, DROP = range(11)
    HEADERS = (
        "#",
        "Fit",
        "Shoe",
        "Made for",
        "Tie",
        "Known",
        "Problems",
        "Check in the store",
        "Comfort",
        "Weight",
        "Drop",
    )
    TIPS = (
        f"Rank by fit for your profile. {SHORTLIST_MARK}: {ON_SHORTLIST}; "
        f"{TIED_MARK}: {TIED_OFF_SHORTLIST}",
        "Fit score 0–100 for your profile (50 = neutral)",
        "The shoe's name",
        "The surface the shoe is made for and how it fits yours: shoes for your main surface "
        "come first, then second pairs for your other surfaces, then the rest",
        tie_rule(TIE_POINTS).removesuffix("."),
        "How many of the features that count for you are known for this shoe; an unknown "
        "one earns no points",
        "✗ essential features this shoe lacks; ! features you should avoid that it has",
        "Features that count for you but are not known for this shoe: look at them in the store",
        "Your comfort rating after trying it on (1–5)",
        "Weight in grams",
        "Heel-to-toe drop in millimetres",
    )
    #: Columns whose text reads from the left.
    LEFT = frozenset({NAME, SURFACE, TIE, MISSING, CHECK})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ShoeRow] = []
        self._scores: Sequence[ShoeScore] = ()  # the advice's ranking the rows show
        self._names: dict[str, str] = {}
        self._readings: dict[int, _Reading] = {}  # by rank, which survives sorting
        self._tie_sizes: Counter[int] = Counter()
        self._shortlist: frozenset[str] = frozenset()
        self._tied: frozenset[str] = frozenset()  # tied with the shortlist, no room on it
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- filling -----------------------------------------------------------

    def set_shoes(
        self,
        shoes: Sequence[Shoe],
        advice: Advice | None,
        feature_names: Mapping[str, str] | None = None,
    ) -> bool:
        """Show `advice.shoes` in their order, or `shoes` unscored when there is no advice.

        True when the rows were laid anew; False when the same shoes kept their order,
        scores and ties (only the advice's words changed) and took the new scores in place.
        """
        if advice is not None and self._scores and same_ranking(self._scores, advice.shoes):
            self._rescore(advice, feature_names)
            return False
        self._scores = advice.shoes if advice is not None else ()
        self.beginResetModel()
        if advice is not None:
            self._rows = [ShoeRow(s.shoe, s, i + 1) for i, s in enumerate(advice.shoes)]
            self._tie_sizes = Counter(map(_TIE_GROUP, advice.shoes))  # a C loop: 1 ms
            self._shortlist = frozenset(s.shoe.id for s in advice.shortlist)
            self._tied = frozenset(s.shoe.id for s in advice.tied_with_shortlist)
        else:
            self._rows = [ShoeRow(s, None, i + 1) for i, s in enumerate(shoes)]
            self._tie_sizes = Counter()
            self._shortlist = frozenset()
            self._tied = frozenset()
        if feature_names is not None:
            self._names = dict(feature_names)
        self._readings = {}
        by_rank = self._sort_column == self.RANK and self._sort_order == Qt.SortOrder.AscendingOrder
        if self._sort_column >= 0 and not by_rank:  # rows come in rank order already
            self._rows = self._sorted_rows(self._sort_column, self._sort_order)
        self.endResetModel()
        return True

    def _rescore(self, advice: Advice, feature_names: Mapping[str, str] | None) -> None:
        """The same shoes, order, scores and ties with new words (an edit that moved no
        score): each row takes its new score in place; the rows, their order, the sort
        and the selection stay, and nothing a cell shows changes but its tooltip."""
        scores = advice.shoes
        self._scores = scores
        self._rows = [ShoeRow(r.shoe, scores[r.rank - 1], r.rank) for r in self._rows]
        self._shortlist = frozenset(s.shoe.id for s in advice.shortlist)
        self._tied = frozenset(s.shoe.id for s in advice.tied_with_shortlist)
        # What core said of each shown row follows from the numbers, which are the same.
        if feature_names is not None and dict(feature_names) != self._names:
            self._names = dict(feature_names)
            self._readings = {}
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ToolTipRole])

    def row(self, row: int) -> ShoeRow:
        return self._rows[row]

    def rows(self) -> list[ShoeRow]:
        return list(self._rows)

    @property
    def in_rank_order(self) -> bool:
        """Whether the rows stand in rank order (sorted by rank, or not sorted)."""
        return self._sort_column < 0 or (
            self._sort_column == self.RANK and self._sort_order == Qt.SortOrder.AscendingOrder
        )

    def row_of(self, shoe_id: str) -> int:
        for i, item in enumerate(self._rows):
            if item.shoe.id == shoe_id:
                return i
        return -1

    @property
    def tie_sizes(self) -> Mapping[int, int]:
        """Tie group -> how many of the runner's shoes are in it."""
        return self._tie_sizes

    def tie_members(self, score: ShoeScore) -> list[str]:
        """The names of the shoes in this shoe's tie group, in rank order."""
        if self._tie_sizes[score.tie_group] < 2:
            return [score.shoe.name]
        # Asked for on hover only: the rows of one group are neighbours in rank order.
        ranked = sorted(self._rows, key=_RANK)
        return [r.shoe.name for r in ranked if r.score and r.score.tie_group == score.tie_group]

    def on_shortlist(self, shoe_id: str) -> bool:
        return shoe_id in self._shortlist

    def tied_with_shortlist(self, shoe_id: str) -> bool:
        """Whether the shoe ties with the shortlist but had no room on it (marked ☆)."""
        return shoe_id in self._tied

    def summary(self, row: int) -> ShoeSummary:
        return self._reading(row).summary

    def _reading(self, row: int) -> _Reading:
        # Worked out on first look: a reset with 10,000 shoes must stay cheap.
        item = self._rows[row]
        found = self._readings.get(item.rank)
        if found is None:
            score = item.score
            assert score is not None
            found = _Reading(
                summarise(score),
                store_checks(score, self._names),
                labels.surface_match(score.surface_match, score.shoe.surface),
            )
            self._readings[item.rank] = found
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

    # -- Qt model API (rowCount, columnCount, headerData: ColumnTableModel) ----

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
            if col in self.LEFT:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        score = item.score
        if score is None:
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._colour(score, index.row(), col, role == Qt.ItemDataRole.BackgroundRole)
        if role == Qt.ItemDataRole.FontRole:
            bold = col == self.SCORE or (col == self.MISSING and self.summary(index.row()).missing)
            if bold or (col == self.RANK and item.shoe.id in self._shortlist):
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _colour(self, score: ShoeScore, row: int, col: int, background: bool) -> QColor | None:
        """The "Made for" badge by group; a shoe that is no candidate is drawn dimmed."""
        if col == self.SURFACE:
            return QColor(match_colours(score.surface_match)[0 if background else 1])
        if background:
            return None
        if col == self.MISSING and self.summary(row).missing:
            return QColor(error_colour())
        if score.surface_match == "none" or tier_of(score) == UNRANKED_TIER:
            return QColor(_DARK_DIMMED if is_dark() else _DIMMED)
        return None

    def _display(self, item: ShoeRow, row: int, col: int) -> Any:
        shoe = item.shoe
        score = item.score
        if col == self.NAME:
            return shoe.name
        if col == self.COMFORT:
            return "—" if shoe.comfort is None else f"{shoe.comfort}/5"
        if col == self.WEIGHT:
            return "—" if shoe.weight_g is None else f"{shoe.weight_g:.0f} g"
        if col == self.DROP:
            return "—" if shoe.drop_mm is None else f"{shoe.drop_mm:g} mm"
        if score is None:
            if col == self.SURFACE:
                return labels.shoe_surface(shoe.surface)
            return "—" if col == self.SCORE else ""
        if col == self.RANK:
            if shoe.id in self._shortlist:
                return f"{SHORTLIST_MARK} {item.rank}"
            if shoe.id in self._tied:
                return f"{TIED_MARK} {item.rank}"
            return str(item.rank)
        if col == self.SCORE:
            return str(score.score)
        if col == self.SURFACE:
            return self._reading(row).match
        if col == self.TIE:
            size = self._tie_sizes[score.tie_group]
            return labels.tie(score.tie_group, size) if size > 1 else ""
        if col == self.KNOWN:
            known, of = score.coverage
            return f"{known} of {of}" if of else "—"
        if col == self.MISSING:
            summary = self.summary(row)
            problems = [f"✗ {self._name(f)}" for f in summary.missing]
            problems += [f"! {self._name(f)}" for f in summary.avoid]
            if problems:
                return "; ".join(problems)
            # With features that count still unknown, "none" would claim more than is known.
            return "none known" if score.check_in_store else "none"
        if col == self.CHECK:
            return "; ".join(self._reading(row).checks) or "—"
        return None

    def _sort_value(self, item: ShoeRow, row: int, col: int) -> Any:
        shoe = item.shoe
        score = item.score
        if col == self.RANK:
            return item.rank
        if col == self.NAME:
            return shoe.name.casefold()
        if col == self.COMFORT:
            return 0 if shoe.comfort is None else shoe.comfort
        if col == self.WEIGHT:
            return -1.0 if shoe.weight_g is None else shoe.weight_g
        if col == self.DROP:
            return -99.0 if shoe.drop_mm is None else shoe.drop_mm
        if col == self.SURFACE:
            return (tier_of(score) if score is not None else 0, shoe.surface or "")
        if score is None:
            return 0
        if col == self.SCORE:
            return score.score
        if col == self.TIE:
            return score.tie_group
        if col == self.KNOWN:
            known, of = score.coverage
            return known / of if of else 1.0
        if col == self.MISSING:
            summary = self.summary(row)
            return (len(summary.missing), len(summary.avoid))
        if col == self.CHECK:
            return len(score.check_in_store) + len(score.measure_in_store)
        return None

    def _tooltip(self, item: ShoeRow, row: int, col: int) -> str | None:
        score = item.score
        shoe = item.shoe
        if score is None:
            return f"{shoe.name}: fill in your profile to score this shoe."
        if col == self.RANK:
            if shoe.id in self._shortlist:
                return f"{shoe.name} is on your shortlist: one of the pairs to try on first."
            if shoe.id in self._tied:
                return tied_off_shortlist_tip(shoe.name, score.tie_group, SHORTLIST_MAX)
            return f"{shoe.name}: number {item.rank} for you."
        if col == self.SCORE:
            return f"{shoe.name}: fit {score.score} of 100 for your profile (50 = neutral)."
        if col == self.SURFACE:
            return f"{shoe.name}: {surface_note(score)}."
        if col == self.TIE:
            members = self.tie_members(score)
            if len(members) < 2:
                return f"{shoe.name}: no other shoe scores within {TIE_POINTS:g} points."
            return f"{labels.tie(score.tie_group, len(members)).capitalize()}. " + tie_note(
                members, TIE_POINTS
            )
        if col == self.KNOWN or col == self.CHECK:
            check = store_check_note(score, self._names)
            known = _sentence(coverage_note(score))
            return f"{shoe.name}: {known} " + (
                _sentence(check) if check else "Everything that counts for you is known."
            )
        if col == self.MISSING:
            summary = self.summary(row)
            said = []
            if summary.missing:
                missing = ", ".join(self._name(f) for f in summary.missing)
                said.append(f"Essential for you but absent: {missing}.")
            if summary.avoid:
                avoid = ", ".join(self._name(f) for f in summary.avoid)
                said.append(f"Has features you should avoid: {avoid}.")
            if summary.unknown:
                unknown = ", ".join(self._name(f) for f in summary.unknown)
                said.append(f"Essential for you, not known for this shoe yet: {unknown}.")
            if not said and score.check_in_store:
                return (
                    f"{shoe.name}: no essential feature known to be missing and none known "
                    "that you should avoid; what is not known yet is listed to check in the store."
                )
            if not said:
                return f"{shoe.name}: no essential feature missing, none to avoid."
            # The cell's own words first: where the column cuts them, the tooltip has them.
            return f"{self._display(item, row, col)}. " + " ".join(said)
        text = self._display(item, row, col)
        return f"{shoe.name}: {text}" if text else None


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
    """The chosen shoes as columns; as rows what each shoe is made for, its tie, how much
    of it is known, what to check in the store, comfort, drop, then every feature (those
    that count for the runner first, then the optional ones, shown as not counting).

    Comfort comes before the features: it is the criterion with the most research
    support; the drop counts for runners whose experience is known.
    """

    MATCH_ROW, TIE_ROW, KNOWN_ROW, CHECK_ROW, COMFORT_ROW, DROP_ROW = range(6)
    FIRST_FEATURE_ROW = 6
    ROW_TITLES = (
        "Made for",
        "Tie",
        "Known",
        "Check in the store",
        "Comfort when tried on",
        "Heel-to-toe drop",
    )
    ROW_TIPS = (
        "The surface each shoe is made for and how it fits yours: a shoe for your main "
        "surface, a second pair for another surface you run on, or not for your ground.",
        tie_rule(TIE_POINTS),
        "How many of the features that count for you are known for each shoe. An unknown "
        "feature earns no points, exactly like a known absent one.",
        "The features that count for you but are not known for the shoe: look at them (or "
        "ask) in the store.",
        "How the shoe felt on your foot. Of all the ways to choose a shoe, picking the "
        "comfortable one has the most research behind it.",
        "The height difference between heel and forefoot. In a trial, low drop (6 mm or "
        "less) went with more injuries in weekly runners and fewer in occasional ones; it "
        "counts once your experience is filled in.",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._features: tuple[FeatureAdvice, ...] = ()
        self._scores: list[ShoeScore] = []
        self._verdicts: list[dict[FeatureId, FeatureVerdict]] = []
        self._names: dict[str, str] = {}
        self._tie_sizes: Mapping[int, int] = {}
        self._shortlist: frozenset[str] = frozenset()
        self._tied: frozenset[str] = frozenset()

    def set_comparison(
        self,
        features: Sequence[FeatureAdvice],
        scores: Sequence[ShoeScore],
        tie_sizes: Mapping[int, int] | None = None,
        shortlist: Sequence[str] = (),
        tied: Sequence[str] = (),
    ) -> None:
        """Compare `scores` on `features` (the runner's, most important first).

        `tie_sizes`: tie group -> shoes in it among all the runner's shoes (default: among
        those compared); `shortlist`: ids of the shoes to try on first; `tied`: ids of
        those that tie with the shortlist but had no room on it.
        """
        self.beginResetModel()
        self._features = counting_first(features)
        self._scores = list(scores)
        self._verdicts = [{v.feature: v for v in feature_verdicts(s)} for s in self._scores]
        self._names = {f.id: f.name for f in features}
        self._tie_sizes = (
            tie_sizes if tie_sizes is not None else Counter(s.tie_group for s in self._scores)
        )
        self._shortlist = frozenset(shortlist)
        self._tied = frozenset(tied)
        self.endResetModel()

    def clear(self) -> None:
        self.set_comparison((), ())

    @property
    def scores(self) -> list[ShoeScore]:
        return list(self._scores)

    @property
    def features(self) -> tuple[FeatureAdvice, ...]:
        """The feature rows, top to bottom."""
        return self._features

    def feature_at(self, row: int) -> FeatureAdvice | None:
        if row < self.FIRST_FEATURE_ROW:
            return None
        return self._features[row - self.FIRST_FEATURE_ROW]

    def verdict_at(self, row: int, column: int) -> FeatureVerdict | None:
        """The feature verdict in one cell (None on the rows above the features)."""
        feature = self.feature_at(row)
        return None if feature is None else self._verdicts[column][feature.id]

    def tied_columns(self, column: int) -> list[int]:
        """The other compared shoes in this column's tie group."""
        group = self._scores[column].tie_group
        return [c for c, s in enumerate(self._scores) if c != column and s.tie_group == group]

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
            star = (
                f"{SHORTLIST_MARK} "
                if score.shoe.id in self._shortlist
                else f"{TIED_MARK} "
                if score.shoe.id in self._tied
                else ""
            )
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{star}{score.shoe.name}\nFit {score.score} / 100"
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = (  # the title's own words first: a cut title is whole here
                    f"{star}{score.shoe.name}\nFit {score.score} / 100 for your profile "
                    "(50 plus the points of each feature below, plus comfort and drop)."
                )
                if score.shoe.id in self._shortlist:
                    tip += f" {SHORTLIST_MARK} {ON_SHORTLIST.capitalize()}."
                elif score.shoe.id in self._tied:
                    tip += " " + tied_off_shortlist_tip(
                        score.shoe.name, score.tie_group, SHORTLIST_MAX
                    )
                return tip
            if role == SortRole:
                return score.score
            return None
        if not 0 <= section < self.rowCount():
            return None
        feature = self.feature_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.DROP_ROW and not self._drop_counts():
                return f"{self.ROW_TITLES[section]}  · not counted"
            if feature is None:
                return self.ROW_TITLES[section]
            if feature.level == "optional":
                if self._counted_by_some(feature.id):  # a second pair's own surface needs it
                    return f"{feature.name}  · optional"
                return f"{feature.name}  · optional: not counted"
            return f"{feature.name}  · {labels.level(feature.level).lower()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if feature is None:
                return with_shown_text(self.ROW_TIPS[section], shown)
            if feature.level == "optional" and self._counted_by_some(feature.id):
                return with_shown_text(
                    f"{feature.name}: optional for your main surface, so it does not count "
                    "for shoes made for it. A second pair is scored by what its own surface "
                    "needs, and there it counts.",
                    shown,
                )
            if feature.level == "optional":
                return with_shown_text(
                    f"{feature.name}: optional for you. It does not count: it never changes "
                    "a score or the order of your shoes.",
                    shown,
                )
            return with_shown_text(
                f"{feature.name}: {feature.level} for you (importance {feature.importance})", shown
            )
        if role == Qt.ItemDataRole.FontRole and (
            section == self.COMFORT_ROW or (feature is not None and feature.level == "essential")
        ):
            font = QFont()
            font.setBold(True)
            return font
        not_counted = section == self.DROP_ROW and not self._drop_counts()
        if role == Qt.ItemDataRole.ForegroundRole and (
            not_counted
            or (feature and feature.level == "optional" and not self._counted_by_some(feature.id))
        ):
            return QBrush(QColor(verdict_colours(Verdict.NEUTRAL)[1]))
        return None

    def _drop_counts(self) -> bool:
        """Whether the drop counts for this runner (the same for every shoe compared)."""
        return any(score.drop_counts for score in self._scores)

    def _counted_by_some(self, feature: FeatureId) -> bool:
        """Whether the feature moves the score of any shoe compared (an optional one can,
        on a second pair scored by its own surface's needs)."""
        return any(score.counts(feature) for score in self._scores)

    @none_safe
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self._cell(index, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return with_shown_text(found, self._cell(index, Qt.ItemDataRole.DisplayRole))
        return found

    def _cell(self, index: Index, role: int) -> Any:
        if (
            not index.isValid()
            or index.row() >= self.rowCount()
            or index.column() >= len(self._scores)
        ):
            return None
        column, row = index.column(), index.row()
        score = self._scores[column]
        if row == self.DROP_ROW:
            return self._drop_data(score, role)
        if row == self.COMFORT_ROW:
            return self._comfort_data(score, role)
        if row < self.FIRST_FEATURE_ROW:
            return self._about_data(row, column, score, role)
        feature = self._features[row - self.FIRST_FEATURE_ROW]
        return self._feature_data(score, feature, self._verdicts[column][feature.id], role)

    def _feature_data(
        self, score: ShoeScore, feature: FeatureAdvice, item: FeatureVerdict, role: int
    ) -> Any:
        mark = item.verdict
        if role == Qt.ItemDataRole.DisplayRole:
            word = labels.feature_level(item.level)
            source = level_source(score, item, self._names)
            shown = f"{word} ({source})" if source else word
            if not item.counts:
                return f"{mark.value} {shown}"
            return f"{mark.value} {shown}  {_points(item.points)}"
        if role == SortRole:
            return item.points
        if role == RowRole:
            return feature
        if role == VerdictRole:
            return mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(verdict_colours(mark)[0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(verdict_colours(mark)[1]))
        if role == Qt.ItemDataRole.FontRole and (
            mark in (Verdict.MISSING, Verdict.AVOID) or not item.counts
        ):
            font = QFont()
            font.setBold(item.counts)
            font.setItalic(not item.counts)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._feature_tip(score, feature, item, role == Qt.ItemDataRole.ToolTipRole)
        return None

    def _feature_tip(
        self, score: ShoeScore, feature: FeatureAdvice, item: FeatureVerdict, full: bool
    ) -> str:
        level = item.level
        said = (
            labels.UNKNOWN_LEVEL
            if level is None
            else f"{labels.feature_level(level)} (level {level})"
        )
        source = item.derived_from
        if source in ("weight_g", "stack_mm"):
            said += f", from its {labels.shoe_field(source).lower()}"
            said += f" ({level_source(score, item, self._names)})"
        elif source is not None:
            said += f", because it has a {level_source(score, item, self._names)}"
        where = ""
        if score.surface_match == "second" and score.scored_for is not None:
            where = f" as a second pair for {RUNNER_SURFACE_WORDS[score.scored_for]}"
        need = labels.level(item.need)
        text = f"{score.shoe.name} — {feature.name}: {said}. "
        if not item.counts:
            return text + (
                f"{need} for you{where}: it does not count, so it never changes this shoe's score."
            )
        text += f"{need} for you{where}, so {VERDICT_MEANING[item.verdict]}; "
        text += f"{_points(item.points)} points."
        if full and level is None:
            text += f"\nHow to check: {feature.how_to_check}"
        return text

    def _about_data(self, row: int, column: int, score: ShoeScore, role: int) -> Any:
        """The rows above the features: surface match, tie, coverage, store checklist."""
        if role == RowRole:
            return None
        if row == self.MATCH_ROW:
            if role == Qt.ItemDataRole.DisplayRole:
                return labels.surface_match(score.surface_match, score.shoe.surface)
            if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
                pair = match_colours(score.surface_match)
                return QBrush(QColor(pair[0 if role == Qt.ItemDataRole.BackgroundRole else 1]))
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{score.shoe.name}: {surface_note(score)}."
            if role == SortRole:
                return tier_of(score)
            return None
        if row == self.TIE_ROW:
            size = self._tie_sizes.get(score.tie_group, 1)
            tied = self.tied_columns(column)
            if role == Qt.ItemDataRole.DisplayRole:
                if size < 2:
                    return "no tie"
                label = labels.tie(score.tie_group, size)
                return f"= {label}" if tied else label
            if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
                if not tied:
                    return None
                colour = _TIE_COLOURS[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
                return QBrush(QColor(colour))
            if role == Qt.ItemDataRole.FontRole and tied:
                font = QFont()
                font.setBold(True)
                return font
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                if size < 2:
                    return f"{score.shoe.name}: no other shoe scores within {TIE_POINTS:g} points."
                names = [score.shoe.name] + [self._scores[c].shoe.name for c in tied]
                if len(names) > 1:
                    return tie_note(names, TIE_POINTS)
                return (
                    f"{score.shoe.name} ties with {size - 1} of your other shoes (within "
                    f"{TIE_POINTS:g} points): try them on and {TIE_ADVICE} ({TIE_ORDER})."
                )
            if role == SortRole:
                return score.tie_group
            return None
        checks = store_checks(score, self._names)
        known, of = score.coverage
        if role == Qt.ItemDataRole.DisplayRole:
            if row == self.KNOWN_ROW:
                return f"{known} of {of}" if of else "—"
            return "; ".join(checks) if checks else "nothing: all known"
        if role == VerdictRole:
            complete = not checks if row == self.CHECK_ROW else known == of
            return Verdict.GOOD if complete else Verdict.UNKNOWN
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            mark = self._about_data(row, column, score, VerdictRole)
            colour = verdict_colours(mark)[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
            return QBrush(QColor(colour))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            check = store_check_note(score, self._names)
            return f"{score.shoe.name}: {_sentence(coverage_note(score))} " + (
                _sentence(check) if check else "Everything that counts for you is known."
            )
        if role == SortRole:
            return known / of if row == self.KNOWN_ROW and of else -len(checks)
        return None

    def _drop_data(self, score: ShoeScore, role: int) -> Any:
        """Like a feature's cell: a counted drop says its points (also 0), one that does not
        count for this runner is italic, without points, and says why."""
        found = drop_verdict(score)
        drop = found.drop_mm
        if role == Qt.ItemDataRole.DisplayRole:
            shown = "? not measured" if drop is None else f"{drop:g} mm"
            if drop is None or not found.counts:
                return f"{found.verdict.value} {shown}" if drop is not None else shown
            return f"{found.verdict.value} {shown}  {_points(found.points)}"
        if role == SortRole:
            return found.points
        if role == RowRole:
            return None
        if role == VerdictRole:
            return found.verdict
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = verdict_colours(found.verdict)[
                0 if role == Qt.ItemDataRole.BackgroundRole else 1
            ]
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.FontRole and not found.counts:
            font = QFont()
            font.setItalic(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            said = "drop not given" if drop is None else f"drop {drop:g} mm"
            if not found.counts:
                return f"{score.shoe.name}: {said}. {found.note}"
            if drop is None:
                return f"{score.shoe.name}: {found.note}"
            evidence = "; ".join(f"evidence: {a.evidence}" for a in score.adjustments)
            tail = f" ({_points(found.points)} points{'; ' + evidence if evidence else ''})"
            return f"{score.shoe.name}: {said}. {found.note}{tail}"
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
            colour = verdict_colours(mark)[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
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
