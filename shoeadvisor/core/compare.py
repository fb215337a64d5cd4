"""What a scored shoe means for one runner: the decisions every view shows the same way.

Views (the Shoes page, the comparison, `advise` text, the report) read these instead of
deciding for themselves:

- `verdict(need, shoe_level, target)` and `feature_verdicts(score)`: one mark per feature
  (✓ suits you, ✗ essential missing, ~ below what you need, ! to avoid, ? unknown,
  · does not count);
- `drop_verdict(score)`: the same for the heel-to-toe drop (`ShoeScore.drop_counts` says
  whether it can move the score for this runner: a counted 0 is not a "not counted");
- `counting_first(features)`: the order features are listed in, those that count first;
- `summarise(score)`: essential features missing or not checked, and features to avoid
  that the shoe has;
- `tied(a, b)` and `tied_with(score, ranked)`: the one tie rule — the same `tie_group`
  (scores closer than core.fit.TIE_POINTS);
- `surface_note(score)`, `coverage_note(score)`, `store_check_note(score, names)`
  (`store_checks` in parts): the shoe's surface match, coverage and store checklist in
  words; `level_source(score, item)` a level read from the shoe's weight, stack height
  or another feature.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .advice import FeatureAdvice, ShoeScore
from .ids import FeatureId, Level, ShoeSurface, Surface

SURFACE_WORDS: Mapping[ShoeSurface, str] = {"road": "road", "track": "track", "trail": "trail"}
RUNNER_SURFACE_WORDS: Mapping[Surface, str] = {
    "asphalt": "asphalt",
    "track": "the track",
    "trail": "trails",
    "treadmill": "the treadmill",
}


class Verdict(enum.Enum):
    """What a shoe's level of a feature means for this runner."""

    GOOD = "✓"  # at or above what the runner needs (or a feature to avoid is absent)
    MISSING = "✗"  # an essential feature is absent
    WEAK = "~"  # present but below the target, or a recommended feature absent
    AVOID = "!"  # a feature this runner should avoid is present
    UNKNOWN = "?"  # not known for this shoe
    NEUTRAL = "·"  # does not count for this runner (optional, or for another surface)


VERDICT_MEANING: Mapping[Verdict, str] = {
    Verdict.GOOD: "suits you",
    Verdict.MISSING: "essential feature missing",
    Verdict.WEAK: "less than you need",
    Verdict.AVOID: "a feature you should avoid",
    Verdict.UNKNOWN: "not known yet",
    Verdict.NEUTRAL: "does not count for you",
}

#: The level a need is scored against when no target is given (core.fit.TARGET_LEVEL).
_DEFAULT_TARGET: Mapping[Level, int] = {"essential": 3, "recommended": 2}


def verdict(need: Level, shoe_level: int | None, target: int | None = None) -> Verdict:
    """Read a shoe's level of one feature against the runner's need for it."""
    if need == "optional":
        return Verdict.NEUTRAL
    if shoe_level is None:
        return Verdict.UNKNOWN
    if need == "avoid":
        return Verdict.AVOID if shoe_level > 0 else Verdict.GOOD
    wanted = target if target is not None else _DEFAULT_TARGET[need]
    if shoe_level >= wanted:
        return Verdict.GOOD
    if shoe_level == 0 and need == "essential":
        return Verdict.MISSING
    return Verdict.WEAK


@dataclass(frozen=True, slots=True)
class FeatureVerdict:
    """One feature of one shoe, as this runner should read it."""

    feature: FeatureId
    need: Level
    #: The level the score used (the shoe's, or read from its weight or stack height).
    level: int | None
    target: int | None
    verdict: Verdict
    points: float
    #: False where the feature cannot move this shoe's score.
    counts: bool
    #: "weight_g" or "stack_mm" when the level was read from that measurement.
    derived_from: str | None


def feature_verdicts(score: ShoeScore) -> tuple[FeatureVerdict, ...]:
    """Every feature of a scored shoe, most important first, with its mark and points."""
    found = []
    for item in score.breakdown:
        counted = score.counts(item.feature)
        need = score.need_of(item.feature)
        mark = verdict(need, item.level, item.target) if counted else Verdict.NEUTRAL
        found.append(
            FeatureVerdict(
                item.feature,
                need,
                item.level,
                item.target,
                mark,
                item.points,
                counted,
                item.derived_from,
            )
        )
    return tuple(found)


@dataclass(frozen=True, slots=True)
class DropVerdict:
    """A shoe's heel-to-toe drop as this runner should read it, like a feature's verdict."""

    drop_mm: float | None
    #: False where no drop can move this shoe's score (the runner's experience unknown).
    counts: bool
    verdict: Verdict
    points: float
    #: Why, in a sentence (the drop rules' own words where one applies).
    note: str


#: Why a drop does not count: the trial's finding depends on how often the runner runs.
DROP_NOT_COUNTED = (
    "It does not count for you yet: in the trial, low drop went with more injuries in "
    "weekly runners and fewer in occasional ones, so it counts once your experience is "
    "filled in (Training)."
)


def drop_verdict(score: ShoeScore) -> DropVerdict:
    """The drop's mark and points: "not counted" apart from a drop that counts and earns 0.

    Counted: more than 0 points is GOOD; 0 is WEAK (a drop that earns nothing where another
    would), unknown is UNKNOWN (an unknown drop earns nothing either). Not counted: NEUTRAL.
    """
    drop = score.shoe.drop_mm
    points = score.adjustment_points
    if not score.drop_counts:
        return DropVerdict(drop, False, Verdict.NEUTRAL, 0.0, DROP_NOT_COUNTED)
    if drop is None:
        return DropVerdict(
            None,
            True,
            Verdict.UNKNOWN,
            0.0,
            "Not given: it counts for you, and an unknown drop earns nothing (see the maker's "
            "page or the label).",
        )
    reasons = " ".join(a.text for a in score.adjustments)
    mark = Verdict.GOOD if points > 0 else Verdict.WEAK if points == 0 else Verdict.AVOID
    note = reasons or "It counts for you, but no finding rewards this drop: 0 points."
    return DropVerdict(drop, True, mark, points, note)


def counting_first(features: Iterable[FeatureAdvice]) -> tuple[FeatureAdvice, ...]:
    """Features in the order given (most important first), those optional for the runner,
    which never change a score, after the ones that count."""
    return tuple(sorted(features, key=lambda f: f.level == "optional"))


@dataclass(frozen=True, slots=True)
class ShoeSummary:
    """What a runner in a shop scans for first."""

    missing: tuple[FeatureId, ...]  # essential features the shoe does not have
    unknown: tuple[FeatureId, ...]  # essential features not known for the shoe
    avoid: tuple[FeatureId, ...]  # features to avoid that the shoe has
    weak: tuple[FeatureId, ...]  # wanted features below what the runner needs


def summarise(score: ShoeScore) -> ShoeSummary:
    """Essentials missing or unknown, features to avoid present, wanted ones too weak."""
    missing: list[FeatureId] = []
    unknown: list[FeatureId] = []
    avoid: list[FeatureId] = []
    weak: list[FeatureId] = []
    for item in feature_verdicts(score):
        if not item.counts:
            continue
        if item.need == "essential" and item.verdict is Verdict.UNKNOWN:
            unknown.append(item.feature)
        elif item.verdict is Verdict.MISSING:
            missing.append(item.feature)
        elif item.verdict is Verdict.AVOID:
            avoid.append(item.feature)
        elif item.verdict is Verdict.WEAK:
            weak.append(item.feature)
    return ShoeSummary(tuple(missing), tuple(unknown), tuple(avoid), tuple(weak))


def tied(a: ShoeScore, b: ShoeScore) -> bool:
    """The one tie rule: two shoes of one advice are a tie when they share a tie group."""
    return a.tie_group == b.tie_group


def tied_with(score: ShoeScore, ranked: Iterable[ShoeScore]) -> tuple[ShoeScore, ...]:
    """The other shoes in this shoe's tie group, in rank order."""
    return tuple(s for s in ranked if s is not score and tied(s, score))


def surface_note(score: ShoeScore) -> str:
    """The shoe's surface match in a few words, e.g. "trail shoe: a second pair for trails"."""
    shoe_surface = score.shoe.surface
    match = score.surface_match
    if match == "unknown" or shoe_surface is None:
        if not score.known:
            return "surface not given and nothing that counts known: listed last"
        return "surface not given: ranked on its features"
    kind = f"{SURFACE_WORDS[shoe_surface]} shoe"
    if match == "main":
        return f"{kind} for your main surface"
    if match == "second":
        runner = score.scored_for
        where = RUNNER_SURFACE_WORDS[runner] if runner is not None else SURFACE_WORDS[shoe_surface]
        return f"{kind}: a second pair for {where}"
    return f"{kind}: not for ground you run on"


def coverage_note(score: ShoeScore) -> str:
    """e.g. "9 of 12 that count known"."""
    known, of = score.coverage
    if of == 0:
        return "no feature counts for you here: let comfort decide"
    return f"{known} of {of} that count known"


def store_checks(score: ShoeScore, names: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """What to check in the store, in parts: ("wide fit, breathable upper", "that it has
    no narrow fit", "the heel-to-toe drop"); () when nothing that counts is unknown."""
    names = names or {}

    def name(feature: FeatureId) -> str:
        return names.get(feature, feature.replace("_", " ")).lower()

    unknown = score.check_in_store
    look_for = [name(f) for f in unknown if score.target_of(f) is not None]
    look_out = [name(f) for f in unknown if score.target_of(f) is None]
    parts = []
    if look_for:
        parts.append(", ".join(look_for))
    if look_out:
        parts.append("that it has no " + " or ".join(look_out))
    if "drop_mm" in score.measure_in_store:
        parts.append("the heel-to-toe drop")
    return tuple(parts)


def store_check_note(score: ShoeScore, names: Mapping[str, str] | None = None) -> str:
    """e.g. "check in the store: wide fit, breathable upper; that it has no narrow fit;
    the heel-to-toe drop" — "" when nothing that counts is unknown."""
    parts = store_checks(score, names)
    return "check in the store: " + "; ".join(parts) if parts else ""


#: How a measurement reads in a short note.
_MEASURED: Mapping[str, str] = {"weight_g": "{:g} g", "stack_mm": "{:g} mm"}


def level_source(
    score: ShoeScore, item: FeatureVerdict, names: Mapping[str, str] | None = None
) -> str:
    """Where a level that was not ticked on the checklist came from, in short: "245 g",
    "38 mm", "wide fit" (a wide last rules a narrow one out); "" for a ticked one."""
    source = item.derived_from
    if source is None:
        return ""
    value = getattr(score.shoe, source, None) if source in _MEASURED else None
    if isinstance(value, int | float):
        return _MEASURED[source].format(value)
    return (names or {}).get(source, source.replace("_", " ")).lower()
