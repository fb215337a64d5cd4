"""Summaries word a profile and a comparison the same way for every screen and the report."""

from __future__ import annotations

from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resource_path
from shoeadvisor.core.summaries import (
    ShoeFindings,
    SimilarFinding,
    advice_status,
    comparison_lines,
    profile_rows,
    shoe_list_hint,
    shortlist_note,
    similar_lines,
    tie_note,
    waiting_text,
)


def text(lines: list[tuple]) -> list[str]:  # type: ignore[type-arg]
    return ["".join(p.text for p in line) for line in lines]


def test_profile_rows_use_the_vocabulary_and_the_runners_units() -> None:
    example = load_profile(resource_path("example_runner.json"))
    rows = dict(profile_rows(example))
    assert rows["Name"] == "Example runner"
    assert rows["Foot width"] == "Wide"
    assert rows["Pronation"] == "Rolls inward (overpronation)"
    assert rows["Weight"] == "82 kg"
    assert rows["Surfaces (main first)"] == "Asphalt / road, Trail / off-road"
    assert rows["Knee pain"] == "Around the kneecap"
    assert rows["Knee symptoms"] == "Crunching or grinding"
    assert rows["Downhill often"] == "Yes"
    imperial = dict(profile_rows(example.model_copy(update={"units": "imperial"})))
    assert imperial["Weight"] == "180.8 lb"
    assert imperial["Distance last week"] == "19.9 mi"
    assert imperial["Height"] == "5 ft 9.3 in"  # 176 cm, read the way an imperial runner says it
    assert rows["Height"] == "176 cm"
    assert "Units" not in rows and "Height" in rows


def test_waiting_text_names_what_is_still_needed_in_words() -> None:
    text = waiting_text("the risks of how you run", ["name", "weight_kg", "surfaces"])
    assert text == (
        "The risks of how you run show here once the fields marked * are filled in. "
        "Still needed: Name, Weight and Surfaces."
    )
    assert waiting_text("the risks of how you run", ["pronation"]).endswith(
        "Still needed: Pronation."
    )
    assert "No particular risks" not in text


def test_the_comparison_names_gaps_ties_and_shoes_to_try() -> None:
    best = ShoeFindings("Road A", 72, (), ("Grip",), (), True)
    other = ShoeFindings("Road B", 70, ("Cushioning",), (), ("Narrow fit",), False)
    lines = text(comparison_lines([best, other], 3, ties=[("Road A", "Road B")], tie_points=3))
    assert lines[0] == (
        "Best fit for you: Road A — 72/100. ✓ has 2 of your 3 essential features; "
        "? not checked: Grip."
    )
    assert lines[1] == (
        "Road B — 70: ✗ lacks Cushioning (essential for you); "
        "! has Narrow fit, which you should avoid."
    )
    assert lines[2] == (
        "Tie: Road A and Road B score within 3 points: a tie. Try both on; pick the one "
        "that feels best (your comfort rating orders a tie)."
    )
    assert lines[3].startswith("Try on: Road B.")
    tones = {p.tone for line in comparison_lines([other], 3) for p in line}
    assert "missing" in tones and "avoid" in tones


def test_the_comparison_says_what_a_shoe_is_for_and_counts_its_own_essentials() -> None:
    main = ShoeFindings("Road A", 80, (), (), (), True, coverage="9 of 12 that count known")
    second = ShoeFindings(
        "Trail B",
        84,
        (),
        ("Grip",),
        (),
        True,
        essentials=3,
        surface="trail shoe: a second pair for trails",
    )
    lines = text(comparison_lines([main, second], 2, ties=[("Road A",)], tie_points=3))
    assert lines[0] == (
        "Best fit for you: Road A — 80/100. (9 of 12 that count known) "
        "✓ has 2 of your 2 essential features."
    )
    assert lines[1] == (
        "Trail B — 84: (trail shoe: a second pair for trails) "
        "✓ has 2 of your 3 essential features; ? not checked: Grip."
    )
    assert len(lines) == 2  # a group of one is no tie
    three = tie_note(["A", "B", "C"], 3)
    assert three.startswith("A, B and C score within 3 points: a tie. Try them all on;")
    assert tie_note(["A"], 3) == ""


def test_a_comparison_of_some_of_the_shoes_says_its_best_is_of_those_compared() -> None:
    a = ShoeFindings("Road A", 72, (), (), (), True)
    b = ShoeFindings("Road B", 70, (), (), (), True)
    some = text(comparison_lines([a, b], 0, of_total=5))
    assert some[0].rstrip() == "Of the 2 shoes compared, the best fit for you is Road A — 72/100."
    assert "Best fit for you" not in " ".join(some)
    every = text(comparison_lines([a, b], 0, of_total=2))
    assert every[0].rstrip() == "Best fit for you: Road A — 72/100."
    assert text(comparison_lines([a], 0, of_total=5))[0].rstrip() == "Road A — 72/100 for you."


def test_the_list_hint_names_the_shortlist_and_what_a_tie_is() -> None:
    hint = shoe_list_hint(12, True, ["Road A", "Road B", "Road C"], 3, ties=True)
    assert "best fit first: for your main surface, then second pairs, then the rest" in hint
    assert "★ Try on first: Road A, Road B, Road C." in hint
    assert "Shoes with the same tie number score within 3 points" in hint and "feels best" in hint
    assert "tie" not in shoe_list_hint(12, True, ["Road A"], 3, ties=False)
    assert "Fill in your profile" in shoe_list_hint(3, False)


def test_the_shortlist_note_names_the_tied_pairs_it_had_no_room_for() -> None:
    five = ["A", "B", "C", "D", "E"]
    assert shortlist_note(five) == "Try on first: A, B, C, D, E."
    assert shortlist_note([]) == ""
    two = shortlist_note(five, ["F", "G"], 2, 5)
    assert two.startswith("Try on first: A, B, C, D, E. Just as good: F and G are in tie 2 too")
    assert "left out only because the list stops at 5 pairs; try either instead" in two
    assert "F is in tie 3 too" in shortlist_note(five, ["F"], 3, 5)
    assert "try it instead" in shortlist_note(five, ["F"], 3, 5)
    assert "F, G and H are" in shortlist_note(five, ["F", "G", "H"], 2, 5)
    assert "try any of them instead" in shortlist_note(five, ["F", "G", "H"], 2, 5)
    marked = shortlist_note(five, ["F"], 2, 5, marks=True)
    assert marked.startswith("★ Try on first:") and "☆ Just as good: F" in marked
    # The window's hint words it the same way, with the marks its list carries.
    hint = shoe_list_hint(12, True, five, 3, True, ["F", "G"], 2, 5)
    assert shortlist_note(five, ["F", "G"], 2, 5, marks=True) in hint


def test_a_single_shoe_and_shoes_chosen_for_the_runner() -> None:
    alone = text(comparison_lines([ShoeFindings("Only", 60, (), (), (), True)], 0))
    assert alone[0].startswith("Only — 60/100 for you.")
    chosen = comparison_lines(
        [ShoeFindings("A", 60, (), (), (), True), ShoeFindings("B", 50, (), (), (), True)],
        0,
        chosen_for_you=True,
    )
    assert text(chosen)[0].startswith("Your 2 best-fitting shoes.")
    assert comparison_lines([], 2) == []


def test_advice_status_and_similar_shoes() -> None:
    assert advice_status("Sam", 0, True) == (
        "Advice for Sam. Select a feature or a risk to see why.",
        False,
    )
    words, problem = advice_status(None, 2, True)
    assert problem and "2 fields need fixing" in words
    assert advice_status(None, 6, False)[0].startswith("Fill in the fields")
    found = similar_lines("Road A", [SimilarFinding("Trail B", True, 61, "alike on grip")], True)
    assert text(found)[0] == "Shoes most like Road A"
    assert "Trail B (typical shoe · fit 61 for you)\nalike on grip" in text(found)
