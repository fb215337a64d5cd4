"""Add or edit one shoe: a checklist of features a runner can fill in while holding the shoe."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.advice import FeatureAdvice
from shoeadvisor.core.files import describe_validation_error
from shoeadvisor.core.form_limits import shoe_fields, unit
from shoeadvisor.core.ids import FEATURE_IDS, SHOE_SURFACES, FeatureId
from shoeadvisor.core.knowledge import Knowledge
from shoeadvisor.core.shoes import Shoe

from ..platform.theme import error_colour
from .sizing import fit_to_screen
from .text_labels import intro_label

COMFORT_CHOICES: tuple[tuple[int | None, str], ...] = (
    (None, labels.comfort(None)),
    *((level, labels.comfort(level)) for level in sorted(labels.COMFORT)),
)
COMFORT_HINT = (
    "Put both shoes on, lace them, walk and jog a few steps. How do they feel? Of all the "
    "ways to choose a running shoe, picking the one that feels comfortable has the most "
    "research behind it, so this rating counts for up to ±10 points."
)
UNKNOWN_TIP = "don't know (not checked yet; does not count for or against the shoe)"
NUMBER_KEYS = ("weight_g", "drop_mm", "stack_mm")


def field_label(key: str) -> str:
    """ "Weight (g)": the shoe field's name, with its unit where it has one."""
    shown_unit = unit(key)
    return f"{labels.shoe_field(key)} ({shown_unit})" if shown_unit else labels.shoe_field(key)


def number_range(key: str) -> tuple[float, float]:
    """A measurement's limits, as the Shoe model enforces them."""
    spec = shoe_fields()[key]
    assert spec.low is not None and spec.high is not None
    return spec.low, spec.high


# -- the form as plain values: testable without widgets ----------------------


@dataclass
class ShoeFormValues:
    """What the editor's fields hold, as text and choices."""

    id: str
    name: str = ""
    surface: str | None = None
    weight_g: str = ""
    drop_mm: str = ""
    stack_mm: str = ""
    comfort: int | None = None
    notes: str = ""
    features: dict[FeatureId, int] = field(default_factory=dict)


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    return float(text)


def shoe_from_values(values: ShoeFormValues) -> tuple[Shoe | None, dict[str, str]]:
    """The shoe, or the problems as {field: message} with the field's label in each message."""
    errors: dict[str, str] = {}
    data: dict[str, Any] = {"id": values.id, "name": values.name.strip(), "features": {}}
    if not data["name"]:
        errors["name"] = "Name: give the shoe a name, e.g. the model printed on the tongue."
    elif len(data["name"]) > (longest := shoe_fields()["name"].max_length or 200):
        errors["name"] = f"Name: at most {longest} characters."
    for key in ("weight_g", "drop_mm", "stack_mm"):
        label = field_label(key)
        try:
            number = _number(getattr(values, key))
        except ValueError:
            errors[key] = f"{label}: enter a number such as 12 or 12.5, or leave it empty."
            continue
        if number is None:
            continue
        low, high = number_range(key)
        if not low <= number <= high:
            errors[key] = f"{label}: must be between {low:g} and {high:g}."
            continue
        data[key] = number
    if values.surface is not None:
        data["surface"] = values.surface
    if values.comfort is not None:
        data["comfort"] = values.comfort
    notes = values.notes.strip()
    if notes:
        data["notes"] = notes
        if len(notes) > (longest := shoe_fields()["notes"].max_length or 5000):
            errors["notes"] = f"Notes: at most {longest:,} characters."
    data["features"] = dict(values.features)
    if errors:
        return None, errors
    try:
        return Shoe.model_validate(data), {}
    except ValidationError as exc:  # a limit of the model the checks above do not know
        where, message = describe_validation_error(exc)
        key = where.split(".")[0]
        return None, {key: f"{field_label(key)}: {message}"}


def values_from_shoe(shoe: Shoe, new_id: str | None = None) -> ShoeFormValues:
    def text(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    return ShoeFormValues(
        id=new_id or shoe.id,
        name=shoe.name,
        surface=shoe.surface,
        weight_g=text(shoe.weight_g),
        drop_mm=text(shoe.drop_mm),
        stack_mm=text(shoe.stack_mm),
        comfort=shoe.comfort,
        notes=shoe.notes or "",
        features=dict(shoe.features),
    )


def new_shoe_id(taken: Collection[str]) -> str:
    """A fresh id for one of the runner's shoes."""
    while True:
        candidate = f"my-{uuid.uuid4().hex[:10]}"
        if candidate not in taken:
            return candidate


# -- widgets ------------------------------------------------------------------


class LevelSelector(QWidget):
    """Five buttons in a row: don't know, 0, 1, 2, 3."""

    levelChanged = Signal(object)  # int | None

    def __init__(self, feature_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{feature_name} level")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[int | None, QToolButton] = {}
        for level in (None, 0, 1, 2, 3):
            button = QToolButton(self)
            button.setText("?" if level is None else str(level))
            button.setCheckable(True)
            button.setMinimumWidth(34)
            tip = UNKNOWN_TIP if level is None else labels.feature_level(level)
            button.setToolTip(f"{feature_name}: {tip}")
            button.setAccessibleName(f"{feature_name}: {labels.feature_level(level)}")
            self._group.addButton(button)
            self._buttons[level] = button
            layout.addWidget(button)
        self._buttons[None].setChecked(True)
        # The chosen level must be obvious at a glance, also in a bright shop.
        self.setStyleSheet(
            "QToolButton:checked { background: #0072b2; color: white; font-weight: bold; }"
        )
        self._group.buttonToggled.connect(self._toggled)

    def button(self, level: int | None) -> QToolButton:
        return self._buttons[level]

    def level(self) -> int | None:
        for level, button in self._buttons.items():
            if button.isChecked():
                return level
        return None

    def set_level(self, level: int | None) -> None:
        self._buttons[level].setChecked(True)

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.levelChanged.emit(self.level())


class ShoeEditor(QDialog):
    """Add a shoe (from scratch or from a built-in type) or edit one of the runner's shoes."""

    def __init__(
        self,
        kb: Knowledge,
        features: Sequence[FeatureAdvice] | None = None,
        shoe: Shoe | None = None,
        taken_ids: Collection[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._editing = shoe
        self._shoe: Shoe | None = None
        self._id = shoe.id if shoe is not None else new_shoe_id(taken_ids)
        needs: Mapping[str, FeatureAdvice] = {f.id: f for f in features or ()}
        order: list[FeatureId] = [f.id for f in features] if features else list(FEATURE_IDS)
        self.setWindowTitle("Edit shoe" if shoe is not None else "Add a shoe")
        self.setAccessibleName(self.windowTitle())

        outer = QVBoxLayout(self)
        outer.addWidget(
            intro_label(
                "Fill in what you can see and feel on the shoe. Leave a feature at “?” if you "
                "are not sure: an unchecked feature counts neither for nor against the shoe."
            )
        )

        form = QFormLayout()
        self.start_from = QComboBox(self)
        self.start_from.setAccessibleName("Start from")
        self.start_from.addItem("An empty checklist", None)
        for archetype in kb.catalog:
            self.start_from.addItem(archetype.name, archetype.id)
        self.start_from.setToolTip(
            "Fill the checklist with a typical shoe of this kind, then correct what differs."
        )
        if shoe is None:
            form.addRow("Start from", self.start_from)
        else:
            self.start_from.hide()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setPlaceholderText("e.g. the model name on the tongue label")
        form.addRow("Name", self.name_edit)
        self.surface_combo = QComboBox(self)
        self.surface_combo.setAccessibleName("Surface")
        self.surface_combo.addItem("Not set", None)
        for surface in SHOE_SURFACES:
            self.surface_combo.addItem(labels.shoe_surface(surface), surface)
        form.addRow("Surface", self.surface_combo)
        numbers = QHBoxLayout()
        self.weight_edit = self._number_edit("weight_g", "e.g. 260")
        self.drop_edit = self._number_edit("drop_mm", "e.g. 8")
        self.stack_edit = self._number_edit("stack_mm", "e.g. 32")
        for key, edit in (
            ("weight_g", self.weight_edit),
            ("drop_mm", self.drop_edit),
            ("stack_mm", self.stack_edit),
        ):
            caption = field_label(key)
            numbers.addWidget(QLabel(caption))
            numbers.addWidget(edit)
        form.addRow("Measurements", numbers)
        self.comfort_combo = QComboBox(self)
        self.comfort_combo.setAccessibleName("Comfort")
        for value, text in COMFORT_CHOICES:
            self.comfort_combo.addItem(text, value)
        comfort_box = QVBoxLayout()
        comfort_box.addWidget(self.comfort_combo)
        comfort_hint = QLabel(COMFORT_HINT)
        comfort_hint.setWordWrap(True)
        _small(comfort_hint)
        comfort_box.addWidget(comfort_hint)
        form.addRow("Comfort when tried on", comfort_box)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("Size, price, shop, how it felt on a test jog…")
        self.notes_edit.setFixedHeight(56)
        form.addRow("Notes", self.notes_edit)
        outer.addLayout(form)

        heading = QLabel("Features — 0 absent · 1 slight · 2 present · 3 strong · ? don't know")
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        outer.addWidget(heading)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(0, 1)
        self.selectors: dict[FeatureId, LevelSelector] = {}
        self.hints: dict[FeatureId, QLabel] = {}
        for row, fid in enumerate(order):
            info = kb.features[fid]
            need = needs.get(fid)
            title = info.name if need is None else f"{info.name}  ({need.level} for you)"
            label = QLabel(title)
            if need is not None and need.level == "essential":
                label.setFont(bold)
            label.setToolTip(info.description)
            selector = LevelSelector(info.name, grid_host)
            selector.setToolTip(f"How to check: {info.how_to_check}")
            hint = QLabel(f"How to check: {info.how_to_check}")
            hint.setWordWrap(True)
            hint.setAccessibleName(f"How to check {info.name}")
            _small(hint)
            label.setBuddy(selector.button(None))
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(selector, row * 2, 1)
            grid.addWidget(hint, row * 2 + 1, 0, 1, 2)
            self.selectors[fid] = selector
            self.hints[fid] = hint
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(grid_host)
        scroll.setAccessibleName("Feature checklist")
        outer.addWidget(scroll, 1)

        self.error_label = QLabel(self)
        self.follow_palette()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problems")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "weight_g": self.weight_edit,
            "drop_mm": self.drop_edit,
            "stack_mm": self.stack_edit,
            "notes": self.notes_edit,
            "surface": self.surface_combo,
            "comfort": self.comfort_combo,
        }
        if shoe is not None:
            self.set_values(values_from_shoe(shoe))
        self.start_from.currentIndexChanged.connect(self._start_from_changed)
        fit_to_screen(self, 760, 820)  # the checklist scrolls on a small screen

    def follow_palette(self) -> None:
        """The error line's red, in the theme's (also after a switch: platform/theme.py)."""
        self.error_label.setStyleSheet(f"color: {error_colour(self.palette())}; font-weight: bold;")

    def _number_edit(self, key: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(field_label(key))
        edit.setPlaceholderText(placeholder)
        low, high = number_range(key)
        edit.setToolTip(f"{field_label(key)}: {low:g} to {high:g}; leave empty if unknown")
        edit.setMaximumWidth(90)
        return edit

    # -- values -------------------------------------------------------------

    def values(self) -> ShoeFormValues:
        features = {
            fid: level
            for fid, selector in self.selectors.items()
            if (level := selector.level()) is not None
        }
        return ShoeFormValues(
            id=self._id,
            name=self.name_edit.text(),
            surface=self.surface_combo.currentData(),
            weight_g=self.weight_edit.text(),
            drop_mm=self.drop_edit.text(),
            stack_mm=self.stack_edit.text(),
            comfort=self.comfort_combo.currentData(),
            notes=self.notes_edit.toPlainText(),
            features=features,
        )

    def set_values(self, values: ShoeFormValues) -> None:
        self.name_edit.setText(values.name)
        self.surface_combo.setCurrentIndex(max(0, self.surface_combo.findData(values.surface)))
        self.weight_edit.setText(values.weight_g)
        self.drop_edit.setText(values.drop_mm)
        self.stack_edit.setText(values.stack_mm)
        self.comfort_combo.setCurrentIndex(max(0, self.comfort_combo.findData(values.comfort)))
        self.notes_edit.setPlainText(values.notes)
        for fid, selector in self.selectors.items():
            selector.set_level(values.features.get(fid))

    def start_from_archetype(self, archetype_id: str | None) -> None:
        """Fill the checklist from a built-in type, keeping a name already typed."""
        index = self.start_from.findData(archetype_id)
        if index >= 0 and index != self.start_from.currentIndex():
            self.start_from.setCurrentIndex(index)  # calls back into _start_from_changed

    def _start_from_changed(self, index: int) -> None:
        archetype_id = self.start_from.itemData(index)
        name = self.name_edit.text()
        if archetype_id is None:
            self.set_values(ShoeFormValues(id=self._id, name=name))
            return
        archetype = next(s for s in self._kb.catalog if s.id == archetype_id)
        values = values_from_shoe(archetype, new_id=self._id)
        values.name = name
        values.comfort = self.comfort_combo.currentData()
        values.notes = self.notes_edit.toPlainText()
        self.set_values(values)

    def shoe(self) -> Shoe | None:
        """The shoe once the dialog was accepted."""
        return self._shoe

    def validate(self) -> Shoe | None:
        """Check the fields; show the first problem and focus its field."""
        shoe, errors = shoe_from_values(self.values())
        if shoe is None:
            self.error_label.setText("\n".join(errors.values()))
            self.error_label.show()
            first = next(iter(errors))
            widget = self._fields.get(first)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self.error_label.hide()
        return shoe

    def accept(self) -> None:
        shoe = self.validate()
        if shoe is None:
            return
        self._shoe = shoe
        super().accept()


def _small(label: QLabel) -> None:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF() - 1, 7))
    label.setFont(font)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
