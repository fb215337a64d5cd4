"""What `advise` returns: plain, immutable values that views and reports read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .ids import ConditionId, FeatureId, Grade, Level, RiskId, Severity
from .profile import RunnerProfile
from .shoes import Shoe

ADVICE_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Claim:
    """What a seed article says where the studies disagree, with the claim's grade."""

    text: str
    grade: Grade
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": self.grade, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's contribution to a feature: why, how sure, from where."""

    rule: str
    text: str
    evidence: Grade
    sources: tuple[str, ...]
    effect: int | str = 0
    claim: Claim | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "text": self.text,
            "evidence": self.evidence,
            "sources": list(self.sources),
            "effect": self.effect,
        }
        if self.claim:
            data["article_claim"] = self.claim.to_json()
        return data


@dataclass(frozen=True, slots=True)
class FeatureAdvice:
    id: FeatureId
    name: str
    importance: int
    level: Level
    reasons: tuple[Reason, ...]
    description: str
    how_to_check: str

    @property
    def evidence(self) -> Grade:
        """The grade of the strongest reason that moved this feature."""
        return strongest_grade(r.evidence for r in self.reasons)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "importance": self.importance,
            "level": self.level,
            "reasons": [r.to_json() for r in self.reasons],
            "how_to_check": self.how_to_check,
        }


@dataclass(frozen=True, slots=True)
class RiskAdvice:
    id: RiskId
    name: str
    severity: Severity
    text: str
    advice: str
    evidence: Grade
    sources: tuple[str, ...]
    claim: Claim | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "severity": self.severity,
            "text": self.text,
            "advice": self.advice,
            "evidence": self.evidence,
            "sources": list(self.sources),
        }
        if self.claim:
            data["article_claim"] = self.claim.to_json()
        return data


@dataclass(frozen=True, slots=True)
class ConditionAdvice:
    """A condition that pain in this place may be: never a diagnosis."""

    id: ConditionId
    name: str
    what: str
    causes: str
    article_claims: str
    studies: str
    evidence: Grade
    sources: tuple[str, ...]
    refer: bool

    @property
    def text(self) -> str:
        return f"{self.name}: possible, not a diagnosis. {self.what}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "text": self.text,
            "causes": self.causes,
            "article_claims": self.article_claims,
            "studies": self.studies,
            "evidence": self.evidence,
            "sources": list(self.sources),
            "see_doctor": self.refer,
        }


@dataclass(frozen=True, slots=True)
class RedFlagAdvice:
    id: str
    name: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "why": self.why}


@dataclass(frozen=True, slots=True)
class ExerciseAdvice:
    id: str
    name: str
    muscles: str
    dose: str
    progression: str
    steps: tuple[str, ...]
    conditions: tuple[ConditionId, ...]
    evidence: Grade
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "muscles": self.muscles,
            "dose": self.dose,
            "progression": self.progression,
            "steps": list(self.steps),
            "conditions": list(self.conditions),
            "evidence": self.evidence,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class PlanDay:
    day: str
    exercises: tuple[str, ...]
    note: str

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day, "exercises": list(self.exercises), "note": self.note}


@dataclass(frozen=True, slots=True)
class KneeAdvice:
    conditions: tuple[ConditionAdvice, ...]
    see_doctor: bool
    red_flags: tuple[RedFlagAdvice, ...]
    exercises: tuple[ExerciseAdvice, ...]
    weekly_plan: tuple[PlanDay, ...]
    summary: str
    disclaimer: str

    def to_json(self) -> dict[str, Any]:
        return {
            "conditions": [c.to_json() for c in self.conditions],
            "see_doctor": self.see_doctor,
            "red_flags": [f.to_json() for f in self.red_flags],
            "summary": self.summary,
            "exercises": [e.to_json() for e in self.exercises],
            "weekly_plan": [d.to_json() for d in self.weekly_plan],
            "disclaimer": self.disclaimer,
        }


#: id(points table) -> feature -> level (None: unknown) -> its breakdown item, as JSON.
_ItemCache = dict[int, dict[FeatureId, dict[int | None, dict[str, Any]]]]


@dataclass(frozen=True, slots=True)
class BreakdownItem:
    feature: FeatureId
    level: int | None
    points: float

    def to_json(self) -> dict[str, Any]:
        return {"feature": self.feature, "level": self.level, "points": round(self.points, 2)}


@dataclass(frozen=True, slots=True)
class ScoreAdjustment:
    """Points for a shoe's measurements (its drop, say) with why, how sure, from where."""

    rule: str
    points: float
    text: str
    evidence: Grade
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "points": self.points,
            "text": self.text,
            "evidence": self.evidence,
            "sources": list(self.sources),
        }


@dataclass(slots=True)
class ShoeScore:
    """A shoe's fit for this runner: 50 + the points of each known feature + comfort
    + adjustments for its measurements.

    Read-only by convention, not frozen: one is built per shoe on every re-advice, and a
    frozen dataclass's __init__ costs six times as much (6 ms for 10,000 shoes).
    """

    shoe: Shoe
    score: int
    comfort_points: float
    #: feature id -> points for level 0, 1, 2, 3 (shared by every shoe of one advice)
    _points: Mapping[FeatureId, tuple[float, ...]] = field(repr=False, compare=False)
    #: feature ids, most important first
    _order: tuple[FeatureId, ...] = field(repr=False, compare=False)
    #: points for the shoe's measurements, e.g. a low drop for a regular runner
    adjustments: tuple[ScoreAdjustment, ...] = ()

    @property
    def adjustment_points(self) -> float:
        return sum(a.points for a in self.adjustments)

    @property
    def breakdown(self) -> tuple[BreakdownItem, ...]:
        """Per-feature points in the order of the features' importance; unknown = 0."""
        features = self.shoe.features
        items = []
        for fid in self._order:
            level = features.get(fid)
            items.append(
                BreakdownItem(fid, level, 0.0 if level is None else self._points[fid][level])
            )
        return tuple(items)

    def points_for(self, feature: FeatureId) -> float:
        for item in self.breakdown:
            if item.feature == feature:
                return item.points
        raise KeyError(feature)

    def _breakdown_json(self, cache: _ItemCache | None = None) -> list[dict[str, Any]]:
        """`[b.to_json() for b in self.breakdown]`, built by copying one prepared item per
        feature and level: 10,000 shoes' 160,000 items in 30 ms instead of 120 ms through
        BreakdownItem. `cache` keeps those items across the shoes of one advice (they share
        one points table); each shoe still gets its own dicts."""
        table = self._points
        if cache is None:
            cache = {}
        items = cache.get(id(table))
        if items is None:
            items = cache[id(table)] = {
                fid: {
                    None: {"feature": fid, "level": None, "points": 0.0},
                    **{
                        level: {"feature": fid, "level": level, "points": round(points, 2)}
                        for level, points in enumerate(table[fid])
                    },
                }
                for fid in self._order
            }
        features = self.shoe.features
        return [items[fid][features.get(fid)].copy() for fid in self._order]

    def to_json(self, _cache: _ItemCache | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.shoe.id,
            "name": self.shoe.name,
            "score": self.score,
            "breakdown": self._breakdown_json(_cache),
        }
        if self.shoe.comfort is not None:
            data["comfort"] = self.shoe.comfort
            data["comfort_points"] = self.comfort_points
        if self.adjustments:
            data["adjustments"] = [a.to_json() for a in self.adjustments]
        return data


@dataclass(frozen=True, slots=True)
class Advice:
    """Everything ShoeAdvisor tells one runner."""

    profile: RunnerProfile
    features: tuple[FeatureAdvice, ...]
    risks: tuple[RiskAdvice, ...]
    knee: KneeAdvice | None
    shoes: tuple[ShoeScore, ...]

    def feature(self, feature_id: str) -> FeatureAdvice:
        for item in self.features:
            if item.id == feature_id:
                return item
        raise KeyError(feature_id)

    def risk(self, risk_id: str) -> RiskAdvice | None:
        return next((r for r in self.risks if r.id == risk_id), None)

    def level_of(self, feature_id: str) -> Level:
        return self.feature(feature_id).level

    def to_json(self) -> dict[str, Any]:
        """The contract §6 object (with extra keys of our own)."""
        data: dict[str, Any] = {
            "schema_version": ADVICE_SCHEMA_VERSION,
            "features": [f.to_json() for f in self.features],
            "risks": [r.to_json() for r in self.risks],
        }
        if self.knee is not None:
            data["knee"] = self.knee.to_json()
        cache: _ItemCache = {}
        data["shoes"] = [s.to_json(cache) for s in self.shoes]
        data["not_medical_advice"] = True
        return data


GRADE_STRENGTH: dict[Grade, int] = {
    "strong": 4,
    "moderate": 3,
    "weak": 2,
    "contradicted": 1,
    "none": 0,
}


def strongest_grade(grades: Any) -> Grade:
    best: Grade = "none"
    for grade in grades:
        if GRADE_STRENGTH[grade] > GRADE_STRENGTH[best]:
            best = grade
    return best
