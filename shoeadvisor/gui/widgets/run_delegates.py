"""Editors of the run table: a shoe list that opens at once, knee pain as a 0–10 spin box."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..models.run_models import ChoicesRole

Index = QModelIndex | QPersistentModelIndex
NOT_LOGGED = "not logged"


class ShoeChoiceDelegate(QStyledItemDelegate):
    """A combo box of the runner's shoes; choosing one commits it (one click to open)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Shoe of this run")
        for shoe_id, name in index.data(ChoicesRole) or []:
            combo.addItem(name, shoe_id)

        def chosen(_i: int) -> None:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

        combo.activated.connect(chosen)
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PainDelegate(QStyledItemDelegate):
    """Knee pain after a run: 0 (none) to 10; below 0 reads "not logged" and clears it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setAccessibleName("Knee pain after this run, 0 to 10")
        spin.setRange(-1, 10)
        spin.setSpecialValueText(NOT_LOGGED)
        spin.setSuffix("/10")
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setValue(value if isinstance(value, int) else -1)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            value = editor.value()
            model.setData(index, None if value < 0 else value, Qt.ItemDataRole.EditRole)
