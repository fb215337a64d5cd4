"""Hypothesis properties of the advisor over any valid profile."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.fit import TIE_POINTS, tier_of
from shoeadvisor.core.ids import (
    ARCHES,
    EXPERIENCES,
    FEATURE_IDS,
    FOOT_STRIKES,
    FOOT_WIDTHS,
    KNEE_LOCATIONS,
    KNEE_SYMPTOMS,
    LEVELS,
    PRONATIONS,
    SEASONS,
    SHOE_SURFACES,
    SURFACES,
)
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.rules import SHOE_RULES
from shoeadvisor.core.shoes import Shoe

km = st.floats(min_value=0, max_value=400, allow_nan=False)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def profiles(draw: st.DrawFn) -> RunnerProfile:
    data = {
        "schema_version": 1,
        "name": draw(st.text(min_size=1, max_size=80).filter(lambda s: s.strip())),
        "foot_width": draw(st.sampled_from(FOOT_WIDTHS)),
        "pronation": draw(st.sampled_from(PRONATIONS)),
        "weight_kg": draw(st.floats(min_value=30, max_value=250, allow_nan=False)),
        "seasons": draw(st.lists(st.sampled_from(SEASONS), min_size=1, max_size=4, unique=True)),
        "surfaces": draw(st.lists(st.sampled_from(SURFACES), min_size=1, max_size=4, unique=True)),
        "height_cm": draw(optional(st.floats(min_value=100, max_value=230, allow_nan=False))),
        "weekly_km": draw(optional(km)),
        "previous_weekly_km": draw(optional(km)),
        "experience": draw(optional(st.sampled_from(EXPERIENCES))),
        "foot_strike": draw(optional(st.sampled_from(FOOT_STRIKES))),
        "arch": draw(optional(st.sampled_from(ARCHES))),
        "downhill": draw(optional(st.booleans())),
        "warm_up": draw(optional(st.booleans())),
        "knee_pain": draw(st.lists(st.sampled_from(KNEE_LOCATIONS), unique=True)),
        "knee_symptoms": draw(st.lists(st.sampled_from(KNEE_SYMPTOMS), unique=True)),
    }
    return RunnerProfile.model_validate({k: v for k, v in data.items() if v is not None})


shoes = st.builds(
    lambda i, feats, comfort, drop, surface, weight, stack: Shoe(
        id=f"s{i}",
        name=f"Shoe {i}",
        features=feats,
        comfort=comfort,
        drop_mm=drop,
        surface=surface,
        weight_g=weight,
        stack_mm=stack,
    ),
    st.integers(0, 10_000),
    st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(0, 3)),
    st.none() | st.integers(1, 5),
    st.none() | st.sampled_from([0, 4, 6, 6.5, 8, 10, 12]),
    st.none() | st.sampled_from(SHOE_SURFACES),
    st.none() | st.sampled_from([150, 230, 231, 270, 300, 311, 380]),
    st.none() | st.sampled_from([10, 12, 15, 18, 20, 29, 30, 38, 45]),
)

fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(profiles())
def test_every_feature_exactly_once_with_valid_importance(p: RunnerProfile) -> None:
    advice = advise(p)
    ids = [f.id for f in advice.features]
    assert sorted(ids) == sorted(FEATURE_IDS)
    for feature in advice.features:
        assert 0 <= feature.importance <= 100
        assert feature.level in LEVELS
        assert feature.reasons, "every feature says why"
        for reason in feature.reasons:
            assert reason.sources and reason.text and "?" not in reason.text.split()
    importances = [f.importance for f in advice.features]
    assert importances == sorted(importances, reverse=True)


@fast
@given(profiles())
def test_advice_is_deterministic(p: RunnerProfile) -> None:
    first = json.dumps(advise(p).to_json(), sort_keys=True)
    second = json.dumps(advise(p).to_json(), sort_keys=True)
    assert first == second


@fast
@given(profiles(), st.floats(min_value=0, max_value=400, allow_nan=False))
def test_more_weekly_distance_never_removes_the_high_mileage_flag(
    p: RunnerProfile, extra: float
) -> None:
    before = advise(p).risk("high_mileage")
    more = min(400.0, (p.weekly_km or 0) + extra)
    after = advise(p.model_copy(update={"weekly_km": more})).risk("high_mileage")
    if before is not None:
        assert after is not None


@fast
@given(profiles(), st.lists(shoes, max_size=12, unique_by=lambda s: s.id))
def test_scores_are_bounded_explained_and_ranked_by_tier_tie_and_comfort(
    p: RunnerProfile, shoe_list
) -> None:
    advice = advise(p, shoe_list)
    assert len(advice.shoes) == len(shoe_list)
    for scored in advice.shoes:
        assert 0 <= scored.score <= 100
        raw = (
            50
            + sum(b.points for b in scored.breakdown)
            + scored.comfort_points
            + scored.adjustment_points
        )
        assert abs(scored.raw - raw) < 1e-9
        # The score shown is the raw one rounded half up (62.5 shows as 63).
        assert scored.score == max(0, min(100, math.floor(scored.raw + 0.5)))
        for item in scored.breakdown:
            if item.level is None:
                assert item.points == 0
        known, of = scored.coverage
        assert 0 <= known <= of
        assert len(scored.check_in_store) == of - known
    ranked = advice.shoes
    tiers = [tier_of(s) for s in ranked]
    assert tiers == sorted(tiers)
    groups = [s.tie_group for s in ranked]
    assert groups == sorted(groups)
    for group in set(groups):
        members = [s for s in ranked if s.tie_group == group]
        best = max(m.raw for m in members)
        assert all(best - m.raw < TIE_POINTS for m in members)
        assert len({tier_of(m) for m in members}) == 1
        comfort = [m.shoe.comfort or 3 for m in members]
        assert comfort == sorted(comfort, reverse=True)
    assert len(advice.shortlist) <= 5
    assert list(advice.shortlist) == list(ranked[: len(advice.shortlist)]) or all(
        s.surface_match == "second" for s in advice.shortlist
    )


def _order(advice) -> list[str]:
    return [s.shoe.id for s in advice.shoes]


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=8, unique_by=lambda s: s.id), st.data())
def test_optional_features_never_change_a_score_or_the_rank(
    p: RunnerProfile, shoe_list, data: st.DataObject
) -> None:
    before = advise(p, shoe_list)
    changed = []
    for scored in before.shoes:
        # The features optional for this runner (as this shoe is scored: a second pair by
        # its own surface's needs), and those its kind of shoe never counts (lugs on a
        # road shoe): taken from the advice, not from what the scorer says counts.
        loose = [f for f in FEATURE_IDS if scored.need_of(f) == "optional" or not scored.counts(f)]
        new = {f: data.draw(st.none() | st.integers(0, 3)) for f in loose}
        features = {k: v for k, v in scored.shoe.features.items() if k not in loose}
        features.update({k: v for k, v in new.items() if v is not None})
        changed.append(scored.shoe.model_copy(update={"features": features}))
    after = advise(p, changed)
    assert _order(after) == _order(before)
    assert [s.raw for s in after.shoes] == [s.raw for s in before.shoes]


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=8, unique_by=lambda s: s.id))
def test_removing_a_known_0_never_raises_a_score(p: RunnerProfile, shoe_list) -> None:
    before = {s.shoe.id: s.raw for s in advise(p, shoe_list).shoes}
    for shoe in shoe_list:
        for feature, level in shoe.features.items():
            if level != 0:
                continue
            rest = {k: v for k, v in shoe.features.items() if k != feature}
            [after] = advise(p, [shoe.model_copy(update={"features": rest})]).shoes
            assert after.raw <= before[shoe.id] + 1e-9


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=8, unique_by=lambda s: s.id), st.data())
def test_more_coverage_of_good_matches_never_lowers_a_score(
    p: RunnerProfile, shoe_list, data: st.DataObject
) -> None:
    for scored in advise(p, shoe_list).shoes:
        for feature in scored.check_in_store:
            target = scored.target_of(feature)
            # A good match: at or above the target of a need, absent for a feature to avoid.
            level = 0 if target is None else data.draw(st.integers(target, 3))
            features = {**scored.shoe.features, feature: level}
            [after] = advise(p, [scored.shoe.model_copy(update={"features": features})]).shoes
            assert after.raw >= scored.raw - 1e-9
            assert after.coverage[0] >= scored.coverage[0] + 1  # (a wide last: not narrow)


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=8, unique_by=lambda s: s.id))
def test_nothing_known_never_outranks_a_known_good_match(p: RunnerProfile, shoe_list) -> None:
    plain = [s.model_copy(update={"comfort": None}) for s in shoe_list]
    blanks = [
        Shoe(id=f"blank-{surface}", name="A blank", surface=surface)
        for surface in (None, *SHOE_SURFACES)
    ]
    ranked = advise(p, [*plain, *blanks]).shoes
    position = {s.shoe.id: i for i, s in enumerate(ranked)}
    for scored in ranked:
        good = any(
            scored.counts(f) and scored.target_of(f) and (scored.level_of(f) or 0) > 0
            for f in FEATURE_IDS
        )
        if not good or scored.shoe.id.startswith("blank"):
            continue
        blank = f"blank-{scored.shoe.surface}"
        assert position[scored.shoe.id] < position[blank]


@fast
@given(profiles())
def test_red_flags_always_mean_doctor_and_no_exercises(p: RunnerProfile) -> None:
    advice = advise(p)
    flagged = bool(set(p.knee_symptoms) - {"crunching"}) or "behind" in p.knee_pain
    if advice.knee is None:
        assert not p.knee_pain and not p.knee_symptoms
        return
    assert advice.knee.see_doctor == flagged
    if flagged:
        assert advice.knee.exercises == ()


level_maps = st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(0, 3))


@fast
@given(shoes, shoes, level_maps, level_maps)
def test_a_shoe_rule_reads_only_the_drop_and_the_levels_it_names(a, b, levels_a, levels_b) -> None:
    # The scorer tests each rule once per drop and the levels it names (ShoePredicate.reads)
    # and gives every shoe with those the answer: another shoe with the same drop and the
    # same of those levels, whatever else it has, must get the same answer.
    b = b.model_copy(update={"drop_mm": a.drop_mm})
    for rid, predicate in SHOE_RULES.items():
        levels = dict(levels_b)
        for feature in predicate.reads:
            levels.pop(feature, None)
            if feature in levels_a:
                levels[feature] = levels_a[feature]
        assert predicate.shoe(a, levels_a) == predicate.shoe(b, levels), rid


def _levels_as_written(shoe: Shoe, counts) -> tuple[dict[str, int], dict[str, str]]:
    """A shoe's levels as features.toml describes them, worked out the plain way: each
    measurement in turn (one that sets a level wins; one that caps it lowers a higher
    level, and an unknown one only to 0), then what a present feature (level 2 or more)
    rules out, where the feature ruled out counts."""
    kb = knowledge()
    levels = dict(shoe.features)
    read_from: dict[str, str] = {}
    for fid, feature in kb.features.items():
        measure = feature.measure
        value = None if measure is None else getattr(shoe, measure.by)
        if measure is None or value is None:
            continue
        if measure.levels:
            level = measure.level(value)
            if level is None:
                continue
        else:
            level = measure.cap(value)
            current = levels.get(fid)
            if level is None or (level > 0 if current is None else current <= level):
                continue
        levels[fid] = level
        read_from[fid] = measure.by
    for fid, feature in kb.features.items():
        excluded = feature.excludes
        if excluded and counts(excluded) and levels.get(fid, 0) >= 2 and excluded not in levels:
            levels[excluded] = 0
            read_from[excluded] = fid
    return levels, read_from


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=12, unique_by=lambda s: s.id))
def test_the_levels_a_score_goes_by_are_the_ones_features_toml_describes(
    p: RunnerProfile, shoe_list
) -> None:
    # The scorer codes what each shoe's measurements and features say and shares one
    # reading among the shoes that read alike; each shoe must still get exactly its own.
    for score in advise(p, shoe_list).shoes:
        levels, read_from = _levels_as_written(score.shoe, score.counts)
        assert dict(score.levels) == levels
        assert {b.feature: b.derived_from for b in score.breakdown if b.derived_from} == {
            f: source for f, source in read_from.items() if f in {n.id for n in score.needs}
        }
        known, _ = score.coverage
        assert known == sum(
            1 for need in score.needs if score.counts(need.id) and need.id in levels
        )


@fast
@given(profiles(), st.lists(shoes, min_size=1, max_size=10, unique_by=lambda s: s.id), st.data())
def test_the_order_a_file_lists_features_in_changes_nothing(
    p: RunnerProfile, shoe_list, data
) -> None:
    # A shoe file may list a shoe's features in any order. With plain float sums, two
    # orders could give sums a last bit apart, and that bit, not the names, would order
    # two shoes that fit alike (or put one just inside or outside a tie).
    def shuffled(shoe: Shoe) -> Shoe:
        items = data.draw(st.permutations(list(shoe.features.items())))
        return shoe.model_copy(update={"features": dict(items)})

    first = advise(p, shoe_list).shoes
    again = advise(p, [shuffled(s) for s in shoe_list]).shoes
    assert [(s.shoe.id, s.raw, s.score, s.tie_group) for s in first] == [
        (s.shoe.id, s.raw, s.score, s.tie_group) for s in again
    ]
