"""The features view: ranked features grouped by level, and why the selected one matters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeView,
    QWidget,
)

from ..models.advice_models import FeatureTreeModel, IdRole
from ..widgets.badge_delegate import BadgeDelegate
from ..widgets.importance_delegate import ImportanceDelegate
from ..widgets.list_and_why import ListAndWhy
from .explain import PLACEHOLDER_HTML, feature_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import FeatureAdvice
    from shoeadvisor.core.knowledge import Source


class FeaturesView(ListAndWhy):
    """Lays out the feature tree and the explanation of the selected feature."""

    featureSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "<b>Shoe features, most important first</b>",
            "Why this feature",
            PLACEHOLDER_HTML,
            parent=parent,
        )
        self._sources: Mapping[str, Source] = {}
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
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 110)
        self.place_list(self.tree)
        self.tree.selectionModel().currentChanged.connect(self._on_current)

    def set_features(
        self, features: Sequence[FeatureAdvice], sources: Mapping[str, Source]
    ) -> None:
        """Show new advice, keeping the selected feature selected."""
        keep = self.selected_feature()
        self._sources = sources
        if not self.model.set_features(features):  # same rows: selection and layout stay
            if keep is not None:
                self._show(self.model.index_of(keep))
            return
        self.tree.expandAll()
        if keep is None and features:
            keep = self.model.features_in(self.model.group_levels()[0])[0]
        if keep is not None:
            self.select_feature(keep)

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
