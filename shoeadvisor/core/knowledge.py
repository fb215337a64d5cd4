"""The knowledge base in resources/, validated by pydantic when it is loaded.

Validating it (toml parsing, then pydantic) is the slowest part of a start after pydantic
itself, so a program may install a `KnowledgeCache` (`use_cache`): the validated knowledge
is kept under a key that changes whenever any resource file, any source file of core/, or
the Python or pydantic version changes, so a kept copy is never stale. A missing or broken
copy is ignored and replaced. The models are built lazily (`defer_build`): a start that
finds its copy never builds their validators.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .ids import (
    CONDITION_IDS,
    FEATURE_IDS,
    LOAD_MEASURE_IDS,
    RISK_IDS,
    ConditionId,
    FeatureId,
    Grade,
    KneeLocation,
    LoadMeasureId,
    RiskId,
)
from .knowledge_key import knowledge_key
from .resources import resources_dir
from .shoes import Shoe, parse_shoes

SourceKind = Literal["article", "study", "review", "consensus", "guideline", "standard"]


class _Strict(BaseModel):
    # Built on first validation: a start that finds the validated copy never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Strict):
    """A bibliography entry: a seed article or a published study."""

    id: str
    kind: SourceKind
    title: str
    citation: str
    grade: Grade
    note: str = ""
    year: int | None = None
    file: str | None = None  # the seed article's file name in shared/seeds/


class ArticleClaim(_Strict):
    """What a seed article says, kept so the app can show it next to the studies."""

    text: str
    sources: tuple[str, ...] = Field(min_length=1)
    grade: Grade


Measure = Literal["weight_g", "stack_mm"]


class Measurement(_Strict):
    """How a shoe's measurement sets (`levels`) or limits (`at_most`) a feature's level.

    `levels`: [from, level] rows in rising order; the last row whose `from` the value
    reaches gives the level. `at_most`: [up_to, level] rows in rising order; the first
    row whose `up_to` the value does not exceed caps the level.
    """

    by: Measure
    levels: tuple[tuple[float, int], ...] = ()
    at_most: tuple[tuple[float, int], ...] = ()
    note: str

    @model_validator(mode="after")
    def _one_kind_in_order(self) -> Measurement:
        rows = self.levels or self.at_most
        if bool(self.levels) == bool(self.at_most):
            raise ValueError("give either levels or at_most")
        bounds = [bound for bound, _ in rows]
        if bounds != sorted(set(bounds)):
            raise ValueError("measurement rows must rise")
        if any(not 0 <= level <= 3 for _, level in rows):
            raise ValueError("levels are 0–3")
        return self

    def level(self, value: float) -> int | None:
        """The level this value sets (`levels`), or None when the rows only cap."""
        found: int | None = None
        for start, level in self.levels:
            if value >= start:
                found = level
        return found

    def cap(self, value: float) -> int | None:
        """The highest level this value allows (`at_most`), None when it allows any."""
        for up_to, level in self.at_most:
            if value <= up_to:
                return level
        return None


class Feature(_Strict):
    name: str
    description: str
    how_to_check: str
    base_importance: int = Field(ge=0, le=100)
    base_reason: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    #: What a shoe's weight or stack height says about this feature, if anything.
    measure: Measurement | None = None
    #: A feature this one rules out when present (level 2 or more): a wide last is
    #: not a narrow one.
    excludes: FeatureId | None = None


class Rule(_Strict):
    """A named adjustment of one feature's importance.

    effect: points of importance (scaled by the rule's evidence grade when applied),
    "avoid" (stay away from the feature), or "yield" (the feature gives way to an
    opposed one, e.g. a membrane to mesh: at most optional, applied only when both
    would otherwise be wanted).
    """

    id: str
    feature: FeatureId
    effect: int | Literal["avoid", "yield"]
    #: For a "yield" rule: the feature this one gives way to.
    opposes: FeatureId | None = None
    text: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    claim: ArticleClaim | None = None

    @model_validator(mode="after")
    def _yield_names_its_opposite(self) -> Rule:
        if (self.effect == "yield") != (self.opposes is not None):
            raise ValueError("a yield rule, and only a yield rule, names the feature it opposes")
        if self.opposes == self.feature:
            raise ValueError("a feature cannot oppose itself")
        return self


class ShoeRule(_Strict):
    """Points for a shoe's measurements (e.g. its drop) for one runner."""

    points: float = Field(ge=-10, le=10)
    text: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)


class RiskVariant(_Strict):
    """Other words for one case of a risk (e.g. an experienced runner); unset keys are kept."""

    text: str | None = None
    advice: str | None = None


class Risk(_Strict):
    name: str
    text: str
    advice: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    claim: ArticleClaim | None = None
    variants: dict[str, RiskVariant] = Field(default_factory=dict)

    def words(self, variant: str | None) -> tuple[str, str]:
        """(text, advice) for a case of this risk; the plain words when variant is None."""
        if variant is None:
            return self.text, self.advice
        chosen = self.variants[variant]
        return chosen.text or self.text, chosen.advice or self.advice


class Condition(_Strict):
    name: str
    locations: tuple[KneeLocation, ...] = Field(min_length=1)
    what: str
    causes: str
    article_claims: str
    studies: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    refer: bool


class RedFlag(_Strict):
    name: str
    why: str


class Exercise(_Strict):
    id: str
    name: str
    muscles: str
    dose: str
    progression: str
    steps: tuple[str, ...] = Field(min_length=1)
    conditions: tuple[ConditionId, ...] = Field(min_length=1)
    priority: int = Field(ge=1, le=5)
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)


class LoadBandSpec(_Strict):
    """One band of a training-load measure: increases up to `up_to_pct` (None: no limit)."""

    id: str = Field(min_length=1)
    label: str
    up_to_pct: float | None = None
    inclusive: bool = True
    hazard_ratio: float | None = Field(default=None, gt=0)

    def holds(self, increase_pct: float) -> bool:
        """Whether an increase (in %) falls at or below this band's upper bound."""
        if self.up_to_pct is None:
            return True
        if self.inclusive:
            return increase_pct <= self.up_to_pct
        return increase_pct < self.up_to_pct


class LoadMeasure(_Strict):
    """A training-load measure (resources/load.toml) and the study bands on it."""

    name: str
    what: str
    window_days: int | None = Field(default=None, ge=1, le=366)
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    note: str
    band: tuple[LoadBandSpec, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _ordered_bands(self) -> LoadMeasure:
        bounds = [b.up_to_pct for b in self.band]
        if bounds[-1] is not None or any(b is None for b in bounds[:-1]):
            raise ValueError("only the last band may (and must) have no up_to_pct")
        limits = [b for b in bounds if b is not None]
        if limits != sorted(set(limits)):
            raise ValueError("band limits must rise from one band to the next")
        if len({b.id for b in self.band}) != len(self.band):
            raise ValueError("band ids must be unique")
        if self.band[0].hazard_ratio != 1.0:
            raise ValueError("the first band is the reference group: hazard_ratio = 1")
        return self

    def band_for(self, increase_pct: float) -> LoadBandSpec:
        """The band an increase (in %, negative for a decrease) falls into."""
        return next(b for b in self.band if b.holds(increase_pct))


class KnowledgeError(ValueError):
    """The knowledge files contradict themselves (an unknown id or source)."""


class Knowledge(_Strict):
    """Everything ShoeAdvisor knows, with ids checked against the contract."""

    sources: dict[str, Source]
    features: dict[FeatureId, Feature]
    rules: dict[str, Rule]
    shoe_rules: dict[str, ShoeRule]
    risks: dict[RiskId, Risk]
    conditions: dict[ConditionId, Condition]
    red_flags: dict[str, RedFlag]
    exercises: dict[str, Exercise]
    load: dict[LoadMeasureId, LoadMeasure]
    #: Fixed texts the advisor adds to a feature's reasons (features.toml [note]).
    notes: dict[str, str]
    disclaimer: str
    catalog: tuple[Shoe, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Knowledge:
        _same_ids("feature", self.features, FEATURE_IDS)
        _same_ids("training-load measure", self.load, LOAD_MEASURE_IDS)
        _same_ids("risk", self.risks, RISK_IDS)
        _same_ids("condition", self.conditions, CONDITION_IDS)
        measured = {fid for fid, f in self.features.items() if f.measure is not None}
        for fid, feature in self.features.items():
            # The fit score reads a measurement's level before what a feature rules out,
            # so the two must not meet on one feature (core.fit._Readings).
            if feature.excludes is not None and measured & {fid, feature.excludes}:
                raise KnowledgeError(
                    f"feature {fid}: a feature read from a measurement can neither rule "
                    f"out another nor be ruled out ({fid} excludes {feature.excludes})"
                )
        for where, cited in self.citations():
            for source in cited:
                if source not in self.sources:
                    raise KnowledgeError(
                        f"{where} cites {source!r}, which is not in the bibliography"
                    )
        return self

    def citations(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every (place, sources) pair in the knowledge base, for checking and tests."""
        found: list[tuple[str, tuple[str, ...]]] = []
        for fid, feature in self.features.items():
            found.append((f"feature {fid}", feature.sources))
        for rid, rule in self.rules.items():
            found.append((f"rule {rid}", rule.sources))
            if rule.claim:
                found.append((f"rule {rid} claim", rule.claim.sources))
        for sid, shoe_rule in self.shoe_rules.items():
            found.append((f"shoe rule {sid}", shoe_rule.sources))
        for kid, risk in self.risks.items():
            found.append((f"risk {kid}", risk.sources))
            if risk.claim:
                found.append((f"risk {kid} claim", risk.claim.sources))
        for cid, condition in self.conditions.items():
            found.append((f"condition {cid}", condition.sources))
        for eid, exercise in self.exercises.items():
            found.append((f"exercise {eid}", exercise.sources))
        for mid, measure in self.load.items():
            found.append((f"training-load measure {mid}", measure.sources))
        return found

    def exercises_for(self, condition: ConditionId) -> list[Exercise]:
        """Exercises that serve a condition, most useful first."""
        chosen = [e for e in self.exercises.values() if condition in e.conditions]
        # Exercises aimed mainly at this condition come before those borrowed from others.
        return sorted(chosen, key=lambda e: (e.conditions.index(condition), e.priority))


def _same_ids(kind: str, found: Collection[str], expected: tuple[str, ...]) -> None:
    missing = [i for i in expected if i not in found]
    if missing:
        raise KnowledgeError(f"{kind} ids missing from the knowledge base: {', '.join(missing)}")


def _unique_by_id(kind: str, items: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    result: dict[str, dict[str, object]] = {}
    for item in items:
        key = str(item.get("id"))
        if key in result:
            raise KnowledgeError(f"{kind} id {key!r} is defined twice")
        result[key] = item
    return result


def load_knowledge_from(folder: Path) -> Knowledge:
    """Read and validate every knowledge file in a resources folder."""

    def toml(name: str) -> dict[str, object]:
        with (folder / name).open("rb") as handle:
            return tomllib.load(handle)

    knee = toml("knee.toml")
    features = toml("features.toml")
    catalog = parse_shoes(json.loads((folder / "catalog.json").read_text(encoding="utf-8")))
    return Knowledge.model_validate(
        {
            "sources": _unique_by_id("source", toml("bibliography.toml")["source"]),  # type: ignore[arg-type]
            "features": features["feature"],
            "notes": features["note"],
            "rules": _unique_by_id("rule", toml("rules.toml")["rule"]),  # type: ignore[arg-type]
            "shoe_rules": toml("shoe_rules.toml")["shoe_rule"],
            "risks": toml("risks.toml")["risk"],
            "conditions": knee["condition"],
            "red_flags": knee["red_flag"],
            "disclaimer": knee["disclaimer"],
            "exercises": _unique_by_id("exercise", toml("exercises.toml")["exercise"]),  # type: ignore[arg-type]
            "load": toml("load.toml")["measure"],
            "catalog": catalog,
        }
    )


class KnowledgeCache(Protocol):
    """Where a program keeps validated knowledge between runs (see storage.knowledge_cache).

    `load` returns what `save` was given under the same key, or None; neither raises.
    """

    def load(self, key: str) -> object | None: ...

    def save(self, key: str, value: object) -> None: ...


_cache: KnowledgeCache | None = None


def use_cache(kept: KnowledgeCache | None) -> None:
    """Keep the validated knowledge between runs there (None: read the files every time)."""
    global _cache
    _cache = kept


def load_knowledge_kept(folder: Path, kept: KnowledgeCache | None) -> Knowledge:
    """The knowledge of a resources folder: the kept copy when its key matches, else validated
    from the files (and kept for next time)."""
    if kept is None:
        return load_knowledge_from(folder)
    key = knowledge_key(folder)
    found = kept.load(key)
    if isinstance(found, Knowledge):
        return found
    fresh = load_knowledge_from(folder)
    kept.save(key, fresh)
    return fresh


@cache
def knowledge() -> Knowledge:
    """The knowledge base shipped with the program (loaded once)."""
    return load_knowledge_kept(resources_dir(), _cache)
