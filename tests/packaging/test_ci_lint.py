"""CI's ruff steps cover every Python file of the project, not only the package's folders.

`.ci/run` names the paths it lints and format-checks; a Python file outside them (the
wheel's build hook, the screenshot script) would drift from the style unseen.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".ci" / "run"

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists() or not CI.is_file(), reason="not a git checkout with .ci/run"
)


def ruff_paths(step: str) -> list[str]:
    """The paths of the `ruff check` or `ruff format --check` line of .ci/run."""
    for line in CI.read_text(encoding="utf-8").splitlines():
        words = shlex.split(line, comments=True)
        if "ruff" not in words:
            continue
        rest = words[words.index("ruff") + 1 :]
        if rest[:1] == [step] and (step == "check" or "--check" in rest):
            return [w for w in rest[1:] if not w.startswith("-")]
    raise AssertionError(f"no 'ruff {step}' line in .ci/run")


def python_files() -> list[PurePosixPath]:
    listed = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [PurePosixPath(p) for p in listed]


@pytest.mark.parametrize("step", ["check", "format"])
def test_ruff_step_covers_every_python_file(step: str) -> None:
    covered = [PurePosixPath(p.rstrip("/")) for p in ruff_paths(step)]
    missed = [str(f) for f in python_files() if not any(f == c or c in f.parents for c in covered)]
    assert missed == []


def test_reader_finds_both_ruff_lines() -> None:
    assert "shoeadvisor" in ruff_paths("check")
    assert "shoeadvisor" in ruff_paths("format")
