"""The words of the run log: units, paces, the spike's band with grade and source, no cause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from shoeadvisor.core import run_summaries as words
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.training import analyse_runs, planned_run_check, spike_marks

NOW = datetime(2025, 6, 30, 20, tzinfo=UTC)


@dataclass(frozen=True)
class R:
    id: int
    start: datetime
    distance_km: float
    shoe_id: str | None = None
    knee_pain: int | None = None


def test_distances_times_and_paces_in_the_runners_units() -> None:
    assert words.distance(10, "metric") == "10.0 km"
    assert words.distance(16.09344, "imperial") == "10.0 mi"
    assert words.duration(3723) == "1:02:03" and words.duration(2710) == "45:10"
    assert words.duration(None) == "—"
    assert words.pace(10, 3000) == "5:00 /km"
    assert words.pace(16.09344, 4800, "imperial") == "8:00 /mi"
    assert words.pace(0, 600) == "—" and words.pace(5, None) == "—"
    assert words.pace_seconds(10, 3000) == pytest.approx(300)


def test_a_spike_says_how_much_longer_the_band_the_grade_the_source_and_no_cause() -> None:
    runs = [R(1, NOW - timedelta(days=40), 5), R(2, NOW - timedelta(days=20), 10)]
    runs.append(R(3, NOW - timedelta(days=2), 16))
    [mark] = spike_marks(runs, UTC)
    assert words.spike_cell(mark) == "+60% (30–100% longer)"
    detail = words.spike_detail(mark, knowledge())
    assert "16.0 km" in detail and "10.0 km" in detail and "60% longer" in detail
    assert "1.52 times the injury rate" in detail
    assert "Evidence: moderate. Source: Single-session spikes" in detail
    assert "not a cause" in detail
    assert "16.0 mi" not in detail and "9.9 mi" in words.spike_detail(mark, knowledge(), "imperial")


def test_the_planned_run_line_for_no_plan_no_base_within_and_over() -> None:
    kb = knowledge()
    runs = [R(0, NOW - timedelta(days=40), 8), R(1, NOW - timedelta(days=5), 12)]
    assert "Type the longest run" in words.planned_line(None, 12, None, kb)
    assert "no run in the past 30 days" in words.planned_line(15, 0, None, kb)
    within = words.planned_line(13, 12, planned_run_check(13, runs, NOW), kb)
    assert "not more than 10% longer" in within and "reference" in within
    mark = planned_run_check(25, runs, NOW)
    assert mark is not None
    over = words.planned_line(25, 12, mark, kb)
    assert "108% longer" in over and "more than twice as long" in over
    assert "2.28 times the injury rate" in over and "up to 13.2 km stays within 10%" in over


def test_the_two_week_change_with_its_band_and_its_weak_grade() -> None:
    kb = knowledge()
    first = R(0, NOW - timedelta(days=20), 6)  # the log holds both weeks
    runs = [first, R(1, NOW - timedelta(days=10), 10), R(2, NOW - timedelta(days=3), 14)]
    line = words.progression_line(analyse_runs(runs, NOW), kb)
    assert "Last 7 days: 14.0 km; the 7 days before: 10.0 km" in line
    assert "40% more (a rise of more than 30%)" in line and "Evidence: weak." in line
    rest = [first, R(1, NOW - timedelta(days=3), 5)]
    assert "no base week" in words.progression_line(analyse_runs(rest, NOW), kb)


def test_the_two_weeks_wait_until_the_log_holds_both() -> None:
    # A log begun 10 days ago holds 3 days of the week before last: not a base week.
    runs = [R(1, NOW - timedelta(days=10), 10), R(2, NOW - timedelta(days=3), 14)]
    load = analyse_runs(runs, NOW)
    assert load.progression is None and not load.both_weeks_logged
    line = words.progression_line(load, knowledge())
    assert "not compared yet" in line and "fewer than 14 days ago" in line
    assert "40%" not in line


def test_a_week_of_less_reads_as_less_in_plain_words() -> None:
    # It read "−25% (under 10% more (or less))".
    kb = knowledge()
    runs = [
        R(0, NOW - timedelta(days=16), 4),  # the log holds both weeks
        R(1, NOW - timedelta(days=10), 20),
        R(2, NOW - timedelta(days=3), 15),
    ]
    line = words.progression_line(analyse_runs(runs, NOW), kb)
    assert "— 25% less (a drop, or a rise under 10%): not a band linked" in line
    assert "((" not in line and "))" not in line and "or less)" not in line
    for measure in kb.load.values():  # every band label is a plain phrase, no brackets
        for band in measure.band:
            assert not set("()[]") & set(band.label), band.label
    assert words.change_words(0.2) == "the same" and words.change_words(12.4) == "12% more"


def test_a_run_or_plan_that_is_not_judged_says_why_and_from_when() -> None:
    kb = knowledge()
    since = datetime(2025, 7, 20, 8, tzinfo=UTC)
    detail = words.not_judged_detail(since)
    assert detail.startswith("Not judged: your log starts fewer than 30 days before this run")
    assert "20 Jul 2025" in detail
    plan = words.planned_line(25, 12, None, kb, judged_from=since)
    assert plan.startswith("Planned 25.0 km: not judged yet") and "20 Jul 2025" in plan
    assert "reference" not in plan


def test_pain_per_week_and_per_shoe_is_a_record() -> None:
    runs = [
        R(1, NOW - timedelta(days=3), 5, "a", 4),
        R(2, NOW - timedelta(days=2), 5, "a", 2),
        R(3, NOW - timedelta(days=1), 5, "a"),
    ]
    load = analyse_runs(runs, NOW)
    week = load.weeks[-2] if load.weeks[-1].runs == 0 else load.weeks[-1]
    assert words.week_pain(week) == (
        "knee pain logged after 2 of 3 runs: 3.0 on average, at most 4 (0–10)"
    )
    [shoe] = load.pain_by_shoe
    text = words.shoe_pain(shoe.runs_with_pain_logged, shoe.mean_pain, shoe.max_pain)
    assert text == "3.0 avg, max 4 (2 runs)"
    assert words.shoe_pain(0, None, None) == ""
    assert "does not say what caused" in words.NOT_A_CAUSE
