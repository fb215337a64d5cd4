"""The report to take along: HTML built from the advice, laid out as a PDF or printed.

`build_report_html` is pure Python; `write_pdf` and the layout use QtGui only, never
QtWidgets, so the headless `report` command can use them too.
"""

from __future__ import annotations

from .html import build_report_html
from .pdf import PageSizeName, ReportError, default_page_size, write_pdf

__all__ = ["PageSizeName", "ReportError", "build_report_html", "default_page_size", "write_pdf"]
