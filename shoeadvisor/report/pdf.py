"""Laying the report out on A4 or Letter pages: QTextDocument into QPdfWriter or a printer.

QtGui only (no widgets), so the headless `report` command can use it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

PageSizeName = Literal["A4", "Letter"]
PAGE_SIZES: dict[PageSizeName, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
#: Territories that use US Letter paper (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH"})
MARGIN_MM = 15.0
FOOTER = "ShoeAdvisor · not medical advice: see a doctor or physiotherapist for a diagnosis"


class ReportError(Exception):
    """The PDF could not be written (for example a folder that does not exist)."""


def page_size_for_locale(name: str) -> PageSizeName:
    """Letter for US, Canadian, Mexican and Philippine locales ("en_US.UTF-8"), else A4."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    territory = base.split("_", 1)[1].upper() if "_" in base else ""
    return "Letter" if territory in LETTER_TERRITORIES else "A4"


def default_page_size(locale_name: str | None = None) -> PageSizeName:
    """The paper size for a locale name, or for this environment's paper locale."""
    if locale_name is None:
        for variable in ("LC_ALL", "LC_PAPER", "LANG"):
            value = os.environ.get(variable)
            if value:
                locale_name = value
                break
    return page_size_for_locale(locale_name or "")


def ensure_gui_app() -> QGuiApplication:
    """Fonts and painting need a QGuiApplication; start an offscreen one if none is running."""
    app = QGuiApplication.instance()
    if app is None:
        # Headless: never try to reach a display server from the command line.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["shoeadvisor"])
    assert isinstance(app, QGuiApplication)
    return app


def make_document(html: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        "h1 { font-size: 17pt; } h2 { font-size: 13pt; color: #1f3b57; } "
        "h3 { font-size: 11pt; } th { font-weight: bold; }"
    )
    document.setHtml(html)
    return document


def keep_headings_with_next(document: QTextDocument) -> int:
    """Start on a new page every heading that would otherwise end one; returns how many.

    The document must be paginated (`setPageSize`). A heading is kept with the first
    line of what follows it: when that lands on the next page, the heading goes there
    too. Headings are moved one at a time from the top, as each move shifts the rest.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = document.documentLayout()
    height = document.pageSize().height()
    moved = 0
    block = document.begin()
    while block.isValid():
        following = block.next()
        heading = block.blockFormat()
        if heading.headingLevel() > 0 and following.isValid():
            top = layout.blockBoundingRect(block).top()
            next_top = layout.blockBoundingRect(following).top()
            at_page_top = top % height < heading.topMargin() + 2 * document.documentMargin()
            already = heading.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            if int(top // height) != int(next_top // height) and not at_page_top and not already:
                heading.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(heading)
                moved += 1
        block = following
    return moved


def paint_pages(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Paint the document page by page with a footer on each; return the page count."""
    layout = device.pageLayout()
    resolution = device.logicalDpiX()
    page = layout.paintRectPixels(resolution)
    painter = QPainter()
    if not painter.begin(device):
        raise ReportError("cannot start painting (is the file or printer writable?)")
    try:
        # Lay the text out at the device's resolution, so point sizes come out true.
        document.documentLayout().setPaintDevice(device)
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(7.5)
        painter.setFont(footer_font)
        footer_height = painter.fontMetrics().height() * 2
        body = QSizeF(page.width(), page.height() - footer_height)
        document.setPageSize(body)
        keep_headings_with_next(document)
        pages = document.pageCount()
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            document.drawContents(
                painter, QRectF(0, number * body.height(), body.width(), body.height())
            )
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            footer = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawText(
                footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), FOOTER
            )
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"page {number + 1} of {pages}",
            )
    finally:
        painter.end()
    return pages


def page_layout(page_size: PageSizeName) -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be A4 or Letter, not {page_size!r}")
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def check_output(target: Path) -> None:
    """Refuse an output path the report must not be written to (ReportError says why)."""
    if target.is_symlink():
        # The rename below would replace the link, never write through it; saying so
        # is clearer than silently turning someone's link into a file.
        raise ReportError(
            f"{target} is a symbolic link; give the path of a real file (the link is left as is)"
        )
    if target.is_dir():
        raise ReportError(f"{target} is a folder; give a file name such as report.pdf")
    if target.exists() and not target.is_file():
        raise ReportError(f"{target} is a device, FIFO or socket, not a regular file")
    if not target.parent.is_dir():
        raise ReportError(f"the folder {target.parent} does not exist")


def render_pdf(html: str, page_size: PageSizeName = "A4") -> tuple[bytes, int]:
    """The report laid out as PDF bytes in memory, and its number of pages."""
    ensure_gui_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("ShoeAdvisor report")
    writer.setCreator("ShoeAdvisor")
    writer.setResolution(300)
    writer.setPageLayout(page_layout(page_size))
    pages = paint_pages(make_document(html), writer)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.rstrip().endswith(b"%%EOF"):
        raise ReportError("the PDF could not be laid out")
    return data, pages


def write_pdf(html: str, path: str | os.PathLike[str], page_size: PageSizeName = "A4") -> int:
    """Write the report HTML as a PDF; return its number of pages.

    The PDF is laid out in memory and written with the app's one atomic writer (a
    temporary file in the same folder, renamed over the target): a full disk or a
    crash leaves the previous file whole. Created readable by this user only (0600),
    like every file ShoeAdvisor writes: the report holds weight and knee details.
    A symbolic link as the target is refused. ReportError says what went wrong.
    """
    from shoeadvisor.core.files import describe_os_error
    from shoeadvisor.storage.atomic import atomic_write

    target = Path(path)
    check_output(target)
    data, pages = render_pdf(html, page_size)
    try:
        atomic_write(target, data)
    except PermissionError:
        raise ReportError(
            f"cannot write in the folder {target.parent} (permission denied)"
        ) from None
    except OSError as exc:
        raise ReportError(
            f"{target}: cannot be written ({describe_os_error(exc)}); any earlier file is unchanged"
        ) from None
    return pages


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF we wrote (counts page objects; enough for our own files)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
