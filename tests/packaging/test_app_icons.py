"""The icons generated from the one SVG: present, the right sizes, valid containers."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from shoeadvisor.gui.platform.icon import APP_ID, app_icon, icon_svg_path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
ICONS = PACKAGING / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", png[16:24])  # IHDR is always the first chunk
    return width, height


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_svg_source_is_valid_and_square() -> None:
    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    assert renderer.isValid()
    assert renderer.viewBoxF().width() == renderer.viewBoxF().height()


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_has_its_size_and_is_not_blank(size: int) -> None:
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    centre = image.pixelColor(size // 2, size // 2)
    corner = image.pixelColor(0, 0)
    assert centre.alpha() == 255 and corner.alpha() == 0  # a tile with rounded corners


def test_ico_directory_points_at_pngs_of_the_stated_size() -> None:
    data = (ICONS / "shoeadvisor.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        png = data[offset : offset + length]
        side = width or 256
        assert (side, height or 256) == _png_size(png)
        assert (planes, bits) == (1, 32)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_elements_fill_the_file_and_hold_pngs() -> None:
    data = (ICONS / "shoeadvisor.icns").read_bytes()
    magic, total = struct.unpack_from(">4sI", data)
    assert magic == b"icns" and total == len(data)
    found: dict[bytes, int] = {}
    offset = 8
    while offset < total:
        kind, length = struct.unpack_from(">4sI", data, offset)
        width, height = _png_size(data[offset + 8 : offset + length])
        assert width == height
        found[kind] = width
        offset += length
    assert offset == total
    assert found[b"ic10"] == 1024 and found[b"ic07"] == 128 and found[b"icp4"] == 16


def test_containers_round_trip(make_icons: ModuleType) -> None:
    fake = {16: PNG_SIGNATURE + b"x" * 30, 256: PNG_SIGNATURE + b"y" * 40}
    ico = make_icons.ico_container(fake)
    assert struct.unpack_from("<BB", ico, 6) == (16, 16)
    assert struct.unpack_from("<BB", ico, 22) == (0, 0)  # 256 is written as 0
    icns = make_icons.icns_container([(b"ic08", fake[256])])
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)


def test_committed_pngs_match_the_svg(make_icons: ModuleType, qapp: object) -> None:
    """Catches an SVG edit committed without re-running make_icons.py."""
    renderer = QSvgRenderer(str(make_icons.SOURCE))
    fresh = QImage.fromData(make_icons.render_png(renderer, 64))
    committed = QImage(str(ICONS / "hicolor" / "64x64" / "apps" / f"{APP_ID}.png"))
    differing = sum(
        fresh.pixel(x, y) != committed.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)
    )
    assert differing <= 8, "run: uv run python packaging/make_icons.py"


def test_app_icon_comes_from_the_svg(qapp: object) -> None:
    assert icon_svg_path() is not None
    icon = app_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    image = icon.pixmap(48, 48).toImage()
    assert image.pixelColor(24, 24).alpha() == 255
