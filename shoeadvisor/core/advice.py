"""What `advise` returns: plain, immutable values that views and reports read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import getitem
from typing import TYPE_CHECKING, Any

from .advice_items import GRADE_STRENGTH, Claim, FeatureAdvice, Reason, RiskAdvice, strongest_grade
from .ids import ConditionId, FeatureId, Grade, Level, Surface, SurfaceMatch

if TYPE_CHECKING:  # only named in annotations: the window draws kept advice without pydantic
    from .profile import RunnerProfile
    from .shoes import Shoe

ADVICE_SCHEMA_VERSION = 1

__all__ = [  # the items are defined in core.advice_items, and are this module's too
    "ADVICE_SCHEMA_VERSION",
    "EXCLUDES_FROM",
    "GRADE_STRENGTH",
    "Advice",
    "BreakdownItem",
    "Claim",
    "ConditionAdvice",
    "ExerciseAdvice",
    "FeatureAdvice",
    "FitTable",
    "KneeAdvice",
    "PlanDay",
    "Reason",
    "RedFlagAdvice",
    "RiskAdvice",
    "ScoreAdjustment",
    "ShoeScore",
    "strongest_grade",
]


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
    """A sign that needs a doctor or physiotherapist before any exercise plan."""

    id: str
    name: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "why": self.why}


@dataclass(frozen=True, slots=True)
class ExerciseAdvice:
    """One exercise of the knee plan: how to do it, how much, and whom it serves."""

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
    """One day of the weekly exercise plan."""

    day: str
    exercises: tuple[str, ...]
    note: str

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day, "exercises": list(self.exercises), "note": self.note}


@dataclass(frozen=True, slots=True)
class KneeAdvice:
    """What the knee pain may be, the red flags, and the exercise plan."""

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
#: By scoring table: the needs' feature ids, and for each the breakdown item per level.
#: Per scoring table: its features in order, each one's prepared item per level, and the
#: position of each feature in that order.
_ItemCache = dict[
    int,
    tuple[
        tuple[FeatureId, ...],
        tuple[dict[int | None, dict[str, Any]], ...],
        dict[FeatureId, int],
    ],
]


@dataclass(frozen=True, slots=True)
class BreakdownItem:
    """One feature's part in a shoe's fit score."""

    feature: FeatureId
    #: The level the score used: the shoe's, or one read from its weight or stack height.
    level: int | None
    points: float
    #: The level this runner needs (3 for essential, 2 for recommended); None when the
    #: feature does not count for this shoe (optional, to avoid, or for another surface).
    target: int | None = None
    #: "weight_g" or "stack_mm" when the level was read from that measurement.
    derived_from: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "feature": self.feature,
            "level": self.level,
            "points": round(self.points, 2),
        }
        if self.target is not None:
            data["target"] = self.target
        if self.derived_from is not None:
            data["level_from"] = self.derived_from
        return data


@dataclass(frozen=True, slots=True)
class FitTable:
    """How one kind of shoe (by surface) is scored for this runner; built by core.fit.

    Shared by every shoe of that kind in one advice.
    """

    match: SurfaceMatch
    #: The runner surface whose needs score these shoes (None without a profile).
    for_surface: Surface | None
    #: Feature advice for that surface, most important first.
    needs: tuple[FeatureAdvice, ...]
    #: feature id -> points for level 0, 1, 2, 3 (0 for features that do not count)
    points: Mapping[FeatureId, tuple[float, ...]]
    #: The features that count for this kind of shoe: essential, recommended, then avoid.
    matter: tuple[FeatureId, ...]
    matter_set: frozenset[FeatureId]
    #: Target level of each essential or recommended feature.
    targets: Mapping[FeatureId, int]
    #: Features bound to another surface (lugs on a road shoe): never counted.
    ignored: frozenset[FeatureId]
    #: The runner's level for each feature.
    levels: Mapping[FeatureId, Level]
    #: Whether a known drop can earn points (the runner's experience is given).
    drop_matters: bool = False
    #: (feature to avoid, share of the earned points it takes at level 0, 1, 2, 3)
    avoid_items: tuple[tuple[FeatureId, tuple[float, ...]], ...] = ()
    #: (feature, feature it rules out) pairs whose second one counts here (a wide
    #: last is not a narrow one): a present first one makes an unknown second one 0.
    exclusions: tuple[tuple[FeatureId, FeatureId], ...] = ()


#: The level from which a feature rules out the one it excludes (features.toml).
EXCLUDES_FROM = 2


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
    """A shoe's fit for this runner (see core.fit): 50 + the points of the known
    features that count + adjustments for its measurements + comfort.

    Read-only by convention, not frozen: one is built per shoe on every re-advice, and a
    frozen dataclass's __init__ costs six times as much (6 ms for 10,000 shoes).
    """

    shoe: Shoe
    score: int
    comfort_points: float
    #: The scoring table of this kind of shoe (shared by every shoe of one kind).
    _table: FitTable = field(repr=False, compare=False)
    #: points for the shoe's measurements, e.g. a drop that suits a regular runner
    adjustments: tuple[ScoreAdjustment, ...] = ()
    #: The unrounded score the ranking uses.
    raw: float = 50.0
    #: How many of the features that count for this shoe are known.
    known: int = 0
    #: Shoes with the same number are a tie (scores closer than core.fit.TIE_POINTS).
    tie_group: int = 0
    #: The levels read from the shoe's measurements and ruled out by its features (one
    #: dict shared by the shoes that read alike); None when none were.
    _read: Mapping[FeatureId, int] | None = field(default=None, repr=False, compare=False)
    #: feature id -> the measurement (or the feature) its level was read from
    _derived: Mapping[FeatureId, str] | None = field(default=None, repr=False, compare=False)
    #: Points the present features to avoid took from the earned ones (0 when none).
    _lost: float = field(default=0.0, repr=False, compare=False)
    #: The levels the score used, put together when first asked for.
    _levels: Mapping[FeatureId, int] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def surface_match(self) -> SurfaceMatch:
        """main / second (another surface the runner uses) / none / unknown (not given)."""
        return self._table.match

    @property
    def scored_for(self) -> Surface | None:
        """The runner surface whose needs scored this shoe (a second pair: its own)."""
        return self._table.for_surface

    @property
    def needs(self) -> tuple[FeatureAdvice, ...]:
        """The feature advice this shoe was scored against (a second pair: its surface's)."""
        return self._table.needs

    @property
    def coverage(self) -> tuple[int, int]:
        """(known, of): how many of the features that count for this shoe are known."""
        return self.known, len(self._table.matter)

    @property
    def levels(self) -> Mapping[FeatureId, int]:
        """The levels the score used: the shoe's own, those read from its measurements,
        and a 0 for an unknown feature its other features rule out (where that one
        counts: FitTable.exclusions)."""
        found = self._levels
        if found is None:
            # Put together on first use: for 10,000 shoes the scoring keeps only the few
            # levels read, shared, not a copy of every shoe's checklist.
            own = self.shoe.features
            found = self._levels = own if self._read is None else {**own, **self._read}
        return found

    @property
    def check_in_store(self) -> tuple[FeatureId, ...]:
        """Features that count for this shoe but are unknown, most important first."""
        levels = self.levels
        return tuple(f for f in self._table.matter if f not in levels)

    @property
    def drop_counts(self) -> bool:
        """Whether the heel-to-toe drop can move this shoe's score for this runner.

        It counts once the runner's experience is known (the trial's finding depends on
        how often they run); then a known drop no rule rewards earns 0, like a known
        feature below the target, and an unknown one earns nothing. Where it does not
        count, no drop ever changes the score, as with an optional feature.
        """
        return self._table.drop_matters

    @property
    def measure_in_store(self) -> tuple[str, ...]:
        """Measurements that would change the score but are not given (today: the drop)."""
        if self.shoe.drop_mm is None and self._table.drop_matters:
            return ("drop_mm",)
        return ()

    def level_of(self, feature: FeatureId) -> int | None:
        return self.levels.get(feature)

    def target_of(self, feature: FeatureId) -> int | None:
        """The level this runner needs, None where the feature does not count here."""
        return self._table.targets.get(feature)

    def need_of(self, feature: FeatureId) -> Level:
        """The runner's level for a feature, as this shoe was scored."""
        return self._table.levels[feature]

    def counts(self, feature: FeatureId) -> bool:
        """Whether this feature can move this shoe's score at all."""
        return feature in self._table.matter_set

    @property
    def adjustment_points(self) -> float:
        return sum(a.points for a in self.adjustments)

    @property
    def feature_points(self) -> float:
        """The features' share of the score (without the 50, comfort or adjustments)."""
        return sum(b.points for b in self.breakdown)

    @property
    def breakdown(self) -> tuple[BreakdownItem, ...]:
        """Per-feature points in the order of the features' importance; unknown = 0."""
        return tuple(self._item(need.id) for need in self._table.needs)

    def points_for(self, feature: FeatureId) -> float:
        if feature not in self._table.points:
            raise KeyError(feature)
        if self._lost:
            taken = self._avoid_points()
            if feature in taken:
                return taken[feature]
        level = self.levels.get(feature)
        return 0.0 if level is None else self._table.points[feature][level]

    def _avoid_points(self) -> dict[FeatureId, float]:
        """What each feature to avoid took, splitting the points lost by their shares."""
        levels = self.levels
        shares = {f: fractions[levels.get(f) or 0] for f, fractions in self._table.avoid_items}
        total = sum(shares.values())
        return {f: -self._lost * share / total for f, share in shares.items()} if total else {}

    def _breakdown_json(
        self, cache: _ItemCache | None = None, share: bool = False
    ) -> list[dict[str, Any]]:
        """`[b.to_json() for b in self.breakdown]`, built by copying one prepared item per
        feature and level: 10,000 shoes' 160,000 items in 30 ms instead of 120 ms through
        BreakdownItem. `cache` keeps those items across the shoes of one advice that share
        a scoring table; each shoe still gets its own dicts, patched where a level was
        read from a measurement or a feature to avoid took points."""
        table = self._table
        if cache is None:
            cache = {}
        prepared = cache.get(id(table))
        if prepared is None:
            fids = tuple(need.id for need in table.needs)
            rows = tuple(
                {
                    level: BreakdownItem(
                        fid,
                        level,
                        0.0 if level is None else table.points[fid][level],
                        table.targets.get(fid),
                    ).to_json()
                    for level in (None, 0, 1, 2, 3)
                }
                for fid in fids
            )
            position = {fid: i for i, fid in enumerate(fids)}
            prepared = cache[id(table)] = (fids, rows, position)
        fids, rows, position = prepared
        # Item i is rows[i][level of feature i]: all in C-level loops. With `share`, the
        # prepared items themselves (the shoes of the table share them), else copies;
        # an item that differs for this shoe is replaced by a patched copy either way.
        out = list(map(getitem, rows, map(self.levels.get, fids)))
        if not share:
            out = list(map(dict.copy, out))
        if self._derived:
            for feature, source in self._derived.items():
                at = position[feature]
                out[at] = {**out[at], "level_from": source}
        if self._lost:
            for feature, points in self._avoid_points().items():
                at = position[feature]
                out[at] = {**out[at], "points": round(points, 2)}
        return out

    def _item(self, feature: FeatureId) -> BreakdownItem:
        level = self.levels.get(feature)
        return BreakdownItem(
            feature,
            level,
            self.points_for(feature),
            self._table.targets.get(feature),
            (self._derived or {}).get(feature),
        )

    def to_json(self, _cache: _ItemCache | None = None, _share: bool = False) -> dict[str, Any]:
        known, of = self.coverage
        data: dict[str, Any] = {
            "id": self.shoe.id,
            "name": self.shoe.name,
            "score": self.score,
            "breakdown": self._breakdown_json(_cache, _share),
            "surface_match": self.surface_match,
            "coverage": {"known": known, "of": of},
            "check_in_store": list(self.check_in_store),
            "tie_group": self.tie_group,
        }
        if self.shoe.surface is not None:
            data["surface"] = self.shoe.surface
        if self.shoe.comfort is not None:
            data["comfort"] = self.shoe.comfort
            data["comfort_points"] = self.comfort_points
        if self.adjustments:
            data["adjustments"] = [a.to_json() for a in self.adjustments]
        measure = self.measure_in_store
        if measure:
            data["measure_in_store"] = list(measure)
        return data


@dataclass(frozen=True, slots=True)
class Advice:
    """Everything ShoeAdvisor tells one runner."""

    profile: RunnerProfile
    features: tuple[FeatureAdvice, ...]
    risks: tuple[RiskAdvice, ...]
    knee: KneeAdvice | None
    shoes: tuple[ShoeScore, ...]
    #: 3–5 shoes to try on: the best tie groups for the main surface (core.fit).
    shortlist: tuple[ShoeScore, ...] = ()
    #: The shoes that tie with the shortlist's last pair but did not fit on it (it stops
    #: at 5): just as good for the runner, named beside it everywhere (core.fit).
    tied_with_shortlist: tuple[ShoeScore, ...] = ()

    def feature(self, feature_id: str) -> FeatureAdvice:
        for item in self.features:
            if item.id == feature_id:
                return item
        raise KeyError(feature_id)

    def risk(self, risk_id: str) -> RiskAdvice | None:
        return next((r for r in self.risks if r.id == risk_id), None)

    def level_of(self, feature_id: str) -> Level:
        return self.feature(feature_id).level

    def to_json(self, *, share_items: bool = False) -> dict[str, Any]:
        """The contract §6 object (with extra keys of our own).

        `share_items`: for output written at once (the advise command): the shoes scored
        by one table share the breakdown items they have in common (one dict for one
        feature at one level), 160,000 dict copies fewer for 10,000 shoes. Without it
        every shoe gets its own dicts, safe to change in place."""
        data: dict[str, Any] = {
            "schema_version": ADVICE_SCHEMA_VERSION,
            "features": [f.to_json() for f in self.features],
            "risks": [r.to_json() for r in self.risks],
        }
        if self.knee is not None:
            data["knee"] = self.knee.to_json()
        cache: _ItemCache = {}
        data["shoes"] = [s.to_json(cache, share_items) for s in self.shoes]
        data["shortlist"] = [s.shoe.id for s in self.shortlist]
        data["tied_with_shortlist"] = [s.shoe.id for s in self.tied_with_shortlist]
        data["not_medical_advice"] = True
        return data
