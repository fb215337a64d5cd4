"""Training load from logged runs: weekly totals, the 30-day longest run, spikes, pain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoeadvisor.core.training import (
    analyse_runs,
    figures_change_at,
    planned_run_check,
    profile_with_runs,
    spike_marks,
)

NOW = datetime(2025, 6, 30, 20, tzinfo=UTC)  # a Monday evening


@dataclass(frozen=True)
class R:
    id: int
    start: datetime
    distance_km: float
    shoe_id: str | None = None
    knee_pain: int | None = None


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_weekly_totals_and_the_profile_fields() -> None:
    runs = [R(1, ago(1), 10), R(2, ago(3), 5), R(3, ago(9), 8), R(4, ago(12), 4), R(5, ago(40), 30)]
    load = analyse_runs(runs, NOW)
    assert load.weekly_km == pytest.approx(15)
    assert load.previous_weekly_km == pytest.approx(12)
    assert load.longest_run_30d_km == pytest.approx(10)  # the 30 km run is 40 days old
    assert load.profile_fields() == {
        "weekly_km": 15.0, "previous_weekly_km": 12.0, "longest_run_30d_km": 10.0,
    }  # fmt: skip
    weeks = {w.week_start.isoformat(): w.km for w in load.weeks}
    assert sum(weeks.values()) == pytest.approx(57)
    assert all(datetime.fromisoformat(k).weekday() == 0 for k in weeks)


def test_spikes_are_marked_with_the_bands_of_core_load() -> None:
    runs = [
        R(1, ago(60), 40),  # outside every later run's 30 days
        R(2, ago(25), 10),
        R(3, ago(20), 10.5),  # +5%: the study's reference band, not marked
        R(4, ago(15), 12.5),  # +19% over 10.5
        R(5, ago(10), 20),  # +60%
        R(6, ago(5), 45),  # +125%
    ]
    marks = spike_marks(runs, UTC)
    assert [(m.run_id, m.band.id) for m in marks] == [(4, "10_30"), (5, "30_100"), (6, "over_100")]
    assert marks[0].longest_previous_30d_km == pytest.approx(10.5)
    assert marks[2].band.sources == ("frandsen2025",)
    assert marks[2].band.evidence == "moderate"
    assert "more than twice" in marks[2].label


def test_planned_run_is_checked_against_the_past_30_days() -> None:
    runs = [R(0, ago(45), 30), R(1, ago(10), 10), R(2, ago(3), 12)]
    planned = planned_run_check(25, runs, NOW)
    assert planned is not None and planned.band.id == "over_100"
    assert planned.longest_previous_30d_km == 12  # the 30 km run is 45 days old
    assert planned_run_check(12.5, runs, NOW) is None  # +4%: reference band
    assert planned_run_check(10, [], NOW) is None  # nothing to compare with


def test_only_runs_with_30_days_of_log_before_them_are_judged() -> None:
    # A runner's first weeks: the 2nd run ever is not "+35%", nor the 5th "+60%".
    runs = [R(1, ago(40), 10), R(2, ago(38), 13.5), R(3, ago(20), 16), R(4, ago(5), 20)]
    load = analyse_runs(runs, NOW)
    assert load.judged_from == ago(40) + timedelta(days=30)
    assert [m.run_id for m in load.marks] == [4]  # +25% over 16 km, 35 days into the log
    assert [load.judges(r.start) for r in runs] == [False, False, False, True]
    assert spike_marks(runs[:3], UTC) == []
    # Exactly 30 days after the first run: its window starts at the first run.
    edge = [R(1, ago(40), 10), R(2, ago(10), 13)]
    assert [m.run_id for m in spike_marks(edge, UTC)] == [2]
    assert spike_marks([R(1, ago(40), 10), R(2, ago(10.01), 13)], UTC) == []


def test_a_planned_run_waits_for_30_days_of_log() -> None:
    young = [R(1, ago(10), 10), R(2, ago(3), 12)]  # a log of 10 days
    assert planned_run_check(25, young, NOW) is None
    load = analyse_runs(young, NOW)
    assert not load.judges(NOW) and load.judged_from == ago(10) + timedelta(days=30)
    assert analyse_runs([], NOW).judged_from is None and not analyse_runs([], NOW).judges(NOW)


def test_two_week_progression_uses_the_last_two_7_day_spans() -> None:
    start = R(0, ago(15), 6)  # the log holds both weeks
    load = analyse_runs([start, R(1, ago(9), 10), R(2, ago(2), 14)], NOW)
    assert load.progression is not None and load.progression.id == "over_30"
    assert load.progression.sources[0] == "nielsen2014_jospt"
    steady = analyse_runs([start, R(1, ago(9), 10), R(2, ago(2), 10.5)], NOW)
    assert steady.progression is not None and not steady.progression.raised
    # A log begun 9 days ago holds two days of the week before last: no comparison.
    young = analyse_runs([R(1, ago(9), 10), R(2, ago(2), 14)], NOW)
    assert young.progression is None and not young.both_weeks_logged


def test_knee_pain_per_shoe_and_per_week_without_a_cause() -> None:
    runs = [
        R(1, ago(1), 10, "peg", 4), R(2, ago(2), 8, "peg", 2), R(3, ago(3), 6, "peg"),
        R(4, ago(4), 12, "trail", 0), R(5, ago(20), 5, None),
    ]  # fmt: skip
    load = analyse_runs(runs, NOW)
    pain = {p.shoe_id: p for p in load.pain_by_shoe}
    assert pain["peg"].runs == 3 and pain["peg"].runs_with_pain_logged == 2
    assert pain["peg"].mean_pain == pytest.approx(3) and pain["peg"].max_pain == 4
    assert pain["trail"].mean_pain == 0
    assert pain[None].mean_pain is None
    assert any(w.knee_pain for w in load.weeks)


def test_profile_fields_fill_only_what_the_runner_left_blank() -> None:
    from shoeadvisor.core.files import parse_profile

    base = {
        "schema_version": 1, "name": "A", "foot_width": "standard", "pronation": "neutral",
        "weight_kg": 70, "seasons": ["summer"], "surfaces": ["asphalt"], "weekly_km": 33,
    }  # fmt: skip
    load = analyse_runs([R(0, ago(40), 3), R(1, ago(9), 10), R(2, ago(2), 14)], NOW)
    filled, keys = profile_with_runs(parse_profile(base), load)
    assert keys == ("previous_weekly_km", "longest_run_30d_km")
    assert filled.weekly_km == 33  # typed by the runner: their override wins
    assert filled.previous_weekly_km == 10 and filled.longest_run_30d_km == 14
    assert profile_with_runs(parse_profile(base), analyse_runs([], NOW)) == (
        parse_profile(base),
        (),
    )


def test_a_young_log_fills_only_the_spans_it_holds() -> None:
    # Imported 9 days of runs: the last 7 days are the runner's own; the week before
    # last and the longest run of the past 30 days are not known (a part of them would
    # raise a two-week jump or a single-run spike the log itself does not judge yet).
    from shoeadvisor.core.files import parse_profile

    base = {
        "schema_version": 2, "name": "A", "foot_width": "standard", "pronation": "neutral",
        "weight_kg": 70, "seasons": ["summer"], "surfaces": ["asphalt"],
        "planned_longest_run_km": 20,
    }  # fmt: skip
    young = analyse_runs([R(1, ago(9), 10), R(2, ago(2), 8)], NOW)
    assert young.profile_fields() == {"weekly_km": 8.0}
    profile, keys = profile_with_runs(parse_profile(base), young)
    assert keys == ("weekly_km",) and profile.longest_run_30d_km is None
    assert analyse_runs([R(1, ago(3), 10)], NOW).profile_fields() == {}
    # From 30 days on, all three come from the log.
    later = analyse_runs([R(1, ago(9), 10), R(2, ago(2), 8)], ago(9) + timedelta(days=30))
    assert set(later.profile_fields()) == {"weekly_km", "previous_weekly_km", "longest_run_30d_km"}


# -- how long the figures hold (the window's kept first frame is valid until then) -------


def test_the_figures_change_when_a_run_leaves_a_window() -> None:
    runs = [R(1, ago(2), 10), R(2, ago(10), 5)]
    until = figures_change_at(runs, NOW)
    assert until == ago(10) + timedelta(days=14)  # run 2 leaves the week before last first
    assert analyse_runs(runs, until - timedelta(seconds=1)).profile_fields() == (
        analyse_runs(runs, NOW).profile_fields()
    )
    assert analyse_runs(runs, until + timedelta(seconds=1)).profile_fields() != (
        analyse_runs(runs, NOW).profile_fields()
    )


def test_a_run_logged_ahead_counts_once_it_has_started() -> None:
    later = NOW + timedelta(hours=3)
    assert figures_change_at([R(1, later, 10)], NOW) == later


def test_without_runs_in_the_last_30_days_nothing_changes() -> None:
    assert figures_change_at([R(1, ago(45), 10)], NOW) is None
    assert figures_change_at([], NOW) is None


@settings(max_examples=200, deadline=None)
@given(
    days=st.lists(st.floats(min_value=-3, max_value=35, allow_nan=False), max_size=8),
    kms=st.lists(st.floats(min_value=0.1, max_value=60, allow_nan=False), min_size=8, max_size=8),
    share=st.floats(min_value=0, max_value=0.999, allow_nan=False),
)
def test_the_figures_hold_until_then(days: list[float], kms: list[float], share: float) -> None:
    runs = [R(i, ago(d), km) for i, (d, km) in enumerate(zip(days, kms, strict=False))]
    until = figures_change_at(runs, NOW)
    later = NOW + (timedelta(days=40) if until is None else (until - NOW) * share)
    assert analyse_runs(runs, later).profile_fields() == analyse_runs(runs, NOW).profile_fields()
