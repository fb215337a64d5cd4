"""Shared test set-up: Qt offscreen before any Qt import, a private data folder per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty data folder (window settings live in it), never the user's."""
    root = tmp_path_factory.mktemp("shoeadvisor-data")
    monkeypatch.setenv("SHOEADVISOR_DATA_DIR", str(root))
    return root


@pytest.fixture(autouse=True, scope="session")
def no_user_config(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Qt's own settings folder points at a scratch folder: no test writes to the user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("user-config"))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(kind, scope, folder)


@pytest.fixture(autouse=True)
def no_leaked_widgets(request: pytest.FixtureRequest) -> Iterator[None]:
    """Close and delete any top-level widget a GUI test leaves behind."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


# -- hostile environments: another user, a full disk ------------------------------

NOBODY = 65534


@dataclass
class OtherUser:
    """Runs `python -m shoeadvisor ...` as a user that file modes apply to.

    These machines run the tests as root, which ignores file modes: a read-only folder
    is writable to root. So the command is run as `nobody` (setpriv) in a folder that
    user may use; when the tests already run as an ordinary user, as that user.
    """

    folder: Path
    prefix: list[str] = field(default_factory=list)
    uid: int = NOBODY

    def mkdir(self, *parts: str, mode: int = 0o700) -> Path:
        """A folder owned by the other user, with mode applied after it is filled."""
        path = self.folder.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        self.own(path)
        path.chmod(mode)
        return path

    def own(self, path: Path) -> None:
        if self.prefix:
            os.chown(path, self.uid, self.uid)

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, **(env or {})}
        environment["HOME"] = str(self.folder)
        return subprocess.run(
            [*self.prefix, sys.executable, "-m", "shoeadvisor", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
        )


@pytest.fixture
def other_user() -> Iterator[OtherUser]:
    folder = Path(tempfile.mkdtemp(prefix="shoeadvisor-user-"))
    folder.chmod(0o755)
    try:
        if os.geteuid() != 0:
            yield OtherUser(folder, [], os.geteuid())
            return
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("runs as root, which ignores file modes, and setpriv is not installed")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", "import shoeadvisor.cli"],
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=60,
        )
        if probe.returncode != 0:
            pytest.skip(
                "runs as root, which ignores file modes, and user nobody cannot run "
                f"this checkout's Python: {probe.stderr.strip()[-200:]}"
            )
        os.chown(folder, NOBODY, NOBODY)
        yield OtherUser(folder, prefix)
    finally:
        with contextlib.suppress(OSError):
            subprocess.run(["chmod", "-R", "u+rwX", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class TinyDisk:
    path: Path

    def fill(self, leave: int = 0) -> Path:
        """Fill the file system until writes fail with ENOSPC, then free `leave` bytes."""
        filler = self.path / "filler.bin"
        with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 4096)
        if leave:
            os.truncate(filler, max(0, filler.stat().st_size - leave))
        return filler


@pytest.fixture
def tiny_disk() -> Iterator[TinyDisk]:
    """A 256 KiB tmpfs, so that a full disk (ENOSPC) is real; skipped where none can be mounted."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tiny tmpfs needs Linux, root and mount(8)")
    folder = Path(tempfile.mkdtemp(prefix="shoeadvisor-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tiny tmpfs here: {mounted.stderr.strip()}")
    try:
        yield TinyDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()
