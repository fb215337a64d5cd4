"""Fixtures of the GUI tests: a started session on the test's own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from shoeadvisor.gui.actions.context import ActionContext
from shoeadvisor.gui.session import RunnerSession


@pytest.fixture
def session(qtbot: QtBot, private_data_dir: Path) -> Iterator[RunnerSession]:
    """A started session on the test's own data folder (it holds the folder's lock)."""
    opened = RunnerSession(private_data_dir)
    opened.start()
    yield opened
    opened.close()


@pytest.fixture
def context(session: RunnerSession) -> ActionContext:
    return ActionContext(session)
