"""The fit score, rule by rule (core.fit): what moves it, what never does."""

from __future__ import annotations

from dataclasses import replace

import pytest
from runner_profiles import profile

from shoeadvisor.core import fit
from shoeadvisor.core.advisor import advise, feature_advice
from shoeadvisor.core.fit import FEATURE_POINTS, NEUTRAL, TIE_POINTS, score_shoes
from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe

RUNNER = profile(foot_width="wide", surfaces=["trail"], seasons=["summer"])


def shoe(sid: str, surface: str | None = "trail", **features: int) -> Shoe:
    return Shoe(id=sid, name=sid, features=features, surface=surface)


def scores(runner, shoes) -> dict[str, float]:
    return {s.shoe.id: s.raw for s in advise(runner, shoes).shoes}


def test_a_shoe_with_nothing_known_scores_the_neutral_50() -> None:
    [scored] = advise(RUNNER, [shoe("blank")]).shoes
    assert scored.score == 50 and scored.coverage == (0, len(scored._table.matter))
    assert all(b.points == 0 and b.level is None for b in scored.breakdown)
    assert set(scored.check_in_store) == set(scored._table.matter)


def test_a_known_0_scores_what_unknown_scores_and_counts_as_known() -> None:
    a = advise(RUNNER, [shoe("absent", wide_fit=0), shoe("unknown"), shoe("present", wide_fit=3)])
    by_id = {s.shoe.id: s for s in a.shoes}
    assert by_id["absent"].raw == by_id["unknown"].raw == NEUTRAL < by_id["present"].raw
    assert by_id["absent"].coverage[0] == 1 and by_id["unknown"].coverage[0] == 0
    assert "wide_fit" not in by_id["absent"].check_in_store
    assert "wide_fit" in by_id["unknown"].check_in_store
    # At equal scores, the better-known shoe comes first.
    assert [s.shoe.id for s in a.shoes] == ["present", "absent", "unknown"]


def test_below_target_earns_a_share_never_a_penalty() -> None:
    light = profile(weight_kg=55)  # softer shoes helped lighter runners most: essential
    a = advise(light, [])
    essential = next(f for f in a.features if f.level == "essential")
    recommended = next(f for f in a.features if f.level == "recommended")

    def points(feature: str, level: int) -> float:
        return advise(light, [shoe("x", "road", **{feature: level})]).shoes[0].points_for(feature)

    levels = [points(essential.id, level) for level in range(4)]
    assert levels[0] == 0 < levels[1] < levels[2] < levels[3]  # target 3: no cliff
    rec = [points(recommended.id, level) for level in range(4)]
    assert rec[0] == 0 < rec[1] < rec[2] == rec[3]  # target 2: more than enough is enough


def test_optional_features_never_move_the_score() -> None:
    a = advise(RUNNER, [])
    optional = [f.id for f in a.features if f.level == "optional"]
    assert optional
    plain = scores(RUNNER, [shoe("x", cushioning=2)])["x"]
    loaded = scores(RUNNER, [shoe("x", cushioning=2, **dict.fromkeys(optional, 3))])["x"]
    assert plain == loaded


def test_a_feature_to_avoid_takes_a_share_of_what_the_shoe_earned() -> None:
    a = advise(RUNNER, [])
    avoid = next(f.id for f in a.features if f.level == "avoid")
    good = {f.id: 3 for f in a.features if f.level in ("essential", "recommended")}
    by_id = scores(RUNNER, [shoe("clean", **good), shoe("bad", **good, **{avoid: 3})])
    assert NEUTRAL < by_id["bad"] < by_id["clean"]
    # On a shoe with nothing earned it costs nothing more: never below "nothing known".
    assert scores(RUNNER, [shoe("only", **{avoid: 3})])["only"] == NEUTRAL


def test_ideal_shoe_scores_the_full_feature_points() -> None:
    a = advise(RUNNER, [])
    ideal = {f.id: (0 if f.level == "avoid" else 3) for f in a.features}
    [scored] = advise(RUNNER, [shoe("ideal", **ideal)]).shoes
    assert scored.score == NEUTRAL + FEATURE_POINTS
    assert scored.coverage[0] == scored.coverage[1] and scored.check_in_store == ()


def test_comfort_rating_moves_the_score_and_orders_a_tie() -> None:
    base = {f: 2 for f in FEATURE_IDS}
    comfy = Shoe(id="comfy", name="Comfy", features=base, comfort=5, surface="trail")
    plain = Shoe(id="plain", name="Plain", features=base, surface="trail")
    sore = Shoe(id="sore", name="Sore", features=base, comfort=1, surface="trail")
    result = advise(RUNNER, [sore, plain, comfy]).shoes
    assert [s.shoe.id for s in result] == ["comfy", "plain", "sore"]
    assert result[0].score - result[1].score == 10


def test_scores_closer_than_the_tie_points_share_a_group_and_comfort_orders_it() -> None:
    a = advise(RUNNER, [])
    top = next(f.id for f in a.features if f.level in ("essential", "recommended"))
    # Same features, one point of comfort apart (5 points): a tie, comfort first.
    liked = Shoe(id="liked", name="Z liked", features={top: 3}, comfort=4, surface="trail")
    unrated = Shoe(id="unrated", name="A unrated", features={top: 3}, surface="trail")
    far = Shoe(id="far", name="Far", features={top: 1}, surface="trail")
    ranked = advise(RUNNER, [unrated, far, liked]).shoes
    assert [s.shoe.id for s in ranked] == ["liked", "unrated", "far"]
    assert ranked[0].raw - ranked[1].raw >= TIE_POINTS  # comfort points lift it clear
    twins = advise(RUNNER, [unrated, Shoe(id="b", name="B", features={top: 3}, surface="trail")])
    assert twins.shoes[0].tie_group == twins.shoes[1].tie_group == 1
    assert [s.shoe.id for s in twins.shoes] == ["unrated", "b"]  # equal: by name, stable


def test_breakdown_follows_the_needs_the_shoe_was_scored_by() -> None:
    a = advise(RUNNER, [shoe("s", cushioning=3)])
    assert [b.feature for b in a.shoes[0].breakdown] == [f.id for f in a.features]
    road = advise(RUNNER, [shoe("r", surface="road", cushioning=3)]).shoes[0]
    assert road.surface_match == "none" and road.needs == a.features


def test_builtin_catalog_is_scored_when_no_shoes_are_given() -> None:
    a = advise(RUNNER)
    assert len(a.shoes) == len(knowledge().catalog)
    assert a.shoes[0].shoe.id in {"archetype.trail", "archetype.winter_trail"}
    assert {s.surface_match for s in a.shoes[:2]} == {"main"}


def _drop_shoe(sid: str, drop: float | None, cushioning: int = 3) -> Shoe:
    return Shoe(id=sid, name=sid, features={"cushioning": cushioning}, drop_mm=drop, surface="road")


def test_a_known_drop_that_suits_the_runner_earns_points_and_unknown_earns_none() -> None:
    shoes = [_drop_shoe("low", 4), _drop_shoe("standard", 10), _drop_shoe("unknown", None)]
    regular = {s.shoe.id: s for s in advise(profile(experience="advanced"), shoes).shoes}
    occasional = {s.shoe.id: s for s in advise(profile(experience="beginner"), shoes).shoes}
    no_experience = {s.shoe.id: s for s in advise(profile(), shoes).shoes}

    [standard] = regular["standard"].adjustments
    assert standard.rule == "drop_standard_regular" and standard.points > 0
    assert standard.evidence == "moderate" and standard.sources == ("malisoux2016_drop",)
    assert "10 mm" in standard.text
    # A low drop for a weekly runner is explained but costs nothing: never below unknown.
    [low] = regular["low"].adjustments
    assert low.rule == "drop_low_regular" and low.points == 0 and "4 mm" in low.text
    assert regular["standard"].raw > regular["low"].raw == regular["unknown"].raw
    assert regular["unknown"].measure_in_store == ("drop_mm",)
    assert occasional["low"].adjustments[0].points > 0
    assert occasional["low"].raw > occasional["standard"].raw == occasional["unknown"].raw
    # Experience not given: the drop cannot count either way, nothing to measure.
    for scored in no_experience.values():
        assert scored.adjustments == () and scored.measure_in_store == ()
    thin = _drop_shoe("thin", 0, cushioning=0)
    assert advise(profile(experience="beginner"), [thin]).shoes[0].adjustments == ()
    json_standard = advise(profile(experience="advanced"), shoes).to_json()["shoes"]
    assert next(s for s in json_standard if s["id"] == "standard")["adjustments"][0]["points"] == 4


def test_weight_and_stack_height_set_lightweight_and_thick_sole() -> None:
    runner = profile(surfaces=["asphalt"], weight_kg=80, experience="advanced")
    a = advise(runner, [])
    assert a.level_of("lightweight") in ("essential", "recommended")
    assert a.level_of("thick_sole") in ("essential", "recommended")
    light = Shoe(id="light", name="light", surface="road", weight_g=215, stack_mm=33)
    heavy = Shoe(id="heavy", name="heavy", surface="road", weight_g=340, stack_mm=18)
    # The label beats the tick box: a 340 g shoe is not light whatever it says.
    ticked = Shoe(
        id="ticked", name="ticked", surface="road", weight_g=340, features={"lightweight": 3}
    )
    by_id = {s.shoe.id: s for s in advise(runner, [light, heavy, ticked]).shoes}
    assert (
        by_id["light"].level_of("lightweight") == 3 and by_id["light"].level_of("thick_sole") == 2
    )
    assert (
        by_id["heavy"].level_of("lightweight") == 0 and by_id["heavy"].level_of("thick_sole") == 0
    )
    assert by_id["heavy"].level_of("cushioning") is None  # 18 mm only caps a known level
    assert by_id["ticked"].level_of("lightweight") == 0
    items = {b.feature: b for b in by_id["light"].breakdown}
    assert items["lightweight"].derived_from == "weight_g"
    assert items["thick_sole"].derived_from == "stack_mm"
    assert "lightweight" not in by_id["light"].check_in_store
    assert by_id["light"].raw > by_id["heavy"].raw
    # A sole 12 mm high has no room for cushioning: known absent, not unknown.
    spike = Shoe(id="spike", name="spike", surface="road", stack_mm=11)
    assert advise(runner, [spike]).shoes[0].level_of("cushioning") == 0


def test_json_has_the_v2_keys_per_shoe_and_a_shortlist() -> None:
    data = advise(RUNNER, [shoe("a", cushioning=3), shoe("b", surface=None)]).to_json()
    first = data["shoes"][0]
    assert first["surface_match"] == "main" and first["surface"] == "trail"
    assert first["coverage"]["known"] == 1 and first["coverage"]["of"] >= 1
    assert "cushioning" not in first["check_in_store"]
    assert data["shoes"][1]["surface_match"] == "unknown"
    assert [s["tie_group"] for s in data["shoes"]] == [1, 2]
    # Nothing is known of b, not even its surface: listed last, never on the shortlist.
    assert data["shortlist"] == ["a"]


def test_needs_whose_points_one_sum_cannot_decode_are_refused(monkeypatch) -> None:
    # The scoring loop adds COUNTED per feature that counts and splits one sum into
    # points and coverage; that needs every feature's points >= 0 and all of them below
    # COUNTED. Needs outside that (a negative importance, from a caller's own advice)
    # scored a road shoe with known cushioning 1054.95 and "0 known": now refused.
    runner = profile()
    needs = feature_advice(runner, knowledge())
    first = next(f for f in needs if f.level in ("essential", "recommended"))
    bad = [replace(f, importance=-f.importance) if f is first else f for f in needs]
    known = Shoe(id="k", name="k", surface="road", features={first.id: 3})
    with pytest.raises(ValueError, match=first.id):
        score_shoes(bad, [known], runner)
    # So is a share of the points that would reach COUNTED itself.
    monkeypatch.setattr(fit, "FEATURE_POINTS", fit.COUNTED)
    with pytest.raises(ValueError, match="overflow COUNTED"):
        score_shoes(needs, [known], runner)


def test_a_score_of_exactly_a_half_is_shown_rounded_up() -> None:
    # The sums are exact, so a score can land exactly on a half; it shows rounded up,
    # as a runner reads it, not to the even neighbour as Python's round() would.
    runner = RunnerProfile.model_validate(
        {
            "schema_version": 2,
            "name": "Half",
            "foot_width": "extra_wide",
            "pronation": "overpronation",
            "weight_kg": 72,
            "height_cm": 100,
            "seasons": ["summer"],
            "surfaces": ["track", "asphalt", "trail", "treadmill"],
            "arch": "flat",
            "knee_pain": ["around_kneecap"],
        }
    )
    shoe = Shoe(
        id="half",
        name="Half",
        features={"cushioning": 0, "soft_upper": 2},
        weight_g=150,
        stack_mm=30,
    )
    (scored,) = advise(runner, [shoe]).shoes
    assert scored.raw == 62.5
    assert scored.score == 63
