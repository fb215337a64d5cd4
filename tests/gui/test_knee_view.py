"""The knee page: marking pain, red flags, the plan, and agreement with `advise --json`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shoeadvisor.cli import main
from shoeadvisor.core import labels
from shoeadvisor.core.ids import KNEE_LOCATIONS, RED_FLAG_SYMPTOMS
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.knee_view import KneeView
from shoeadvisor.gui.widgets.knee_drawing import PANELS, KneeDrawing

BASE: dict[str, Any] = {
    "schema_version": 1,
    "name": "Knee tester",
    "foot_width": "standard",
    "pronation": "neutral",
    "weight_kg": 70,
    "seasons": ["spring"],
    "surfaces": ["asphalt"],
}


@pytest.fixture
def controller(session: RunnerSession) -> RunnerSession:
    """The session, showing a runner without knee pain."""
    session.adopt(RunnerProfile.model_validate(BASE))
    return session


@pytest.fixture
def view(qtbot: Any, controller: RunnerSession) -> KneeView:
    widget = KneeView(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 850)
    widget.show()
    return widget


def advise_json(profile: RunnerProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile.to_json_dict()), encoding="utf-8")
    capsys.readouterr()
    assert main(["advise", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def assert_agree(view: KneeView, data: Any) -> None:
    knee = data.get("knee")
    if knee is None:
        assert view.shown_condition_ids() == []
        assert not view.banner_shown()
        assert view.shown_exercise_ids() == []
        return
    assert view.shown_condition_ids() == [c["id"] for c in knee["conditions"]]
    assert view.banner_shown() == knee["see_doctor"]
    assert view.shown_red_flag_ids() == [f["id"] for f in knee["red_flags"]]
    assert view.shown_exercise_ids() == [e["id"] for e in knee["exercises"]]
    assert view.week_model.rowCount() == len(knee["weekly_plan"])


@pytest.mark.parametrize("location", KNEE_LOCATIONS)
def test_each_location_agrees_with_advise_json(
    view: KneeView,
    controller: RunnerSession,
    qtbot: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    location: str,
) -> None:
    qtbot.mouseClick(view.location_boxes[location], Qt.MouseButton.LeftButton)
    assert controller.profile is not None
    assert controller.profile.knee_pain == [location]
    data = advise_json(controller.profile, tmp_path, capsys)
    assert_agree(view, data)
    assert view.shown_condition_ids()  # every location maps to at least one condition
    if location == "behind":
        assert view.banner_shown() and view.shown_exercise_ids() == []
        assert "behind_the_knee" in view.shown_red_flag_ids()
    else:
        assert not view.banner_shown() and view.shown_exercise_ids()
        assert view.week_model.rowCount() == 7


@pytest.mark.parametrize("symptom", sorted(RED_FLAG_SYMPTOMS))
def test_each_red_flag_agrees_and_refers(
    view: KneeView,
    controller: RunnerSession,
    qtbot: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    symptom: str,
) -> None:
    qtbot.mouseClick(view.location_boxes["around_kneecap"], Qt.MouseButton.LeftButton)
    assert view.shown_exercise_ids()
    view.symptom_boxes[symptom].click()
    assert controller.profile is not None and controller.profile.knee_symptoms == [symptom]
    data = advise_json(controller.profile, tmp_path, capsys)
    assert data["knee"]["see_doctor"] is True
    assert_agree(view, data)
    assert view.banner.isVisible()
    assert view.shown_red_flag_ids() == [symptom]
    name = data["knee"]["red_flags"][0]["name"]
    assert name in view.banner_text.text()
    assert view.shown_exercise_ids() == [] and view.week_model.rowCount() == 0


def test_red_flag_symptom_alone_still_refers(
    view: KneeView, controller: RunnerSession, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view.symptom_boxes["numbness"].click()
    assert view.banner_shown()
    assert controller.profile is not None
    assert_agree(view, advise_json(controller.profile, tmp_path, capsys))


def test_crunching_alone_is_not_a_red_flag(
    view: KneeView, controller: RunnerSession, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view.symptom_boxes["crunching"].click()
    assert not view.banner_shown()
    assert controller.profile is not None
    assert_agree(view, advise_json(controller.profile, tmp_path, capsys))


def test_several_locations_and_flags_agree(
    view: KneeView, controller: RunnerSession, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for location in ("outside", "below_kneecap", "inside"):
        view.location_boxes[location].click()
    assert controller.profile is not None
    assert controller.profile.knee_pain == ["below_kneecap", "outside", "inside"]  # contract order
    assert_agree(view, advise_json(controller.profile, tmp_path, capsys))
    view.symptom_boxes["giving_way"].click()
    view.location_boxes["behind"].click()
    assert_agree(view, advise_json(controller.profile, tmp_path, capsys))
    assert view.shown_red_flag_ids() == ["giving_way", "behind_the_knee"]


@pytest.mark.parametrize(
    ("panel", "location"),
    [(i, loc) for i, p in enumerate(PANELS) for loc in p.regions],
)
def test_clicking_the_drawing_toggles_the_location(
    view: KneeView, controller: RunnerSession, qtbot: Any, panel: int, location: str
) -> None:
    point = view.drawing.region_center(panel, location).toPoint()
    assert view.drawing.hit(view.drawing.region_center(panel, location)) == (panel, location)
    qtbot.mouseClick(view.drawing, Qt.MouseButton.LeftButton, pos=point)
    assert controller.profile is not None and controller.profile.knee_pain == [location]
    assert view.location_boxes[location].isChecked()
    assert location in view.drawing.marked
    qtbot.mouseClick(view.drawing, Qt.MouseButton.LeftButton, pos=point)
    assert controller.profile.knee_pain == []
    assert not view.location_boxes[location].isChecked()


def test_every_location_is_on_the_drawing() -> None:
    assert {loc for p in PANELS for loc in p.regions} == set(KNEE_LOCATIONS)


def test_keyboard_toggles_a_location(view: KneeView, controller: RunnerSession, qtbot: Any) -> None:
    box = view.location_boxes["below_kneecap"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert controller.profile is not None and controller.profile.knee_pain == ["below_kneecap"]
    assert box.accessibleName()


def test_profile_changes_elsewhere_update_the_page(
    view: KneeView, controller: RunnerSession
) -> None:
    assert controller.profile is not None
    controller.update(knee_pain=["outside"], knee_symptoms=["swelling"])
    assert view.location_boxes["outside"].isChecked()
    assert view.symptom_boxes["swelling"].isChecked()
    assert view.drawing.marked == {"outside"}
    assert view.banner_shown()
    controller.update(knee_pain=[], knee_symptoms=[])
    assert not view.location_boxes["outside"].isChecked()
    assert not view.banner_shown()
    assert view.shown_condition_ids() == []


def test_without_a_profile_the_controls_wait(qtbot: Any, session: RunnerSession) -> None:
    controller = session
    view = KneeView(controller)
    qtbot.addWidget(view)
    view.show()
    assert not view.location_boxes["outside"].isEnabled()
    view._toggle_location("outside")  # e.g. a click that raced the profile being cleared
    assert controller.profile is None
    assert view.note.isVisible()


def test_not_medical_advice_is_always_visible(view: KneeView) -> None:
    assert view.note.isVisible() and "Not medical advice" in view.note.text()
    view.symptom_boxes["locking"].click()
    assert view.note.isVisible()
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        assert view.note.isVisible()


def test_exercise_cards_hold_everything_to_follow_the_plan(
    view: KneeView, controller: RunnerSession
) -> None:
    view.location_boxes["around_kneecap"].click()
    advice = controller.advice
    assert advice is not None and advice.knee is not None
    text = " ".join(label.text() for label in view._exercises_box.findChildren(type(view.note)))
    for exercise in advice.knee.exercises:
        for part in (exercise.name, exercise.muscles, exercise.dose, *exercise.steps):
            assert part.replace("'", "&#x27;") in text or part in text
    assert "Sources:" in text
    for exercise in advice.knee.exercises:
        assert labels.evidence(exercise.evidence) in text


def test_the_evidence_of_each_card_is_said_once(view: KneeView, controller: RunnerSession) -> None:
    view.location_boxes["around_kneecap"].click()
    advice = controller.advice
    assert advice is not None and advice.knee is not None
    cards = " ".join(label.text() for label in view.findChildren(type(view.note)))
    said = re.findall(r"Evidence: (?:<[^>]*>)*([^<.;]*)", cards)
    assert said, "the cards say how sure the research is"
    assert not [s for s in said if "evidence" in s]  # never "Evidence: strong evidence"
    grades = {c.evidence for c in advice.knee.conditions} | {
        e.evidence for e in advice.knee.exercises
    }
    assert {labels.evidence(g).removeprefix("Evidence: ") for g in grades} <= set(said)


def test_week_model(qtmodeltester: Any, view: KneeView) -> None:
    view.location_boxes["around_kneecap"].click()
    qtmodeltester.check(view.week_model)
    model = view.week_model
    days = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert days[0] == "Monday" and days[-1] == "Sunday"
    assert "Seated knee extension" in model.index(0, 1).data()


def test_prevention_follows_the_profile(view: KneeView, controller: RunnerSession) -> None:
    assert "warm_up_start" in view.shown_prevention_ids()
    assert controller.profile is not None
    controller.update(warm_up=True)
    assert "warm_up_keep" in view.shown_prevention_ids()
    assert "warm_up_start" not in view.shown_prevention_ids()


def test_hostile_text_is_not_rendered_as_html(view: KneeView, controller: RunnerSession) -> None:
    # Knowledge text is ours, but the page escapes everything it shows on principle.
    assert controller.profile is not None
    controller.update(name="<img src=x>")
    view.location_boxes["inside"].click()
    assert all("<img" not in label.text() for label in view.findChildren(type(view.note)))


def test_screenshots(view: KneeView, controller: RunnerSession, tmp_path: Path) -> None:
    view.location_boxes["around_kneecap"].click()
    calm = view.grab()
    assert not calm.isNull() and calm.save(str(tmp_path / "knee_kneecap.png"))
    view.symptom_boxes["giving_way"].click()
    flagged = view.grab()
    assert flagged.save(str(tmp_path / "knee_red_flag.png"))
    # The banner sits above everything and shows every reason in full.
    assert view.banner.geometry().top() < view.tabs.mapTo(view, view.tabs.rect().topLeft()).y()
    assert view.banner.height() >= view.banner.heightForWidth(view.banner.width()) - 2


# -- the drawing's painted captions ----------------------------------------------------


def _overlaps(drawing: KneeDrawing) -> list[tuple[str, str]]:
    texts = drawing.painted_texts()
    return [
        (a, b) for i, (a, ra) in enumerate(texts) for b, rb in texts[i + 1 :] if ra.intersects(rb)
    ]


def test_no_two_captions_of_the_drawing_overlap_in_a_900x600_window(qtbot: QtBot) -> None:
    # "← back" ran into "Around kneecap" in the side view at the smallest sizes.
    from gui_helpers import start_window

    from shoeadvisor.core.files import load_profile
    from shoeadvisor.core.resources import resource_path

    win = start_window(qtbot)
    win.resize(900, 600)
    win.session.adopt(load_profile(resource_path("example_runner.json")))
    page = win.knee_page
    win.tabs.setCurrentWidget(page.parentWidget())
    drawing = page.drawing
    for marked in ((), ("around_kneecap", "outside", "inside", "below_kneecap", "behind")):
        drawing.set_marked(marked)
        for _ in range(3):
            QApplication.processEvents()
        assert drawing.width() < 320  # the small drawing of a small window
        assert _overlaps(drawing) == []
        texts = [t for t, _ in drawing.painted_texts()]
        assert "← back" in texts and any(t.endswith("Around kneecap") for t in texts)
    win.close()


@pytest.mark.parametrize("width", [200, 240, 300, 380, 460, 700])
def test_captions_stay_apart_and_inside_at_every_width(qtbot: QtBot, width: int) -> None:
    drawing = KneeDrawing()
    qtbot.addWidget(drawing)
    drawing.set_marked({"around_kneecap", "behind"})
    drawing.resize(width, drawing.heightForWidth(width))
    assert _overlaps(drawing) == []
    inside = QRectF(drawing.rect()).adjusted(-1, -1, 1, 1)
    assert all(inside.contains(rect) for _, rect in drawing.painted_texts())
