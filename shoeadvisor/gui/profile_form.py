"""The runner profile form: every field of contract §1, checked as the runner types."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from . import form_logic
from .form_logic import (
    FIELD_LABELS,
    NUMBER_FIELDS,
    VALUE_LABELS,
    FormResult,
    FormValues,
)

NOT_SET = "Not set"
CHOOSE = "Choose\u2026"

HINTS: dict[str, str] = {
    "name": "Any name, just for you.",
    "weight_kg": "Heavier runners land harder, which changes how much cushioning helps.",
    "height_cm": "Optional: with your weight it gives a body-mass index.",
    "foot_width": "If most shoes pinch at the ball of the foot, choose Wide.",
    "pronation": "How your ankle rolls when you land. A running store can film it.",
    "arch": "Wet-foot test: a full footprint means a flat arch.",
    "foot_strike": "Which part of your foot touches the ground first.",
    "surfaces": "Tick all you use; pick the one you use most as the main surface.",
    "weekly_km": "Leave empty if you don't know.",
    "previous_weekly_km": "Used to spot a sudden jump in distance.",
    "knee_pain": "Only if your knees hurt when or after you run.",
}


def error_colour(palette: QPalette) -> str:
    """A red that stays readable on both light and dark window backgrounds."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b71c1c"


def _combo() -> QComboBox:
    """A combo box that may be narrower than its longest item, so the form fits its column."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


class ProfileForm(QWidget):
    """Lays out the profile fields; emits `edited(FormResult)` after every change."""

    edited = Signal(object)  # FormResult

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._show_all_errors = False
        self._touched: set[str] = set()
        self._exact: dict[str, tuple[str, float]] = {}
        self._units = "metric"
        self._surface_order: list[str] = []
        self._errors: dict[str, QLabel] = {}
        self._result = FormResult(None, {})

        outer = QVBoxLayout(self)
        intro = QLabel(
            "Describe yourself; the advice on the right updates as you type. "
            "Fields marked <b>*</b> are required."
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        # -- you
        you = QGroupBox("You")
        form = self._form(you)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. Sam")
        self._add_row(form, "name", "&Name *", self.name_edit)

        units_row = QWidget()
        units_layout = QHBoxLayout(units_row)
        units_layout.setContentsMargins(0, 0, 0, 0)
        self.metric_radio = QRadioButton("&Metric (kg, km, cm)")
        self.imperial_radio = QRadioButton("&Imperial (lb, mi, in)")
        self.metric_radio.setChecked(True)
        self._units_group = QButtonGroup(self)
        self._units_group.addButton(self.metric_radio)
        self._units_group.addButton(self.imperial_radio)
        units_layout.addWidget(self.metric_radio)
        units_layout.addWidget(self.imperial_radio)
        units_layout.addStretch()
        self.metric_radio.setAccessibleName("Units: metric")
        self.imperial_radio.setAccessibleName("Units: imperial")
        form.addRow("Units", units_row)

        self.number_edits: dict[str, QLineEdit] = {}
        self.unit_labels: dict[str, QLabel] = {}
        self._add_number(form, "weight_kg", "&Weight *")
        self._add_number(form, "height_cm", "&Height")
        self.experience_combo = self._choice_combo("experience", NOT_SET)
        self._add_row(form, "experience", "E&xperience", self.experience_combo)
        outer.addWidget(you)

        # -- feet
        feet = QGroupBox("Your feet")
        form = self._form(feet)
        self.foot_width_combo = self._choice_combo("foot_width", CHOOSE)
        self._add_row(form, "foot_width", "Foot &width *", self.foot_width_combo)
        self.pronation_combo = self._choice_combo("pronation", CHOOSE)
        self._add_row(form, "pronation", "&Pronation *", self.pronation_combo)
        self.arch_combo = self._choice_combo("arch", NOT_SET)
        self._add_row(form, "arch", "&Arch", self.arch_combo)
        self.foot_strike_combo = self._choice_combo("foot_strike", NOT_SET)
        self._add_row(form, "foot_strike", "Foot stri&ke", self.foot_strike_combo)
        outer.addWidget(feet)

        # -- where and when
        where = QGroupBox("Where and when you run")
        form = self._form(where)
        self.surface_boxes = self._check_grid(form, "surfaces", "Surfaces *", columns=2)
        self.main_surface_combo = _combo()
        self.main_surface_combo.setAccessibleName("Main surface")
        self.main_surface_combo.setToolTip("The surface you run on most; it weighs the most.")
        main_label = QLabel("Ma&in surface")
        main_label.setBuddy(self.main_surface_combo)
        form.addRow(main_label, self.main_surface_combo)
        self.season_boxes = self._check_grid(form, "seasons", "Seasons *", columns=4)
        self.downhill_combo = self._yes_no_combo("downhill", "Runs downhill regularly")
        self._add_row(form, "downhill", "&Downhill often", self.downhill_combo)
        outer.addWidget(where)

        # -- training
        training = QGroupBox("Training")
        form = self._form(training)
        self._add_number(form, "weekly_km", "Distance &last week")
        self._add_number(form, "previous_weekly_km", "Distance week &before")
        self.warm_up_combo = self._yes_no_combo("warm_up", "Warms up before running")
        self._add_row(form, "warm_up", "Warm-&up first", self.warm_up_combo)
        outer.addWidget(training)

        # -- knees
        knees = QGroupBox("Knees (leave empty if they don't hurt)")
        form = self._form(knees)
        self.knee_pain_boxes = self._check_grid(form, "knee_pain", "Where it hurts", columns=2)
        self.knee_symptom_boxes = self._check_grid(form, "knee_symptoms", "Also noticed", columns=2)
        outer.addWidget(knees)
        outer.addStretch()

        self.name_edit.textEdited.connect(lambda: self._changed("name"))
        self._units_group.buttonToggled.connect(self._on_units_toggled)
        self.main_surface_combo.activated.connect(self._on_main_surface)
        for key, combo in self._combos().items():
            combo.currentIndexChanged.connect(lambda _i, k=key: self._changed(k))
        for key, edit in self.number_edits.items():
            edit.textEdited.connect(lambda _t, k=key: self._changed(k))
        for key, boxes in self._check_groups().items():
            for value, box in boxes.items():
                box.toggled.connect(lambda on, k=key, v=value: self._on_check(k, v, on))
        self._refresh_main_surface()
        self._refresh_errors({})

    # ------------------------------------------------------------------ layout helpers
    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setWordWrap(True)
        label.setAccessibleName(f"Problem with {FIELD_LABELS[key]}")
        label.hide()
        self._errors[key] = label
        return label

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(key))
        return box

    def _add_row(
        self, form: QFormLayout, key: str, label: str, widget: QWidget, focus: QWidget | None = None
    ) -> None:
        """A labelled row with its message line; `focus` is the input inside `widget`."""
        target = focus or widget
        target.setAccessibleName(FIELD_LABELS[key] + (" (required)" if "*" in label else ""))
        if key in HINTS:
            target.setToolTip(HINTS[key])
            target.setAccessibleDescription(HINTS[key])
        row_label = QLabel(label)
        row_label.setBuddy(target)  # Alt+underlined letter jumps to the input
        form.addRow(row_label, self._with_error(key, widget))

    def _add_number(self, form: QFormLayout, key: str, label: str) -> None:
        spec = NUMBER_FIELDS[key]
        edit = QLineEdit()
        edit.setPlaceholderText(spec.example if spec.required else f"e.g. {spec.example}")
        edit.setMaximumWidth(110)
        unit = QLabel(spec.metric_unit)
        unit.setMinimumWidth(24)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(unit)
        layout.addStretch()
        self.number_edits[key] = edit
        self.unit_labels[key] = unit
        self._add_row(form, key, label, row, focus=edit)

    def _choice_combo(self, key: str, empty: str) -> QComboBox:
        combo = _combo()
        combo.addItem(empty, None)
        for value in form_logic.CHOICES[key]:
            combo.addItem(VALUE_LABELS[value], value)
        return combo

    @staticmethod
    def _yes_no_combo(key: str, meaning: str) -> QComboBox:
        combo = _combo()
        combo.addItem(NOT_SET, None)
        combo.addItem("Yes", True)
        combo.addItem("No", False)
        combo.setToolTip(meaning)
        return combo

    def _check_grid(
        self, form: QFormLayout, key: str, label: str, columns: int
    ) -> dict[str, QCheckBox]:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, QCheckBox] = {}
        for i, value in enumerate(form_logic.CHOICES[key]):
            box = QCheckBox(VALUE_LABELS[value])
            box.setAccessibleName(f"{FIELD_LABELS[key]}: {VALUE_LABELS[value]}")
            if key in HINTS:
                box.setToolTip(HINTS[key])
            grid.addWidget(box, i // columns, i % columns)
            boxes[value] = box
        form.addRow(label, self._with_error(key, grid_widget))
        return boxes

    def _combos(self) -> dict[str, QComboBox]:
        return {
            "foot_width": self.foot_width_combo,
            "pronation": self.pronation_combo,
            "experience": self.experience_combo,
            "foot_strike": self.foot_strike_combo,
            "arch": self.arch_combo,
            "downhill": self.downhill_combo,
            "warm_up": self.warm_up_combo,
        }

    def _check_groups(self) -> dict[str, dict[str, QCheckBox]]:
        return {
            "seasons": self.season_boxes,
            "surfaces": self.surface_boxes,
            "knee_pain": self.knee_pain_boxes,
            "knee_symptoms": self.knee_symptom_boxes,
        }

    # ------------------------------------------------------------------ state
    @property
    def units(self) -> str:
        return self._units

    @property
    def result(self) -> FormResult:
        """The last conversion: a profile, or the errors shown next to the fields."""
        return self._result

    def values(self) -> FormValues:
        """What the form shows right now."""

        def ticked(key: str) -> tuple[str, ...]:
            return tuple(v for v, box in self._check_groups()[key].items() if box.isChecked())

        combos = self._combos()
        return FormValues(
            name=self.name_edit.text(),
            foot_width=combos["foot_width"].currentData(),
            pronation=combos["pronation"].currentData(),
            seasons=ticked("seasons"),
            surfaces=tuple(self._surface_order),
            experience=combos["experience"].currentData(),
            foot_strike=combos["foot_strike"].currentData(),
            arch=combos["arch"].currentData(),
            downhill=combos["downhill"].currentData(),
            warm_up=combos["warm_up"].currentData(),
            knee_pain=ticked("knee_pain"),
            knee_symptoms=ticked("knee_symptoms"),
            units=self._units,
            numbers={k: e.text() for k, e in self.number_edits.items()},
            exact=dict(self._exact),
        )

    def set_values(
        self, values: FormValues, *, show_errors: bool = True, emit: bool = True
    ) -> None:
        """Show these values (a loaded profile, a new blank one); optionally re-advise."""
        self._loading = True
        try:
            self.name_edit.setText(values.name)
            for key, combo in self._combos().items():
                index = combo.findData(getattr(values, key))
                combo.setCurrentIndex(max(index, 0))
            self._units = values.units
            (self.imperial_radio if values.units == "imperial" else self.metric_radio).setChecked(
                True
            )
            for key, edit in self.number_edits.items():
                edit.setText(values.number_text(key))
            self._exact = dict(values.exact)
            self._surface_order = list(values.surfaces)
            for key, boxes in self._check_groups().items():
                chosen = getattr(values, key)
                for value, box in boxes.items():
                    box.setChecked(value in chosen)
            self._refresh_units()
            self._refresh_main_surface()
        finally:
            self._loading = False
        self._touched.clear()
        self._show_all_errors = show_errors
        if emit:
            self.revalidate()

    def revalidate(self) -> FormResult:
        """Convert the form again, show its messages and emit `edited`."""
        self._result = form_logic.build_profile(self.values())
        self._refresh_errors(self._result.errors)
        self.edited.emit(self._result)
        return self._result

    def show_all_errors(self) -> None:
        """Show every message, also for fields the runner has not touched yet."""
        self._show_all_errors = True
        self._refresh_errors(self._result.errors)

    # ------------------------------------------------------------------ reactions
    def _changed(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self.revalidate()

    def _on_check(self, key: str, value: str, on: bool) -> None:
        if key == "surfaces" and not self._loading:
            if on and value not in self._surface_order:
                self._surface_order.append(value)
            elif not on and value in self._surface_order:
                self._surface_order.remove(value)
            self._refresh_main_surface()
        self._changed(key)

    def _on_main_surface(self, index: int) -> None:
        chosen = self.main_surface_combo.itemData(index)
        if chosen in self._surface_order:
            self._surface_order.remove(chosen)
            self._surface_order.insert(0, chosen)
            self._refresh_main_surface()
            self._changed("surfaces")

    def _on_units_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if self._loading or not checked:
            return
        units = "imperial" if self.imperial_radio.isChecked() else "metric"
        if units == self._units:
            return
        converted = form_logic.switch_units(self.values(), units)
        self._loading = True
        try:
            for key, edit in self.number_edits.items():
                edit.setText(converted.number_text(key))
            self._exact = dict(converted.exact)
            self._units = units
            self._refresh_units()
        finally:
            self._loading = False
        self._changed("units")

    def _refresh_units(self) -> None:
        for key, label in self.unit_labels.items():
            label.setText(NUMBER_FIELDS[key].unit(self._units))

    def _refresh_main_surface(self) -> None:
        combo = self.main_surface_combo
        combo.blockSignals(True)
        combo.clear()
        for value in self._surface_order:
            combo.addItem(VALUE_LABELS[value], value)
        if not self._surface_order:
            combo.addItem("Tick a surface first", None)
        combo.setCurrentIndex(0)
        combo.setEnabled(len(self._surface_order) > 1)
        combo.blockSignals(False)

    def _refresh_errors(self, errors: Mapping[str, str]) -> None:
        colour = error_colour(self.palette())
        for key, label in self._errors.items():
            message = errors.get(key)
            visible = bool(message) and (self._show_all_errors or key in self._touched)
            if visible:
                label.setText(f"<span style='color:{colour}'>\u26a0 {message}</span>")
                label.setTextFormat(Qt.TextFormat.RichText)
            label.setVisible(visible)

    def visible_errors(self) -> dict[str, str]:
        """The messages the runner can see, by field (for tests and the status line)."""
        return {
            key: label.text().split("\u26a0 ", 1)[-1].removesuffix("</span>")
            for key, label in self._errors.items()
            if not label.isHidden()
        }

    def clear_for_new_profile(self) -> None:
        """An empty form for a new runner: no messages until fields are touched."""
        self.set_values(FormValues(units=self._units), show_errors=False)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
