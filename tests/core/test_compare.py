"""core.compare: the per-feature verdicts, the shoe summary, the tie rule and the notes."""

from __future__ import annotations

import pytest
from runner_profiles import profile

from shoeadvisor.core import labels
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.compare import (
    Verdict,
    counting_first,
    coverage_note,
    feature_verdicts,
    level_source,
    store_check_note,
    store_checks,
    summarise,
    surface_note,
    tied,
    tied_with,
    verdict,
)
from shoeadvisor.core.shoes import Shoe


@pytest.mark.parametrize(
    ("need", "level", "target", "expected"),
    [
        ("essential", None, 3, Verdict.UNKNOWN),
        ("essential", 0, 3, Verdict.MISSING),
        ("essential", 2, 3, Verdict.WEAK),
        ("essential", 3, 3, Verdict.GOOD),
        ("recommended", 0, 2, Verdict.WEAK),
        ("recommended", 1, 2, Verdict.WEAK),
        ("recommended", 2, 2, Verdict.GOOD),
        ("recommended", 3, None, Verdict.GOOD),
        ("avoid", 0, None, Verdict.GOOD),
        ("avoid", 1, None, Verdict.AVOID),
        ("avoid", None, None, Verdict.UNKNOWN),
        ("optional", 3, None, Verdict.NEUTRAL),
        ("optional", None, None, Verdict.NEUTRAL),
    ],
)
def test_verdict_reads_the_level_against_the_target(need, level, target, expected) -> None:
    assert verdict(need, level, target) is expected


WIDE = profile(foot_width="wide", weight_kg=55, surfaces=["asphalt", "trail"])


def test_feature_verdicts_follow_the_score_and_ignore_other_surfaces() -> None:
    road = Shoe(
        id="r",
        name="Road",
        surface="road",
        features={"cushioning": 2, "narrow_fit": 2, "trail_grip": 3},
        stack_mm=33,
    )
    [scored] = advise(WIDE, [road]).shoes
    marks = {v.feature: v for v in feature_verdicts(scored)}
    assert marks["cushioning"].verdict is Verdict.WEAK  # essential for a light runner: 3 wanted
    assert marks["narrow_fit"].verdict is Verdict.AVOID
    # Needed, and a narrow last rules a wide one out: known absent, read from narrow_fit.
    assert marks["wide_fit"].verdict is Verdict.WEAK
    assert marks["wide_fit"].level == 0 and marks["wide_fit"].derived_from == "narrow_fit"
    assert marks["trail_grip"].verdict is Verdict.NEUTRAL and not marks["trail_grip"].counts
    assert marks["thick_sole"].derived_from == "stack_mm" and marks["thick_sole"].level == 2
    assert [v.feature for v in feature_verdicts(scored)] == [b.feature for b in scored.breakdown]
    summary = summarise(scored)
    assert summary.avoid == ("narrow_fit",)
    assert summary.weak[0] == "cushioning" and summary.missing == ()


def test_summary_names_missing_and_unchecked_essentials() -> None:
    a = advise(WIDE, [])
    essential = [f.id for f in a.features if f.level == "essential"]
    assert essential
    first, *rest = essential
    shoe = Shoe(id="x", name="X", surface="road", features={first: 0})
    summary = summarise(advise(WIDE, [shoe]).shoes[0])
    assert summary.missing == (first,)
    assert set(summary.unknown) == set(rest)


def test_one_tie_rule_the_tie_group() -> None:
    shoes = [
        Shoe(id="a", name="A", surface="road", features={"cushioning": 3}),
        Shoe(id="b", name="B", surface="road", features={"cushioning": 3}),
        Shoe(id="c", name="C", surface="road", features={"cushioning": 1}),
    ]
    ranked = advise(WIDE, shoes).shoes
    a, b, c = ranked
    assert tied(a, b) and not tied(a, c)
    assert tied_with(a, ranked) == (b,)
    assert tied_with(c, ranked) == ()


def test_notes_in_words() -> None:
    shoes = [
        Shoe(id="road", name="Road", surface="road", features={"cushioning": 3}),
        Shoe(id="trail", name="Trail", surface="trail", features={"trail_grip": 3}),
        Shoe(id="track", name="Spike", surface="track"),
        Shoe(id="what", name="What", features={"cushioning": 3}),
    ]
    by_id = {s.shoe.id: s for s in advise(WIDE, shoes).shoes}
    assert surface_note(by_id["road"]) == "road shoe for your main surface"
    assert surface_note(by_id["trail"]) == "trail shoe: a second pair for trails"
    assert surface_note(by_id["track"]) == "track shoe: not for ground you run on"
    assert surface_note(by_id["what"]) == "surface not given: ranked on its features"
    [blank] = advise(WIDE, [Shoe(id="blank", name="Blank")]).shoes
    assert surface_note(blank) == "surface not given and nothing that counts known: listed last"
    known, of = by_id["road"].coverage
    assert coverage_note(by_id["road"]) == f"{known} of {of} that count known"
    note = store_check_note(by_id["road"], {"wide_fit": "Wide fit"})
    assert note.startswith("check in the store: ") and "wide fit" in note
    assert "that it has no narrow fit" in note
    full = Shoe(
        id="full",
        name="Full",
        surface="road",
        features=dict.fromkeys(by_id["road"]._table.matter, 2),
    )
    [scored] = advise(WIDE, [full]).shoes
    assert store_check_note(scored) == ""


def test_store_checks_are_the_parts_of_the_note() -> None:
    shoe = Shoe(id="r", name="Road", surface="road", features={"cushioning": 3})
    experienced = profile(foot_width="wide", experience="advanced")
    [scored] = advise(experienced, [shoe]).shoes
    parts = store_checks(scored, {"wide_fit": "Wide fit"})
    assert "wide fit" in parts[0]
    assert "that it has no narrow fit" in parts
    assert parts[-1] == "the heel-to-toe drop"  # it counts once the experience is known
    assert store_check_note(scored, {"wide_fit": "Wide fit"}) == (
        "check in the store: " + "; ".join(parts)
    )


def test_level_source_says_where_a_level_was_read() -> None:
    shoe = Shoe(
        id="m",
        name="Measured",
        surface="road",
        weight_g=228,
        stack_mm=38.5,
        features={"narrow_fit": 2},
    )
    [scored] = advise(WIDE, [shoe]).shoes
    items = {v.feature: v for v in feature_verdicts(scored)}
    assert level_source(scored, items["lightweight"]) == "228 g"
    assert level_source(scored, items["thick_sole"]) == "38.5 mm"
    assert level_source(scored, items["wide_fit"], {"narrow_fit": "Narrow fit"}) == "narrow fit"
    assert level_source(scored, items["narrow_fit"]) == ""  # ticked on the checklist


def test_features_that_count_come_first() -> None:
    features = advise(WIDE, []).features
    ordered = counting_first(features)
    assert sorted(f.id for f in ordered) == sorted(f.id for f in features)
    levels = [f.level == "optional" for f in ordered]
    assert levels == sorted(levels)  # every optional one after every other
    counted = [f for f in ordered if f.level != "optional"]
    assert counted == [f for f in features if f.level != "optional"]  # importance kept


def test_surface_match_and_tie_words() -> None:
    assert labels.surface_match("main", "road") == "Road · your main surface"
    assert labels.surface_match("second", "trail") == "Trail · second pair"
    assert labels.surface_match("none", "track") == "Track · not your ground"
    assert labels.surface_match("unknown", None) == "? Surface not given"
    assert labels.tie(2, 3) == "tie 2: 3 shoes"


def test_whether_the_drop_counts_is_cores_and_a_counted_0_is_no_not_counted() -> None:
    from shoeadvisor.core.compare import drop_verdict

    shoes = [
        Shoe(id="low", name="Low", surface="road", drop_mm=4),
        Shoe(id="ten", name="Ten", surface="road", drop_mm=10),
        Shoe(id="blank", name="Blank", surface="road"),
    ]
    unsure = {s.shoe.id: s for s in advise(profile(experience=None), shoes).shoes}
    assert not any(s.drop_counts for s in unsure.values())
    for shoe_id in ("low", "ten", "blank"):
        found = drop_verdict(unsure[shoe_id])
        assert not found.counts and found.verdict is Verdict.NEUTRAL and found.points == 0
        assert "does not count for you yet" in found.note
    regular = {s.shoe.id: s for s in advise(profile(experience="advanced"), shoes).shoes}
    assert all(s.drop_counts for s in regular.values())
    low, ten = drop_verdict(regular["low"]), drop_verdict(regular["ten"])
    assert low.counts and low.points == 0 and low.verdict is Verdict.WEAK
    assert "553 runners" in low.note
    assert ten.points > 0 and ten.verdict is Verdict.GOOD
    assert drop_verdict(regular["blank"]).verdict is Verdict.UNKNOWN
