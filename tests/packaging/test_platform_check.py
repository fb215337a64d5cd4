"""explain_missing_qt_libs(): the one message shown instead of Qt's platform-plugin abort."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from shoeadvisor.gui.platform import platform_check
from shoeadvisor.gui.platform.platform_check import NO_DISPLAY, explain_missing_qt_libs

X11 = {"DISPLAY": ":0"}


@pytest.fixture
def missing_libs(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The sonames the fake loader refuses; every other library loads."""
    missing: set[str] = set()
    monkeypatch.setattr(platform_check, "library_loads", lambda soname: soname not in missing)
    return missing


def test_nothing_to_say_when_every_library_loads(missing_libs: set[str]) -> None:
    assert explain_missing_qt_libs(X11, "linux") is None


def test_missing_xcb_cursor_names_its_debian_package(missing_libs: set[str]) -> None:
    missing_libs.update({"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"})
    message = explain_missing_qt_libs(X11, "linux")
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0\n" in message
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0" in message
    assert "libxcb-icccm4" not in message  # only what is missing


def test_every_xcb_library_maps_to_a_package(missing_libs: set[str]) -> None:
    missing_libs.update(platform_check.XCB_LIBS)
    message = explain_missing_qt_libs(X11, "linux")
    assert message is not None
    for package in (
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-image0",
        "libxcb-keysyms1",
        "libxcb-randr0",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-xkb1",
    ):
        assert package in message


def test_shared_package_is_named_once(missing_libs: set[str]) -> None:
    missing_libs.update({"libglib-2.0.so.0", "libgthread-2.0.so.0", "libEGL.so.1"})
    message = explain_missing_qt_libs(X11, "linux")
    assert message is not None
    assert "sudo apt-get install libegl1 libglib2.0-0\n" in message


def test_no_display_at_all_says_so(missing_libs: set[str]) -> None:
    assert explain_missing_qt_libs({}, "linux") == NO_DISPLAY
    assert "DISPLAY" in NO_DISPLAY and "shoeadvisor advise" in NO_DISPLAY


def test_forced_offscreen_needs_no_display_libraries(missing_libs: set[str]) -> None:
    missing_libs.update(platform_check.XCB_LIBS)
    assert explain_missing_qt_libs({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None


def test_forced_offscreen_still_needs_qtgui_libraries(missing_libs: set[str]) -> None:
    missing_libs.add("libEGL.so.1")
    message = explain_missing_qt_libs({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert message is not None and "libegl1" in message


def test_forced_xcb_with_options_is_checked(missing_libs: set[str]) -> None:
    missing_libs.add("libxcb-cursor.so.0")
    env = {"QT_QPA_PLATFORM": "xcb:nograb", "DISPLAY": ":1"}
    message = explain_missing_qt_libs(env, "linux")
    assert message is not None and "libxcb-cursor0" in message


def test_wayland_session_falls_back_to_xwayland(missing_libs: set[str]) -> None:
    missing_libs.add("libwayland-client.so.0")
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert explain_missing_qt_libs(env, "linux") is None


def test_wayland_only_session_names_wayland_packages(missing_libs: set[str]) -> None:
    missing_libs.add("libwayland-client.so.0")
    message = explain_missing_qt_libs({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert message is not None
    assert "Wayland" in message and "libwayland-client0" in message


def test_wayland_session_with_working_wayland_ignores_xcb(missing_libs: set[str]) -> None:
    missing_libs.update(platform_check.XCB_LIBS)
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert explain_missing_qt_libs(env, "linux") is None


@pytest.mark.parametrize("system", ["win32", "darwin"])
def test_other_systems_are_left_to_qt(missing_libs: set[str], system: str) -> None:
    missing_libs.update(platform_check.XCB_LIBS)
    assert explain_missing_qt_libs({}, system) is None


def test_real_loader_finds_libc_and_not_a_made_up_library() -> None:
    assert platform_check.library_loads("libc.so.6")
    assert not platform_check.library_loads("libshoeadvisor-no-such-library.so.7")


def test_library_shipped_beside_qt_counts_as_present(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setattr(platform_check, "_bundled_lib_dirs", lambda: [tmp_path])
    assert platform_check.library_loads("libxcb-cursor.so.0")


def test_check_runs_before_any_qt_import() -> None:
    """It must work where importing PySide6.QtGui would already fail."""
    code = (
        "import sys\n"
        "from shoeadvisor.gui.platform.platform_check import explain_missing_qt_libs\n"
        "explain_missing_qt_libs({'DISPLAY': ':0'}, 'linux')\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], sys.modules.keys()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_standalone_app_lets_its_parsing_processes_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen app's multiprocessing children start the app itself: freeze_support first."""
    import multiprocessing
    import sys

    from shoeadvisor import __main__ as entry

    called: list[bool] = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: called.append(True))
    with pytest.raises(SystemExit) as done:
        entry.main(["--version"])
    assert done.value.code == 0
    assert called == [True]
    monkeypatch.setattr(sys, "frozen", False)
    with pytest.raises(SystemExit):
        entry.main(["--version"])
    assert called == [True]  # not frozen: nothing to do
