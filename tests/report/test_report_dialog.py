"""File → Export report…: paper size by locale, saving, printing, no profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.gui.widgets import report_dialog
from shoeadvisor.gui.widgets.report_dialog import (
    ReportDialog,
    export_report,
    locale_page_size,
    suggested_file_name,
)

PROFILE = {
    "schema_version": 1,
    "name": "<img src=x>/../evil",
    "foot_width": "standard",
    "pronation": "neutral",
    "weight_kg": 70,
    "seasons": ["spring"],
    "surfaces": ["asphalt"],
    "knee_pain": ["outside"],
}


@pytest.fixture
def advice() -> Any:
    return advise(RunnerProfile.model_validate(PROFILE))


def test_locale_page_size() -> None:
    assert locale_page_size(QLocale("en_US")) == "Letter"
    assert locale_page_size(QLocale("fr_CA")) == "Letter"
    assert locale_page_size(QLocale("de_DE")) == "A4"
    assert locale_page_size(QLocale("en_GB")) == "A4"


def test_suggested_file_name_is_safe() -> None:
    name = suggested_file_name("<img src=x>/../evil")
    assert "/" not in name and "<" not in name and name.endswith(".pdf")


@pytest.mark.parametrize(("locale", "size"), [("en_US", "Letter"), ("de_DE", "A4")])
def test_default_paper_follows_the_system_locale(
    qtbot: Any, advice: Any, monkeypatch: pytest.MonkeyPatch, locale: str, size: str
) -> None:
    monkeypatch.setattr(report_dialog.QLocale, "system", staticmethod(lambda: QLocale(locale)))
    dialog = ReportDialog(advice)
    qtbot.addWidget(dialog)
    assert dialog.chosen_page_size == size


def test_save_writes_the_chosen_paper(
    qtbot: Any, advice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    dialog = ReportDialog(advice)
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
    dialog.save_as_pdf()
    written = tmp_path / "mine.pdf"
    assert dialog.saved_to == written
    assert b"612.000000 792.000000" in written.read_bytes()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancelled_save_writes_nothing(
    qtbot: Any, advice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    dialog = ReportDialog(advice)
    qtbot.addWidget(dialog)
    dialog.save_as_pdf()
    assert dialog.saved_to is None


def test_unwritable_place_warns(
    qtbot: Any, advice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    dialog = ReportDialog(advice)
    qtbot.addWidget(dialog)
    assert not dialog.write_to(tmp_path / "missing" / "r.pdf")
    assert warnings and "could not be saved" in warnings[0]


def test_print_to_a_pdf_printer(qtbot: Any, advice: Any, tmp_path: Path) -> None:
    dialog = ReportDialog(advice)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    from shoeadvisor.report.pdf import page_layout

    printer.setPageLayout(page_layout("A4"))
    pages = dialog.print_to(printer)
    assert pages >= 2 and dialog.printed
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_export_without_a_profile_says_so(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    assert export_report(None, None) is None
    assert shown and "profile" in shown[0]


def test_export_report_returns_the_saved_file(
    qtbot: Any, advice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_exec(self: ReportDialog) -> int:
        self.write_to(tmp_path / "r.pdf")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", fake_exec)
    assert export_report(None, advice) == tmp_path / "r.pdf"
