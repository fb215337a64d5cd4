"""The runner's shoes ranked for their profile, and two to four of them side by side.

A runner in a shop holds a few shoes: the ranked list says which fits best, the
comparison says why (feature by feature, a missing essential in red), and the
chart shows where the points come from. Scores are the controller's `Advice`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSaveFile, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core.advice import Advice, ShoeScore
from shoeadvisor.core.files import InputFileError, load_shoes
from shoeadvisor.core.ids import SHOE_SURFACES
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.core.similar import similar_shoes

from .controller import AdviceController
from .score_chart import ScoreChart
from .shoe_editor import ShoeEditor, new_shoe_id
from .shoe_models import (
    SURFACE_NAMES,
    CompareModel,
    ShoeFilterProxy,
    ShoeListModel,
    ShoeRow,
    ShoeSummary,
    summarise,
)

MAX_COMPARED = 4
#: Fit scores this close are a tie in practice: comfort should decide.
CLOSE_SCORES = 3


class ShoeRepository(Protocol):
    """Where the runner's own shoes are kept between sessions."""

    def load(self) -> list[Shoe]: ...

    def save(self, shoes: list[Shoe]) -> None: ...


class InMemoryShoeRepository:
    """Keeps shoes for this session only (tests, or when storage is unavailable)."""

    def __init__(self, shoes: Sequence[Shoe] = ()) -> None:
        self.shoes = list(shoes)
        self.saves = 0

    def load(self) -> list[Shoe]:
        return list(self.shoes)

    def save(self, shoes: list[Shoe]) -> None:
        self.shoes = list(shoes)
        self.saves += 1


class UserShoeStore(Protocol):
    """The part of `shoeadvisor.storage.ProfileStore` this view needs."""

    def load_user_shoes(self) -> list[Shoe]: ...

    def save_user_shoes(self, shoes: list[Shoe]) -> None: ...


class StoredShoeRepository:
    """The runner's shoes in the data folder, through the storage layer."""

    def __init__(self, store: UserShoeStore) -> None:
        self._store = store

    def load(self) -> list[Shoe]:
        return self._store.load_user_shoes()

    def save(self, shoes: list[Shoe]) -> None:
        self._store.save_user_shoes(list(shoes))


class SimilarShoesDialog(QDialog):
    """The shoes closest to one shoe, with what matches, what differs and what is unknown."""

    def __init__(self, text_html: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Similar shoes")
        self.browser.setHtml(text_html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CompareView(QWidget):
    """The runner's shoes, scored and compared. Embed with `add_page("Shoes", view)`."""

    def __init__(
        self,
        controller: AdviceController,
        repository: ShoeRepository,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._repository = repository
        self.setAccessibleName("Compare shoes")

        self.list_model = ShoeListModel(self)
        self.proxy = ShoeFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.compare_model = CompareModel(self)

        self._build_actions()
        self._build_layout()

        controller.adviceChanged.connect(self._advice_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_comparison)
        self.proxy.layoutChanged.connect(self._update_comparison)
        self.proxy.modelReset.connect(self._update_comparison)

        try:
            shoes = repository.load()
        except Exception as exc:  # storage reports its own problems; never lose the window
            shoes = []
            self._warn("Your saved shoes could not be read", str(exc))
        if shoes or controller.shoes:
            controller.set_shoes(shoes or controller.shoes)
        else:
            self._advice_changed(controller.advice)

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
            "Add shoe…", "Add a shoe from scratch or from a typical shoe", self.add_shoe, "Ins"
        )
        self.edit_action = self._action(
            "Edit…", "Change the selected shoe's checklist", self.edit_selected, "Ctrl+E"
        )
        self.duplicate_action = self._action(
            "Duplicate",
            "Copy the selected shoe, e.g. for another size",
            self.duplicate_selected,
            "Ctrl+D",
        )
        self.remove_action = self._action(
            "Remove", "Remove the selected shoes", self.remove_selected, "Del"
        )
        self.similar_action = self._action(
            "Similar shoes…",
            "Shoes closest to the selected one, among yours and the typical shoes",
            self.show_similar,
        )
        self.import_action = self._action(
            "Import…", "Add shoes from a shoe checklist file (JSON)", self.import_shoes
        )
        self.export_action = self._action(
            "Export…", "Save your shoes as a shoe checklist file (JSON)", self.export_shoes
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
            self.surface_filter.addItem(SURFACE_NAMES[surface], surface)
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
        splitter.setSizes([220, 700])
        layout.addWidget(splitter, 1)

    # -- reacting to the controller ---------------------------------------

    def _feature_names(self) -> dict[str, str]:
        return {fid: f.name for fid, f in self._controller.knowledge.features.items()}

    def _advice_changed(self, advice: Advice | None) -> None:
        selected = [row.shoe.id for row in self.selected_rows()]
        self.list_model.set_shoes(self._controller.shoes, advice, self._feature_names())
        self._select_ids(selected)
        count = self.list_model.rowCount()
        if advice is None:
            self.list_hint.setText(
                "Fill in your profile to see how well each shoe fits you."
                if count
                else "No shoes yet. Add the shoes you are considering with “Add shoe…”."
            )
        elif count == 0:
            self.list_hint.setText(
                "No shoes yet. Add the shoes you are considering with “Add shoe…”; "
                "start from a typical shoe and correct what differs."
            )
        else:
            self.list_hint.setText(
                f"{count} shoe{'s' if count != 1 else ''}, best fit for you first. "
                "Select two to four (Ctrl+click) to compare them side by side."
            )
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
        advice = self._controller.advice
        rows = sorted(
            (r for r in self.compared_rows() if r.score is not None), key=lambda r: r.rank
        )
        scores: list[ShoeScore] = [r.score for r in rows if r.score is not None]
        if advice is None or not scores:
            self.compare_model.clear()
            self.chart.set_scores((), ())
            self.verdict.setText(
                "Fill in your profile first: the comparison shows how each shoe meets "
                "what you need."
                if advice is None
                else "Add the shoes you are considering to compare them."
            )
            return
        self.compare_model.set_comparison(advice.features, scores)
        self.chart.set_scores(advice.features, scores)
        self.verdict.setText(self._verdict_html(advice, scores, len(self.selected_rows()) < 2))

    def _verdict_html(self, advice: Advice, scores: Sequence[ShoeScore], automatic: bool) -> str:
        names = self._feature_names()
        needs = {f.id: f.level for f in advice.features}
        essentials = [f for f in advice.features if f.level == "essential"]

        def esc(text: str) -> str:
            return html.escape(text)

        def listing(ids: Sequence[str]) -> str:
            return ", ".join(esc(names.get(f, f)) for f in ids)

        parts: list[str] = []
        if automatic and len(scores) > 1:
            parts.append(
                f"<i>Your {len(scores)} best-fitting shoes. Select two to four in the "
                "list to choose others.</i><br>"
            )
        best = scores[0]
        summary = summarise(best.shoe, needs)
        if len(scores) > 1:
            lead = f"<b>Best fit for you: {esc(best.shoe.name)} — {best.score}/100.</b> "
        else:
            lead = f"<b>{esc(best.shoe.name)} — {best.score}/100 for you.</b> "
        parts.append(lead + self._shoe_sentence(summary, len(essentials), listing))
        for other in scores[1:]:
            s = summarise(other.shoe, needs)
            parts.append(
                f"<br><b>{esc(other.shoe.name)} — {other.score}</b>: "
                + self._shoe_sentence(s, len(essentials), listing)
            )
        if len(scores) > 1 and best.score - scores[1].score <= CLOSE_SCORES:
            parts.append(
                f"<br><b>Close call:</b> {esc(best.shoe.name)} and "
                f"{esc(scores[1].shoe.name)} are within "
                f"{CLOSE_SCORES} points: let comfort decide."
            )
        untried = [s.shoe.name for s in scores if s.shoe.comfort is None]
        if untried:
            parts.append(
                "<br><b>Try on:</b> "
                + esc(", ".join(untried))
                + ". Try them on and rate the comfort (Edit): choosing the shoe that feels "
                "comfortable is the criterion with the most research support."
            )
        return "".join(parts)

    @staticmethod
    def _shoe_sentence(
        summary: ShoeSummary, essential_count: int, listing: Callable[[Sequence[str]], str]
    ) -> str:
        bits: list[str] = []
        if summary.missing:
            bits.append(
                f"<span style='color:#c62828'><b>✗ lacks {listing(summary.missing)}</b>"
                " (essential for you)</span>"
            )
        else:
            have = essential_count - len(summary.unknown)
            bits.append(f"✓ has {have} of your {essential_count} essential features")
        if summary.unknown:
            bits.append(f"? not checked: {listing(summary.unknown)}")
        if summary.avoid:
            bits.append(f"! has {listing(summary.avoid)}, which you should avoid")
        return "; ".join(bits) + "."

    # -- changing the list ---------------------------------------------------

    def _apply(self, shoes: list[Shoe], select: Sequence[str] = ()) -> bool:
        """Save, then hand the new list to the controller. Unsaved changes are kept in memory."""
        saved = True
        try:
            self._repository.save(shoes)
        except Exception as exc:  # the storage layer names the file and the reason
            saved = False
            self._warn(
                "Your shoes could not be saved",
                f"{exc}\n\nThe change is kept until you close ShoeAdvisor.",
            )
        self._controller.set_shoes(shoes)
        if select:
            self._select_ids(select)
        return saved

    def _editor(self, shoe: Shoe | None) -> ShoeEditor:
        advice = self._controller.advice
        return ShoeEditor(
            self._controller.knowledge,
            advice.features if advice is not None else None,
            shoe,
            taken_ids=[s.id for s in self._controller.shoes],
            parent=self,
        )

    def add_shoe(self) -> ShoeEditor:
        """Open the editor for a new shoe (non-blocking); returns the dialog."""
        editor = self._editor(None)
        editor.accepted.connect(lambda: self._added(editor))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _added(self, editor: ShoeEditor) -> None:
        shoe = editor.shoe()
        if shoe is not None:
            self._apply([*self._controller.shoes, shoe], [shoe.id])

    def edit_selected(self) -> ShoeEditor | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        editor = self._editor(rows[0].shoe)
        editor.accepted.connect(lambda: self._edited(editor))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _edited(self, editor: ShoeEditor) -> None:
        shoe = editor.shoe()
        if shoe is None:
            return
        shoes = [shoe if s.id == shoe.id else s for s in self._controller.shoes]
        self._apply(shoes, [shoe.id])

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        shoes = self._controller.shoes
        original = rows[0].shoe
        copy = original.model_copy(
            update={
                "id": new_shoe_id([s.id for s in shoes]),
                "name": f"{original.name[:190]} (copy)",
            }
        )
        at = next(i for i, s in enumerate(shoes) if s.id == original.id) + 1
        self._apply([*shoes[:at], copy, *shoes[at:]], [copy.id])

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        names = ", ".join(r.shoe.name for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        answer = QMessageBox.question(
            self,
            "Remove shoes",
            f"Remove {len(rows)} shoe{'s' if len(rows) != 1 else ''} from your list? ({names})",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gone = {r.shoe.id for r in rows}
        self._apply([s for s in self._controller.shoes if s.id not in gone])

    # -- files -------------------------------------------------------------------

    def import_shoes(self) -> int:
        """Add the shoes of a contract §2 file; returns how many were added."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import shoes", "", "Shoe checklists (*.json);;All files (*)"
        )
        if not path:
            return 0
        try:
            imported = load_shoes(path)
        except InputFileError as exc:
            self._warn("These shoes could not be imported", str(exc))
            return 0
        shoes = self._controller.shoes
        taken = {s.id for s in shoes}
        added: list[Shoe] = []
        for shoe in imported:
            if shoe.id in taken:  # keep both: nothing already in the list is overwritten
                shoe = shoe.model_copy(update={"id": new_shoe_id(taken)})
            taken.add(shoe.id)
            added.append(shoe)
        self._apply([*shoes, *added], [s.id for s in added[:MAX_COMPARED]])
        return len(added)

    def export_shoes(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export shoes", "my-shoes.json", "Shoe checklists (*.json)"
        )
        if not path:
            return False
        data = [s.to_json_dict() for s in self._controller.shoes]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        out = QSaveFile(path)
        if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
            self._warn("The shoes could not be exported", f"{path}: {out.errorString()}")
            return False
        out.write(text.encode("utf-8"))
        if not out.commit():
            self._warn("The shoes could not be exported", f"{path}: {out.errorString()}")
            return False
        return True

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- similar shoes ---------------------------------------------------------

    def similar_html(self, target: Shoe, limit: int = 5) -> str:
        """The closest shoes to `target` among the runner's and the typical shoes, as HTML."""
        advice = self._controller.advice
        names = self._feature_names()
        catalog = self._controller.knowledge.catalog
        own = [s for s in self._controller.shoes if s.id != target.id]
        candidates = [*own, *(s for s in catalog if s.id != target.id)]
        found = similar_shoes(
            target, candidates, advice.features if advice is not None else None, limit
        )
        fit: dict[str, int] = {}
        if advice is not None:
            fit = {s.shoe.id: s.score for s in (*advice.shoes, *self._controller.catalog_scores)}
        lines = [f"<h3>Shoes most like {html.escape(target.name)}</h3>"]
        if advice is not None:
            lines.append(
                "<p>Features that matter more for you count more. Only features known for "
                "both shoes are compared.</p>"
            )
        if not found:
            lines.append(
                "<p>No shoe shares a checked feature with this one. Fill in more of its "
                "checklist.</p>"
            )
        for item in found:
            kind = "typical shoe" if item.shoe.archetype else "your shoe"
            score = f" · fit {fit[item.shoe.id]} for you" if item.shoe.id in fit else ""
            lines.append(
                f"<p><b>{html.escape(item.shoe.name)}</b> <i>({kind}{score})</i><br>"
                f"{html.escape(item.explanation(names))}</p>"
            )
        return "".join(lines)

    def show_similar(self) -> SimilarShoesDialog | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        target = rows[0].shoe
        dialog = SimilarShoesDialog(self.similar_html(target), f"Shoes like {target.name}", self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


def user_shoe_repository(store: UserShoeStore) -> ShoeRepository:
    """The repository the window should pass: the storage layer's shoes file."""
    return StoredShoeRepository(store)


__all__ = [
    "CompareView",
    "InMemoryShoeRepository",
    "ShoeRepository",
    "SimilarShoesDialog",
    "StoredShoeRepository",
    "user_shoe_repository",
]
