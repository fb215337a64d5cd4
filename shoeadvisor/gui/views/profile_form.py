"""The runner profile form: every field of the profile, checked as the runner types.

The fields, their kinds and their limits come from the profile model (form_limits),
their words from the vocabulary (labels). The form holds no profile of its own: each
edit is sent to the session as a patch of the one field that changed, and every
widget is drawn from the session's draft, so another page that changes the profile
(the Knee page) is never overwritten by a stale box here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape, unescape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.form_limits import (
    FEET_AND_INCHES,
    FieldSpec,
    feet_inches,
    format_number,
    in_feet_and_inches,
    parse_feet_inches,
    parse_number,
    to_metric,
    to_shown,
    typical_text,
    unit,
)

from ..platform.theme import error_colour
from ..session import Change
from ..widgets.flow_layout import FlowLayout
from ..widgets.sizing import chars
from ..widgets.text_labels import intro_label

if TYPE_CHECKING:
    from ..session import RunnerSession

CHOOSE = "Choose\u2026"

#: Where each field goes; a field of the model that no group names goes under "More".
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("You", ("name", "units", "weight_kg", "height_cm", "age", "sex", "experience")),
    ("Your feet", ("foot_width", "pronation", "arch", "foot_strike")),
    ("Where and when you run", ("surfaces", "seasons", "downhill")),
    (
        "Training",
        (
            "weekly_km",
            "previous_weekly_km",
            "longest_run_30d_km",
            "planned_longest_run_km",
            "warm_up",
            "injured_last_year",
        ),
    ),
    ("Knees (leave empty if they don't hurt)", ("knee_pain", "knee_symptoms")),
)
#: The letter of each field's label that Alt+letter jumps to. The tabs (A, S, K, R), the
#: menus (F, V, H), Metric/Imperial (T, I) and the profile list's Duplicate and Undo (U, O)
#: are on screen with the form and keep theirs; the form has more labels than letters
#: left, so Age, Sex, the last week's distance and the main surface have none (Tab
#: reaches them). tests/gui/test_mnemonics.py fails on any clash.
MNEMONICS = {
    "name": "N",
    "weight_kg": "W",
    "height_cm": "g",
    "experience": "x",
    "foot_width": "d",
    "pronation": "P",
    "arch": "c",
    "foot_strike": "e",
    "downhill": "l",
    "previous_weekly_km": "b",
    "warm_up": "m",
}
#: Fields the run log fills in when the runner leaves them blank (core.training).
FROM_RUNS = ("weekly_km", "previous_weekly_km", "longest_run_30d_km")
#: The choice meaning "don't know": an optional field offers it in place of "Not set".
DONT_KNOW = "unknown"
#: A number box is as wide as this many characters ("180.8", "5 ft" in two boxes).
NUMBER_CHARS = 9


def _with_mnemonic(text: str, letter: str | None) -> str:
    if not letter:
        return text
    at = text.find(letter)
    if at < 0:
        at = text.lower().find(letter.lower())
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


def _combo() -> QComboBox:
    """A combo box that may be narrower than its longest item, so the form fits its column."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def _same_number(text: str, value: float, key: str, units: str) -> bool:
    """Whether the typed text already stands for this stored value (then it stays as typed)."""
    try:
        shown = parse_number(text)
    except ValueError:
        return False
    if shown is None:
        return False
    return abs(to_metric(key, shown, units) - value) < 1e-9 or text.strip() == format_number(
        to_shown(key, value, units)
    )


class ProfileForm(QWidget):
    """Lays out the profile fields; sends patches to the session; draws its draft."""

    def __init__(self, session: RunnerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._fields = session.form_fields
        self._drawing = False
        self._touched: set[str] = set()
        self._opened: dict[str, float] = {}
        self._show_all = False
        self._shown_profile: object = ()  # which profile the touched fields belong to
        self._errors: dict[str, QLabel] = {}
        self.number_edits: dict[str, QLineEdit] = {}
        #: The inches box beside the feet of a height, shown in imperial units only.
        self.inch_edits: dict[str, QLineEdit] = {}
        self._inch_units: dict[str, QLabel] = {}
        self.unit_labels: dict[str, QLabel] = {}
        #: Beside each field the run log can fill: "from your runs" or "your own (runs: …)".
        self.source_labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        self._forms: list[QFormLayout] = []
        self._order: list[str] = []

        outer = QVBoxLayout(self)
        outer.addWidget(
            intro_label(
                "Describe yourself; the advice on the right updates as you type. "
                "Fields marked <b>*</b> are required."
            )
        )
        placed = {key for _, keys in GROUPS for key in keys}
        rest = tuple(key for key in self._fields if key not in placed)
        for title, keys in (*GROUPS, ("More", rest)):
            present = [key for key in keys if key in self._fields]
            if not present:
                continue
            group = QGroupBox(title)
            form = QFormLayout(group)
            # A label too long to sit beside its field goes above it, in a narrow window.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in present:
                self._add_field(form, self._fields[key])
                self._order.append(key)
            outer.addWidget(group)
            self._forms.append(form)
        outer.addStretch()
        self._labels_beside_from = self._side_by_side_width()
        # Old names, used by tests and by the window.
        self.surface_boxes = self.boxes.get("surfaces", {})
        self.season_boxes = self.boxes.get("seasons", {})
        self.knee_pain_boxes = self.boxes.get("knee_pain", {})
        self.knee_symptom_boxes = self.boxes.get("knee_symptoms", {})
        for key, combo in self.combos.items():
            setattr(self, f"{key}_combo", combo)

        session.changed.connect(self._redraw)
        self.draw()

    # ------------------------------------------------------------------ narrow or wide
    def _side_by_side_width(self) -> int:
        """How wide the form must be for labels beside fields that show their longest choice."""
        labels_width = fields_width = 0
        for form in self._forms:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is None or field is None or label.widget() is None:
                    continue
                label_width = label.widget().sizeHint().width()
                if label_width > chars(self, 30):
                    continue  # a label this long goes above its field anyway (WrapLongRows)
                labels_width = max(labels_width, label_width)
                # Rows of check boxes and radio buttons wrap: their narrowest is enough.
                fields_width = max(fields_width, field.minimumSize().width())
        for combo in self.combos.values():
            longest = max(
                (
                    combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                    for i in range(combo.count())
                ),
                default=0,
            )
            fields_width = max(fields_width, longest + chars(combo, 6))
        # Group box frames and the form's own margins, on both sides.
        return labels_width + fields_width + chars(self, 10)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_rows(event.size().width())
        super().resizeEvent(event)

    def _fit_rows(self, width: int) -> None:
        """Labels beside their fields when there is room; above them in a narrow window."""
        policy = (
            QFormLayout.RowWrapPolicy.WrapLongRows
            if width >= self._labels_beside_from
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        for form in self._forms:
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)

    def in_form_order(self, keys: Iterable[str]) -> list[str]:
        """Field keys in the order the form shows them (for "still needed: …")."""
        wanted = set(keys)
        return [key for key in self._order if key in wanted] + sorted(wanted - set(self._order))

    def side_by_side_width(self) -> int:
        """The width from which labels sit beside their fields."""
        return self._labels_beside_from

    def labels_above_fields(self) -> bool:
        """Whether the form is laid out for a narrow window (each label above its field)."""
        return bool(self._forms) and (
            self._forms[0].rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows
        )

    # ------------------------------------------------------------------ building
    def _label(self, spec: FieldSpec) -> str:
        text = _with_mnemonic(labels.field(spec.key), MNEMONICS.get(spec.key))
        return f"{text} *" if spec.required else text

    def _describe(self, spec: FieldSpec, target: QWidget) -> None:
        name = labels.field(spec.key)
        target.setAccessibleName(name + (" (required)" if spec.required else ""))
        hint = labels.FIELD_HINTS.get(spec.key)
        if hint:
            target.setToolTip(hint)
            target.setAccessibleDescription(hint)

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(f"Problem with {labels.field(key)}")
        label.hide()
        self._errors[key] = label
        return label

    def _row(self, form: QFormLayout, spec: FieldSpec, widget: QWidget, focus: QWidget) -> None:
        self._describe(spec, focus)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(spec.key))
        row_label = QLabel(self._label(spec))
        row_label.setBuddy(focus)  # Alt+underlined letter jumps to the input
        form.addRow(row_label, box)

    def _add_field(self, form: QFormLayout, spec: FieldSpec) -> None:
        key = spec.key
        if key == "units":
            self._add_units(form)
        elif spec.kind == "text":
            edit = QLineEdit()
            edit.setPlaceholderText("e.g. Sam")
            if spec.max_length:
                edit.setMaxLength(spec.max_length + 20)  # too long is told, not cut silently
            edit.textEdited.connect(lambda text, k=key: self._edited(k, text))
            self.name_edit = edit
            self._row(form, spec, edit, edit)
        elif spec.kind == "number":
            self._add_number(form, spec)
        elif spec.kind in ("choice", "flag"):
            combo = _combo()
            # An optional field with its own "Don't know" offers that, not "Not set" too:
            # both mean the same to the advice, and a runner should not have to choose.
            dont_know = not spec.required and DONT_KNOW in spec.choices
            if dont_know:
                combo.addItem(labels.choice(key, DONT_KNOW), None)
            else:
                combo.addItem(CHOOSE if spec.required else labels.NOT_SET, None)
            if spec.kind == "flag":
                for value in (True, False):
                    combo.addItem(labels.yes_no(value), value)
            else:
                for value in spec.choices:
                    if not (dont_know and value == DONT_KNOW):
                        combo.addItem(labels.choice(key, value), value)
            combo.currentIndexChanged.connect(
                lambda _i, k=key, c=combo: self._edited(k, c.currentData())
            )
            self.combos[key] = combo
            self._row(form, spec, combo, combo)
        elif spec.kind == "many":
            self._add_checks(form, spec)

    def _add_units(self, form: QFormLayout) -> None:
        row = QWidget()
        layout = FlowLayout(row)  # one below the other when the form is narrow
        self.metric_radio = QRadioButton(_with_mnemonic(labels.choice("units", "metric"), "t"))
        self.imperial_radio = QRadioButton(_with_mnemonic(labels.choice("units", "imperial"), "I"))
        self.metric_radio.setAccessibleName("Units: metric")
        self.imperial_radio.setAccessibleName("Units: imperial")
        self._units_group = QButtonGroup(self)
        for radio in (self.metric_radio, self.imperial_radio):
            self._units_group.addButton(radio)
            layout.addWidget(radio)
        self.metric_radio.setChecked(True)
        self._units_group.buttonToggled.connect(self._units_toggled)
        form.addRow(labels.field("units"), row)

    def _add_number(self, form: QFormLayout, spec: FieldSpec) -> None:
        edit = QLineEdit()
        edit.setMaximumWidth(chars(edit, NUMBER_CHARS) + 12)
        shown_unit = QLabel(unit(spec.key))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(shown_unit)
        if spec.key in FROM_RUNS:
            source = QLabel()
            source.setObjectName(f"source_{spec.key}")
            source.setAccessibleName(f"Where {labels.field(spec.key)} comes from")
            source.hide()
            layout.addWidget(source)
            self.source_labels[spec.key] = source
        edit.textEdited.connect(lambda text, k=spec.key: self._number_edited(k, text))
        if spec.key in FEET_AND_INCHES:
            # Imperial: feet in this box, inches in the next; the file keeps centimetres.
            inches = QLineEdit()
            inches.setMaximumWidth(edit.maximumWidth())
            inches.setAccessibleName(f"{labels.field(spec.key)}, inches")
            inches_unit = QLabel("in")
            layout.addWidget(inches)
            layout.addWidget(inches_unit)
            inches.textEdited.connect(lambda _text, k=spec.key: self._number_edited(k, ""))
            self.inch_edits[spec.key] = inches
            self._inch_units[spec.key] = inches_unit
        layout.addStretch()
        self.number_edits[spec.key] = edit
        self.unit_labels[spec.key] = shown_unit
        self._row(form, spec, row, edit)

    def _add_checks(self, form: QFormLayout, spec: FieldSpec) -> None:
        key = spec.key
        grid_widget = QWidget()
        # In columns that wrap: four seasons in a row when there is room, two when not.
        grid = FlowLayout(grid_widget, columns=True)
        boxes: dict[str, QCheckBox] = {}
        for value in spec.choices:
            box = QCheckBox(labels.choice(key, value))
            box.setAccessibleName(f"{labels.field(key)}: {labels.choice(key, value)}")
            hint = labels.FIELD_HINTS.get(key)
            if hint:
                box.setToolTip(hint)
            box.toggled.connect(lambda on, k=key, v=value: self._ticked(k, v, on))
            grid.addWidget(box)
            boxes[value] = box
        self.boxes[key] = boxes
        label = labels.field(key) + (" *" if spec.required else "")
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(grid_widget)
        layout.addWidget(self._error_label(key))
        form.addRow(label, holder)
        if key == "surfaces":
            self.main_surface_combo = _combo()
            self.main_surface_combo.setAccessibleName("Main surface")
            self.main_surface_combo.setToolTip("The surface you run on most; it weighs the most.")
            self.main_surface_combo.activated.connect(self._main_surface_chosen)
            main_label = QLabel("Main surface")
            main_label.setBuddy(self.main_surface_combo)
            form.addRow(main_label, self.main_surface_combo)

    # ------------------------------------------------------------------ the runner's edits
    @property
    def units(self) -> str:
        return "imperial" if self._session.draft.get("units") == "imperial" else "metric"

    def _send(self, key: str, value: Any) -> None:
        self._touched.add(key)
        self._session.update(**{key: value})

    def _edited(self, key: str, value: Any) -> None:
        if not self._drawing:
            self._send(key, value)

    def _feet_inches_text(self, key: str) -> str:
        """The two boxes of an imperial height as one text ("5 ft 9 in") for core to read."""
        feet = self.number_edits[key].text().strip()
        inches = self.inch_edits[key].text().strip()
        if feet and inches:
            return f"{feet} ft {inches} in"
        return f"{feet} ft" if feet else f"{inches} in" if inches else ""

    def _height_edited(self, key: str) -> None:
        text = self._feet_inches_text(key)
        stored = self._session.draft.get(key)
        try:
            inches = parse_feet_inches(text)
        except ValueError:
            self._send(key, text)  # kept as typed, and named as a problem
            return
        if inches is None:
            self._send(key, None)
            return
        if isinstance(stored, float | int) and feet_inches(inches) == feet_inches(
            to_shown(key, stored, "imperial")
        ):
            self._touched.add(key)  # the height as shown: the exact centimetres are kept
            return
        opened = self._opened.get(key)
        if opened is not None and feet_inches(inches) == feet_inches(
            to_shown(key, opened, "imperial")
        ):
            self._send(key, opened)  # typed back as it was shown: the file's own value
            return
        self._send(key, to_metric(key, inches, "imperial"))

    def _number_edited(self, key: str, text: str) -> None:
        if self._drawing:
            return
        units = self.units
        if in_feet_and_inches(key, units):
            self._height_edited(key)
            return
        stored = self._session.draft.get(key)
        if isinstance(stored, float | int) and text.strip() == format_number(
            to_shown(key, stored, units)
        ):
            self._touched.add(key)  # the same number as shown: the exact value is kept
            return
        try:
            shown = parse_number(text)
        except ValueError:
            self._send(key, text)  # kept as typed, and named as a problem
            return
        opened = self._opened.get(key)
        if (
            shown is not None
            and opened is not None
            and format_number(shown) == format_number(to_shown(key, opened, units))
        ):
            self._send(key, opened)  # typed back as it was shown: the file's own value
            return
        self._send(key, None if shown is None else to_metric(key, shown, units))

    def _ticked(self, key: str, value: str, on: bool) -> None:
        if self._drawing:
            return
        current = list(self._session.draft.get(key) or [])
        if key == "surfaces":  # in the order ticked: the first is the main surface
            chosen = [v for v in current if v != value] + ([value] if on else [])
            if on and value in current:
                chosen = current
        else:
            marked = set(current) | {value} if on else set(current) - {value}
            chosen = [v for v in self._fields[key].choices if v in marked]
        self._send(key, chosen)

    def _main_surface_chosen(self, index: int) -> None:
        chosen = self.main_surface_combo.itemData(index)
        current = list(self._session.draft.get("surfaces") or [])
        if chosen in current and current[0] != chosen:
            self._send("surfaces", [chosen, *(s for s in current if s != chosen)])

    def _units_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if self._drawing or not checked:
            return
        units = "imperial" if self.imperial_radio.isChecked() else "metric"
        if units != self.units:
            self._send("units", units)

    # ------------------------------------------------------------------ drawing
    def _redraw(self, change: Change) -> None:
        if change & (Change.DRAFT | Change.CURRENT | Change.RUNS):
            self.draw()

    def draw(self) -> None:
        """Show the session's draft; a field being typed in keeps the runner's text."""
        session = self._session
        draft = session.draft
        if session.profile_id != self._shown_profile:  # another profile: start afresh
            self._shown_profile = session.profile_id
            self._touched.clear()
            self._show_all = session.profile_id is not None
            # The numbers as opened, so that retyping one as shown (in pounds, or in feet
            # and inches) gives back the exact stored value: nothing drifts by rounding.
            self._opened = {
                key: float(value)
                for key in self.number_edits
                if isinstance(value := draft.get(key), int | float) and not isinstance(value, bool)
            }
        units = self.units
        self._drawing = True
        try:
            name = draft.get("name")
            name = name if isinstance(name, str) else ""
            if hasattr(self, "name_edit") and self.name_edit.text().strip() != name.strip():
                self.name_edit.setText(name)
            if hasattr(self, "imperial_radio"):
                (self.imperial_radio if units == "imperial" else self.metric_radio).setChecked(True)
            for key, edit in self.number_edits.items():
                self._draw_number(key, edit, draft.get(key), units)
            self._draw_from_runs(units)
            for key, combo in self.combos.items():
                index = max(combo.findData(draft.get(key)), 0)
                if combo.currentIndex() != index:
                    combo.setCurrentIndex(index)
            for key, boxes in self.boxes.items():
                chosen = set(draft.get(key) or ())
                for value, box in boxes.items():
                    if box.isChecked() != (value in chosen):
                        box.setChecked(value in chosen)
            if hasattr(self, "main_surface_combo"):
                self._draw_main_surface(list(draft.get("surfaces") or ()))
        finally:
            self._drawing = False
        self._draw_errors(session.problems)

    def _draw_number(self, key: str, edit: QLineEdit, value: Any, units: str) -> None:
        inches = self.inch_edits.get(key)
        if inches is not None:
            self._inch_units[key].setVisible(units == "imperial")
            inches.setVisible(units == "imperial")
        if in_feet_and_inches(key, units) and inches is not None:
            self._draw_feet_inches(key, edit, inches, value)
            return
        self.unit_labels[key].setText(unit(key, units))
        example = typical_text(key, units)
        # "e.g. 70", never a bare "70" that reads as if it were already filled in.
        edit.setPlaceholderText(f"e.g. {example}" if example else "")
        if isinstance(value, str):
            wanted = value
        elif value is None:
            wanted = ""
        elif _same_number(edit.text(), float(value), key, units):
            return
        else:
            wanted = format_number(to_shown(key, float(value), units))
        if edit.text() != wanted:
            edit.setText(wanted)

    def _draw_from_runs(self, units: str) -> None:
        """Say which load fields come from the run log and which the runner typed."""
        session = self._session
        figures = session.figures_from_runs
        filled = session.filled_from_runs
        for key, label in self.source_labels.items():
            value = figures.get(key)
            if value is None:
                label.hide()
                continue
            number = format_number(to_shown(key, value, units))
            shown = f"{number} {unit(key, units)}"
            edit = self.number_edits[key]
            if key in filled:
                edit.setPlaceholderText(number)
                label.setText("<i>from your runs</i>")
                tip = "Left blank: your logged runs fill it in. Type a value to use your own."
            else:
                label.setText(f"<i>yours · runs {escape(shown)}</i>")
                tip = f"You typed this; your logged runs say {shown}. Clear it to use your runs."
            label.setToolTip(tip)
            label.show()

    def _draw_feet_inches(self, key: str, feet: QLineEdit, inches: QLineEdit, value: Any) -> None:
        self.unit_labels[key].setText("ft")
        feet.setPlaceholderText("e.g. 5")
        inches.setPlaceholderText("e.g. 9")
        if isinstance(value, str) or value is None:
            if value is None and self._feet_inches_text(key):
                feet.setText("")
                inches.setText("")
            return  # typed text that is not a height yet stays as typed
        shown = feet_inches(to_shown(key, float(value), "imperial"))
        try:
            typed = parse_feet_inches(self._feet_inches_text(key))
        except ValueError:
            typed = None
        if typed is not None and feet_inches(typed) == shown:
            return
        feet.setText(str(shown[0]))
        inches.setText(format_number(shown[1]))

    def _draw_main_surface(self, surfaces: list[str]) -> None:
        combo = self.main_surface_combo
        shown = [combo.itemData(i) for i in range(combo.count())]
        if shown == surfaces and surfaces:
            return
        combo.clear()
        for value in surfaces:
            combo.addItem(labels.choice("surfaces", value), value)
        if not surfaces:
            combo.addItem("Tick a surface first", None)
        combo.setCurrentIndex(0)
        combo.setEnabled(len(surfaces) > 1)

    def _draw_errors(self, problems: Mapping[str, str]) -> None:
        colour = error_colour(self.palette())
        for key, label in self._errors.items():
            message = problems.get(key)
            visible = bool(message) and (self._show_all or key in self._touched)
            if visible:
                label.setText(f"<span style='color:{colour}'>\u26a0 {escape(message)}</span>")
            label.setVisible(visible)

    def follow_palette(self) -> None:
        """The field errors' red, in the new theme's (platform/theme.py)."""
        self._draw_errors(self._session.problems)

    def show_all_errors(self) -> None:
        """Show every message, also for fields the runner has not touched yet."""
        self._show_all = True
        self._draw_errors(self._session.problems)

    def visible_errors(self) -> dict[str, str]:
        """The messages the runner can see, by field."""
        return {
            key: unescape(label.text().split("\u26a0 ", 1)[-1].removesuffix("</span>"))
            for key, label in self._errors.items()
            if not label.isHidden()
        }
