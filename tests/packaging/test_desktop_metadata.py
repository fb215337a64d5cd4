"""The .desktop entry and AppStream metainfo validate and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from shoeadvisor import __version__
from shoeadvisor.gui.platform.icon import APP_ID

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (apt-get install {package}; .ci/install-system-deps.sh)")
    return path


def test_desktop_file_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


def test_metainfo_validates_offline() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_and_metainfo_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == root.findtext("provides/binary") == "shoeadvisor"
    assert desktop["Name"] == root.findtext("name")
    categories = [c.text for c in root.iterfind("categories/category")]
    assert desktop["Categories"].rstrip(";").split(";") == categories


def test_newest_release_is_this_version() -> None:
    """Bumping the version needs a <release> entry for software centres."""
    release = ET.parse(METAINFO).getroot().find("releases/release")
    assert release is not None and release.get("version") == __version__
