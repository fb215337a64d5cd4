"""Render every app icon from the one SVG source.

    uv run python packaging/make_icons.py

Writes, next to the SVG in packaging/icons/:

- ``hicolor/NxN/apps/io.github.shoeadvisor.ShoeAdvisor.png`` for the freedesktop
  icon theme (16 … 512), laid out so it can be copied under ``share/icons/``;
- ``shoeadvisor.ico`` for Windows (PNG entries 16 … 256);
- ``shoeadvisor.icns`` for macOS (PNG entries 16 … 1024, incl. @2x).

Both containers accept embedded PNG images, so they are assembled here with
``struct`` rather than with an extra imaging dependency. Re-run after editing
the SVG and commit the results.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.shoeadvisor.ShoeAdvisor"
ICONS = Path(__file__).resolve().parent / "icons"
SOURCE = ICONS / f"{APP_ID}.svg"

#: Sizes of the freedesktop hicolor theme PNGs.
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows reads at most 256 px from an .ico; 24 and 64 serve high-DPI taskbars.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: macOS icns element types holding PNG data, with their pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn into a transparent size×size square, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want bytes for the format; PySide6 6.12 accepts only str at run time.
    png_ok = image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")  # type: ignore[call-overload]
    if not png_ok:
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR + ICONDIRENTRY table)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 stands for 256
        # width, height, palette colours, reserved, colour planes, bits per pixel, bytes, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_container(elements: list[tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns: big-endian 'icns' header, then (type, length, PNG) elements."""
    body = b"".join(struct.pack(">4sI", kind, 8 + len(png)) + png for kind, png in elements)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    needed = {*HICOLOR_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    pngs = {size: render_png(renderer, size) for size in sorted(needed)}

    for size in HICOLOR_SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])

    (ICONS / "shoeadvisor.ico").write_bytes(ico_container({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "shoeadvisor.icns").write_bytes(
        icns_container([(kind, pngs[size]) for kind, size in ICNS_TYPES])
    )
    del app
    print(f"make_icons: wrote {len(HICOLOR_SIZES)} PNGs, the .ico and the .icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
