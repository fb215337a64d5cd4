"""The runner's shoes ranked for their profile, and two to four of them side by side.

A runner in a shop holds a few shoes: the ranked list says which fits best (shoes for
their main surface first, second pairs, then the rest; ties, the shortlist to try on,
how much is known and what to check in the store), the comparison says why (feature by
feature, a missing essential in red) and the chart shows where the points come from.
Scores, ties and notes are the session's `Advice` read through core.compare; every
button is an action (actions/shoe_actions.py) given this page's selection.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.compare import (
    VERDICT_MEANING,
    Verdict,
    coverage_note,
    summarise,
    surface_note,
    tied,
)
from shoeadvisor.core.fit import SHORTLIST_MAX, TIE_POINTS
from shoeadvisor.core.ids import SHOE_SURFACES
from shoeadvisor.core.summaries import (
    ON_SHORTLIST,
    SHORTLIST_MARK,
    TIED_MARK,
    TIED_OFF_SHORTLIST,
    ShoeFindings,
    comparison_lines,
    comparison_placeholder,
    shoe_list_hint,
)

from ..actions import shoe_actions as act
from ..actions.context import run
from ..actions.shoe_actions import MAX_COMPARED
from ..models.shoe_models import CompareModel, ShoeFilterProxy, ShoeListModel, ShoeRow
from ..platform.theme import error_colour
from ..session import Change
from ..widgets.badge_delegate import BadgeDelegate
from ..widgets.flow_layout import FlowLayout
from ..widgets.rich_text import lines_html
from ..widgets.score_chart import ScoreChart
from ..widgets.sizing import chars
from .shoe_mileage import ShoeMileagePanel

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice, ShoeScore

    from ..actions.context import ActionContext
    from ..widgets.shoe_editor import ShoeEditor
    from ..widgets.similar_dialog import SimilarShoesDialog

#: The widest a column of the list may grow to fit its text (the rest: its tooltip).
COLUMN_CAPS = {ShoeListModel.MISSING: 180, ShoeListModel.CHECK: 220}
#: The list always shows this many rows (the comparison below scrolls instead).
LIST_MIN_ROWS = 5
#: The comparison table and the chart never shrink below these (the page scrolls).
COMPARE_MIN_HEIGHT = 260
CHART_MIN_HEIGHT = 200
#: The narrowest a shoe's column gets (the table scrolls sideways instead).
COMPARE_COLUMN_MIN = 130
#: From this page width the chart stands beside the table, below it under.
SIDE_BY_SIDE_FROM = 1000
#: Below this page height the comparison, the points chart and the kilometres panel share
#: the room under the list as tabs (900 × 600 gives the page about 500 px); from it on,
#: all three show at once.
TABS_BELOW_HEIGHT = 700
#: Rows whose text decides a column's width (the first ones shown).
SIZE_FROM_ROWS = 40
#: Columns drawn in bold (the fit, the shortlist's rank, a missing essential).
BOLD_COLUMNS = frozenset({ShoeListModel.RANK, ShoeListModel.SCORE, ShoeListModel.MISSING})


def legend_html() -> str:
    """What the marks of the comparison mean, in the words of core.compare."""
    marks = []
    for mark in Verdict:
        words = f"{mark.value} {VERDICT_MEANING[mark]}"
        if mark is Verdict.MISSING:
            words = f"<b style='color:{error_colour()}'>{words}</b>"
        marks.append(words)
    return (
        " · ".join(marks) + ". Numbers are the points each feature adds to the fit score "
        "(50 is neutral); an unknown feature earns nothing. "
        f"{SHORTLIST_MARK} {ON_SHORTLIST}; {TIED_MARK} {TIED_OFF_SHORTLIST}."
    )


class CompareView(QWidget):
    """The runner's shoes, scored and compared. Embed with `add_page("Shoes", view)`."""

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self.setAccessibleName("Compare shoes")

        self._drawing_list = False
        self.list_model = ShoeListModel(self)
        self.proxy = ShoeFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.compare_model = CompareModel(self)

        self._build_actions()
        self._build_layout()

        self._session.changed.connect(self._redraw)
        self.table.selectionModel().selectionChanged.connect(self._update_comparison)
        self.proxy.layoutChanged.connect(self._update_comparison)
        self.proxy.modelReset.connect(self._update_comparison)
        self._advice_changed(self._session.advice)

    # -- building -----------------------------------------------------------

    def _action(self, text: str, tip: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(
            act.AddShoe.text, "Add a shoe from scratch or from a typical shoe", self.add_shoe, "Ins"
        )
        self.edit_action = self._action(
            act.EditShoe.text, "Change the selected shoe's checklist", self.edit_selected, "Ctrl+E"
        )
        self.duplicate_action = self._action(
            act.DuplicateShoe.text,
            "Copy the selected shoe, e.g. for another size",
            self.duplicate_selected,
            "Ctrl+D",
        )
        self.remove_action = self._action(
            act.RemoveShoes.text, "Remove the selected shoes", self.remove_selected, "Del"
        )
        self.similar_action = self._action(
            act.ShowSimilarShoes.text,
            "Shoes closest to the selected one, among yours and the typical shoes",
            self.show_similar,
        )
        self.import_action = self._action(
            act.ImportShoes.text, "Add shoes from a shoe checklist file (JSON)", self.import_shoes
        )
        self.export_action = self._action(
            act.ExportShoes.text,
            "Save your shoes as a shoe checklist file (JSON)",
            self.export_shoes,
        )

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_bar())

        # Above the splitter: a wrapped label inside it would hide the list's last rows.
        self.list_hint = QLabel(self)
        self.list_hint.setWordWrap(True)
        layout.addWidget(self.list_hint)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(left)
        self.table.setAccessibleName("Your shoes, best fit first")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ShoeListModel.RANK, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self._badges = BadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(ShoeListModel.SURFACE, self._badges)
        self.table.viewport().installEventFilter(self)
        self.table.setMinimumHeight(self._list_min_height())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        left_layout.addWidget(self.table)

        # The comparison scrolls as a whole: in a small window it keeps a usable height
        # instead of squeezing the table and the chart to a few rows.
        self.comparison_scroll = QScrollArea(splitter)
        self.comparison_scroll.setWidgetResizable(True)
        self.comparison_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.comparison_scroll.setAccessibleName("Comparison")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel(right)
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setAccessibleName("Which shoe fits you best")
        self.verdict.setStyleSheet(
            "QLabel { background: palette(alternate-base); padding: 8px; border-radius: 4px; }"
        )
        right_layout.addWidget(self.verdict)
        self.body = body = QSplitter(Qt.Orientation.Horizontal, right)
        body.setChildrenCollapsible(False)
        self.compare_table = QTableView(body)
        self.compare_table.setAccessibleName("Side-by-side comparison")
        self.compare_table.setModel(self.compare_model)
        self.compare_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compare_table.setWordWrap(True)
        self.compare_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.compare_table.setMinimumHeight(COMPARE_MIN_HEIGHT)
        self.compare_table.verticalHeader().setDefaultSectionSize(24)
        compare_header = self.compare_table.horizontalHeader()
        compare_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        compare_header.setMinimumHeight(44)
        compare_header.setMinimumSectionSize(COMPARE_COLUMN_MIN)
        # The store checklist wraps onto as many lines as it needs.
        compare_header.sectionResized.connect(self._fit_check_row)
        self.chart = ScoreChart()
        self.chart_scroll = chart_scroll = QScrollArea(body)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setMinimumHeight(CHART_MIN_HEIGHT)
        chart_scroll.setAccessibleName("Points per feature")
        body.addWidget(self.compare_table)
        body.addWidget(chart_scroll)
        # The table is what decides; the chart is the second look.
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        body.setSizes([660, 340])
        right_layout.addWidget(body, 1)
        self.legend = QLabel(legend_html())
        self.legend.setWordWrap(True)
        right_layout.addWidget(self.legend)
        self.comparison_scroll.setWidget(right)
        splitter.addWidget(left)
        splitter.addWidget(self.comparison_scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        # The kilometres and wear of the shoes run in (views/shoe_mileage.py, issue 12).
        self.mileage = ShoeMileagePanel(self._context, splitter)
        splitter.addWidget(self.mileage)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([290, 440, 150])
        self.splitter = splitter
        # In a low window: the comparison, the chart and the kilometres as tabs under the
        # list, so the comparison gets the room (_arrange moves them in and out).
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.setAccessibleName("Comparison, points and kilometres")
        self.lower_tabs.hide()
        splitter.addWidget(self.lower_tabs)
        self._tabbed = False
        layout.addWidget(splitter, 1)

    def _build_bar(self) -> QWidget:
        """The actions, the surface filter and the search, wrapping onto a second line in a
        narrow window (never hidden behind a » button)."""
        bar = QWidget(self)
        bar.setAccessibleName("Shoe actions")
        flow = FlowLayout(bar)
        groups = (
            (
                self.add_action,
                self.edit_action,
                self.duplicate_action,
                self.remove_action,
                self.similar_action,
            ),
            (self.import_action, self.export_action),
        )
        for group in groups:
            for action in group:
                button = QToolButton(bar)
                button.setDefaultAction(action)
                button.setAutoRaise(True)
                flow.addWidget(button)
            if group is not groups[-1]:
                line = QFrame(bar)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                flow.addWidget(line)
        self.surface_filter = QComboBox(self)
        self.surface_filter.setAccessibleName("Show shoes for surface")
        self.surface_filter.addItem("All surfaces", None)
        for surface in SHOE_SURFACES:
            self.surface_filter.addItem(labels.shoe_surface(surface), surface)
        self.surface_filter.currentIndexChanged.connect(self._filter_by_surface)
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Find shoe by name")
        self.search.setPlaceholderText("Find by name")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(chars(self.search, 18))
        self.search.textChanged.connect(self._filter_by_name)
        show = QWidget(bar)
        show_layout = QHBoxLayout(show)
        show_layout.setContentsMargins(0, 0, 0, 0)
        show_label = QLabel("Sho&w", show)
        show_label.setBuddy(self.surface_filter)
        show_layout.addWidget(show_label)
        show_layout.addWidget(self.surface_filter)
        show_layout.addWidget(self.search)
        flow.addWidget(show)
        return bar

    def _list_min_height(self) -> int:
        """Room for the header, LIST_MIN_ROWS rows and a sideways scroll bar."""
        table = self.table
        header = table.horizontalHeader().sizeHint().height()
        rows = LIST_MIN_ROWS * table.verticalHeader().defaultSectionSize()
        bar = table.horizontalScrollBar().sizeHint().height()
        return header + rows + bar + 2 * table.frameWidth()

    @property
    def tabbed(self) -> bool:
        """Whether the comparison, the chart and the kilometres are tabs (a low window)."""
        return self._tabbed

    def show_comparison(self) -> None:
        """Bring the comparison into view (its tab, in a low window)."""
        if self._tabbed:
            self.lower_tabs.setCurrentWidget(self.comparison_scroll)

    def show_mileage(self) -> None:
        """Bring the kilometres and wear into view (their tab, in a low window)."""
        if self._tabbed:
            self.lower_tabs.setCurrentWidget(self.mileage)

    def _arrange(self, tabbed: bool) -> None:
        """Below TABS_BELOW_HEIGHT the comparison, chart and kilometres become tabs under the
        list; above it they stand in the splitter, the chart beside (or under) the table."""
        if tabbed == self._tabbed:
            return
        self._tabbed = tabbed
        splitter, tabs = self.splitter, self.lower_tabs
        list_height = max(self.table.minimumHeight(), splitter.sizes()[0])
        if tabbed:
            tabs.addTab(self.comparison_scroll, "&Comparison")
            tabs.addTab(self.chart_scroll, "&Points per feature")
            tabs.addTab(self.mileage, "Kilometres and w&ear")
            tabs.setCurrentIndex(0)
            tabs.show()
            rest = max(splitter.height() - list_height, 1)
            splitter.setSizes([list_height, rest])
            splitter.setStretchFactor(0, 0)
            splitter.setStretchFactor(1, 1)
            return
        tabs.hide()
        tabs.clear()  # the pages go back where they were; none is deleted
        self.body.addWidget(self.chart_scroll)
        self.body.setStretchFactor(1, 1)
        splitter.insertWidget(1, self.comparison_scroll)
        splitter.insertWidget(2, self.mileage)
        self.comparison_scroll.show()
        self.chart_scroll.show()
        self.mileage.show()
        for index, stretch in enumerate((2, 3, 0, 0)):
            splitter.setStretchFactor(index, stretch)
        height = splitter.height()
        mileage = min(self.mileage.sizeHint().height(), height // 4)
        splitter.setSizes([list_height, max(height - list_height - mileage, 1), mileage, 0])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.height() < TABS_BELOW_HEIGHT)
        # Side by side when there is room; in a narrow window the chart goes under the table.
        wide = self.width() >= SIDE_BY_SIDE_FROM
        self.body.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        # Feature names give way to the shoes' columns (a cut name keeps its tooltip).
        self.compare_table.verticalHeader().setMaximumWidth(max(160, self.width() * 3 // 10))

    def follow_palette(self) -> None:
        """The verdict's and the legend's colours, in the new theme's (platform/theme.py)."""
        self.legend.setText(legend_html())
        self._update_comparison()

    def _fit_check_row(self, *_args: object) -> None:
        if self.compare_model.rowCount():
            self.compare_table.resizeRowToContents(CompareModel.CHECK_ROW)

    # -- reacting to the session ------------------------------------------

    def _redraw(self, change: Change) -> None:
        if change & (Change.ADVICE | Change.SHOES):
            self._advice_changed(self._session.advice)

    def _feature_names(self) -> dict[str, str]:
        kb = self._session.knowledge
        return {fid: labels.feature(fid, kb) for fid in kb.features}

    def _advice_changed(self, advice: Advice | None) -> None:
        selected = [row.shoe.id for row in self.selected_rows()]
        names = self._feature_names() if advice is not None else None
        # The reset and the selection put back would each redraw the comparison: it is
        # drawn once, at the end.
        self._drawing_list = True
        try:
            laid_anew = self.list_model.set_shoes(self._session.shoes, advice, names)
            if [row.shoe.id for row in self.selected_rows()] != selected:
                self._select_ids(selected)
        finally:
            self._drawing_list = False
        shortlist = [s.shoe.name for s in advice.shortlist] if advice is not None else []
        also = [s.shoe.name for s in advice.tied_with_shortlist] if advice is not None else []
        ties = any(size > 1 for size in self.list_model.tie_sizes.values())
        self.list_hint.setText(
            shoe_list_hint(
                self.list_model.rowCount(),
                advice is not None,
                shortlist,
                TIE_POINTS,
                ties,
                also,
                advice.shortlist[-1].tie_group if shortlist and advice is not None else 0,
                SHORTLIST_MAX,
            )
        )
        if laid_anew:  # (kept rows show the same text: their columns fit already)
            self._size_columns()
        self._update_actions()
        self._update_comparison()

    def _size_columns(self) -> None:
        """Every column as wide as its text in the first rows shown and its title (capped
        where a tooltip holds the rest); the shoe's name takes the room left, never less
        than its own width: the list scrolls sideways before a name is cut short.

        Measured here on the shown text only: Qt's resizeColumnToContents asks every role
        of every cell, which cost 40 ms per re-advice with 10,000 shoes."""
        header = self.table.horizontalHeader()
        font = self.table.font()
        plain = QFontMetrics(font)
        font.setBold(True)
        bold = QFontMetrics(font)
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 10
        rows = min(self.proxy.rowCount(), SIZE_FROM_ROWS)
        for column in range(self.list_model.columnCount()):
            metrics = bold if column in BOLD_COLUMNS else plain
            texts = (str(self.proxy.index(r, column).data() or "") for r in range(rows))
            width = max((metrics.horizontalAdvance(t) for t in texts), default=0) + padding
            width = max(width, header.sectionSizeFromContents(column).width())
            header.resizeSection(column, min(width, COLUMN_CAPS.get(column, width)))
        self._name_width = header.sectionSize(ShoeListModel.NAME)
        self._stretch_name()

    def _stretch_name(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(self.list_model.columnCount())
            if c != ShoeListModel.NAME
        )
        room = self.table.viewport().width() - others
        header.resizeSection(ShoeListModel.NAME, max(getattr(self, "_name_width", 0), room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._stretch_name()
        return super().eventFilter(watched, event)

    def _select_ids(self, ids: Sequence[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for shoe_id in ids:
            source_row = self.list_model.row_of(shoe_id)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.list_model.index(source_row, 0))
            if index.isValid():
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def select_shoes(self, ids: Sequence[str]) -> None:
        """Select these shoes in the list (and so compare them)."""
        self._select_ids(ids)

    def selected_rows(self) -> list[ShoeRow]:
        """The selected shoes, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=QModelIndex.row)
        return [self.list_model.row(self.proxy.mapToSource(i).row()) for i in rows]

    def compared_rows(self) -> list[ShoeRow]:
        """The selected shoes, or, when fewer than two are selected, the three best fits
        of those the list shows (whatever column it is sorted by)."""
        rows = self.selected_rows()
        if len(rows) >= 2:
            return rows[:MAX_COMPARED]
        if len(rows) == 1:
            return rows
        model, proxy = self.list_model, self.proxy
        shown = proxy.rowCount()
        if model.in_rank_order:  # the top three rows shown are the three best
            return [
                model.row(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(min(3, shown))
            ]
        if shown == model.rowCount():
            candidates = model.rows()
        else:
            candidates = [
                model.row(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(shown)
            ]
        return heapq.nsmallest(3, candidates, key=attrgetter("rank"))

    def _filter_by_surface(self, _index: int) -> None:
        self.proxy.set_surface(self.surface_filter.currentData())
        self._update_comparison()  # with nothing selected it shows the best of those shown

    def _filter_by_name(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_comparison()

    @property
    def list_filtered(self) -> bool:
        """Whether the list shows only some of the runner's shoes (surface or name filter)."""
        return self.proxy.rowCount() < self.list_model.rowCount()

    def _update_actions(self) -> None:
        count = len(self.selected_rows())
        self.edit_action.setEnabled(count == 1)
        self.duplicate_action.setEnabled(count == 1)
        self.similar_action.setEnabled(count == 1)
        self.remove_action.setEnabled(count >= 1)
        self.export_action.setEnabled(self.list_model.rowCount() > 0)

    def _update_comparison(self, *_args: object) -> None:
        if self._drawing_list:
            return
        self._update_actions()
        advice = self._session.advice
        rows = sorted(
            (r for r in self.compared_rows() if r.score is not None), key=lambda r: r.rank
        )
        scores: list[ShoeScore] = [r.score for r in rows if r.score is not None]
        if advice is None or not scores:
            self.compare_model.clear()
            self.chart.set_scores((), ())
            self.verdict.setText(comparison_placeholder(advice is not None))
            return
        sizes = self.list_model.tie_sizes
        shortlist = [s.shoe.id for s in advice.shortlist]
        also = [s.shoe.id for s in advice.tied_with_shortlist]
        self.compare_model.set_comparison(advice.features, scores, sizes, shortlist, also)
        self._fit_check_row()
        self.chart.set_scores(advice.features, scores, sizes)
        self.verdict.setText(self._verdict_html(advice, scores, len(self.selected_rows()) < 2))

    def _verdict_html(self, advice: Advice, scores: Sequence[ShoeScore], automatic: bool) -> str:
        names = self._feature_names()

        def found(score: ShoeScore) -> ShoeFindings:
            summary = summarise(score)
            known, of = score.coverage
            return ShoeFindings(
                score.shoe.name,
                score.score,
                tuple(names.get(f, f) for f in summary.missing),
                tuple(names.get(f, f) for f in summary.unknown),
                tuple(names.get(f, f) for f in summary.avoid),
                score.shoe.comfort is not None,
                essentials=sum(1 for f in score.needs if f.level == "essential"),
                surface="" if score.surface_match == "main" else surface_note(score),
                coverage=coverage_note(score) if known < of else "",
            )

        groups: list[list[str]] = []
        for i, score in enumerate(scores):
            if any(tied(score, earlier) for earlier in scores[:i]):
                continue
            group = [score.shoe.name] + [s.shoe.name for s in scores[i + 1 :] if tied(s, score)]
            if len(group) > 1:
                groups.append(group)
        lines = comparison_lines(
            [found(s) for s in scores],
            0,
            chosen_for_you=automatic,
            among_shown=automatic and self.list_filtered,
            of_total=len(advice.shoes),
            ties=groups,
            tie_points=TIE_POINTS,
        )
        return lines_html(lines)

    # -- the actions, given this page's selection ------------------------------

    def _select_after(self, ids: Sequence[str]) -> None:
        self._select_ids(ids)

    def _one_selected(self) -> str | None:
        rows = self.selected_rows()
        return rows[0].shoe.id if len(rows) == 1 else None

    def add_shoe(self) -> ShoeEditor:
        """Open the editor for a new shoe (non-blocking); returns the dialog."""
        return run(act.AddShoe, self._context, self._select_after)

    def edit_selected(self) -> ShoeEditor | None:
        shoe_id = self._one_selected()
        return (
            None
            if shoe_id is None
            else run(act.EditShoe, self._context, shoe_id, self._select_after)
        )

    def duplicate_selected(self) -> None:
        shoe_id = self._one_selected()
        if shoe_id is not None:
            run(act.DuplicateShoe, self._context, shoe_id, self._select_after)

    def remove_selected(self) -> None:
        run(act.RemoveShoes, self._context, [r.shoe.id for r in self.selected_rows()])

    def import_shoes(self) -> int:
        return run(act.ImportShoes, self._context, self._select_after)

    def export_shoes(self) -> bool:
        return run(act.ExportShoes, self._context) is not None

    def show_similar(self) -> SimilarShoesDialog | None:
        shoe_id = self._one_selected()
        return None if shoe_id is None else run(act.ShowSimilarShoes, self._context, shoe_id)
