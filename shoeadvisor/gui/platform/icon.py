"""The application icon, drawn from the one SVG that every packaged icon comes from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: Reverse-DNS id shared by the .desktop entry, the AppStream metainfo and the icon
#: theme name; pass it to QGuiApplication.setDesktopFileName() so Wayland docks match.
APP_ID = "io.github.shoeadvisor.ShoeAdvisor"

#: Sizes rasterised up front: crisp at every size a title bar, taskbar or
#: Alt-Tab switcher asks for, without depending on Qt's SVG icon-engine plugin.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_svg_path() -> Path | None:
    """Where the SVG is: the resources folder (frozen app, wheel) or the source tree."""
    name = f"{APP_ID}.svg"
    candidates: list[Path] = []
    try:
        from shoeadvisor.core.resources import resources_dir

        candidates.append(resources_dir() / "icons" / name)
    except (ImportError, FileNotFoundError):
        pass
    candidates.append(Path(__file__).resolve().parents[3] / "packaging" / "icons" / name)
    return next((path for path in candidates if path.is_file()), None)


def app_icon() -> QIcon:
    """The window and taskbar icon; needs a QGuiApplication. Falls back to the theme icon."""
    path = icon_svg_path()
    renderer = QSvgRenderer(str(path)) if path else None
    if renderer is None or not renderer.isValid():
        # An installed app finds the hicolor PNGs in the system icon theme.
        return QIcon.fromTheme(APP_ID)
    icon = QIcon()
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
