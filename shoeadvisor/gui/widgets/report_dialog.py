"""File → Export report…: choose A4 or Letter, then save a PDF or print the report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .sizing import chars, fit_to_screen

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice, ShoeScore
    from shoeadvisor.report.pdf import PageSizeName


def locale_page_size(locale: QLocale | None = None) -> PageSizeName:
    """A4, or Letter where the system locale's country uses it."""
    from shoeadvisor.report.pdf import page_size_for_locale

    return page_size_for_locale((locale or QLocale.system()).name())


def suggested_file_name(name: str) -> str:
    """A safe file name from the runner's name (any characters may be in it)."""
    safe = re.sub(r"[^\w\- ]+", "_", name, flags=re.UNICODE).strip(" _") or "runner"
    return f"ShoeAdvisor report - {safe[:60]}.pdf"


class ReportDialog(QDialog):
    """Paper size, then Save as PDF… or Print…; the report itself is built by shoeadvisor.report."""

    def __init__(
        self,
        advice: Advice,
        shoes: Sequence[ShoeScore] | None = None,
        parent: QWidget | None = None,
        start_folder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export report")
        self._advice = advice
        self._shoes = shoes
        self._start_folder = start_folder
        self.saved_to: Path | None = None
        self.printed = False
        intro = QLabel(
            "The report holds your profile, a shoe checklist with tick boxes to take to a "
            "shop, the compared shoes, the risks, the knee plan and the sources. "
            "It is not medical advice."
        )
        intro.setWordWrap(True)
        self.page_size = QComboBox()
        self.page_size.addItem("A4 (210 × 297 mm)", "A4")
        self.page_size.addItem("US Letter (8.5 × 11 in)", "Letter")
        self.page_size.setCurrentIndex(self.page_size.findData(locale_page_size()))
        form = QFormLayout()
        form.addRow("Paper size:", self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton("Save as PDF…")
        self.save_button.setDefault(True)
        self.print_button = QPushButton("Print…")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.print_button.clicked.connect(self.print_report)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, chars(self, 64))

    @property
    def chosen_page_size(self) -> PageSizeName:
        return "Letter" if self.page_size.currentData() == "Letter" else "A4"

    def _html(self) -> str:
        from shoeadvisor.report import build_report_html

        return build_report_html(self._advice, shoes=self._shoes)

    def start_folder(self) -> Path:
        """The folder the last report went to, while it exists; else the user's Documents."""
        if self._start_folder and Path(self._start_folder).is_dir():
            return Path(self._start_folder)
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(documents) or Path.home())

    def save_as_pdf(self) -> None:
        start = str(self.start_folder() / suggested_file_name(self._advice.profile.name))
        path, _ = QFileDialog.getSaveFileName(
            self, "Save report as PDF", start, "PDF files (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.write_to(Path(path))

    def write_to(self, path: Path) -> bool:
        from shoeadvisor.report import ReportError, write_pdf

        try:
            write_pdf(self._html(), path, self.chosen_page_size)
        except (ReportError, OSError) as exc:
            QMessageBox.warning(self, "Report not saved", f"The report could not be saved:\n{exc}")
            return False
        self.saved_to = path
        self.accept()
        return True

    def print_report(self) -> None:
        from shoeadvisor.report.pdf import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.chosen_page_size))
        printer.setDocName("ShoeAdvisor report")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Lay the report out on the printer's pages; returns the number of pages."""
        from shoeadvisor.report.pdf import ReportError, make_document, paint_pages

        try:
            pages = paint_pages(make_document(self._html()), printer)
        except ReportError as exc:
            QMessageBox.warning(self, "Not printed", f"The report could not be printed:\n{exc}")
            return 0
        self.printed = True
        self.accept()
        return pages


def export_report(
    parent: QWidget | None,
    advice: Advice | None,
    shoes: Sequence[ShoeScore] | None = None,
    start_folder: str | None = None,
) -> Path | None:
    """Ask for paper size and save or print the report; returns the PDF written, if any.

    `shoes` defaults to the shoes scored in `advice` (the runner's own shoes); the save
    dialog opens in `start_folder` when it exists, else in the user's Documents folder.
    """
    if advice is None:
        QMessageBox.information(
            parent, "Export report", "Fill in your profile first: the report is built from it."
        )
        return None
    dialog = ReportDialog(advice, shoes, parent, start_folder)
    dialog.exec()
    return dialog.saved_to
