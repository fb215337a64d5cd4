"""The Shoes page's mileage panel: each shoe's kilometres, wear, knee pain; retire; defaults.

A self-contained pane of the Shoes page (the ranked list and the comparison above it
are compare_view's). Kilometres and wear are the session's (core.shoe_care on the run
log); retiring a shoe keeps its runs and kilometres, and brings it back on request.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.ids import SURFACES

from ..actions import run_actions as act
from ..actions.context import run
from ..models.mileage_models import MileageModel, RowRole, SortRole
from ..session import Change
from ..widgets.text_labels import plain_label, rich_label
from ..widgets.wear_bar import WearBarDelegate

if TYPE_CHECKING:
    from ..actions.context import ActionContext


class ShoeMileagePanel(QWidget):
    """Kilometres and wear of the runner's shoes (retired ones too), and the rotation tip."""

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self.setAccessibleName("Kilometres and wear of your shoes")
        self.model = MileageModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.title = rich_label(name="mileage_title")
        self.table = QTableView()
        self.table.setAccessibleName("Kilometres and wear per shoe")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # In list order (shoes in use first, retired ones last) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(MileageModel.WEAR, WearBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # "Where it stands" as wide as its words and title (a few shoes: cheap to measure);
        # the last column takes the room left, so nothing is squeezed below its title.
        header.setSectionResizeMode(MileageModel.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for column, width in (
            (MileageModel.SHOE, 170),
            (MileageModel.KM, 64),
            (MileageModel.WEAR, 90),
            (MileageModel.RUNS, 44),
            (MileageModel.PAIN, 140),
            (MileageModel.DEFAULT, 110),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.retire_button = QPushButton("Retire")
        self.retire_button.setToolTip(
            "Stop using this shoe: its runs and kilometres are kept, and it can come back"
        )
        self.retire_button.clicked.connect(lambda: self._retire(True))
        self.back_button = QPushButton("Bring back")
        self.back_button.setToolTip("Use a retired shoe again")
        self.back_button.clicked.connect(lambda: self._retire(False))
        self.default_button = QToolButton()
        self.default_button.setText("Default for\u2026")
        self.default_button.setToolTip("New runs on a surface go in this shoe")
        self.default_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.default_menu = QMenu(self.default_button)
        self.default_menu.aboutToShow.connect(self._fill_default_menu)
        self.default_button.setMenu(self.default_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retire_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.default_button)
        buttons.addStretch()

        self.convention = plain_label()
        self.convention.setObjectName("wear_convention")
        self.rotation = rich_label(name="rotation_advice")
        self.rotation.setAccessibleName("Rotation advice")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.convention)
        layout.addWidget(self.rotation)
        layout.addStretch()
        # Scrolls rather than asking the page for room: the Shoes page fits 900×600.
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(80)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._drawn: tuple[tuple[object, ...], tuple[object, ...]] = ((None, None), ())
        self._session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

    # -- drawing -------------------------------------------------------------

    def _redraw(self, change: Change) -> None:
        if change & (Change.RUNS | Change.SHOES | Change.CURRENT | Change.PROFILE | Change.LOCK):
            self.draw()

    def _unchanged(self) -> bool:
        """Whether what the panel shows is what it drew last: the session's rows and runs
        (the same tuples until they change), the units, the profile, whether it may write."""
        session = self._session
        units = "imperial" if session.draft.get("units") == "imperial" else "metric"
        data = (session.shoe_mileage(), session.runs)
        state = (units, session.profile_id, session.read_only)
        last_data, last_state = self._drawn
        same = all(a is b for a, b in zip(data, last_data, strict=True)) and state == last_state
        self._drawn = data, state
        return same

    def draw(self) -> None:
        # A profile edit that leaves every shoe's wear as it was (most do) redraws nothing:
        # with 10,000 shoes a redraw costs more than the re-advice.
        if self._unchanged():
            return
        session = self._session
        selected = self.selected_id()
        rows = session.shoe_mileage()
        units = "imperial" if session.draft.get("units") == "imperial" else "metric"
        self.model.set_rows(rows, units)
        in_use = sum(1 for r in rows if r.owned.retired is None)
        if session.profile_id is None:
            title = "Your shoes' kilometres show here once this profile is saved."
        elif not rows:
            title = (
                "<b>Kilometres and wear</b>: add the shoes you run in (Add shoe\u2026) and import "
                "your runs (Runs page) to see each pair's distance."
            )
        else:
            retired = len(rows) - in_use
            title = f"<b>Kilometres and wear</b> of your {in_use} pair{'s' if in_use != 1 else ''}"
            title += f" (and {retired} retired)" if retired else ""
        self.title.setText(title)
        self.table.setVisible(bool(rows))
        # As tall as its rows (up to six): the panel gives the comparison above the room.
        header = self.table.horizontalHeader().sizeHint().height()
        rows_shown = min(max(len(rows), 1), 6)
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()  # room if it shows
        self.table.setFixedHeight(
            header + rows_shown * 24 + 2 * self.table.frameWidth() + 2 + scroll_bar
        )
        if rows:
            self.convention.setText(f"Wear bar: {rows[0].wear.convention}")
        else:
            self.convention.setText("")
        self.convention.setVisible(bool(rows))
        advice = session.rotation()
        if advice is None:
            self.rotation.hide()
        else:
            sources = "; ".join(labels.sources(advice.sources, session.knowledge))
            self.rotation.setText(
                f"<b>{escape(advice.name)}</b> ({escape(labels.grade_phrase(advice.evidence))}; "
                f"{escape(sources)}): {escape(advice.text)} {escape(advice.advice)}"
            )
            self.rotation.show()
        if selected is not None:
            self.select(selected)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = rows[0].data(RowRole)
        return str(item.owned.id) if item is not None else None

    def select(self, shoe_id: str) -> None:
        row = self.model.row_of(shoe_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _selected(self):  # type: ignore[no-untyped-def]  # ShoeMileage | None
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RowRole) if rows else None

    def _update_buttons(self) -> None:
        session = self._session
        item = self._selected()
        writable = not session.read_only and session.profile_id is not None
        reason = session.read_only_reason if session.read_only else ""
        retired = item is not None and item.owned.retired is not None
        self.retire_button.setEnabled(writable and item is not None and not retired)
        self.back_button.setEnabled(writable and retired)
        self.default_button.setEnabled(writable and item is not None and not retired)
        for button in (self.retire_button, self.back_button, self.default_button):
            if reason:
                button.setToolTip(f"Off in this window: {reason}")

    def _fill_default_menu(self) -> None:
        menu = self.default_menu
        menu.clear()
        item = self._selected()
        if item is None:
            return
        for surface in SURFACES:
            action = QAction(labels.choice("surfaces", surface), menu)
            action.setCheckable(True)
            on = surface in item.owned.default_for
            action.setChecked(on)
            shoe_id = None if on else item.owned.id
            action.triggered.connect(
                lambda _c=False, s=surface, i=shoe_id: run(act.SetDefaultShoe, self._context, s, i)
            )
            menu.addAction(action)

    def _retire(self, retired: bool) -> None:
        item = self._selected()
        if item is not None:
            shoe_id = item.owned.id
            if run(act.RetireShoe, self._context, shoe_id, retired):
                self.select(shoe_id)
