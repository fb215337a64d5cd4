"""The features view: ranked features grouped by level, and why the selected one matters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeView,
    QWidget,
)

from shoeadvisor.core import labels

from ..models.advice_models import LEVEL_ORDER, FeatureTreeModel, IdRole
from ..widgets.badge_delegate import BadgeDelegate
from ..widgets.importance_delegate import ImportanceDelegate
from ..widgets.list_and_why import ListAndWhy
from ..widgets.sizing import cell_width, chars, frame_width, header_width
from .explain import PLACEHOLDER_HTML, feature_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import FeatureAdvice


class FeaturesView(ListAndWhy):
    """Lays out the feature tree and the explanation of the selected feature."""

    featureSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "<b>Shoe features, most important first</b>",
            "Why this feature",
            PLACEHOLDER_HTML,
            stretch=(3, 2),
            parent=parent,
        )
        self._sources: Mapping[str, str] = {}
        self.model = FeatureTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Shoe features for you")
        self.tree.setAccessibleDescription(
            "Features grouped by how much they matter for you; select one to see why."
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(1, ImportanceDelegate(self.tree))
        self.tree.setItemDelegateForColumn(2, BadgeDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(chars(self.tree, 2.5))  # room for the names, not the tree lines
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self._name_width = 0
        self.place_list(self.tree)
        self._fit_columns(())
        self.tree.selectionModel().currentChanged.connect(self._on_current)

    def _fit_columns(self, features: Sequence[FeatureAdvice]) -> None:
        """Columns as wide as their content; the tree never narrower than all three.

        The name column only ever grows, so the layout does not jump as advice changes.
        """
        tree, header = self.tree, self.tree.header()
        bold = QFont(tree.font())
        bold.setBold(True)
        indent = tree.indentation()
        groups = [f"{labels.level(level)} (99)" for level in LEVEL_ORDER]
        names = max(
            2 * indent + cell_width(tree, [f.name for f in features]),
            indent + cell_width(tree, groups, bold),
            header_width(header, 0),
        )
        self._name_width = max(self._name_width, names)
        importance = max(header_width(header, 1), cell_width(tree, ["100"]) + chars(tree, 7))
        evidence = max(header_width(header, 2), cell_width(tree, labels.GRADES.values()) + 6)
        header.resizeSection(1, importance)
        header.resizeSection(2, evidence)
        width = self._name_width + importance + evidence + frame_width(tree)
        tree.setMinimumWidth(width)
        self.set_list_width(width)

    def set_features(self, features: Sequence[FeatureAdvice], sources: Mapping[str, str]) -> None:
        """Show new advice, keeping the selected feature selected."""
        keep = self.selected_feature()
        self._sources = sources
        self._fit_columns(features)
        if not self.model.set_features(features):  # same rows: selection and layout stay
            if keep is not None:
                self._show(self.model.index_of(keep))
            return
        self.tree.expandAll()
        if keep is None and features:
            keep = self.model.features_in(self.model.group_levels()[0])[0]
        if keep is not None:
            self.select_feature(keep)

    def show_waiting(self, html: str) -> None:
        """No advice yet: say what to fill in instead of the features."""
        self.model.set_features(())
        self.show_why(html)

    def select_feature(self, feature_id: str) -> None:
        index = self.model.index_of(feature_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._show(index)

    def selected_feature(self) -> str | None:
        index = self.tree.currentIndex()
        value = index.data(IdRole) if index.isValid() and index.parent().isValid() else None
        return value if isinstance(value, str) else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current)

    def _show(self, index: QModelIndex) -> None:
        feature = self.model.feature_at(index)
        if feature is not None:
            self.show_why(feature_html(feature, self._sources))
            self.featureSelected.emit(feature.id)
