"""The "Runs" tab: the run log, the weekly chart, the planned long run and the defaults.

Layout and wiring only. The runs, their spike marks, the weekly totals, the two-week
change and the planned-run check are the session's (from core.training); the words
are core.run_summaries'; every change (a run's shoe, knee pain, a default shoe, an
import) is an action through the session.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core import run_summaries as words
from shoeadvisor.core.form_limits import profile_fields, to_metric, to_shown
from shoeadvisor.core.ids import SURFACES

from ..actions import run_actions as act
from ..actions.context import run
from ..models.run_models import RowRole, RunFilterProxy, RunTableModel, file_name
from ..session import Change
from ..widgets.run_delegates import PainDelegate, ShoeChoiceDelegate
from ..widgets.text_labels import plain_label, rich_label
from ..widgets.weekly_chart import WeeklyChart

if TYPE_CHECKING:
    from ..actions.context import ActionContext

#: How many broken files the summary names before "and N more".
BROKEN_SHOWN = 5
LOAD_FIELDS = ("weekly_km", "previous_weekly_km", "longest_run_30d_km")


class RunsPage(QWidget):
    """The runner's runs. Built the first time the tab is shown."""

    def __init__(self, context: ActionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self._drawn: tuple[Any, ...] = ()
        self.setAccessibleName("Your runs")

        self.model = RunTableModel(self)
        self.model.on_edit = self._edit
        self.proxy = RunFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self._build_top()
        self._build_table()
        self._build_bottom()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._top)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.import_summary)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 300])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout.addWidget(splitter, 1)

        self._session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

    # -- building ------------------------------------------------------------

    def _build_top(self) -> None:
        self.import_button = QPushButton("Import runs\u2026")
        self.import_button.setToolTip(
            "FIT, GPX or TCX files (also .gz), or a Strava or Garmin export (.zip)"
        )
        self.import_button.clicked.connect(lambda: run(act.ImportRunFiles, self._context))
        self.folder_button = QPushButton("Import a folder\u2026")
        self.folder_button.setToolTip("A folder of run files, or an unpacked Strava/Garmin export")
        self.folder_button.clicked.connect(lambda: run(act.ImportRunFolder, self._context))
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find date, shoe, file")
        self.search.setAccessibleName("Find runs by date, shoe or file")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.shoe_filter = QComboBox()
        self.shoe_filter.setAccessibleName("Show runs in shoe")
        self.shoe_filter.setToolTip("Show only the runs in one shoe")
        self.shoe_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shoe_filter.setMinimumContentsLength(10)
        self.shoe_filter.currentIndexChanged.connect(self._filter_changed)
        self.spikes_only = QCheckBox("Spikes only")
        self.spikes_only.setToolTip(
            "Only runs longer than the longest run of the 30 days before them"
        )
        self.spikes_only.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Runs shown")
        top = QHBoxLayout()
        for widget in (self.import_button, self.folder_button):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.search, 2)
        top.addWidget(self.shoe_filter, 1)
        top.addWidget(self.spikes_only)
        top.addWidget(self.count_label)
        self._top = top
        self.blocked_label = plain_label()
        self.blocked_label.setObjectName("import_blocked")
        self.blocked_label.hide()
        self.import_summary = rich_label(name="import_summary")
        self.import_summary.setAccessibleName("Last import")
        self.import_summary.hide()

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Your runs")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RunTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.shoe_delegate = ShoeChoiceDelegate(self.table)
        self.pain_delegate = PainDelegate(self.table)
        self.table.setItemDelegateForColumn(RunTableModel.SHOE, self.shoe_delegate)
        self.table.setItemDelegateForColumn(RunTableModel.PAIN, self.pain_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (RunTableModel.DATE, 162),
            (RunTableModel.DISTANCE, 78),
            (RunTableModel.DURATION, 64),
            (RunTableModel.PACE, 76),
            (RunTableModel.ASCENT, 56),
            (RunTableModel.DESCENT, 62),
            (RunTableModel.SHOE, 140),
            (RunTableModel.PAIN, 72),
            (RunTableModel.SPIKE, 170),
        ):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(self._clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.proxy.layoutChanged.connect(self._count)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)

        self.empty_label = QLabel(f"<p style='margin:24px'>{escape(words.NO_RUNS)}</p>")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No runs yet")
        self.detail = plain_label()
        self.detail.setObjectName("run_detail")
        self.detail.setAccessibleName("The selected run")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(holder)
        self._table_page = holder

    def _build_bottom(self) -> None:
        self.chart = WeeklyChart()
        self.chart.setMinimumHeight(140)
        self.progression = rich_label(name="progression")
        self.progression.setAccessibleName("Two-week change")
        self.pain_note = plain_label()
        self.pain_note.setObjectName("pain_note")
        weeks_box = QGroupBox("The last two weeks")
        weeks_layout = QVBoxLayout(weeks_box)
        weeks_layout.addWidget(self.progression)
        weeks_layout.addWidget(self.pain_note)

        planned_box = QGroupBox("Next long run")
        planned_layout = QVBoxLayout(planned_box)
        row = QHBoxLayout()
        self.planned_edit = QDoubleSpinBox()
        self.planned_edit.setAccessibleName(labels.field("planned_longest_run_km"))
        self.planned_edit.setToolTip(labels.FIELD_HINTS.get("planned_longest_run_km", ""))
        self.planned_edit.setDecimals(1)
        self.planned_edit.setSpecialValueText("not planned")
        self.planned_edit.setKeyboardTracking(False)
        self.planned_edit.valueChanged.connect(self._planned_changed)
        self.planned_label = QLabel("&Longest run planned")
        self.planned_label.setBuddy(self.planned_edit)
        row.addWidget(self.planned_label)
        row.addWidget(self.planned_edit)
        row.addStretch()
        planned_layout.addLayout(row)
        self.planned = rich_label(name="planned_check")
        self.planned.setAccessibleName("Planned run check")
        planned_layout.addWidget(self.planned)

        figures_box = QGroupBox("For the advice")
        figures_layout = QVBoxLayout(figures_box)
        self.figures = rich_label(name="figures_from_runs")
        self.figures.setAccessibleName("Figures from your runs")
        figures_layout.addWidget(self.figures)

        defaults_box = QGroupBox("New runs go in")
        self.defaults_grid = QGridLayout(defaults_box)
        self.default_combos: dict[str, QComboBox] = {}
        for i, surface in enumerate(SURFACES):
            combo = QComboBox()
            name = labels.choice("surfaces", surface)
            combo.setAccessibleName(f"Default shoe for {name}")
            combo.setToolTip(f"Runs imported on {name.lower()} are put in this shoe")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.activated.connect(lambda _i, s=surface, c=combo: self._default_chosen(s, c))
            label = QLabel(name)
            self.defaults_grid.addWidget(label, i, 0)
            self.defaults_grid.addWidget(combo, i, 1)
            self.default_combos[surface] = combo
        self._default_labels = {
            s: self.defaults_grid.itemAtPosition(i, 0).widget() for i, s in enumerate(SURFACES)
        }

        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(weeks_box)
        side_column.addWidget(planned_box)
        side_column.addWidget(figures_box)
        side_column.addWidget(defaults_box)
        side_column.addStretch()
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll = side_scroll

        # The chart takes the height there is; the boxes beside it scroll on their own.
        bottom = QWidget()
        row_layout = QHBoxLayout(bottom)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.chart, 3)
        row_layout.addWidget(side_scroll, 2)
        bottom.setMinimumHeight(self.chart.minimumHeight())
        self.bottom = bottom

    # -- drawing -------------------------------------------------------------

    @property
    def units(self) -> str:
        return "imperial" if self._session.draft.get("units") == "imperial" else "metric"

    def _redraw(self, change: Change) -> None:
        session = self._session
        if change & (Change.CURRENT | Change.LOCK | Change.IMPORT | Change.SAVE_STATE):
            self._draw_import_state()
        key = (id(session.runs), id(session.owned_shoes), session.profile_id, self.units)
        key += (session.read_only,)
        if key != self._drawn:
            self._drawn = key
            self._draw_runs()
        if change & (Change.RUNS | Change.PROFILE | Change.DRAFT | Change.ADVICE | Change.CURRENT):
            self._draw_load()

    def follow_palette(self) -> None:
        """The spike cells' colours, in the new theme's (platform/theme.py)."""
        self.model.set_palette(self.palette())

    def _shoe_names(self) -> dict[str, str]:
        return {owned.id: owned.shoe.name for owned in self._session.owned_shoes}

    def _draw_runs(self) -> None:
        session = self._session
        training = session.training
        marks = training.marks if training is not None else ()
        kb = session.knowledge if marks else None
        details = (
            {m.run_id: words.spike_detail(m, kb, self.units) for m in marks}
            if kb is not None
            else {}
        )
        in_use = [(o.id, o.shoe.name) for o in session.owned_shoes if o.retired is None]
        self.model.set_runs(
            session.runs,
            marks,
            details,
            shoe_names=self._shoe_names(),
            choices=in_use,
            units=self.units,
            editable=not session.read_only and session.profile_id is not None,
            palette=self.palette(),
            judged_from=training.judged_from if training is not None else None,
        )
        has_runs = bool(session.runs)
        self.stack.setCurrentWidget(self._table_page if has_runs else self.empty_label)
        self.bottom.setVisible(has_runs)  # no chart or checks to show before the first run
        for widget in (self.search, self.shoe_filter, self.spikes_only):
            widget.setEnabled(has_runs)
        self._fill_shoe_filter()
        self._fill_defaults()
        self._count()
        self._show_detail()

    def _fill_shoe_filter(self) -> None:
        combo = self.shoe_filter
        current = combo.currentData() if combo.count() else RunFilterProxy.ANY_SHOE
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All shoes", RunFilterProxy.ANY_SHOE)
        combo.addItem("No shoe recorded", None)
        for owned in self._session.owned_shoes:
            suffix = " (retired)" if owned.retired is not None else ""
            combo.addItem(owned.shoe.name + suffix, owned.id)
        at = combo.findData(current)
        combo.setCurrentIndex(at if at >= 0 else 0)
        combo.setToolTip(f"Showing: {combo.currentText()}")
        combo.blockSignals(False)
        self.proxy.set_shoe(combo.currentData())

    def _fill_defaults(self) -> None:
        session = self._session
        profile = session.advised_profile
        mine = set(profile.surfaces) if profile is not None else set(SURFACES)
        in_use = [o for o in session.owned_shoes if o.retired is None]
        defaults = {s: o.id for o in session.owned_shoes for s in o.default_for}
        writable = not session.read_only and session.profile_id is not None
        for surface, combo in self.default_combos.items():
            combo.clear()
            combo.addItem("No default", None)
            for owned in in_use:
                combo.addItem(owned.shoe.name, owned.id)
            at = combo.findData(defaults.get(surface))
            combo.setCurrentIndex(at if at >= 0 else 0)
            name = labels.choice("surfaces", surface).lower()
            combo.setToolTip(f"Runs imported on {name} go in: {combo.currentText()}")
            combo.setEnabled(writable and bool(in_use))
            shown = surface in mine or surface in defaults
            combo.setVisible(shown)
            self._default_labels[surface].setVisible(shown)
            if not in_use:
                combo.setToolTip("Add your shoes on the Shoes page first")

    def _draw_import_state(self) -> None:
        session = self._session
        blocked = session.import_blocked()
        state = session.import_state
        for button in (self.import_button, self.folder_button):
            button.setEnabled(not blocked)
        if blocked and not state.running:
            self.blocked_label.setText(blocked)
            self.blocked_label.show()
        else:
            self.blocked_label.hide()
        if state.running:
            self.import_summary.setText(
                escape(f"Importing\u2026 {state.done} of {state.total or '?'} files")
            )
            self.import_summary.show()
        elif state.summary:
            self.import_summary.setText(import_summary_html(state))
            self.import_summary.setToolTip("\n".join(f"{n}: {why}" for n, why in state.broken))
            self.import_summary.show()

    def _draw_load(self) -> None:
        session = self._session
        training = session.training
        units = self.units
        kb = session.knowledge if training is not None else None
        if training is None or kb is None:
            self.chart.set_weeks((), units=units)
            self.progression.setText("")
            self.pain_note.setText("")
        else:
            starts = {r.id: r.start.astimezone().date() for r in session.runs}
            spike_days = [starts[m.run_id] for m in training.marks if m.run_id in starts]
            weeks = training.weeks
            self.chart.set_weeks(
                weeks,
                {day - timedelta(days=day.weekday()) for day in spike_days},
                current_week=weeks[-1].week_start if weeks else None,
                units=units,
            )
            self.progression.setText(escape(words.progression_line(training, kb, units)))
            self.pain_note.setText(
                f"Knee pain per week (dots) and per shoe (Shoes page) is {words.NOT_A_CAUSE}."
                if any(w.knee_pain for w in weeks)
                else "Log knee pain after a run in the Knee pain column (0\u201310) to see it "
                "per week and per shoe."
            )
        self._draw_planned()
        self._draw_figures()

    def _draw_planned(self) -> None:
        session = self._session
        spec = profile_fields().get("planned_longest_run_km")
        units = self.units
        high = spec.high if spec is not None and spec.high is not None else 200.0
        edit = self.planned_edit
        edit.blockSignals(True)
        edit.setSuffix(f" {words.distance_unit(units)}")
        edit.setRange(0.0, round(to_shown("planned_longest_run_km", high, units), 1))
        planned = session.draft.get("planned_longest_run_km")
        shown = to_shown("planned_longest_run_km", planned, units) if _number(planned) else 0.0
        if abs(edit.value() - shown) > 0.05:
            edit.setValue(shown)
        edit.setEnabled(session.is_open and not session.read_only)
        edit.blockSignals(False)
        training = session.training
        if training is None:
            self.planned.setText(
                escape("Import your runs to check a planned long run against your past 30 days.")
            )
            return
        advised = session.advised_profile
        planned_km = advised.planned_longest_run_km if advised is not None else None
        waiting = not training.judges(datetime.now().astimezone())
        text = words.planned_line(
            planned_km,
            training.longest_run_30d_km,
            session.planned_run(),
            session.knowledge,
            units,
            judged_from=training.judged_from if waiting else None,
        )
        mark = session.planned_run()
        self.planned.setText(f"<b>{escape(text)}</b>" if mark is not None else escape(text))

    def _draw_figures(self) -> None:
        session = self._session
        figures = session.figures_from_runs
        logged = session.training is not None or bool(figures)
        if not logged:
            self.figures.setText(
                escape("Your weekly distances come from the form until you import runs.")
            )
            return
        filled = session.filled_from_runs
        units = self.units
        lines = []
        for key in LOAD_FIELDS:
            value = figures.get(key)
            if value is None:  # the log does not go back far enough for it yet
                lines.append(escape(words.not_from_runs_yet(key)))
                continue
            typed = session.draft.get(key)
            name = escape(labels.field(key))
            if key in filled:
                lines.append(
                    f"{name}: <b>{escape(words.distance(value, units))}</b> from your runs"
                )
            elif _number(typed):
                lines.append(
                    f"{name}: <b>{escape(words.distance(float(typed), units))}</b> as you typed "
                    f"(your runs say {escape(words.distance(value, units))})"
                )
            else:
                lines.append(f"{name}: {escape(words.distance(value, units))} from your runs")
        lines.append(
            "<i>A value you type on the Advice page wins; clear it to use your runs again.</i>"
        )
        self.figures.setText("<br>".join(lines))

    def _count(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        runs = f"{total} run{'s' if total != 1 else ''}"
        self.count_label.setText(runs if shown == total else f"{shown} of {runs}")

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        item = index.data(RowRole) if index.isValid() else None
        if item is None:
            self.detail.setText(
                "Select a run to see its details; click its shoe or knee pain to change it."
            )
            return
        run_ = item.run
        parts = [
            f"{run_.start.astimezone():%A %d %B %Y, %H:%M}",
            words.distance(run_.distance_km, self.units, 2),
            words.duration(run_.duration_s),
        ]
        if run_.sport:
            parts.append(str(run_.sport).replace("_", " "))
        text = " \u00b7 ".join(parts) + f" \u00b7 from {run_.source_file}"
        if item.spike_detail:
            text += "\n" + item.spike_detail
        self.detail.setText(text)

    # -- the runner's changes --------------------------------------------------

    def _filter_changed(self, *_args: object) -> None:
        self.shoe_filter.setToolTip(f"Showing: {self.shoe_filter.currentText()}")
        self.proxy.set_text(self.search.text())
        self.proxy.set_shoe(self.shoe_filter.currentData())
        self.proxy.set_spikes_only(self.spikes_only.isChecked())
        self._count()

    def _edit(self, run_id: int, column: int, value: Any) -> bool:
        if column == RunTableModel.SHOE:
            return bool(run(act.SetRunShoe, self._context, run_id, value))
        if column == RunTableModel.PAIN:
            return bool(run(act.SetKneePain, self._context, run_id, value))
        return False

    def _clicked(self, index: QModelIndex) -> None:
        """One click on a shoe or a knee-pain cell opens its editor."""
        if index.column() not in (RunTableModel.SHOE, RunTableModel.PAIN) or not (
            index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            return
        if index.column() == RunTableModel.SHOE and not self._in_use():
            self.detail.setText(
                "Add the shoes you run in on the Shoes page first; then click here to choose "
                "the pair of each run."
            )
            return
        self.table.edit(index)

    def _context_menu(self, point: QPoint) -> QMenu | None:
        index = self.table.indexAt(point)
        if not index.isValid() or not self.model.editable:
            return None
        item = index.data(RowRole)
        menu = self.run_menu(item.run.id)
        menu.popup(self.table.viewport().mapToGlobal(point))
        return menu

    def run_menu(self, run_id: int) -> QMenu:
        """The context menu of one run: its shoe and its knee pain, one click each."""
        menu = QMenu(self)
        source = self.model.row(self.model.row_of(run_id)).run
        shoes = menu.addMenu("Run in")
        for shoe_id, name in [(None, "No shoe recorded"), *self._in_use()]:
            action = QAction(name, shoes)
            action.setCheckable(True)
            action.setChecked(source.shoe_id == shoe_id)
            action.triggered.connect(
                lambda _c=False, s=shoe_id: run(act.SetRunShoe, self._context, run_id, s)
            )
            shoes.addAction(action)
        pain = menu.addMenu("Knee pain after the run")
        for value in (None, *range(11)):
            action = QAction("Not logged" if value is None else f"{value}/10", pain)
            action.setCheckable(True)
            action.setChecked(source.knee_pain == value)
            action.triggered.connect(
                lambda _c=False, v=value: run(act.SetKneePain, self._context, run_id, v)
            )
            pain.addAction(action)
        return menu

    def _in_use(self) -> list[tuple[str, str]]:
        return [(o.id, o.shoe.name) for o in self._session.owned_shoes if o.retired is None]

    def _default_chosen(self, surface: str, combo: QComboBox) -> None:
        if not run(act.SetDefaultShoe, self._context, surface, combo.currentData()):
            self._fill_defaults()  # refused (read-only, disk full): show what is saved

    def _planned_changed(self, value: float) -> None:
        units = self.units
        metric = None if value <= 0 else round(to_metric("planned_longest_run_km", value, units), 2)
        self._session.update(planned_longest_run_km=metric)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def import_summary_html(state: Any) -> str:
    """The last import's line, with the broken files by name (the first few)."""
    text = f"<b>Last import:</b> {escape(state.summary)}."
    if state.error:
        text += f" <b>Stopped:</b> {escape(state.error)}"
    if state.broken:
        names = ", ".join(escape(file_name(name)) for name, _ in state.broken[:BROKEN_SHOWN])
        more = len(state.broken) - BROKEN_SHOWN
        text += f" Broken: {names}" + (f" and {more} more" if more > 0 else "")
        text += " (hover for why)."
    if state.cancelled:
        text += " What was imported before Cancel is kept; import again to add the rest."
    return text
