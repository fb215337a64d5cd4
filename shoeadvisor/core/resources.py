"""Where the knowledge files live: a source tree, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder that holds features.toml, rules.toml, catalog.json and the rest."""
    here = Path(__file__).resolve()
    candidates = [
        here.parents[2] / "resources",  # source checkout / editable install
        here.parents[1] / "_resources",  # wheel: force-included by hatchling
    ]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for folder in candidates:
        if (folder / "features.toml").is_file():
            return folder
    raise FileNotFoundError("ShoeAdvisor's resources folder is missing from this installation")


def resource_path(name: str) -> Path:
    """A file inside the resources folder."""
    return resources_dir() / name
