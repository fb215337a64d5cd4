"""The features view: ranked features grouped by level, and why the selected one matters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .advice_models import FeatureTreeModel, IdRole, SortRole
from .badge_delegate import BadgeDelegate
from .explain import PLACEHOLDER_HTML, feature_html

if TYPE_CHECKING:
    from shoeadvisor.core.advice import FeatureAdvice
    from shoeadvisor.core.knowledge import Source


class ImportanceDelegate(QStyledItemDelegate):
    """Draws importance (0–100) as a bar behind the number, so the ranking shows at a glance."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SortRole)
        if not isinstance(value, int):
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = option.rect.adjusted(3, 3, -3, -3)
        text_width = option.fontMetrics.horizontalAdvance("100") + 8
        track = rect.adjusted(text_width, 2, 0, -2)
        bar = QRect(track.left(), track.top(), int(track.width() * value / 100), track.height())
        colour = QColor(option.palette.highlight().color())
        if selected:
            colour = QColor(option.palette.highlightedText().color())
        colour.setAlpha(150)
        painter.fillRect(bar, colour)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        painter.drawText(
            QRect(rect.left(), option.rect.top(), text_width - 4, option.rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            str(value),
        )
        painter.restore()


class FeaturesView(QWidget):
    """Lays out the feature tree and the explanation of the selected feature."""

    featureSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources: Mapping[str, Source] = {}
        self._html = ""
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

        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Why this feature")
        self.detail.setOpenExternalLinks(False)
        self.detail.setHtml(PLACEHOLDER_HTML)

        title = QLabel("<b>Shoe features, most important first</b>")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(title)
        left_layout.addWidget(self.tree)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

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

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current)

    def _show(self, index: QModelIndex) -> None:
        feature = self.model.feature_at(index)
        if feature is not None:
            html = feature_html(feature, self._sources)
            if html != self._html:  # re-laying out rich text is the slow part of an update
                self._html = html
                self.detail.setHtml(html)
            self.featureSelected.emit(feature.id)
