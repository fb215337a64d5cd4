"""The main window driven the way a runner uses it: type, tick, switch units, clear a field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import choose, fill_minimal_runner, on_disk, start_window, tick
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.views.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = start_window(qtbot)
    yield win
    win.close()


def feature_level(win: MainWindow, feature_id: str) -> str:
    model = win.advice_page.features.model
    for level in model.group_levels():
        if feature_id in model.features_in(level):
            return level
    raise AssertionError(feature_id)


def test_first_run_shows_the_welcome_page(window: MainWindow) -> None:
    assert window.showing_welcome()
    assert window.welcome.new_button.text() == "New &profile"
    assert "example runner" in window.welcome.example_button.text()


def test_new_profile_typed_by_hand_gets_advice(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert not window.showing_welcome()
    assert window.session.advice is None
    fill_minimal_runner(qtbot, window)
    advice = window.session.advice
    assert advice is not None
    assert advice.profile.weight_kg == 70.0
    assert window.form.visible_errors() == {}
    assert "Advice for" in window.advice_page.status.text()
    assert window.advice_page.features.model.rowCount() > 0
    assert "hard_surface" in window.advice_page.risks.model.risk_ids()
    assert window.windowTitle().startswith("Sam")


def test_ticking_trail_makes_grip_essential_and_adds_uneven_terrain(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_profile()
    fill_minimal_runner(qtbot, window)
    assert feature_level(window, "trail_grip") == "optional"
    assert "uneven_terrain" not in window.advice_page.risks.model.risk_ids()

    tick(qtbot, window.form.surface_boxes["trail"])
    choose(qtbot, window.form.main_surface_combo, "trail")  # trail becomes the main surface
    assert window.session.profile is not None
    assert window.session.profile.surfaces[0] == "trail"
    assert feature_level(window, "trail_grip") == "recommended"  # no study: never essential
    assert "uneven_terrain" in window.advice_page.risks.model.risk_ids()

    window.advice_page.features.select_feature("trail_grip")
    detail = window.advice_page.features.detail_text()
    assert "Trail grip" in detail
    assert "Why, for you" in detail
    assert "How to check it in a store" in detail
    assert "Evidence:" in detail
    assert "Sources:" in detail


def test_clearing_the_name_shows_an_error_and_keeps_the_last_advice(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.try_example()
    before = window.session.advice
    assert before is not None
    edit = window.form.name_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == ""
    assert window.form.visible_errors() == {"name": "Name is required"}
    assert window.session.advice is before
    assert window.advice_page.features.model.rowCount() > 0
    assert "last complete profile" in window.advice_page.status.text()

    qtbot.keyClicks(edit, "Kim")
    assert window.form.visible_errors() == {}
    assert window.session.profile is not None
    assert window.session.profile.name == "Kim"


def test_out_of_range_weight_is_named_next_to_the_field(qtbot: QtBot, window: MainWindow) -> None:
    window.try_example()
    weight = window.form.number_edits["weight_kg"]
    weight.setFocus()
    weight.selectAll()
    qtbot.keyClicks(weight, "500")
    assert weight.text() == "500"  # never clamped
    assert window.form.visible_errors() == {"weight_kg": "Weight must be between 30 and 250 kg"}
    # The advice stays with the last complete value typed on the way ("50"), never 500 or 250.
    assert window.session.profile is not None
    assert window.session.profile.weight_kg == 50.0


def test_switching_units_shows_pounds_and_keeps_the_profile_metric(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.try_example()
    form = window.form
    qtbot.mouseClick(form.imperial_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert form.imperial_radio.isChecked()
    assert form.number_edits["weight_kg"].text() == "180.8"
    assert form.unit_labels["weight_kg"].text() == "lb"
    assert form.unit_labels["weekly_km"].text() == "mi"
    profile = window.session.profile
    assert profile is not None
    assert profile.units == "imperial"
    assert profile.weight_kg == 82.0
    weight = form.number_edits["weight_kg"]
    weight.setFocus()
    weight.selectAll()
    qtbot.keyClicks(weight, "200")
    assert window.session.profile is not None
    assert window.session.profile.weight_kg == pytest.approx(90.72, abs=0.01)


def test_every_input_has_an_accessible_name(window: MainWindow) -> None:
    window.new_profile()
    inputs: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QCheckBox, QRadioButton):
        inputs += window.form.findChildren(kind)
    assert len(inputs) > 30
    assert [w for w in inputs if not w.accessibleName()] == []


def test_tab_moves_through_the_form_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    window.new_profile()
    form = window.form
    order: list[QWidget] = []
    widget: QWidget = form.name_edit
    for _ in range(6):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order[:2] == [form.name_edit, form.metric_radio]
    assert form.number_edits["weight_kg"] in order


def test_export_then_open_imports_it_as_a_second_profile(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    private_data_dir: Path,
) -> None:
    window.try_example()
    target = tmp_path / "me"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    window.export_profile_action.trigger()
    saved = tmp_path / "me.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["name"] == "Example runner"
    assert load_profile(saved) == window.session.profile

    window.new_profile()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(saved), "")
    )
    window.open_action.trigger()
    assert window.form.name_edit.text() == "Example runner"
    qtbot.waitUntil(lambda: len(on_disk(private_data_dir)) == 2)


def test_ctrl_s_on_an_incomplete_form_points_at_every_missing_field(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.new_profile()
    asked: list[Any] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a))
    assert window.form.visible_errors() == {}  # nothing touched yet: no red
    window.save_action.trigger()
    assert asked == []
    assert set(window.form.visible_errors()) >= {"name", "foot_width", "weight_kg"}
    assert window.saved_label.text().startswith("New profile")


def test_opening_a_broken_file_reports_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.try_example()
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x"}', encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), "")
    )
    window.open_action.trigger()
    assert "bad.json" in warnings[0]
    assert window.form.name_edit.text() == "Example runner"


def test_help_menus(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    window.about_action.trigger()
    from shoeadvisor import __version__

    assert __version__ in shown[0]
    assert "not medical advice" in shown[0].lower()
    assert "Data sources" in shown[0]
    import shoeadvisor.gui.widgets.report_dialog as report_dialog

    exported: list[object] = []
    monkeypatch.setattr(report_dialog, "export_report", lambda *args: exported.append(args))
    window.export_action.trigger()
    assert len(exported) == 1 and exported[0][0] is window
    dialog = window.show_sources()
    assert dialog.model.rowCount() == len(window.session.knowledge.sources)
    dialog.close()


def test_shortcuts_follow_platform_conventions(window: MainWindow) -> None:
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_add_page_adds_a_tab(window: MainWindow) -> None:
    page = QWidget()
    index = window.add_page("Compare shoes", page)
    assert window.tabs.tabText(index) == "Compare shoes"
    assert window.tabs.widget(index) is page


def test_geometry_and_last_profile_are_restored(qtbot: QtBot, private_data_dir: Path) -> None:
    first = start_window(qtbot)
    first.try_example()
    first.profiles_dock.hide()  # View ▸ My profiles unticked: window state, restored too
    first.resize(800, 580)  # the offscreen screen is 800×600: stay inside it
    first.close()

    second = start_window(qtbot)
    assert not second.showing_welcome()
    assert not second.profiles_dock.isVisible()
    # Within the frame's few pixels: the offscreen screen is barely wider than the window.
    assert abs(second.width() - 800) <= 4 and second.height() == 580
    assert second.form.name_edit.text() == "Example runner"
    assert second.session.profile == load_profile(resource_path("example_runner.json"))
    second.close()


def test_before_the_first_paint_only_the_welcome_or_opening_page_exists(qtbot: QtBot) -> None:
    from shoeadvisor.gui.app import build_window

    win = build_window()
    qtbot.addWidget(win)
    assert win.new_action.shortcut().isEmpty()  # not yet: the key enums cost ~25 ms
    assert win.advice_page is None and not win.session.started
    win.finish_startup()
    # Not with the restored profile's paint either: once the event loop runs after it.
    assert win.new_action.shortcut().isEmpty()
    qtbot.waitUntil(lambda: not win.new_action.shortcut().isEmpty())
    assert win.new_action.shortcut().toString() == "Ctrl+N"
    assert win.export_action.shortcut().toString() == "Ctrl+P"
    win.finish_startup()  # idempotent
    assert win.save_action.shortcut().toString() == "Ctrl+S"
    assert win.showing_welcome()  # an empty data folder
    win.close()
