"""A wheel built from the project carries resources/ and the icon, and runs installed.

`uv build --wheel` gives a wheel; it is installed (without its dependencies, which come
from this environment, so the test needs no network) into a fresh virtual environment
and `shoeadvisor advise` runs from outside the source tree. The editable install of the
project's own .venv reads resources/ in place and has no copy of it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import shoeadvisor
from shoeadvisor.core.resources import resources_dir

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv") or shutil.which("uv", path=str(Path.home() / ".local" / "bin"))
ICON = "io.github.shoeadvisor.ShoeAdvisor.svg"

pytestmark = [
    pytest.mark.skipif(UV is None, reason="uv is not installed"),
    pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="not a source checkout"),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    assert UV is not None
    done = subprocess.run(
        [UV, "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [built] = out.glob("shoeadvisor-*.whl")
    return built


def test_the_wheel_carries_every_resource_and_the_icon(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in sorted(resources_dir().iterdir()):
        if path.is_file():
            assert f"shoeadvisor/_resources/{path.name}" in names
    assert f"shoeadvisor/_resources/icons/{ICON}" in names


def test_the_installed_wheel_advises_from_outside_the_tree(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    assert UV is not None
    done = subprocess.run(
        [UV, "pip", "install", "--offline", "--no-deps", "--python", str(python), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    # The dependencies (PySide6, pydantic, …) from this environment, after the wheel's own
    # site-packages: `shoeadvisor` itself can only come from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "zz_dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    profile = outside / "runner.json"
    shutil.copy(ROOT / "examples" / "example_runner.json", profile)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["SHOEADVISOR_DATA_DIR"] = str(tmp_path / "data")

    where = subprocess.run(
        [
            str(python),
            "-c",
            "import shoeadvisor.core.resources as r, shoeadvisor; "
            "print(shoeadvisor.__file__); print(r.resources_dir())",
        ],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert Path(where[0]).is_relative_to(env_dir)
    assert Path(where[1]) == Path(where[0]).parent / "_resources"

    script = env_dir / ("Scripts/shoeadvisor.exe" if os.name == "nt" else "bin/shoeadvisor")
    run = subprocess.run(
        [str(script), "advise", str(profile), "--json"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    advice = json.loads(run.stdout)
    assert advice["not_medical_advice"] is True
    assert len(advice["features"]) > 10 and advice["risks"] and advice["shoes"]
    assert all(f["reasons"] for f in advice["features"] if f["level"] == "essential")


def test_the_editable_install_reads_resources_in_place() -> None:
    assert resources_dir() == ROOT / "resources"
    installed = Path(sysconfig.get_path("purelib"))
    assert not (installed / "shoeadvisor" / "_resources").exists()
    assert Path(shoeadvisor.__file__).is_relative_to(ROOT)
    assert sys.prefix != sys.base_prefix  # the project's own .venv
