"""Before Qt starts on Linux: can its platform plugin load? If not, say what to install.

Qt aborts with "Could not load the Qt platform plugin "xcb"" (and a core dump)
when a system library its plugin links against is missing — most often
libxcb-cursor0, which Qt ≥ 6.5 needs and many desktops lack. This module
imports no Qt, so it can run before PySide6.QtGui is loaded, and tries to load
each library with the dynamic loader, as Qt would.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Libraries PySide6's QtGui itself links against: needed by every platform plugin.
GUI_LIBS: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

#: Libraries the X11 plugin (libqxcb.so, libQt6XcbQpa.so.6) links against, with
#: the Debian/Ubuntu package that ships each. Read from the ELF NEEDED entries
#: of PySide6 6.12; xinerama is no longer among them.
XCB_LIBS: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
}

#: Libraries the Wayland plugin (libqwayland.so) links against.
WAYLAND_LIBS: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

#: Platform plugins that need no display server (and so no display libraries).
HEADLESS_PLATFORMS = {
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "linuxfb",
    "eglfs",
    "vkkhrdisplay",
}

NO_DISPLAY = (
    "ShoeAdvisor cannot open its window: no graphical display was found "
    "(neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
    "Start it from a desktop session, or over SSH with X forwarding (ssh -X). "
    "Without a display, the headless commands still work, e.g.:\n"
    "  shoeadvisor advise PROFILE.json"
)


def _bundled_lib_dirs() -> list[Path]:
    """Folders whose libraries Qt finds through its rpath, not the system loader."""
    folders: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders += [Path(frozen), Path(frozen) / "PySide6" / "Qt" / "lib"]
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.submodule_search_locations:
        folders += [Path(p) / "Qt" / "lib" for p in spec.submodule_search_locations]
    return folders


def library_loads(soname: str) -> bool:
    """True when the dynamic loader can load `soname` (or Qt ships it beside itself)."""
    if any((folder / soname).is_file() for folder in _bundled_lib_dirs()):
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _platform_order(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in its order (QT_QPA_PLATFORM may list several)."""
    forced = environ.get("QT_QPA_PLATFORM", "").strip()
    if forced:
        names = [part.split(":", 1)[0].strip() for part in forced.split(";")]
        return [name for name in names if name]
    # Qt 6 prefers Wayland in a Wayland session and falls back to X11 (XWayland).
    wayland_session = environ.get("XDG_SESSION_TYPE") == "wayland"
    if wayland_session or (environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY")):
        return ["wayland", "xcb"]
    return ["xcb"]


def _missing(libs: Mapping[str, str]) -> list[str]:
    return [soname for soname in libs if not library_loads(soname)]


def _install_message(plugin: str, missing: Sequence[str], libs: Mapping[str, str]) -> str:
    packages = list(dict.fromkeys(libs[soname] for soname in missing))
    return (
        f"ShoeAdvisor cannot open its window: Qt's {plugin} platform plugin needs system "
        f"libraries that are not installed: {', '.join(missing)}.\n"
        "On Debian or Ubuntu, install them with:\n"
        f"  sudo apt-get install {' '.join(packages)}\n"
        "On other distributions, install the packages that provide these files. "
        "The headless commands work without them, e.g.: shoeadvisor advise PROFILE.json"
    )


def explain_missing_qt_libs(
    environ: Mapping[str, str] | None = None, system: str | None = None
) -> str | None:
    """One message naming what to install when Qt's window cannot start on Linux; else None."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return None
    problems: list[str] = []
    for plugin in _platform_order(environ):
        if plugin in HEADLESS_PLATFORMS:
            missing = _missing(GUI_LIBS)
            return _install_message(plugin, missing, GUI_LIBS) if missing else None
        if plugin == "xcb":
            display, libs, label = environ.get("DISPLAY"), {**XCB_LIBS, **GUI_LIBS}, "X11 (xcb)"
        elif plugin.startswith("wayland"):
            display, libs = environ.get("WAYLAND_DISPLAY"), {**WAYLAND_LIBS, **GUI_LIBS}
            label = "Wayland"
        else:  # a plugin we know nothing about: let Qt speak for itself
            return None
        if not display:
            continue
        missing = _missing(libs)
        if not missing:
            return None
        problems.append(_install_message(label, missing, libs))
    return problems[0] if problems else NO_DISPLAY
