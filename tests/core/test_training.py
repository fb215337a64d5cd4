"""Training load from logged runs: weekly totals, the 30-day longest run, spikes, pain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from shoeadvisor.core import training
from shoeadvisor.core.training import analyse_runs, longest_before, planned_run_check, spike_marks

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


def test_longest_of_the_previous_30_days_per_run() -> None:
    runs = [R(1, ago(60), 20), R(2, ago(25), 8), R(3, ago(20), 6), R(4, ago(2), 9)]
    assert longest_before(runs) == [None, None, 8, 8]  # the 20 km run is outside 30 days


def test_spike_marks_only_runs_longer_than_the_previous_longest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[float, float]] = []

    def fake_band(run_km: float, longest: float) -> str | None:
        calls.append((run_km, longest))
        return "big" if run_km > 2 * longest else ("medium" if run_km > 1.1 * longest else None)

    monkeypatch.setattr(training, "_spike_band_function", lambda: fake_band)
    runs = [R(1, ago(20), 10), R(2, ago(15), 10.5), R(3, ago(10), 12.5), R(4, ago(5), 30)]
    marks = spike_marks(runs)
    assert [(m.run_id, m.band) for m in marks] == [(3, "medium"), (4, "big")]
    assert marks[0].longest_previous_30d_km == pytest.approx(10.5)
    assert marks[1].increase == pytest.approx(30 / 12.5 - 1)
    assert (10.5, 10) in calls  # +5%: asked, and below every band, so not marked
    planned = planned_run_check(70, runs, NOW)
    assert planned is not None and planned.band == "big"
    assert planned_run_check(20, runs, NOW) is None  # shorter than the 30 km run


def test_without_load_bands_a_longer_run_is_still_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(training, "_spike_band_function", lambda: None)
    marks = spike_marks([R(1, ago(10), 10), R(2, ago(5), 13)])
    assert len(marks) == 1 and marks[0].band is None and marks[0].label == "+30%"


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
