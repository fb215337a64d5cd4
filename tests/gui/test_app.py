"""`shoeadvisor` GUI arguments: --screenshot, --profile and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.app import run


def test_screenshot_of_the_example_runner(
    qtbot: QtBot, tmp_path: Path, private_data_dir: Path
) -> None:
    target = tmp_path / "shot.png"
    assert (
        run(["--screenshot", str(target), "--profile", str(resource_path("example_runner.json"))])
        == 0
    )
    image = QImage(str(target))
    from shoeadvisor.gui.views.main_window import PREFERRED_SIZE

    assert (image.width(), image.height()) == PREFERRED_SIZE
    # The screenshot used a scratch profile folder, never the runner's own.
    assert list(private_data_dir.iterdir()) == []


def test_bad_profile_is_one_line_and_exit_2(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "name": "x", "weight_kg": 900}), "utf-8")
    assert run(["--screenshot", str(tmp_path / "x.png"), "--profile", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.json" in err
    assert not (tmp_path / "x.png").exists()


def test_unknown_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--no-such-flag"]) == 2
    assert "usage" in capsys.readouterr().err
