"""Render the README's pictures: the main window (also at 900 × 600), the Knee page with
a red flag, the Shoes page, the comparison (table and chart), the `advise` text output
and the report's shoe page.

Run: uv run python docs/screenshots.py [--out docs]

The runner is examples/example_runner.json; the shoes are nine models of the scoring
tests' realistic catalog (tests/core/fixtures/realistic_catalog.json): road models
with gaps, two trail models, a track spike and one whose surface is not given. The
report page needs poppler's pdftoppm (Debian: poppler-utils); without it that one
picture is skipped with a message. PNGs are saved with a 256-colour palette to keep
them small.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "example_runner.json"
CATALOG = ROOT / "tests" / "core" / "fixtures" / "realistic_catalog.json"
SHOES = (
    "northway-glide-16",
    "steadfast-gts-22",
    "wideline-comfort-5",
    "pacer-max-3",
    "guidepost-15",
    "ridgeback-trail-7",
    "mudlark-4",
    "sprint-spike-9",
    "shop-find",
)
#: The shoes compared side by side: a tie for the main surface and a second pair.
COMPARED = ("steadfast-gts-22", "wideline-comfort-5", "ridgeback-trail-7")


def save(image: QImage, path: Path) -> None:
    """A PNG with a palette: screenshots have few colours, and the README stays light.

    The palette is the 256 colours the picture uses most, so flat colours come out
    exact (a fixed palette turned the knee drawing's skin pink); the few others, the
    anti-aliased edges, take the nearest of them.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")
    common = [colour for colour, _ in Counter(pixels).most_common(256)]
    small = image.convertToFormat(
        QImage.Format.Format_Indexed8,
        common,
        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
    )
    if not small.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(f"{path}: {path.stat().st_size // 1024} KB")


def settle(app: QApplication) -> None:
    for _ in range(4):  # layouts settle over a few passes (wrapped labels, splitters)
        app.processEvents()


def shoes_file(folder: Path) -> Path:
    catalog = {s["id"]: s for s in json.loads(CATALOG.read_text(encoding="utf-8"))}
    path = folder / "shoes.json"
    path.write_text(json.dumps([catalog[i] for i in SHOES]), encoding="utf-8")
    return path


def window_pictures(app: QApplication, shoes: Path, out: Path) -> None:
    from shoeadvisor.core.files import load_profile, load_shoes
    from shoeadvisor.gui.app import build_window
    from shoeadvisor.gui.settings import WindowSettings

    with tempfile.TemporaryDirectory(prefix="shoeadvisor-docs-") as data:
        window = build_window(Path(data), WindowSettings(None))
        window.resize(1440, 900)
        window.finish_startup()
        window.session.adopt(load_profile(PROFILE))
        window.session.save_now()
        window.session.set_shoes(load_shoes(shoes))
        window.show()
        settle(app)
        # The Advice page as a first start shows it, and in a small window.
        save(window.grab().toImage(), out / "screenshot.png")
        window.resize(900, 600)
        settle(app)
        save(window.grab().toImage(), out / "screenshot-small-window.png")
        window.resize(1440, 900)
        # A knee that gives way: the red flag above everything on the Knee page.
        window.tabs.setCurrentWidget(window.knee_page.parentWidget())
        window.knee_page.symptom_boxes["giving_way"].click()
        window.session.save_now()
        settle(app)
        save(window.grab().toImage(), out / "screenshot-knee-red-flag.png")
        window.knee_page.symptom_boxes["giving_way"].click()
        window.session.save_now()
        window.tabs.setCurrentIndex(1)
        settle(app)
        page = window.compare_page
        page.select_shoes(list(COMPARED))
        settle(app)
        save(window.grab().toImage(), out / "screenshot-shoes.png")
        # The comparison alone, tall enough for its rows and the chart's legend.
        comparison: QWidget = page.comparison_scroll.widget()
        window.resize(1440, 1500)
        settle(app)
        save(comparison.grab().toImage(), out / "screenshot-compare.png")
        window.close()
        window.session.close()
        settle(app)


def command(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def terminal_picture(text: str, path: Path) -> None:
    """Text as a terminal shows it: monospace, light on dark."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(10)
    metrics = QFontMetrics(font)
    lines = text.rstrip("\n").split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines) + 32
    height = metrics.lineSpacing() * len(lines) + 32
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e1e1e"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#e8e8e8"))
    for i, line in enumerate(lines):
        painter.drawText(QPointF(16, 16 + metrics.ascent() + i * metrics.lineSpacing()), line)
    painter.end()
    save(image, path)


def advise_picture(shoes: Path, out: Path) -> None:
    text = command("advise", str(PROFILE), "--shoes", str(shoes))
    start = text.index("Shoes, best fit first")
    end = text.index("\n\n", text.index("Not for the ground you run on", start))
    terminal_picture(
        "$ shoeadvisor advise examples/example_runner.json --shoes shoes.json\n…\n"
        + text[start:end],
        out / "screenshot-advise.png",
    )


def report_picture(shoes: Path, out: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("skipped screenshot-report.png: pdftoppm (poppler-utils) is not installed")
        return
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="shoeadvisor-docs-") as scratch:
        pdf = Path(scratch) / "report.pdf"
        command("report", str(PROFILE), "--shoes", str(shoes), "-o", str(pdf))
        # The page where the shoe table starts, and the next one: the table often runs on.
        texts = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
        first = next(i for i, text in enumerate(texts, 1) if "Shoes compared" in text)
        last = min(first + 1, len(texts))
        stem = Path(scratch) / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", "72", "-f", str(first), "-l", str(last), pdf, stem],
            check=True,
        )
        pages = [QImage(str(png)) for png in sorted(Path(scratch).glob("page*.png"))]
        gap = 12
        width = sum(p.width() for p in pages) + gap * (len(pages) - 1)
        sheet = QImage(width, max(p.height() for p in pages), QImage.Format.Format_RGB32)
        sheet.fill(QColor("#9a9a9a"))
        painter = QPainter(sheet)
        x = 0
        for page in pages:
            painter.drawImage(x, 0, page)
            x += page.width() + gap
        painter.end()
        save(sheet, out / "screenshot-report.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setFont(QFont(app.font()))
    with tempfile.TemporaryDirectory(prefix="shoeadvisor-docs-") as scratch:
        shoes = shoes_file(Path(scratch))
        window_pictures(app, shoes, args.out)
        advise_picture(shoes, args.out)
        report_picture(shoes, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
