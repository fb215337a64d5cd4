"""Training-load bands (core.load): single-run spikes and the two-week progression."""

from __future__ import annotations

import math
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoeadvisor.core.knowledge import knowledge, load_knowledge_from
from shoeadvisor.core.load import (
    run_spikes,
    spike_band,
    two_week_progression,
    weekly_distances,
)
from shoeadvisor.core.resources import resources_dir


@pytest.mark.parametrize(
    ("run", "longest", "band", "ratio"),
    [
        (8, 10, "none", 1.0),  # shorter than the longest: the study's reference group
        (10, 10, "none", 1.0),
        (11, 10, "none", 1.0),  # +10% exactly is still the reference band
        (11.01, 10, "10_30", 1.64),
        (13, 10, "10_30", 1.64),
        (13.1, 10, "30_100", 1.52),
        (20, 10, "30_100", 1.52),
        (20.1, 10, "over_100", 2.28),
        (42.2, 10, "over_100", 2.28),
    ],
)
def test_spike_bands_follow_frandsen_2025(run: float, longest: float, band: str, ratio: float):
    found = spike_band(run, longest)
    assert found is not None
    assert (found.id, found.hazard_ratio) == (band, ratio)
    assert found.raised == (band != "none")
    assert found.evidence == "moderate" and found.sources == ("frandsen2025",)
    assert found.increase_pct == pytest.approx((run / longest - 1) * 100)


@pytest.mark.parametrize("longest", [None, 0])
def test_no_history_is_no_band(longest: float | None) -> None:
    assert spike_band(12, longest) is None


@pytest.mark.parametrize("bad", [-1, math.nan, math.inf])
def test_bad_distances_are_refused_by_name(bad: float) -> None:
    with pytest.raises(ValueError, match="run_km"):
        spike_band(bad, 10)
    with pytest.raises(ValueError, match="longest_previous_30d_km"):
        spike_band(10, bad)
    with pytest.raises(TypeError):
        spike_band(True, 10)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weeks", "band", "ratio"),
    [
        ([20, 21.9], "under_10", 1.0),
        ([20, 22], "10_30", None),  # 10% exactly already leaves the "under 10%" group
        ([20, 26], "10_30", None),
        ([20, 26.1], "over_30", 1.59),
        ([5, 20, 40], "over_30", 1.59),  # only the last two weeks count
        ([40, 20], "under_10", 1.0),  # a drop is not a jump
    ],
)
def test_two_week_progression_follows_nielsen_2014(
    weeks: list[float], band: str, ratio: float | None
) -> None:
    found = two_week_progression(weeks)
    assert found is not None and (found.id, found.hazard_ratio) == (band, ratio)
    assert found.evidence == "weak" and "nielsen2014_jospt" in found.sources


@pytest.mark.parametrize("weeks", [[], [30], [0, 25]])
def test_progression_needs_a_base_week(weeks: list[float]) -> None:
    assert two_week_progression(weeks) is None


def test_run_spikes_compare_each_run_with_the_30_days_before_it() -> None:
    day = date(2026, 3, 1)
    runs = [
        (day, 10.0),
        (day + timedelta(days=3), 12.0),  # +20% on the 10 km three days before
        (day + timedelta(days=20), 8.0),
        (day + timedelta(days=34), 9.0),  # 10 and 12 km have left the window; 8 km is in it
        (day + timedelta(days=70), 5.0),  # nothing in the 30 days before
    ]
    found = run_spikes(reversed(runs))  # any order in, time order out
    assert [s.when for s in found] == [r[0] for r in runs]
    assert [s.longest_before_km for s in found] == [None, 10.0, 12.0, 8.0, None]
    bands = [s.band.id if s.band else None for s in found]
    assert bands == [None, "10_30", "none", "10_30", None]


def test_run_spikes_window_edge_and_same_day_runs() -> None:
    start = datetime(2026, 1, 1, 7, 0)
    runs = [
        (start, 10.0),
        (start + timedelta(days=30), 11.5),  # exactly 30 days later: still in the window
        (start + timedelta(days=30, hours=2), 30.0),  # same day, two hours later
    ]
    found = run_spikes(runs)
    assert found[1].longest_before_km == 10.0 and found[1].band.id == "10_30"
    assert found[2].longest_before_km == 11.5 and found[2].band.id == "over_100"


def test_weekly_distances_fill_empty_weeks_monday_to_sunday() -> None:
    runs = [
        (date(2026, 3, 2), 5.0),  # Monday
        (date(2026, 3, 8), 7.5),  # Sunday of the same week
        (date(2026, 3, 17), 10.0),  # two weeks later
    ]
    weeks = weekly_distances(runs, through=date(2026, 3, 29))
    assert [(w.start.isoformat(), w.km) for w in weeks] == [
        ("2026-03-02", 12.5),
        ("2026-03-09", 0.0),
        ("2026-03-16", 10.0),
        ("2026-03-23", 0.0),
    ]
    assert weekly_distances([]) == []
    # The progression from real runs: 0 km the week before has no base.
    assert two_week_progression([w.km for w in weeks[:2]]).id == "under_10"  # a drop
    assert two_week_progression([w.km for w in weeks[:3]]) is None


@given(
    st.lists(
        st.tuples(st.integers(0, 120), st.floats(0, 60, allow_nan=False)),
        max_size=40,
    )
)
def test_run_spikes_agree_with_a_plain_search(raw: list[tuple[int, float]]) -> None:
    day0 = date(2026, 1, 1)
    runs = [(day0 + timedelta(days=d), km) for d, km in raw]
    found = run_spikes(runs)
    ordered = sorted(enumerate(runs), key=lambda item: (item[1][0], item[0]))
    for position, (_, (when, km)) in enumerate(ordered):
        earlier = [k for _, (w, k) in ordered[:position] if w >= when - timedelta(days=30)]
        expected = max(earlier) if earlier else None
        assert found[position].longest_before_km == expected
        assert found[position].km == km


def _copy_resources(tmp_path: Path) -> Path:
    target = tmp_path / "resources"
    shutil.copytree(resources_dir(), target)
    return target


def test_load_thresholds_with_an_unknown_source_are_refused(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    load = folder / "load.toml"
    load.write_text(load.read_text().replace('["frandsen2025"]', '["nobody2099"]', 1))
    with pytest.raises(ValueError, match=r"nobody2099.*not in the bibliography"):
        load_knowledge_from(folder)


def test_load_bands_out_of_order_are_refused(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    load = folder / "load.toml"
    load.write_text(load.read_text().replace("up_to_pct = 30", "up_to_pct = 300", 1))
    with pytest.raises(ValueError, match="rise"):
        load_knowledge_from(folder)


def test_every_load_measure_is_graded_and_sourced() -> None:
    for measure in knowledge().load.values():
        assert measure.sources and measure.evidence in ("moderate", "weak")
        assert measure.band[0].hazard_ratio == 1.0
