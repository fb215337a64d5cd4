"""Everything ShoeAdvisor knows and decides. Imports no Qt.

The names below are looked up on first use, so that `import shoeadvisor.core.ids`
(the value sets a window needs before its first paint) does not build the pydantic
models, the knowledge base and the advisor. `knowledge()` is not re-exported: its name
is also its submodule's, so which one `core.knowledge` meant would depend on import order.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .advice import Advice, FeatureAdvice, KneeAdvice, RiskAdvice, ShoeScore
    from .advisor import advise, score_shoes
    from .files import InputFileError, NewerFileError, load_profile, load_shoes, parse_profile
    from .knowledge import Knowledge
    from .profile import PROFILE_SCHEMA_VERSION, RunnerProfile
    from .shoes import Shoe, parse_shoes

#: Public name -> the submodule that defines it.
_WHERE = {
    "Advice": "advice",
    "FeatureAdvice": "advice",
    "KneeAdvice": "advice",
    "RiskAdvice": "advice",
    "ShoeScore": "advice",
    "advise": "advisor",
    "score_shoes": "advisor",
    "InputFileError": "files",
    "NewerFileError": "files",
    "load_profile": "files",
    "load_shoes": "files",
    "parse_profile": "files",
    "Knowledge": "knowledge",
    "PROFILE_SCHEMA_VERSION": "profile",
    "RunnerProfile": "profile",
    "Shoe": "shoes",
    "parse_shoes": "shoes",
}

__all__ = [
    "PROFILE_SCHEMA_VERSION",
    "Advice",
    "FeatureAdvice",
    "InputFileError",
    "KneeAdvice",
    "Knowledge",
    "NewerFileError",
    "RiskAdvice",
    "RunnerProfile",
    "Shoe",
    "ShoeScore",
    "advise",
    "load_profile",
    "load_shoes",
    "parse_profile",
    "parse_shoes",
    "score_shoes",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
