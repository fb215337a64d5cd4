"""The prevention checklist: which knee-friendly habits apply to a runner, and why.

Which items apply is decided here; their words, grades and sources live in
resources/prevention.toml and are validated against the bibliography when loaded.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .ids import Grade, LoadMeasureId
from .knowledge import KnowledgeError, LoadMeasure, knowledge
from .profile import RunnerProfile
from .resources import resources_dir
from .risks import mileage_jumped, needs_doctor
from .rules import bmi_above_obese
from .wording import text_context

Topic = Literal["progression", "surfaces", "shoes", "warm_up", "cadence", "strength"]
TOPICS: tuple[Topic, ...] = get_args(Topic)
TOPIC_NAMES: Mapping[Topic, str] = {
    "progression": "Training load",
    "surfaces": "Surfaces",
    "shoes": "Shoes",
    "warm_up": "Warm-up",
    "cadence": "Cadence",
    "strength": "Strength",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PreventionText(_Strict):
    """One checklist item as written in resources/prevention.toml.

    An item that states what a training-load measure measured names it in
    `evidence_from` and takes its grade from load.toml when loaded, so the checklist and
    the load risks can never grade one finding twice.
    """

    topic: Topic
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    evidence: Grade | None = None
    evidence_from: LoadMeasureId | None = None
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_grade(self) -> PreventionText:
        if (self.evidence is None) == (self.evidence_from is None):
            raise ValueError("give either evidence or evidence_from (a load.toml measure)")
        return self

    @property
    def grade(self) -> Grade:
        """The item's evidence grade (its own, or its load measure's once loaded)."""
        if self.evidence is None:
            raise KnowledgeError(f"the grade of {self.evidence_from} was not read from load.toml")
        return self.evidence


class PreventionKnowledge(_Strict):
    items: dict[str, PreventionText]


@dataclass(frozen=True, slots=True)
class PreventionItem:
    """A habit to check off; `done` when the profile says the runner already has it."""

    id: str
    topic: Topic
    title: str
    text: str
    evidence: Grade
    sources: tuple[str, ...]
    done: bool = False

    @property
    def topic_name(self) -> str:
        return TOPIC_NAMES[self.topic]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "title": self.title,
            "text": self.text,
            "evidence": self.evidence,
            "sources": list(self.sources),
            "done": self.done,
        }


AppliesRule = Callable[[RunnerProfile], bool]

#: Item id -> when it applies. Every id in prevention.toml needs a rule, and back.
PREVENTION_RULES: dict[str, AppliesRule] = {
    "longest_run": lambda p: True,
    "slow_build": lambda p: not _jumped_from_running(p),
    "jump_back": lambda p: _jumped_from_running(p),
    "easy_start": lambda p: p.experience == "beginner" or _obese(p),
    "ease_with_pain": lambda p: bool(p.knee_pain) and not needs_doctor(p),
    "surface_variety": lambda p: "asphalt" in p.surfaces,
    "track_direction": lambda p: "track" in p.surfaces,
    "trail_footing": lambda p: "trail" in p.surfaces,
    "less_downhill": lambda p: p.downhill is True,
    "comfortable_shoe": lambda p: True,
    "rotate_pairs": lambda p: True,
    "worn_shoes": lambda p: True,
    "warm_up_start": lambda p: p.warm_up is not True,
    "warm_up_keep": lambda p: p.warm_up is True,
    "cadence": lambda p: True,
    "strength": lambda p: True,
}
#: Items the profile shows are already part of the runner's routine.
_ALREADY_DONE: dict[str, AppliesRule] = {"warm_up_keep": lambda p: p.warm_up is True}


def _jumped_from_running(p: RunnerProfile) -> bool:
    return mileage_jumped(p) and bool(p.previous_weekly_km)


def _obese(p: RunnerProfile) -> bool:
    return bmi_above_obese(p.bmi)


def load_prevention_from(
    folder: Path,
    known_sources: Collection[str],
    load: Mapping[LoadMeasureId, LoadMeasure] | None = None,
) -> PreventionKnowledge:
    """Read prevention.toml, check its ids and sources, and give each item that names a
    training-load measure that measure's grade (`load`: the knowledge base's by default)."""
    with (folder / "prevention.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    kb = PreventionKnowledge.model_validate({"items": raw.get("item", {})})
    measures = knowledge().load if load is None else load
    graded = {
        item_id: item.model_copy(update={"evidence": measures[item.evidence_from].evidence})
        if item.evidence_from is not None
        else item
        for item_id, item in kb.items.items()
    }
    kb = PreventionKnowledge.model_construct(items=graded)  # each item validated above
    unknown = sorted(set(kb.items) - set(PREVENTION_RULES))
    missing = sorted(set(PREVENTION_RULES) - set(kb.items))
    if unknown or missing:
        raise KnowledgeError(
            f"prevention items without a rule: {unknown}; rules without an item: {missing}"
        )
    for item_id, item in kb.items.items():
        for source in item.sources:
            if source not in known_sources:
                raise KnowledgeError(
                    f"prevention item {item_id} cites {source!r}, which is not in the bibliography"
                )
    return kb


@cache
def prevention_knowledge() -> PreventionKnowledge:
    """The checklist shipped with the program (loaded once)."""
    kb = knowledge()
    return load_prevention_from(resources_dir(), kb.sources, kb.load)


def prevention_checklist(
    profile: RunnerProfile, kb: PreventionKnowledge | None = None
) -> tuple[PreventionItem, ...]:
    """The items that apply to this runner, grouped by topic in TOPICS order."""
    kb = kb or prevention_knowledge()
    ctx = text_context(profile)
    found = [
        PreventionItem(
            item_id,
            item.topic,
            item.title,
            item.text.format_map(ctx),
            item.grade,
            item.sources,
            item_id in _ALREADY_DONE and _ALREADY_DONE[item_id](profile),
        )
        for item_id, item in kb.items.items()
        if PREVENTION_RULES[item_id](profile)
    ]
    order = {topic: i for i, topic in enumerate(TOPICS)}
    found.sort(key=lambda item: order[item.topic])  # stable: file order within a topic
    return tuple(found)
