"""Exporting the report from the window: where it starts, where it went, the folder kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import start_window
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from shoeadvisor.gui.actions.app_actions import ExportReport
from shoeadvisor.gui.widgets import report_dialog


@pytest.fixture
def window(qtbot: QtBot) -> Any:
    win = start_window(qtbot)
    win.try_example()
    return win


def save_through_the_dialog(
    monkeypatch: pytest.MonkeyPatch, target: Path, asked: list[str]
) -> None:
    """Answer the report dialog with "Save as PDF…" and the file dialog with `target`."""

    def exec_(dialog: report_dialog.ReportDialog) -> int:
        dialog.save_as_pdf()
        return int(QDialog.DialogCode.Accepted)

    def pick(_parent: Any, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)


def test_the_first_report_starts_in_documents_and_says_where_it_went(
    qtbot: QtBot, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    target = tmp_path / "out" / "mine.pdf"
    target.parent.mkdir()
    save_through_the_dialog(monkeypatch, target, asked)
    window.export_action.trigger()

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked[0]).parent == Path(documents)
    assert asked[0].endswith("ShoeAdvisor report - Example runner.pdf")
    assert target.read_bytes().startswith(b"%PDF")

    notice = window.written_notice
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.label.text() and "Report saved to" in notice.label.text()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    notice.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(target.parent)]


def test_the_next_report_starts_in_the_folder_used_last(
    qtbot: QtBot, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    save_through_the_dialog(monkeypatch, tmp_path / "first.pdf", asked)
    window.export_action.trigger()
    save_through_the_dialog(monkeypatch, tmp_path / "second.pdf", asked)
    window.export_action.trigger()
    assert Path(asked[1]).parent == tmp_path
    # Kept in the window settings: a folder, nothing of the profile.
    window.save_state()
    ini = Path(window.settings.fileName()).read_text(encoding="utf-8")
    assert str(tmp_path) in ini
    assert "Example runner" not in ini and "weight" not in ini


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    qtbot: QtBot, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.settings.set(ExportReport.FOLDER_KEY, str(tmp_path / "deleted"))
    asked: list[str] = []
    save_through_the_dialog(monkeypatch, tmp_path / "r.pdf", asked)
    window.export_action.trigger()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked[0]).parent == Path(documents)


def test_a_cancelled_export_says_nothing(
    qtbot: QtBot, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        report_dialog.ReportDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected)
    )
    window.export_action.trigger()
    assert window.written_notice is None
    assert window.settings.read_text(ExportReport.FOLDER_KEY) == ""
