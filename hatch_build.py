"""Build hook: a wheel carries the knowledge files and the window's icon.

They live outside the package (resources/ and packaging/icons/), where a checkout and the
editable install read them. A built wheel gets a copy as shoeadvisor/_resources, which
shoeadvisor/core/resources.py looks for; the editable wheel gets none, so there is never
a second, stale copy beside the source tree.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ICON = "packaging/icons/io.github.shoeadvisor.ShoeAdvisor.svg"


class ResourcesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "standard":  # the editable wheel reads resources/ in place
            return
        build_data["force_include"]["resources"] = "shoeadvisor/_resources"
        build_data["force_include"][ICON] = "shoeadvisor/_resources/icons/" + ICON.rsplit("/")[-1]
