"""The knee page: where it hurts → what it may be, red flags, the exercise plan, prevention.

The view only shows what core/ decided: marking pain sends a patch to the session, and
everything here is redrawn from the session's draft and advice, so this page, the form,
the rest of the window and `shoeadvisor advise --json` always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shoeadvisor.core import labels
from shoeadvisor.core.ids import KNEE_LOCATIONS, KNEE_SYMPTOMS

from ..models.week_plan import WeekPlanModel
from ..platform.theme import banner_colours, banner_style, error_colour, is_dark, muted_colour
from ..session import Change
from ..widgets.flow_layout import FlowLayout
from ..widgets.knee_drawing import KneeDrawing
from ..widgets.sizing import chars
from ..widgets.text_labels import rich_label

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice, ExerciseAdvice, KneeAdvice
    from shoeadvisor.core.ids import Grade
    from shoeadvisor.core.profile import RunnerProfile

    from ..session import RunnerSession

DISCLAIMER = (
    "<b>Not medical advice.</b> ShoeAdvisor cannot diagnose. It shows what pain in a place "
    "often is in runners, so you know what to ask. See a doctor or physiotherapist for a "
    "diagnosis, and at once for swelling, locking, giving way, numbness or severe pain."
)


def page_style(palette: QPalette) -> str:
    """The red-flag banner, the not-medical-advice note and the cards, in the theme's colours."""
    note, note_text, note_border = banner_colours("note", palette)
    return (
        banner_style("QFrame#redFlagBanner", "danger", palette)
        + f" QLabel#notMedicalAdvice {{ background: {note}; border: 1px solid {note_border};"
        f" border-radius: 4px; padding: 6px; color: {note_text}; }}"
        f' QFrame[card="true"] {{ border: 1px solid {muted_colour(palette)}; border-radius: 6px; }}'
    )


def _e(text: object) -> str:
    return escape(str(text))


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # type: ignore[call-overload]
            widget.deleteLater()


def _scrolling(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


class KneeView(QWidget):
    """Mark where the knee hurts; see what it may be, red flags, the plan and prevention."""

    def __init__(self, session: RunnerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._syncing = False
        self._prevention_for: RunnerProfile | bool | None = False  # what the checklist shows
        self.setObjectName("kneeView")
        self._dark = is_dark(self.palette())
        self.setStyleSheet(page_style(self.palette()))

        self.note = rich_label(DISCLAIMER, name="notMedicalAdvice")
        self.banner = QFrame()
        self.banner.setObjectName("redFlagBanner")
        self.banner.setAccessibleName("Warning: see a doctor")
        banner_layout = QVBoxLayout(self.banner)
        self.banner_title = rich_label(name="redFlagTitle")
        self.banner_text = rich_label(name="redFlagText")
        banner_layout.addWidget(self.banner_title)
        banner_layout.addWidget(self.banner_text)
        self.banner.hide()

        self.drawing = KneeDrawing()
        self.drawing.locationToggled.connect(self._toggle_location)
        self.location_boxes: dict[str, QCheckBox] = {}
        self.symptom_boxes: dict[str, QCheckBox] = {}
        self.no_profile = rich_label(
            "<i>Fill in your profile first; then mark where your knee hurts.</i>"
        )
        where = QGroupBox("Where does your knee hurt?")
        where_layout = QVBoxLayout(where)
        where_layout.addWidget(
            rich_label(
                "Click the drawing or tick the boxes. Tick all that apply; untick when it is gone."
            )
        )
        where_layout.addWidget(self.drawing)
        places = QWidget()
        grid = FlowLayout(places, columns=True)  # two columns when there is room, else one
        for location in KNEE_LOCATIONS:
            box = QCheckBox(labels.knee_place(location))
            box.setObjectName(f"pain_{location}")
            box.setAccessibleName(f"Pain {labels.knee_place(location).lower()}")
            box.toggled.connect(lambda _checked, loc=location: self._toggle_location(loc))
            self.location_boxes[location] = box
            grid.addWidget(box)
        where_layout.addWidget(places)
        symptoms = QGroupBox("Do you also have…")
        symptoms_layout = QVBoxLayout(symptoms)
        symptoms_layout.addWidget(
            rich_label(
                "Swelling, locking, giving way, numbness and severe pain mean: see a doctor."
            )
        )
        for symptom in KNEE_SYMPTOMS:
            box = QCheckBox(labels.symptom(symptom))
            box.setObjectName(f"symptom_{symptom}")
            box.setAccessibleName(labels.symptom_with_hint(symptom))
            box.toggled.connect(lambda _checked, s=symptom: self._toggle_symptom(s))
            self.symptom_boxes[symptom] = box
            symptoms_layout.addWidget(box)
            hint = labels.SYMPTOM_HINTS.get(symptom)
            if hint:  # what it means, wrapped under the box rather than widening the page
                meaning = rich_label(f"<small>{_e(hint[:1].upper() + hint[1:])}.</small>")
                meaning.setContentsMargins(chars(meaning, 4), 0, 0, 0)
                symptoms_layout.addWidget(meaning)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.no_profile)
        left_layout.addWidget(where)
        left_layout.addWidget(symptoms)
        left_layout.addStretch(1)

        self.summary = rich_label(name="kneeSummary")
        self.tabs = QTabWidget()
        self._conditions_box, self._conditions = self._page()
        self._exercises_box, self._exercises = self._page()
        self._prevention_box, self._prevention = self._page()
        self.week_model = WeekPlanModel(self)
        self.week_table = QTableView()
        self.week_table.setModel(self.week_model)
        self.week_table.setWordWrap(True)
        self.week_table.verticalHeader().hide()
        self.week_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.week_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.week_note = rich_label()
        week = QWidget()
        week_layout = QVBoxLayout(week)
        week_layout.addWidget(self.week_note)
        week_layout.addWidget(self.week_table, 1)
        self.tabs.addTab(_scrolling(self._conditions_box), "What it may be")
        self.tabs.addTab(_scrolling(self._exercises_box), "Exercise plan")
        self.tabs.addTab(week, "Your week")
        self.tabs.addTab(_scrolling(self._prevention_box), "Prevention")
        # Every tab in view: the page is never narrower than the tabs (no scroll arrows).
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.tabs, 1)

        body = QHBoxLayout()
        # The left column scrolls on small screens, so the banner above never gets squeezed;
        # it scrolls up and down only, never sideways.
        left_scroll = _scrolling(left)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        left_scroll.setMinimumWidth(left.minimumSizeHint().width() + bar + 4)
        body.addWidget(left_scroll, 2)
        body.addWidget(right, 3)
        outer = QVBoxLayout(self)
        outer.addWidget(self.note)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)

        session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        holder = QWidget()
        outer = QVBoxLayout(holder)
        inner = QVBoxLayout()
        outer.addLayout(inner)
        outer.addStretch(1)
        return holder, inner

    # --- from the runner to the session ----------------------------------------------

    def _toggle(self, key: str, value: str, order: Sequence[str]) -> None:
        if self._syncing or self._session.profile is None:
            return
        marked = set(self._session.draft.get(key) or ()) ^ {value}
        self._session.update(**{key: [x for x in order if x in marked]})

    def _toggle_location(self, location: str) -> None:
        self._toggle("knee_pain", location, KNEE_LOCATIONS)

    def _toggle_symptom(self, symptom: str) -> None:
        self._toggle("knee_symptoms", symptom, KNEE_SYMPTOMS)

    # --- from the session to the page -------------------------------------------------

    def _redraw(self, change: Change) -> None:
        if change & (Change.DRAFT | Change.PROFILE):
            self._show_marks()
        if change & Change.PROFILE and self._prevention_for != self._session.profile:
            self._show_prevention(self._session.profile)
        if change & Change.ADVICE:
            self._show_advice(self._session.advice)

    def _show_marks(self) -> None:
        draft, ready = self._session.draft, self._session.profile is not None
        pain = set(draft.get("knee_pain") or ()) if ready else set()
        symptoms = set(draft.get("knee_symptoms") or ()) if ready else set()
        self._syncing = True
        try:
            for location, box in self.location_boxes.items():
                box.setChecked(location in pain)
                box.setEnabled(ready)
            for symptom, box in self.symptom_boxes.items():
                box.setChecked(symptom in symptoms)
                box.setEnabled(ready)
            self.drawing.set_marked(pain)
            self.drawing.setEnabled(ready)
            self.no_profile.setVisible(not ready)
        finally:
            self._syncing = False

    def _show_advice(self, advice: Advice | None) -> None:
        knee = advice.knee if advice is not None else None
        self._show_banner(knee)
        self._show_conditions(knee)
        self._show_exercises(knee)
        self._show_week(knee)
        if advice is None:
            self.summary.setText("<i>Fill in your profile to see advice for your knee.</i>")
        elif knee is None:
            self.summary.setText(
                "<b>No knee pain marked.</b> If your knee hurts when you run, mark where on "
                "the drawing. The prevention checklist helps keep it that way."
            )
        else:
            self.summary.setText(f"<b>{_e(knee.summary)}</b>")

    def _sources(self, ids: Sequence[str]) -> str:
        return "; ".join(_e(name) for name in labels.sources(ids, self._session.knowledge))

    def _why(self, grade: Grade, sources: Sequence[str]) -> str:
        return (
            f'<span style="color:{muted_colour(self.palette())};">'
            f"<b>{_e(labels.evidence(grade))}</b>. "
            f"Sources: {self._sources(sources)}</span>"
        )

    def _show_banner(self, knee: KneeAdvice | None) -> None:
        if knee is None or not knee.see_doctor:
            self.banner.setProperty("redFlagIds", [])
            self.banner.hide()
            return
        self.banner_title.setText(
            '<span style="font-size:15pt;"><b>⚠ See a doctor or physiotherapist before you '
            "run on this knee again</b></span>"
        )
        flags = "".join(f"<p>• <b>{_e(f.name)}</b>: {_e(f.why)}</p>" for f in knee.red_flags)
        self.banner_text.setText(
            f"{flags}<p><b>Get urgent care today</b> if the calf is swollen, warm or red, or "
            "you cannot put weight on the leg.</p>"
        )
        self.banner.setProperty("redFlagIds", [f.id for f in knee.red_flags])
        self.banner.show()
        self._fit_banner()

    def _fit_banner(self) -> None:
        # Wrapped rich text does not pass its height up through the layouts: reserve it,
        # so no reason to see a doctor is ever cut off.
        width = max(self.banner.width(), self.width() - 24, 200)
        self.banner.setMinimumHeight(self.banner.heightForWidth(width))

    def follow_palette(self) -> None:
        """A switch to a dark (or light) desktop theme redraws the page in its colours
        (called by the main window for every page at once: platform/theme.py)."""
        if is_dark(self.palette()) != self._dark:
            self._dark = is_dark(self.palette())
            self.setStyleSheet(page_style(self.palette()))
            self._prevention_for = False
            self._redraw(Change.ALL)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.banner.isHidden():
            self._fit_banner()

    def _card(self, kind: str, key: str, html: str) -> QFrame:
        card = QFrame()
        card.setProperty("card", True)
        card.setProperty(kind, key)
        layout = QVBoxLayout(card)
        layout.addWidget(rich_label(html))
        return card

    def _show_conditions(self, knee: KneeAdvice | None) -> None:
        _clear(self._conditions)
        if knee is None or not knee.conditions:
            text = (
                "Mark where it hurts to see what the pain may be."
                if knee is None or not knee.see_doctor
                else "Mark where it hurts, and show this page to the clinician."
            )
            self._conditions.addWidget(rich_label(f"<i>{_e(text)}</i>"))
            return
        self._conditions.addWidget(
            rich_label(
                "<b>These are possibilities, not a diagnosis.</b> Only a clinician who "
                "examines the knee can say what it is."
            )
        )
        for c in knee.conditions:
            refer = (
                f'<p style="color:{error_colour(self.palette())};"><b>This needs a clinician, '
                "not home exercises.</b></p>"
                if c.refer
                else ""
            )
            self._conditions.addWidget(
                self._card(
                    "conditionId",
                    c.id,
                    f'<p style="font-size:12pt;"><b>May be: {_e(c.name)}</b></p>'
                    f"<p>{_e(c.what)}</p>{refer}"
                    f"<p><b>Usual causes in runners:</b> {_e(c.causes)}</p>"
                    f"<p><b>What the articles claim:</b> {_e(c.article_claims)}</p>"
                    f"<p><b>What studies show:</b> {_e(c.studies)}</p>"
                    f"<p>{self._why(c.evidence, c.sources)}</p>",
                )
            )

    def _exercise_html(self, number: int, ex: ExerciseAdvice, names: dict[str, str]) -> str:
        steps = "".join(f"<li>{_e(s)}</li>" for s in ex.steps)
        serves = ", ".join(_e(names.get(c, c)) for c in ex.conditions)
        return (
            f'<p style="font-size:12pt;"><b>{number}. {_e(ex.name)}</b></p>'
            f"<p><b>Works:</b> {_e(ex.muscles)}<br/><b>Dose:</b> {_e(ex.dose)}<br/>"
            f"<b>When it gets easy:</b> {_e(ex.progression)}</p>"
            f"<p><b>How to do it:</b></p><ol>{steps}</ol>"
            f"<p><b>Helps with:</b> {serves}</p><p>{self._why(ex.evidence, ex.sources)}</p>"
        )

    def _show_exercises(self, knee: KneeAdvice | None) -> None:
        _clear(self._exercises)
        if knee is None:
            self._exercises.addWidget(
                rich_label("<i>No knee pain marked, so no exercise plan.</i>")
            )
            return
        if knee.see_doctor:
            self._exercises.addWidget(
                rich_label(
                    f'<p style="font-size:12pt; color:{error_colour(self.palette())};">'
                    "<b>No exercises for now.</b></p>"
                    "<p>With these signs the knee needs examining first: exercises could hide "
                    "or worsen the problem. Ask the clinician which exercises suit you.</p>"
                )
            )
            return
        if not knee.exercises:
            self._exercises.addWidget(rich_label("<i>Mark where it hurts to get a plan.</i>"))
            return
        self._exercises.addWidget(
            rich_label(
                "<p><b>How to use this plan:</b> do the exercises on the days shown in "
                "<i>Your week</i>. Move slowly and with control. Mild discomfort (up to about 3 "
                "out of 10) is acceptable; stop an exercise that makes the pain sharper or "
                "leaves the knee worse the next morning, and try it later with less range or "
                "fewer repetitions. See a clinician if the pain has not eased in two to three "
                "weeks.</p>"
            )
        )
        kb = self._session.knowledge
        names = {cid: labels.condition(cid, kb) for cid in kb.conditions}
        for number, ex in enumerate(knee.exercises, 1):
            self._exercises.addWidget(
                self._card("exerciseId", ex.id, self._exercise_html(number, ex, names))
            )

    def _show_week(self, knee: KneeAdvice | None) -> None:
        if knee is None or knee.see_doctor or not knee.weekly_plan:
            self.week_model.set_plan((), {})
            self.week_note.setText(
                "<i>No weekly plan: see a clinician first.</i>"
                if knee is not None and knee.see_doctor
                else "<i>Mark where it hurts to get a weekly plan.</i>"
            )
        else:
            self.week_model.set_plan(knee.weekly_plan, {e.id: e.name for e in knee.exercises})
            self.week_note.setText(
                "A week at a glance. Each exercise is explained step by step under "
                "<i>Exercise plan</i>. Repeat the week until the knee is calm, then build "
                "your running back slowly."
            )
        self.week_table.resizeRowsToContents()

    def _show_prevention(self, profile: RunnerProfile | None) -> None:
        self._prevention_for = profile
        _clear(self._prevention)
        if profile is None:
            self._prevention.addWidget(rich_label("<i>Fill in your profile first.</i>"))
            return
        from shoeadvisor.core.prevention import prevention_checklist

        self._prevention.addWidget(
            rich_label("Habits that lower the load on your knees, chosen from your profile.")
        )
        for item in prevention_checklist(profile):
            box = "☑" if item.done else "☐"
            self._prevention.addWidget(
                self._card(
                    "preventionId",
                    item.id,
                    f"<p><b>{box} {_e(item.title)}</b> <i>({_e(item.topic_name)})</i></p>"
                    f"<p>{_e(item.text)}</p><p>{self._why(item.evidence, item.sources)}</p>",
                )
            )

    # --- what the page shows, for tests and the report -------------------------------

    def _ids(self, holder: QWidget, kind: str) -> list[str]:
        return [
            str(card.property(kind))
            for card in holder.findChildren(QFrame)
            if card.property(kind) is not None
        ]

    def shown_condition_ids(self) -> list[str]:
        return self._ids(self._conditions_box, "conditionId")

    def shown_exercise_ids(self) -> list[str]:
        return self._ids(self._exercises_box, "exerciseId")

    def shown_prevention_ids(self) -> list[str]:
        return self._ids(self._prevention_box, "preventionId")

    def shown_red_flag_ids(self) -> list[str]:
        """The red flags listed in the banner (empty when it is hidden)."""
        if self.banner.isHidden():
            return []
        return [str(x) for x in self.banner.property("redFlagIds") or []]

    def banner_shown(self) -> bool:
        return not self.banner.isHidden()
