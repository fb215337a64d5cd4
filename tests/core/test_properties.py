"""Hypothesis properties of the advisor over any valid profile."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoeadvisor.core.advisor import advise
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
    SURFACES,
)
from shoeadvisor.core.profile import RunnerProfile
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
    lambda i, feats, comfort, drop: Shoe(
        id=f"s{i}", name=f"Shoe {i}", features=feats, comfort=comfort, drop_mm=drop
    ),
    st.integers(0, 10_000),
    st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(0, 3)),
    st.none() | st.integers(1, 5),
    st.none() | st.sampled_from([0, 4, 6, 6.5, 8, 10, 12]),
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
def test_scores_are_bounded_and_explained_by_the_breakdown(p: RunnerProfile, shoe_list) -> None:
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
        assert scored.score == max(0, min(100, round(raw)))
        for item in scored.breakdown:
            if item.level is None:
                assert item.points == 0
    scores = [s.score for s in advice.shoes]
    assert scores == sorted(scores, reverse=True)


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
