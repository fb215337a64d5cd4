"""The window's settings file (window.ini): private from its first write, and a FIFO, a
device, a folder, a huge or a damaged file where it goes never stops the window."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import start_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from shoeadvisor.gui.settings import MAX_SETTINGS_BYTES, SETTINGS_FILE, WindowSettings

posix_modes = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022() -> Any:
    old = os.umask(0o022)  # the usual umask: a file Qt creates itself would be 0644
    yield
    os.umask(old)


def _window_start(user: Any, data: Path) -> Any:
    """The app as a runner starts it, as another user, closed after its first paint."""
    return user.run(
        env={
            "SHOEADVISOR_DATA_DIR": str(data),
            "SHOEADVISOR_QUIT_AFTER_FIRST_PAINT": "1",
            "QT_QPA_PLATFORM": "offscreen",
        },
        timeout=90,  # a window hung on its settings file fails here
    )


def _settings_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if SETTINGS_FILE in line]


@posix_modes
def test_a_window_started_by_a_user_writes_its_settings_0600(
    other_user: Any, umask_022: None
) -> None:
    data = other_user.mkdir("data")
    result = _window_start(other_user, data)
    assert result.returncode == 0, result.stderr
    ini = data / SETTINGS_FILE
    assert ini.stat().st_uid == other_user.uid
    assert _mode(ini) == 0o600
    assert "window/geometry" in QSettings(str(ini), QSettings.Format.IniFormat).allKeys()
    assert _settings_lines(result.stderr) == []


@posix_modes
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_as_the_settings_file_never_hangs_the_window(
    other_user: Any, kind: str
) -> None:
    data = other_user.mkdir("data")
    ini = data / SETTINGS_FILE
    if kind == "fifo":
        os.mkfifo(ini)  # nobody ever writes to it: opening it to read would wait forever
        other_user.own(ini)
        words = "is a named pipe (FIFO), not a regular file"
    else:
        ini.symlink_to("/dev/zero")  # reading it would never end
        words = "is a device, not a regular file"
    result = _window_start(other_user, data)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _settings_lines(result.stderr) == [
        f"shoeadvisor: {ini}: {words}; it is not used; the window starts with its default layout"
    ]
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(ini).st_mode)  # left as it is, never replaced
    else:
        assert os.readlink(ini) == "/dev/zero"


@posix_modes
def test_qt_writes_from_the_event_loop_keep_the_file_private(
    qapp: QApplication, private_data_dir: Path, umask_022: None
) -> None:
    settings = WindowSettings.open()
    settings.set("export/folder", "/somewhere")  # Qt saves it itself, on the next events
    for _ in range(3):
        QApplication.processEvents()
    ini = private_data_dir / SETTINGS_FILE
    assert _mode(ini) == 0o600
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("export/folder") == "/somewhere"


@posix_modes
def test_a_settings_file_left_0644_by_an_older_version_is_made_private(
    qapp: QApplication, private_data_dir: Path
) -> None:
    ini = private_data_dir / SETTINGS_FILE
    ini.write_text("[window]\ntab=2\n")
    ini.chmod(0o644)
    settings = WindowSettings.open()
    assert _mode(ini) == 0o600
    assert settings.read_int("window/tab") == 2
    assert settings.problem is None


@pytest.mark.parametrize("kind", ["folder", "huge"])
def test_a_folder_or_a_huge_file_is_not_used(
    qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    ini = private_data_dir / SETTINGS_FILE
    if kind == "folder":
        ini.mkdir()
        words = "is a folder, not a regular file"
    else:
        with ini.open("wb") as handle:
            handle.truncate(MAX_SETTINGS_BYTES + 1)
        words = "too large (over 1,000,000 bytes)"
    win = start_window(qtbot)
    assert win.settings.problem == f"{ini}: {words}; it is not used"
    assert capsys.readouterr().err.count(f"{ini}: {words}") == 1  # said once
    win.close()
    assert ini.is_dir() if kind == "folder" else ini.stat().st_size == MAX_SETTINGS_BYTES + 1


@posix_modes
def test_a_settings_file_qt_cannot_parse_is_moved_aside_and_a_new_one_kept(
    qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    ini = private_data_dir / SETTINGS_FILE
    damaged = b"[window\ngeometry=@ByteArray(\x00\xff)\n"
    ini.write_bytes(damaged)
    win = start_window(qtbot)
    assert win.settings.problem == f"{ini}: cannot be read as settings; moved to {ini}.damaged"
    assert capsys.readouterr().err.count("cannot be read as settings") == 1
    win.close()
    assert Path(f"{ini}.damaged").read_bytes() == damaged  # kept, never deleted
    fresh = QSettings(str(ini), QSettings.Format.IniFormat)
    assert fresh.status() == QSettings.Status.NoError
    assert "window/geometry" in fresh.allKeys()
    assert _mode(ini) == 0o600


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40,
        b"\x00" * 5000,
        b"[window]\ngeometry=not bytes\nstate=@ByteArray(\\xzz\ntab=abc\npages=maybe\n"
        b"[splitters]\nadvice=@ByteArray(\\x01\\x02junk)\ncompare=12\n",
    ],
    ids=["binary", "zeros", "wrong types"],
)
def test_garbage_in_the_settings_file_never_stops_the_window(
    qtbot: QtBot, private_data_dir: Path, content: bytes
) -> None:
    (private_data_dir / SETTINGS_FILE).write_bytes(content)
    win = start_window(qtbot)
    assert win.isVisible()
    for splitter in win.findChildren(QSplitter):
        if splitter.isVisible() and splitter.count() > 1:
            assert all(size > 0 for size in splitter.sizes()), splitter.objectName()
    win.close()
    reread = QSettings(str(private_data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert "window/geometry" in reread.allKeys()  # the state is saved again
