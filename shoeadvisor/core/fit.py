"""The fit score: how well each shoe suits one runner, and the order to try them in.

1. **Shoe type first.** A shoe's `surface` is read against the runner's surfaces
   (`surface_match`): *main* (made for their main surface), *second* (for another
   surface they run on: a second pair), *none* (for a surface they never run on) or
   *unknown* (not given). Asphalt and treadmill are road. A road shoe also suits the
   track (tracks are smooth and firm, and most track running is done in road shoes);
   track spikes suit only the track. Shoes rank by tier: main and unknown together
   (an unknown one is ranked on its features and marked; at an equal score the known
   main-surface shoe comes first), then second pairs, then the rest, and last the
   shoes of unknown surface with nothing that counts known (nothing to rank them on).
   A second pair is scored against the needs of its own surface, as if that were the
   main one.
2. **Only what counts moves the score.** Essential and recommended features earn
   points (`FEATURE_POINTS` in all); optional ones never change a score or a rank; a
   feature to avoid, when present, takes a share of the points the shoe earned (so a
   shoe with known good matches always stays above one with nothing known).
   Lugs and rock plates count on trail shoes (and shoes of unknown surface) only, so
   adding lugs to a road shoe changes nothing for a road runner.
3. **Against a target.** Essential features aim at level 3, recommended ones at 2;
   a level below the target earns its share (no cliff, never negative).
4. **Unknown is unknown.** Points come from known features only, so a known 0 scores
   exactly what an unknown does, and every known good match raises the score. A shoe
   with little known sits near 50, below any shoe with known good matches. Coverage
   ("k of n that count known") and the unknowns to check in the store are reported.
5. **Measurements.** `weight_g` sets the lightweight level and `stack_mm` the thick
   sole level (resources/features.toml says how); a very thin stack caps cushioning;
   a wide last rules out a narrow one and the other way round.
   A known drop that suits the runner's experience earns points; an unknown one none.
6. **Comfort and ties.** Comfort adds up to ±10. The score shown is the sum rounded half
   up; the sum is exact (points lie on a grid of 1/GRID), so the order a shoe file lists
   its features in never changes a score, a tie or a rank. Scores closer than `TIE_POINTS`
   form a tie group; inside it the runner's comfort rating decides the order.
7. **Shortlist.** 3–5 shoes to try on: the best tie groups for the main surface. When
   the cap of 5 cuts a tie, the pairs of that tie left out are named beside it
   (`tied_with_shortlist`): only the cap, not their fit, left them off.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from .advice import EXCLUDES_FROM, FeatureAdvice, FitTable, ScoreAdjustment, ShoeScore
from .collector import collector_paused
from .ids import FEATURE_IDS, FeatureId, Grade, ShoeSurface, Surface, SurfaceMatch
from .knowledge import Knowledge, Measure, Measurement, ShoeRule, knowledge
from .profile import RunnerProfile
from .rules import SHOE_RULES
from .shoes import MAX_LEVEL, Shoe
from .wording import TextContext, number

#: Scores closer than this are a tie: try both on and pick the one that feels best.
TIE_POINTS = 3.0
SHORTLIST_MIN = 3
SHORTLIST_MAX = 5
NEUTRAL = 50.0
#: Points for the runner's own comfort rating, 1 (poor) to 5 (excellent).
COMFORT_POINTS = {1: -10.0, 2: -5.0, 3: 0.0, 4: 5.0, 5: 10.0}
#: A shoe not tried on counts as a 3 ("neither") when comfort orders a tie.
UNRATED_COMFORT = 3
#: Points all the features that count share: a perfect match scores 50 + 40 = 90,
#: leaving room for a suitable drop and for comfort.
FEATURE_POINTS = 40.0
#: Share of the earned feature points a strongly present feature to avoid takes,
#: before its evidence weight (a "none"-graded one: half of this, so 40%).
AVOID_SHARE = 0.8
#: The level an essential / recommended feature is scored against.
TARGET_LEVEL = {"essential": 3, "recommended": 2}
#: How much a rule of each evidence grade counts (also used for feature importance).
GRADE_WEIGHT: Mapping[Grade, float] = {
    "strong": 1.0,
    "moderate": 0.8,
    "weak": 0.6,
    "none": 0.5,
    "contradicted": 0.0,
}
#: The shoe surfaces that suit each surface a runner runs on.
SHOE_SURFACES_FOR: Mapping[Surface, tuple[ShoeSurface, ...]] = {
    "asphalt": ("road",),
    "treadmill": ("road",),
    "track": ("track", "road"),
    "trail": ("trail",),
}
#: Features that only work on one kind of ground; on other shoes they never count.
SURFACE_BOUND: Mapping[FeatureId, ShoeSurface] = {
    "trail_grip": "trail",
    "rock_protection": "trail",
}
#: Rank of each surface match: main and unknown compete, then second pairs, the rest.
TIER: Mapping[SurfaceMatch, int] = {"main": 0, "unknown": 0, "second": 1, "none": 2}
#: The tier of a shoe whose surface and every feature that counts are unknown.
UNRANKED_TIER = 3
#: At an equal score, a shoe known to suit the main surface comes before an unknown one.
_MATCH_ORDER: Mapping[SurfaceMatch, int] = {"main": 0, "unknown": 1, "second": 0, "none": 0}

_ZERO = (0.0, 0.0, 0.0, 0.0)
#: A feature's points are a multiple of 1/GRID: then any sum of them is exact, so a
#: shoe's score does not depend on the order its file lists its features in (with
#: plain float sums, two shoes alike but for that order could differ in the last bit,
#: and that, not their names, ordered them).
GRID = 2.0**30
#: Added to the points of each feature that counts, so one sum over a shoe's levels
#: gives both its points (below COUNTED) and how many of those features it has known
#: (the multiple of COUNTED). Exact: 16 features x COUNTED + 40 points on a grid of
#: 1/GRID need 44 of a float's 53 bits. It holds while every feature's points are >= 0
#: and all of them together stay below COUNTED: _checked_for_one_sum refuses any other
#: table.
COUNTED = 1024.0


def _on_grid(points: float) -> float:
    return round(points * GRID) / GRID


def surface_match(
    profile: RunnerProfile, shoe_surface: ShoeSurface | None
) -> tuple[SurfaceMatch, Surface | None]:
    """How a shoe surface fits this runner, and which of their surfaces it is for."""
    if shoe_surface is None:
        return "unknown", profile.main_surface
    if shoe_surface in SHOE_SURFACES_FOR[profile.main_surface]:
        return "main", profile.main_surface
    for surface in profile.surfaces[1:]:
        if shoe_surface in SHOE_SURFACES_FOR[surface]:
            return "second", surface
    return "none", profile.main_surface


def _avoid_weight(feature: FeatureAdvice) -> float:
    grades = [r.evidence for r in feature.reasons if r.effect == "avoid"]
    return max((GRADE_WEIGHT[g] for g in grades), default=GRADE_WEIGHT["none"])


def fit_table(
    needs: Sequence[FeatureAdvice],
    match: SurfaceMatch,
    for_surface: Surface | None,
    shoe_surface: ShoeSurface | None,
    drop_matters: bool = False,
    exclusions: Iterable[tuple[FeatureId, FeatureId]] = (),
) -> FitTable:
    """Points per feature and level for one kind of shoe, from the needs it is scored by."""
    ignored = frozenset(
        f
        for f, bound in SURFACE_BOUND.items()
        if shoe_surface is not None and shoe_surface != bound
    )
    wanted = [f for f in needs if f.level in TARGET_LEVEL and f.id not in ignored]
    avoided = [f for f in needs if f.level == "avoid" and f.id not in ignored]
    total = sum(f.importance for f in wanted) or 1
    points: dict[FeatureId, tuple[float, ...]] = dict.fromkeys(FEATURE_IDS, _ZERO)
    targets: dict[FeatureId, int] = {}
    for f in wanted:
        target = TARGET_LEVEL[f.level]
        share = FEATURE_POINTS * f.importance / total
        targets[f.id] = target
        points[f.id] = tuple(_on_grid(share * min(level, target) / target) for level in range(4))
    fractions: dict[FeatureId, tuple[float, ...]] = {}
    for f in avoided:
        cost = AVOID_SHARE * _avoid_weight(f)
        fractions[f.id] = tuple(cost * level / MAX_LEVEL for level in range(4))
    matter = tuple(f.id for f in wanted) + tuple(f.id for f in avoided)
    return FitTable(
        match,
        for_surface,
        tuple(needs),
        points,
        matter,
        frozenset(matter),
        targets,
        ignored,
        {f.id: f.level for f in needs},
        drop_matters,
        tuple(fractions.items()),
        tuple(pair for pair in exclusions if pair[1] in matter),
    )


#: What a shoe's measurements and features say about its levels: the levels read (one
#: dict shared by every shoe that reads the same) and what each came from; None when
#: they say nothing.
_Reading = tuple[dict[FeatureId, int], dict[FeatureId, str]] | None
#: A set of exclusions as read() goes through them: (feature, the one it rules out,
#: the bit of its mark, the bits of the earlier ones that rule out the same feature).
_Exclusions = tuple[tuple[FeatureId, FeatureId, int, int], ...]
#: What a value of a measured field says: the code of the levels it sets, and the caps
#: it puts on levels (feature, highest level, the shift of its level in a code).
_Said = tuple[int, tuple[tuple[FeatureId, int, int], ...]]


def _exclusion_pairs(kb: Knowledge) -> tuple[tuple[FeatureId, FeatureId], ...]:
    """(feature, the one it rules out) for every feature that rules one out, in order."""
    return tuple((fid, f.excludes) for fid, f in kb.features.items() if f.excludes is not None)


class _Readings:
    """What a shoe's measurements and its other features say about its levels.

    A shoe's reading is coded as one int: three bits per measurement (the level it read
    + 1; 0 for none), then a bit per exclusion. The shoes that read alike share the
    reading made from their code (a few dozen codes for 10,000 shoes), and what each
    value of a measured field says is worked out once.
    """

    def __init__(self, kb: Knowledge) -> None:
        measured = [(fid, m) for fid, f in kb.features.items() if (m := f.measure) is not None]
        shifts = {fid: 3 * i for i, (fid, _) in enumerate(measured)}
        rows: dict[Measure, list[tuple[FeatureId, Measurement, int]]] = {}
        for fid, m in measured:
            rows.setdefault(m.by, []).append((fid, m, shifts[fid]))
        self._rows = rows
        #: field -> value -> what it says (_Said), filled in as values are met
        self._fields: tuple[tuple[Measure, dict[float, _Said]], ...] = tuple(
            (by, {}) for by in rows
        )
        exclusions = _exclusion_pairs(kb)
        first = 3 * len(measured)
        self._exclusion_bit = {fid: 1 << (first + i) for i, (fid, _) in enumerate(exclusions)}
        self._coded: dict[tuple[tuple[FeatureId, FeatureId], ...], _Exclusions] = {}
        self._by_code = _ReadingsByCode(
            tuple((fid, m.by, shifts[fid]) for fid, m in measured),
            tuple((self._exclusion_bit[fid], fid, excluded) for fid, excluded in exclusions),
        )

    def _said(self, by: Measure, value: float, said: dict[float, _Said]) -> _Said:
        sets = 0
        caps = []
        for fid, measurement, shift in self._rows[by]:
            if measurement.levels:
                level = measurement.level(value)
                if level is not None:
                    sets |= (level + 1) << shift
            else:
                cap = measurement.cap(value)
                if cap is not None:
                    caps.append((fid, cap, shift))
        found = said[value] = (sets, tuple(caps))
        return found

    def coded(self, exclusions: tuple[tuple[FeatureId, FeatureId], ...]) -> _Exclusions:
        """Some of the knowledge's exclusions (a FitTable's, in their order) as read()
        goes through them."""
        found = self._coded.get(exclusions)
        if found is None:
            rows = []
            for i, (fid, excluded) in enumerate(exclusions):
                earlier = 0
                for other, also in exclusions[:i]:
                    if also == excluded:
                        earlier |= self._exclusion_bit[other]
                rows.append((fid, excluded, self._exclusion_bit[fid], earlier))
            found = self._coded[exclusions] = tuple(rows)
        return found

    def read(self, fields: Mapping[str, Any], exclusions: _Exclusions) -> _Reading:
        """The levels a shoe's measurements and features imply (`fields`: its field
        values, Shoe.__dict__), with what each came from; None if they imply nothing.

        A measurement that sets a level wins over the checklist, a known 0 included (a
        weight is more exact than a tick); one that caps a level lowers a higher one, and
        marks an unknown feature 0 only when the cap is 0. A feature present at level 2 or
        more (on the checklist) marks the one it excludes as 0 when that one is unknown.
        Caps and exclusions never raise a level. (No feature read from a measurement
        excludes or is excluded: the knowledge checks that, so the checklist is all the
        exclusions need.) `exclusions`: from coded().
        """
        features = fields["features"]
        code = 0
        for by, says in self._fields:
            value = fields[by]
            if value is None:
                continue
            said = says.get(value)
            if said is None:
                said = self._said(by, value, says)
            sets, caps = said
            code |= sets
            for fid, cap, shift in caps:  # lowers a higher level, and an unknown one only to 0
                current = features.get(fid)
                if current is None:
                    if cap:
                        continue
                elif current <= cap:
                    continue
                code |= (cap + 1) << shift
        for fid, excluded, bit, earlier in exclusions:
            present = features.get(fid, 0) >= EXCLUDES_FROM
            if present and excluded not in features and not code & earlier:
                code |= bit
        return self._by_code[code]


class _ReadingsByCode(dict[int, _Reading]):
    """code -> the reading it stands for (see _Readings), made once per code."""

    def __init__(
        self,
        measured: tuple[tuple[FeatureId, Measure, int], ...],
        exclusions: tuple[tuple[int, FeatureId, FeatureId], ...],
    ) -> None:
        """`measured`: (feature, field, the shift of its level); `exclusions`: (the bit of
        its mark, feature, the one it rules out)."""
        super().__init__({0: None})
        self._measured = measured
        self._exclusions = exclusions

    def __missing__(self, code: int) -> _Reading:
        levels: dict[FeatureId, int] = {}
        derived: dict[FeatureId, str] = {}
        for fid, by, shift in self._measured:
            level = (code >> shift) & 7
            if level:
                levels[fid] = level - 1
                derived[fid] = by
        for bit, fid, excluded in self._exclusions:
            if code & bit:
                levels[excluded] = 0
                derived[excluded] = fid
        found = self[code] = (levels, derived)
        return found


#: A shoe rule that applies to this runner: (id, rule, does it apply to this shoe).
_ShoeTest = Callable[[Shoe, Mapping[FeatureId, int]], bool]
_Adjusting = tuple[tuple[str, ShoeRule, _ShoeTest], ...]


def _rule_reads(rule_ids: Iterable[str]) -> tuple[FeatureId, ...]:
    """The levels the shoe halves of these rules read (ShoePredicate.reads), each once."""
    return tuple(dict.fromkeys(f for rid in rule_ids for f in SHOE_RULES[rid].reads))


def _adjustment_rules(kb: Knowledge, profile: RunnerProfile | None) -> _Adjusting:
    """The shoe rules that apply to this runner, each with the test of a shoe."""
    if profile is None:
        return ()
    found = []
    for rid, rule in kb.shoe_rules.items():
        predicate = SHOE_RULES[rid]
        if predicate.runner(profile):
            found.append((rid, rule, predicate.shoe))
    return tuple(found)


def _adjustments(
    shoe: Shoe,
    levels: Mapping[FeatureId, int],
    rules: _Adjusting,
    made: dict[tuple[str, float | None], ScoreAdjustment],
) -> tuple[ScoreAdjustment, ...]:
    """The runner's shoe rules that apply to this shoe; `made` keeps each rule's worded
    adjustment by drop, so 10,000 shoes with a handful of drops word each one once."""
    found: list[ScoreAdjustment] = []
    for rid, rule, applies in rules:
        if applies(shoe, levels):
            drop = shoe.drop_mm
            adjustment = made.get((rid, drop))
            if adjustment is None:
                ctx = TextContext(drop_mm=number(drop) if drop is not None else "?")
                text = rule.text.format_map(ctx)
                adjustment = ScoreAdjustment(rid, rule.points, text, rule.evidence, rule.sources)
                made[(rid, drop)] = adjustment
            found.append(adjustment)
    return tuple(found)


class _Tables:
    """The scoring table of each kind of shoe for one runner, built when first needed."""

    def __init__(
        self,
        features: Sequence[FeatureAdvice],
        profile: RunnerProfile | None,
        kb: Knowledge,
    ) -> None:
        self._features = tuple(features)
        self._profile = profile
        self._kb = kb
        self._exclusions = _exclusion_pairs(kb)
        self._tables: dict[ShoeSurface | None, FitTable] = {}
        self._needs: dict[Surface, tuple[FeatureAdvice, ...]] = {}

    def _needs_for(self, surface: Surface | None) -> tuple[FeatureAdvice, ...]:
        profile = self._profile
        if profile is None or surface is None or surface == profile.main_surface:
            return self._features
        if surface not in self._needs:
            from .advisor import feature_advice  # the advisor imports this module

            others = [s for s in profile.surfaces if s != surface]
            first = profile.model_copy(update={"surfaces": [surface, *others]})
            self._needs[surface] = feature_advice(first, self._kb)
        return self._needs[surface]

    def table(self, shoe_surface: ShoeSurface | None) -> FitTable:
        found = self._tables.get(shoe_surface)
        if found is None:
            profile = self._profile
            if profile is None:
                match: SurfaceMatch = "unknown"
                surface: Surface | None = None
            else:
                match, surface = surface_match(profile, shoe_surface)
            drop_matters = profile is not None and profile.experience is not None
            found = fit_table(
                self._needs_for(surface if match == "second" else None),
                match,
                surface,
                shoe_surface,
                drop_matters,
                self._exclusions,
            )
            self._tables[shoe_surface] = found
        return found


#: One shoe's ranking key inside its tier: (-raw, -share known, main before unknown,
#: name, id, position, -comfort rating) and last the score itself (never compared: no
#: two positions are equal). Built in the scoring loop, so ranking reads no attributes,
#: and kept in one list per tier (the tier is the first thing a rank goes by), so the key
#: leads with one float: the sort compares 10,000 keys by it in one step each, and reads
#: the rest only where two are equal.
_Key = tuple[float, float, int, str, str, int, int, ShoeScore]


class _Kind(NamedTuple):
    """What the scoring loop needs of one kind of shoe (by surface), unpacked once per
    shoe in one step rather than read attribute by attribute."""

    table: FitTable
    #: (feature, level) -> points (the table's), + COUNTED for a feature that counts
    points: Callable[[tuple[FeatureId, int]], float]
    avoid_items: tuple[tuple[FeatureId, tuple[float, ...]], ...]
    #: the table's exclusions as _Readings.read goes through them
    exclusions: _Exclusions
    tier: int
    #: The tier of a shoe of this kind with nothing that counts known.
    unranked: int
    #: Minus the share of the features that count known, for each number known (the
    #: ranking key's; a share of none that count is 0)
    shares: tuple[float, ...]
    #: main before unknown at an equal score (_MATCH_ORDER)
    order: int


def _checked_for_one_sum(table: FitTable) -> None:
    """Refuse a table whose points one coded sum could not split back (see COUNTED):
    each on the grid and >= 0, all of them together below COUNTED, and COUNTED for every
    feature that counts still within a float's 53 exact bits."""
    for fid, row in table.points.items():
        if any(p < 0 or p * GRID != int(p * GRID) for p in row):
            raise ValueError(f"feature {fid}: points {row} are not >= 0 on the grid of 1/GRID")
    best = sum(max(row) for row in table.points.values())
    if best >= COUNTED or (len(table.matter_set) + 1) * COUNTED * GRID > 2.0**53:
        raise ValueError(f"{best} points for {len(table.matter_set)} features overflow COUNTED")


def _kind(table: FitTable, exclusions: _Exclusions) -> _Kind:
    _checked_for_one_sum(table)
    tier = TIER[table.match]
    counted = len(table.matter) or 1
    points = {
        (fid, level): p + (COUNTED if fid in table.matter_set else 0.0)
        for fid, row in table.points.items()
        for level, p in enumerate(row)
    }
    return _Kind(
        table,
        points.__getitem__,
        table.avoid_items,
        exclusions,
        tier,
        UNRANKED_TIER if table.match == "unknown" else tier,
        tuple(-known / counted for known in range(len(table.matter_set) + 1)),
        _MATCH_ORDER[table.match],
    )


def _numbers(table: FitTable) -> tuple[object, ...]:
    """All of a scoring table that a shoe's score and rank follow from (not the words)."""
    return (
        table.match,
        table.for_surface,
        table.points,
        table.matter,
        table.avoid_items,
        table.exclusions,
    )


#: The last scoring: (each kind's numbers, the runner's shoe rules, the ranked scores).
_Scored = tuple[
    dict[ShoeSurface | None, tuple[object, ...]], tuple[str, ...], tuple[ShoeScore, ...]
]


class FitMemo:
    """What scoring one list of shoes worked out, kept for its next re-advice.

    A session keeps one for its list of shoes (a memo given another list starts afresh):
    - what each shoe's measurements and features say about its levels (a level read, a
      feature ruled out), which follows from the shoe and the exclusions that count, is
      read once per shoe and set of exclusions, not on every re-advice;
    - the last scoring: each kind of shoe's numbers (points per feature and level, what
      counts, what to avoid), the shoe rules that apply to the runner, and the scores
      and order they gave. A re-advice that finds the same numbers (a weight, name or
      knee edit mostly does) gives every shoe the score and rank it had, with the new
      advice's words: nothing is re-scored.
    """

    __slots__ = ("_kb", "_last", "_readings", "_shoes")

    def __init__(self) -> None:
        self._shoes: object = None
        self._kb: Knowledge | None = None
        self._readings: dict[tuple[tuple[FeatureId, FeatureId], ...], list[Any]] = {}
        self._last: _Scored | None = None

    def _for(self, shoes: Sequence[Shoe], kb: Knowledge) -> None:
        if shoes is not self._shoes or kb is not self._kb:
            self._shoes, self._kb = shoes, kb
            self._readings = {}
            self._last = None

    def _reading_list(
        self, exclusions: tuple[tuple[FeatureId, FeatureId], ...], count: int
    ) -> list[Any]:
        found = self._readings.get(exclusions)
        if found is None:
            found = self._readings[exclusions] = [_UNREAD] * count
        return found


#: A shoe not read yet (FitMemo).
_UNREAD: Any = object()


def score_shoes(
    features: Sequence[FeatureAdvice],
    shoes: Iterable[Shoe],
    profile: RunnerProfile | None = None,
    kb: Knowledge | None = None,
    memo: FitMemo | None = None,
) -> tuple[ShoeScore, ...]:
    """Fit scores, best first (by surface tier, then score; comfort orders a tie),
    each with its tie group. Without a profile every shoe counts as of unknown surface.

    `memo` (for a sequence of shoes scored again and again, as a session's are) keeps
    what does not change between re-advices; the result is the same with or without it.
    The cycle collector is paused meanwhile (core.collector: the scores refer to no
    one another, so its passes would only cost time).
    """
    with collector_paused():
        return _score_shoes(features, shoes, profile, kb, memo)


#: The fields of a Shoe the scoring loop reads, from its __dict__ in one call.
_FIELDS = itemgetter("surface", "features", "comfort", "drop_mm", "name", "id")


def _score_shoes(
    features: Sequence[FeatureAdvice],
    shoes: Iterable[Shoe],
    profile: RunnerProfile | None,
    kb: Knowledge | None,
    memo: FitMemo | None,
) -> tuple[ShoeScore, ...]:
    kb = kb or knowledge()
    tables = _Tables(features, profile, kb)
    adjusting = _adjustment_rules(kb, profile)
    rule_ids = tuple(rid for rid, _, _ in adjusting)
    if memo is not None:
        shoes = shoes if isinstance(shoes, Sequence) else tuple(shoes)
        memo._for(shoes, kb)
        last = memo._last
        if last is not None and last[1] == rule_ids:
            numbers = {surface: _numbers(tables.table(surface)) for surface in last[0]}
            if numbers == last[0]:
                return _rescored(last[2], tables)
    readings = _Readings(kb)
    read = readings.read
    # A shoe's adjustments follow from its drop and the few levels the rules read
    # (ShoePredicate.reads): worked out once for each of those, not for each shoe.
    reads = _rule_reads(rule_ids)
    adjusted: dict[tuple[object, ...], tuple[ScoreAdjustment, ...]] = {}
    kinds: dict[ShoeSurface | None, _Kind] = {}
    # A comfort rating's points and its place in a tie (not tried on: 0 points, a 3).
    comfort_points: dict[int | None, float] = {None: 0.0}
    comfort_points.update(COMFORT_POINTS.items())
    comfort_order = {rating: -rating for rating in COMFORT_POINTS} | {None: -UNRATED_COMFORT}
    worded: dict[tuple[str, float | None], ScoreAdjustment] = {}
    keys: list[list[_Key]] = [[] for _ in range(UNRANKED_TIER + 1)]  # one list per tier
    kept: list[Any] = []
    kept_for: object = None
    count = len(shoes) if memo is not None and isinstance(shoes, Sequence) else 0
    for index, shoe in enumerate(shoes):
        # A pydantic model keeps its field values in its __dict__: one call reads the
        # six the loop needs for less than three attribute loads on the model cost.
        fields = shoe.__dict__
        surface, own, rating, drop, name, shoe_id = _FIELDS(fields)
        kind = kinds.get(surface)
        if kind is None:
            table = tables.table(surface)
            kind = kinds[surface] = _kind(table, readings.coded(table.exclusions))
        (
            table,
            points,
            avoid_items,
            exclusions,
            tier,
            unranked,
            shares,
            order,
        ) = kind
        if memo is None:
            reading = read(fields, exclusions)
        else:  # read once per shoe (and set of exclusions), kept by position
            if kept_for is not exclusions:
                kept_for = exclusions
                kept = memo._reading_list(table.exclusions, count)
            reading = kept[index]
            if reading is _UNREAD:
                reading = kept[index] = read(fields, exclusions)
        if reading is None:
            levels = own
            read_levels = read_from = None
        else:
            # The levels the score goes by, for this shoe only: a ShoeScore keeps the
            # few read (shared) and puts the two together when asked.
            read_levels, read_from = reading
            levels = own | read_levels
        # The points of the known features, and COUNTED for each one that counts: one
        # exact sum in a C-level loop gives both.
        total = sum(map(points, levels.items()))
        known = int(total // COUNTED)
        earned = total - known * COUNTED
        comfort = comfort_points[rating]
        lost = 0.0
        if avoid_items:
            keep = 1.0
            for feature, fractions in avoid_items:
                level = levels.get(feature)
                if level:
                    keep *= 1 - fractions[level]
            if keep != 1.0:
                lost = earned * (1 - keep)
        raw = NEUTRAL + earned - lost + comfort
        adjustments: tuple[ScoreAdjustment, ...] = ()
        if adjusting and drop is not None:
            by = (drop, *map(levels.get, reads))
            found = adjusted.get(by)
            if found is None:
                found = adjusted[by] = _adjustments(shoe, levels, adjusting, worded)
            adjustments = found
            for adjustment in adjustments:
                raw += adjustment.points
        score = ShoeScore(
            shoe,
            0 if raw <= 0 else 100 if raw >= 100 else int(raw + 0.5),  # half up
            comfort,
            table,
            adjustments,
            raw,
            known,
            0,
            read_levels,
            read_from,
            lost,
        )
        keys[tier if known else unranked].append(
            (-raw, shares[known], order, name, shoe_id, index, comfort_order[rating], score)
        )
    ranked = _ranked(keys)
    if memo is not None:
        numbers = {surface: _numbers(kind.table) for surface, kind in kinds.items()}
        memo._last = (numbers, rule_ids, ranked)
    return ranked


def _rescored(ranked: Sequence[ShoeScore], tables: _Tables) -> tuple[ShoeScore, ...]:
    """The scores and order of `ranked`, for advice whose numbers are the same: each
    shoe's table is the new one (its words: the reasons behind each need)."""
    result = []
    for old in ranked:
        score = ShoeScore(
            old.shoe,
            old.score,
            old.comfort_points,
            tables.table(old.shoe.surface),
            old.adjustments,
            old.raw,
            old.known,
            old.tie_group,
            old._read,
            old._derived,
            old._lost,
        )
        result.append(score)
    return tuple(result)


def same_ranking(old: Sequence[ShoeScore], new: Sequence[ShoeScore]) -> bool:
    """Whether two rankings hold the same shoes in the same order with the same scores,
    ties and coverage, each scored by a table of the same numbers: then all a list shows
    of them is the same, and only the advice's words (the reasons) may differ."""
    if len(old) != len(new):
        return False
    tables: set[tuple[int, int]] = set()
    for a, b in zip(old, new, strict=True):
        if a.shoe is not b.shoe or a.raw != b.raw or a.tie_group != b.tie_group:
            return False
        if a.known != b.known or a.score != b.score or a.adjustments != b.adjustments:
            return False
        pair = (id(a._table), id(b._table))
        if pair not in tables:
            if _numbers(a._table) != _numbers(b._table):
                return False
            tables.add(pair)
    return True


def tier_of(score: ShoeScore) -> int:
    """The rank tier of a scored shoe (TIER; UNRANKED_TIER when nothing about it is known)."""
    match = score._table.match
    if match == "unknown" and score.known == 0:
        return UNRANKED_TIER
    return TIER[match]


_RAW = itemgetter(0)  # a ranking key's -raw
_COMFORT = itemgetter(6)
_SCORE = itemgetter(7)


def _ranked(by_tier: list[list[_Key]]) -> tuple[ShoeScore, ...]:
    """The scores in rank order with their tie groups, from their keys in one list per
    tier (best tier first)."""
    result: list[ShoeScore] = []
    number = 0
    for keyed in by_tier:
        keyed.sort()
        count = len(keyed)
        start = 0
        while start < count:
            # The group ends at the first key TIE_POINTS below its best: the sorted keys
            # rise by -raw, so that is a bisection, not a walk.
            end = bisect_left(keyed, keyed[start][0] + TIE_POINTS, start + 1, count, key=_RAW)
            number += 1
            members = keyed[start:end]
            # Comfort orders a tie, then the rest of the key (score, share known, …): the
            # members are in key order already, so a stable sort by comfort alone does it.
            members.sort(key=_COMFORT)
            group = list(map(_SCORE, members))
            for score in group:
                score.tie_group = number
            result += group
            start = end
    return tuple(result)


def shortlist(ranked: Sequence[ShoeScore]) -> tuple[ShoeScore, ...]:
    """3–5 shoes to try on: whole tie groups from the top of the main surface's shoes
    (and those of unknown surface), or of the second pairs when there are none; never a
    shoe for ground the runner does not run on, nor one about which nothing is known."""
    for wanted in (TIER["main"], TIER["second"]):
        chosen: list[ShoeScore] = []
        for score in ranked:  # ranked by tier: stop as soon as the list is full
            tier = tier_of(score)
            if tier > wanted or len(chosen) >= SHORTLIST_MAX:
                break
            if tier < wanted:
                continue
            if len(chosen) >= SHORTLIST_MIN and score.tie_group != chosen[-1].tie_group:
                break
            chosen.append(score)
        if chosen:
            return tuple(chosen)
    return ()


def tied_with_shortlist(
    ranked: Sequence[ShoeScore], chosen: Sequence[ShoeScore] | None = None
) -> tuple[ShoeScore, ...]:
    """The shoes left off a full shortlist only because it stops at SHORTLIST_MAX.

    When the last tie group taken is cut short, the shoes of that group the list had no
    room for fit the runner as well as those kept: the cut itself is by name. They are
    returned in rank order so that every output can name them beside the shortlist.
    A member the runner rated less comfortable than the last shoe kept is not among
    them: their own rating, not the alphabet, put it lower. `chosen`: the shortlist of
    `ranked` when already made (`shortlist(ranked)` otherwise).
    """
    if chosen is None:
        chosen = shortlist(ranked)
    if len(chosen) < SHORTLIST_MAX:
        return ()  # the list stopped at a tie's end, not inside one
    last = chosen[-1]
    kept = {id(score) for score in chosen}
    feel = _comfort_of(last)
    group = last.tie_group
    found = []
    for score in ranked:  # in rank order: a tie group's shoes stand together
        if score.tie_group == group:
            if id(score) not in kept and _comfort_of(score) == feel:
                found.append(score)
        elif score.tie_group > group:
            break
    return tuple(found)


def _comfort_of(score: ShoeScore) -> int:
    """The comfort rating that orders a tie (a shoe not tried on counts as UNRATED_COMFORT)."""
    return UNRATED_COMFORT if score.shoe.comfort is None else score.shoe.comfort
