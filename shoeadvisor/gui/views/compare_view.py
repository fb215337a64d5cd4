"""The runner's shoes ranked for their profile, and two to four of them side by side.

A runner in a shop holds a few shoes: the ranked list says which fits best, the
comparison says why (feature by feature, a missing essential in red), and the
chart shows where the points come from. Scores are the session's `Advice`; every
button is an action (actions/shoe_actions.py) given this page's selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.ids import SHOE_SURFACES
from shoeadvisor.core.summaries import (
    ShoeFindings,
    comparison_lines,
    comparison_placeholder,
    shoe_list_hint,
)

from ..actions import shoe_actions as act
from ..actions.context import run
from ..actions.shoe_actions import MAX_COMPARED
from ..models.shoe_models import (
    CompareModel,
    ShoeFilterProxy,
    ShoeListModel,
    ShoeRow,
    summarise,
)
from ..session import Change
from ..widgets.rich_text import lines_html
from ..widgets.score_chart import ScoreChart
from .shoe_mileage import ShoeMileagePanel

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice, ShoeScore

    from ..actions.context import ActionContext
    from ..widgets.shoe_editor import ShoeEditor
    from ..widgets.similar_dialog import SimilarShoesDialog

#: Fit scores this close are a tie in practice: comfort should decide.
CLOSE_SCORES = 3


class CompareView(QWidget):
    """The runner's shoes, scored and compared. Embed with `add_page("Shoes", view)`."""

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self.setAccessibleName("Compare shoes")

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
        bar = QToolBar(self)
        bar.setAccessibleName("Shoe actions")
        for action in (
            self.add_action,
            self.edit_action,
            self.duplicate_action,
            self.remove_action,
            self.similar_action,
        ):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        top = QHBoxLayout()
        top.addWidget(bar, 1)
        self.surface_filter = QComboBox(self)
        self.surface_filter.setAccessibleName("Show shoes for surface")
        self.surface_filter.addItem("All surfaces", None)
        for surface in SHOE_SURFACES:
            self.surface_filter.addItem(labels.shoe_surface(surface), surface)
        self.surface_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_surface(self.surface_filter.currentData())
        )
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Find shoe by name")
        self.search.setPlaceholderText("Find by name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        top.addWidget(QLabel("Show"))
        top.addWidget(self.surface_filter)
        top.addWidget(self.search)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_hint = QLabel(left)
        self.list_hint.setWordWrap(True)
        left_layout.addWidget(self.list_hint)
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
        header.setSectionResizeMode(ShoeListModel.MISSING, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (ShoeListModel.RANK, 36),
            (ShoeListModel.SCORE, 48),
            (ShoeListModel.NAME, 230),
            (ShoeListModel.SURFACE, 70),
            (ShoeListModel.UNKNOWN, 90),
            (ShoeListModel.COMFORT, 72),
            (ShoeListModel.WEIGHT, 70),
            (ShoeListModel.DROP, 60),
        ):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        left_layout.addWidget(self.table)

        right = QWidget(splitter)
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
        body = QSplitter(Qt.Orientation.Horizontal, right)
        self.compare_table = QTableView(body)
        self.compare_table.setAccessibleName("Side-by-side comparison")
        self.compare_table.setModel(self.compare_model)
        self.compare_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compare_table.setWordWrap(False)
        self.compare_table.verticalHeader().setDefaultSectionSize(24)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_table.horizontalHeader().setMinimumHeight(44)
        self.chart = ScoreChart()
        chart_scroll = QScrollArea(body)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setAccessibleName("Points per feature")
        body.addWidget(self.compare_table)
        body.addWidget(chart_scroll)
        # The table is what decides; the chart is the second look.
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        body.setSizes([660, 340])
        right_layout.addWidget(body, 1)
        self.legend = QLabel(
            "✓ suits you · <b style='color:#c62828'>✗ essential missing</b> · "
            "~ weaker than you need · ! a feature to avoid · ? not checked · "
            "· optional. Numbers are the points each feature adds to the fit score "
            "(50 is neutral)."
        )
        self.legend.setWordWrap(True)
        right_layout.addWidget(self.legend)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        # The kilometres and wear of the shoes run in (views/shoe_mileage.py, issue 12).
        self.mileage = ShoeMileagePanel(self._context, splitter)
        splitter.addWidget(self.mileage)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([220, 700, 160])
        layout.addWidget(splitter, 1)

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
        self.list_model.set_shoes(self._session.shoes, advice, names)
        self._select_ids(selected)
        self.list_hint.setText(shoe_list_hint(self.list_model.rowCount(), advice is not None))
        self._update_actions()
        self._update_comparison()

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
        """The selected shoes, or the top three shown when fewer than two are selected."""
        rows = self.selected_rows()
        if len(rows) >= 2:
            return rows[:MAX_COMPARED]
        if len(rows) == 1:
            return rows
        shown = min(3, self.proxy.rowCount())
        return [
            self.list_model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(shown)
        ]

    def _update_actions(self) -> None:
        count = len(self.selected_rows())
        self.edit_action.setEnabled(count == 1)
        self.duplicate_action.setEnabled(count == 1)
        self.similar_action.setEnabled(count == 1)
        self.remove_action.setEnabled(count >= 1)
        self.export_action.setEnabled(self.list_model.rowCount() > 0)

    def _update_comparison(self, *_args: object) -> None:
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
        self.compare_model.set_comparison(advice.features, scores)
        self.chart.set_scores(advice.features, scores)
        self.verdict.setText(self._verdict_html(advice, scores, len(self.selected_rows()) < 2))

    def _verdict_html(self, advice: Advice, scores: Sequence[ShoeScore], automatic: bool) -> str:
        names = self._feature_names()
        needs = {f.id: f.level for f in advice.features}
        essentials = sum(1 for f in advice.features if f.level == "essential")

        def found(score: ShoeScore) -> ShoeFindings:
            summary = summarise(score.shoe, needs)
            return ShoeFindings(
                score.shoe.name,
                score.score,
                tuple(names.get(f, f) for f in summary.missing),
                tuple(names.get(f, f) for f in summary.unknown),
                tuple(names.get(f, f) for f in summary.avoid),
                score.shoe.comfort is not None,
            )

        close = len(scores) > 1 and scores[0].score - scores[1].score <= CLOSE_SCORES
        lines = comparison_lines(
            [found(s) for s in scores],
            essentials,
            chosen_for_you=automatic,
            close_call=(scores[0].shoe.name, scores[1].shoe.name) if close else None,
            close_margin=CLOSE_SCORES,
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
