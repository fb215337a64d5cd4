"""What the runner does with the window as a whole: the report, the sources, About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from .context import Command

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox, QWidget

    from ..widgets.sources_dialog import SourcesDialog

NOT_MEDICAL_ADVICE = (
    "ShoeAdvisor is not medical advice and cannot diagnose anything. If pain is sharp, "
    "swollen, keeps you from running or does not settle with rest, see a doctor or "
    "physiotherapist."
)


class ExportReport(Command):
    """A PDF (or print-out) to take to a shoe store."""

    text = "&Export or print report\u2026"

    #: The window setting that remembers the folder the last report went to.
    FOLDER_KEY = "report/folder"

    def do(self) -> Path | None:
        from ..widgets import report_dialog

        advice = self.session.advice
        # Without shoes of their own, the report compares the built-in shoe types.
        shoes = None if advice is not None and advice.shoes else self.session.catalog_scores
        settings = self.context.settings
        folder = settings.read_text(self.FOLDER_KEY) if settings is not None else ""
        written = report_dialog.export_report(self.context.parent, advice, shoes, folder or None)
        if written is not None:
            if settings is not None:
                settings.set(self.FOLDER_KEY, str(written.parent))
            self.context.show_written(written, "Report")
        return written


class ShowSources(Command):
    """Every article and study the advice cites, with its grade."""

    text = "&Sources\u2026"

    def do(self) -> SourcesDialog:
        from PySide6.QtCore import Qt

        from ..widgets.sources_dialog import SourcesDialog

        sources = list(self.session.knowledge.sources.values())
        dialog = SourcesDialog(sources, self.context.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box (what QMessageBox.about shows), built so the size tests can look at it."""
    from PySide6.QtWidgets import QMessageBox

    from shoeadvisor import __version__

    box = QMessageBox(parent)
    box.setWindowTitle("About ShoeAdvisor")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>ShoeAdvisor {__version__}</h3>"
        "<p>Brand-neutral advice on which running-shoe features matter for you, "
        "and why. It works offline and keeps your profiles on this computer.</p>"
        "<p><b>Data sources:</b> the advice started from popular articles on running "
        "shoes and knee pain; each claim was then weighed against published studies and "
        "graded. Help \u25b8 Sources lists every article and study with its grade.</p>"
        f"<p><b>Not medical advice.</b> {NOT_MEDICAL_ADVICE}</p>"
    )
    icon = box.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class ShowAbout(Command):
    text = "&About ShoeAdvisor"

    def do(self) -> None:
        about_box(self.context.parent).exec()
