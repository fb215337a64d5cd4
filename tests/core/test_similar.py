"""Similar shoes: compared only on what is known for both, explained, symmetric."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from runner_profiles import profile

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.ids import FEATURE_IDS, FeatureId
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.core.similar import (
    compare_shoes,
    feature_weights,
    shoe_distance,
    similar_shoes,
)

levels = st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(0, 3))
names = st.text(alphabet="abcdefgh", min_size=1, max_size=6)


@st.composite
def shoes(draw: st.DrawFn, known_at_least: int = 0) -> Shoe:
    feats = draw(levels.filter(lambda d: len(d) >= known_at_least))
    return Shoe(id=draw(names), name=draw(names), features=feats)


def weight_sets() -> st.SearchStrategy[dict[FeatureId, float] | None]:
    return st.one_of(
        st.none(),
        st.fixed_dictionaries({f: st.floats(0.1, 2.0) for f in FEATURE_IDS}),
    )


@given(shoes(), shoes(), weight_sets())
def test_distance_is_symmetric(a: Shoe, b: Shoe, weights: dict[FeatureId, float] | None) -> None:
    assert shoe_distance(a, b, weights) == pytest.approx(shoe_distance(b, a, weights))


@given(shoes(), shoes())
def test_distance_and_coverage_stay_between_0_and_1(a: Shoe, b: Shoe) -> None:
    distance, coverage = shoe_distance(a, b)
    assert 0 <= distance <= 1
    assert 0 <= coverage <= 1


@given(shoes(known_at_least=1), st.lists(shoes(), max_size=8), weight_sets())
def test_a_shoe_is_most_similar_to_itself(
    target: Shoe, others: list[Shoe], weights: dict[FeatureId, float] | None
) -> None:
    own = compare_shoes(target, target, weights)
    assert own.distance == 0
    assert not own.differences
    for other in others:
        assert compare_shoes(target, other, weights).rank_distance >= own.rank_distance - 1e-12
    found = similar_shoes(target, [*others, target], limit=len(others) + 1)
    assert found[0].rank_distance == pytest.approx(compare_shoes(target, target).rank_distance)


@given(shoes(), shoes())
def test_every_feature_is_matched_different_or_unknown(a: Shoe, b: Shoe) -> None:
    result = compare_shoes(a, b)
    listed = [*result.matches, *(d.feature for d in result.differences), *result.unknown]
    assert sorted(listed) == sorted(FEATURE_IDS)


def test_unknown_is_not_treated_as_absent() -> None:
    target = Shoe(id="t", name="Target", features={"cushioning": 3, "trail_grip": 0})
    unknown_grip = Shoe(id="u", name="Unknown grip", features={"cushioning": 3})
    absent_cushion = Shoe(id="z", name="No cushion", features={"cushioning": 0, "trail_grip": 0})
    d, coverage = shoe_distance(target, unknown_grip)
    assert d == 0
    assert coverage == pytest.approx(1 / 16)
    result = compare_shoes(target, unknown_grip)
    assert result.matches == ("cushioning",)
    assert "trail_grip" in result.unknown
    assert shoe_distance(target, absent_cushion)[0] == pytest.approx(0.5)


def test_low_coverage_ranks_below_a_full_match() -> None:
    full = dict.fromkeys(FEATURE_IDS, 2)
    target = Shoe(id="t", name="Target", features=full)
    twin = Shoe(id="a", name="Twin", features={**full, "lightweight": 3})
    one_feature = Shoe(id="b", name="A guess", features={"cushioning": 2})
    found = similar_shoes(target, [one_feature, twin])
    assert [s.shoe.id for s in found] == ["a", "b"]


def test_shoes_with_nothing_in_common_are_left_out() -> None:
    target = Shoe(id="t", name="Target", features={"cushioning": 3})
    other = Shoe(id="o", name="Other", features={"trail_grip": 3})
    assert similar_shoes(target, [other]) == ()
    assert "cannot be compared" in compare_shoes(target, other).explanation()


def test_runner_importance_weights_the_distance() -> None:
    advice = advise(profile(foot_width="wide"))
    weights = feature_weights(advice.features)
    assert weights["wide_fit"] > weights["winter_traction"]
    target = Shoe(id="t", name="T", features={"wide_fit": 3, "winter_traction": 3})
    loses_wide = Shoe(id="a", name="A", features={"wide_fit": 0, "winter_traction": 3})
    loses_winter = Shoe(id="b", name="B", features={"wide_fit": 3, "winter_traction": 0})
    found = similar_shoes(target, [loses_wide, loses_winter], advice.features)
    assert [s.shoe.id for s in found] == ["b", "a"]


def test_explanation_names_features_matches_and_differences() -> None:
    kb = knowledge()
    names = {fid: f.name for fid, f in kb.features.items()}
    catalog = {s.id: s for s in kb.catalog}
    result = compare_shoes(catalog["archetype.stability_road"], catalog["archetype.motion_control"])
    text = result.explanation(names)
    assert "alike" in text
    assert "Stability / motion control" in text or "Cushioning" in text
    assert "%" in text


def test_limit_and_catalog_search() -> None:
    kb = knowledge()
    target = next(s for s in kb.catalog if s.id == "archetype.trail")
    found = similar_shoes(target, [s for s in kb.catalog if s.id != target.id], limit=3)
    assert len(found) == 3
    assert found[0].shoe.surface == "trail"
    assert similar_shoes(target, kb.catalog, limit=0) == ()
