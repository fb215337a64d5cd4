"""The shoe fit score: unknown is neutral, essentials missing cost the most."""

from __future__ import annotations

from runner_profiles import profile

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.shoes import Shoe

RUNNER = profile(foot_width="wide", surfaces=["trail"], seasons=["summer"])


def shoe(sid: str, **features: int) -> Shoe:
    return Shoe(id=sid, name=sid, features=features)


def test_a_shoe_with_nothing_known_scores_the_neutral_50() -> None:
    [scored] = advise(RUNNER, [shoe("blank")]).shoes
    assert scored.score == 50
    assert all(b.points == 0 and b.level is None for b in scored.breakdown)


def test_unknown_is_neither_rewarded_nor_punished() -> None:
    known_absent = shoe("absent", wide_fit=0)
    unknown = shoe("unknown")
    present = shoe("present", wide_fit=3)
    scores = {s.shoe.id: s.score for s in advise(RUNNER, [known_absent, unknown, present]).shoes}
    assert scores["absent"] < scores["unknown"] == 50 < scores["present"]


def test_missing_essential_costs_more_than_present_avoid_or_missing_recommended() -> None:
    a = advise(RUNNER, [])
    essential = next(f.id for f in a.features if f.level == "essential")
    recommended = next(f.id for f in a.features if f.level == "recommended")
    avoid = next(f.id for f in a.features if f.level == "avoid")
    scored = advise(RUNNER, [shoe("x", **{essential: 0, recommended: 0, avoid: 3})]).shoes[0]
    points = {b.feature: b.points for b in scored.breakdown}
    assert points[essential] < points[avoid] < 0
    assert points[essential] < points[recommended] <= 0


def test_ideal_shoe_scores_100_and_its_opposite_0() -> None:
    a = advise(RUNNER, [])
    ideal = {f.id: (0 if f.level == "avoid" else 3) for f in a.features}
    worst = {f.id: (3 if f.level == "avoid" else 0) for f in a.features}
    scores = {
        s.shoe.id: s.score
        for s in advise(RUNNER, [shoe("ideal", **ideal), shoe("worst", **worst)]).shoes
    }
    assert scores == {"ideal": 100, "worst": 0}


def test_comfort_rating_moves_the_score() -> None:
    base = {f: 2 for f in FEATURE_IDS}
    comfy = Shoe(id="comfy", name="Comfy", features=base, comfort=5)
    plain = Shoe(id="plain", name="Plain", features=base)
    sore = Shoe(id="sore", name="Sore", features=base, comfort=1)
    result = advise(RUNNER, [sore, plain, comfy]).shoes
    assert [s.shoe.id for s in result] == ["comfy", "plain", "sore"]
    assert result[0].score - result[1].score == 10


def test_breakdown_follows_feature_importance() -> None:
    a = advise(RUNNER, [shoe("s", cushioning=3)])
    assert [b.feature for b in a.shoes[0].breakdown] == [f.id for f in a.features]


def test_builtin_catalog_is_scored_when_no_shoes_are_given() -> None:
    a = advise(RUNNER)
    assert len(a.shoes) == len(knowledge().catalog)
    assert a.shoes[0].shoe.id == "archetype.trail"


def test_ties_are_broken_by_name_so_order_is_stable() -> None:
    twins = [shoe("b", cushioning=3), shoe("a", cushioning=3)]
    assert [s.shoe.id for s in advise(RUNNER, twins).shoes] == ["a", "b"]


def _drop_shoe(sid: str, drop: float | None) -> Shoe:
    return Shoe(id=sid, name=sid, features={"cushioning": 3}, drop_mm=drop)


def test_low_drop_costs_regular_runners_and_helps_occasional_ones() -> None:
    shoes = [_drop_shoe("low", 4), _drop_shoe("standard", 10), _drop_shoe("unknown", None)]
    regular = {s.shoe.id: s for s in advise(profile(experience="advanced"), shoes).shoes}
    occasional = {s.shoe.id: s for s in advise(profile(experience="beginner"), shoes).shoes}
    unknown = {s.shoe.id: s for s in advise(profile(), shoes).shoes}

    [adjustment] = regular["low"].adjustments
    assert adjustment.rule == "drop_low_regular" and adjustment.points < 0
    assert adjustment.evidence == "moderate" and adjustment.sources == ("malisoux2016_drop",)
    assert "4 mm" in adjustment.text
    assert regular["low"].score < regular["standard"].score
    assert occasional["low"].adjustments[0].points > 0
    assert occasional["low"].score > occasional["standard"].score
    # No drop known, or experience not given: nothing is added either way.
    for scored in (regular["unknown"], regular["standard"], *unknown.values()):
        assert scored.adjustments == ()
    thin = Shoe(id="thin", name="thin", features={"cushioning": 0}, drop_mm=0)
    assert advise(profile(experience="beginner"), [thin]).shoes[0].adjustments == ()
    json_low = advise(profile(experience="advanced"), shoes).to_json()["shoes"]
    assert next(s for s in json_low if s["id"] == "low")["adjustments"][0]["points"] == -5
