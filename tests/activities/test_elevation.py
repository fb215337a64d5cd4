"""Climb and descent: smoothed, as watches count them, not every wobble of the altimeter.

Checked against what is known: real FIT files whose watch wrote its own total next to
its records, noisy tracks of a flat course (about 0), and noisy hills of a known height.
"""

from __future__ import annotations

import io
import math
import random
import struct
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import fitdecode
import pytest
from activity_files import Track, fit_bytes, gpx_text, tcx_text, watch_fit
from fitdecode.utils import compute_crc
from hypothesis import given, settings
from hypothesis import strategies as st

from shoeadvisor.activities import parse_activity
from shoeadvisor.activities.elevation import climb_and_descent

FIXTURES = Path(__file__).parent / "fixtures"
HOUR_AT_1S = 3601


def raw_climb(altitudes: list[float]) -> float:
    """Every rise summed, unsmoothed: what the parsers counted before."""
    return sum(max(b - a, 0.0) for a, b in pairwise(altitudes))


def noisy(
    seed: int, sigma: float, terrain: float = 0.0, period_s: float = 600.0, step: int = 1
) -> Callable[[int], float]:
    """Altitude of point i: a terrain of sine hills (`terrain` metres either side of 300)
    plus independent noise of deviation sigma, as a GPS altitude jitters."""
    rng = random.Random(seed)

    def altitude(i: int) -> float:
        hill = terrain * math.sin(2 * math.pi * i * step / period_s)
        return 300 + hill + (rng.gauss(0, sigma) if sigma else 0.0)

    return altitude


def hour(altitude: Callable[[int], float], step: int = 1) -> Track:
    return Track(points=3600 // step + 1, step_s=step, speed_mps=2.8, altitude=altitude)


# -- real files: the watch's own total against its own records --------------------------


def _without_session_climb(data: bytes) -> bytes:
    """The same file with its sessions' total_ascent and total_descent made invalid
    (0xFFFF, "no value" in FIT), so the parser must count the climb from the records."""
    out = bytearray(data)
    with fitdecode.FitReader(io.BytesIO(data), keep_raw_chunks=True) as reader:
        for frame in reader:
            if not isinstance(frame, fitdecode.FitDataMessage) or frame.name != "session":
                continue
            offset = frame.chunk.offset + 1
            for field_def in frame.def_mesg.field_defs:
                if field_def.def_num in (22, 23):  # total_ascent, total_descent: uint16
                    assert field_def.size == 2
                    out[offset : offset + 2] = b"\xff\xff"
                offset += field_def.size
    out[-2:] = struct.pack("<H", compute_crc(out[:-2]))
    return bytes(out)


@pytest.mark.parametrize(
    "name", ["fitdecode-2013-02-06-12-11-14.fit", "fitdecode-activity-small-fenix2-run.fit"]
)
def test_the_climb_of_a_watchs_records_comes_near_its_own_total(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    own = parse_activity(data)
    assert own.ascent_m is not None and own.descent_m is not None  # 168/160 and 64/61
    counted = parse_activity(_without_session_climb(data))
    assert counted.distance_m == own.distance_m
    assert counted.ascent_m == pytest.approx(own.ascent_m, rel=0.15)
    assert counted.descent_m == pytest.approx(own.descent_m, rel=0.15)


def test_the_fenix_2s_records_summed_raw_read_four_times_high() -> None:
    """Its records (a barometer in 0.2 m steps, and an 87 m glitch at the start) summed
    rise by rise climb 257 m where the watch showed 64 m; counted here, 61 m."""
    data = (FIXTURES / "fitdecode-activity-small-fenix2-run.fit").read_bytes()
    altitudes = []
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                value = frame.get_value("altitude", fallback=None)
                if value is not None:
                    altitudes.append(value)
    assert raw_climb(altitudes) > 3 * 64
    assert parse_activity(_without_session_climb(data)).ascent_m == pytest.approx(64, rel=0.1)


def test_a_fit_without_a_session_climb_counts_its_records() -> None:
    track = hour(noisy(1, 0.0, terrain=12.0))
    counted = parse_activity(fit_bytes(track, ascent_m=None))
    expected = raw_climb([s[3] for s in track.samples()])  # a clean signal: the truth
    # Up to a metre (the threshold) of each of the six tops and bottoms is not counted.
    assert expected - 13 < (counted.ascent_m or 0) <= expected
    assert expected - 13 < (counted.descent_m or 0) <= expected
    watch = parse_activity(watch_fit(track, ascent=False))
    assert expected - 13 < (watch.ascent_m or 0) <= expected


def test_a_fit_without_altitudes_has_no_climb_rather_than_zero() -> None:
    data = watch_fit(Track(points=200), ascent=False, altitude=False)
    assert parse_activity(data).ascent_m is None


# -- generated tracks of a known climb ----------------------------------------------------

FORMATS = {
    "tcx": lambda track: tcx_text(track, laps=3).encode(),
    "gpx": lambda track: gpx_text(track).encode(),
    "fit": lambda track: watch_fit(track, ascent=False),  # no session total: the records
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize(("sigma", "step"), [(1.0, 1), (2.5, 1), (1.5, 5), (4.0, 2)])
def test_a_noisy_flat_course_climbs_about_nothing(kind: str, sigma: float, step: int) -> None:
    track = hour(noisy(7, sigma, step=step), step=step)
    activity = parse_activity(FORMATS[kind](track))
    noise = raw_climb([s[3] for s in track.samples()])
    assert noise > 100 * sigma / step  # what summing every rise used to report
    assert activity.ascent_m is not None and activity.ascent_m < 3.0
    assert activity.descent_m is not None and activity.descent_m < 3.0


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize(
    ("sigma", "step", "lost"), [(0.0, 1, 0.06), (1.5, 1, 0.1), (0.0, 5, 0.06), (1.5, 5, 0.2)]
)
def test_noisy_hills_keep_their_height(kind: str, sigma: float, step: int, lost: float) -> None:
    """Six hills of 30 m in an hour: 180 m up and 180 m down, less a threshold at each
    top and bottom, which grows with the noise (about 5 m for 1.5 m of noise at 5 s)."""
    track = hour(noisy(3, sigma, terrain=15.0, step=step), step=step)
    activity = parse_activity(FORMATS[kind](track))
    for counted in (activity.ascent_m, activity.descent_m):
        assert counted is not None and 180 * (1 - lost) <= counted <= 181


def test_a_glitch_of_the_altimeter_is_not_a_climb() -> None:
    spike = {600: 380.0, 601: 385.0, 602: 381.0}
    climb = climb_and_descent((float(i), spike.get(i, 300.0)) for i in range(HOUR_AT_1S))
    assert climb == (0.0, 0.0)


def test_a_clean_barometer_keeps_its_small_hills() -> None:
    """A barometric record in 0.2 m steps: twelve 4 m rises in an hour (48 m) keep at
    least 2.8 m each (the 1 m threshold at most is lost at each top and bottom)."""
    points = [
        (float(i), round((300 + 2 * math.sin(2 * math.pi * i / 300)) * 5) / 5)
        for i in range(HOUR_AT_1S)
    ]
    up, down = climb_and_descent(points) or (0.0, 0.0)
    assert 12 * 2.8 <= up <= 48 and 12 * 2.8 <= down <= 48


def test_no_altitudes_means_no_climb() -> None:
    assert climb_and_descent([]) is None
    assert climb_and_descent([(0.0, math.nan)]) is None
    assert climb_and_descent([(0.0, 300.0)]) == (0.0, 0.0)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
        ),
        max_size=80,
    )
)
def test_any_points_give_a_finite_climb_or_none(points: list[tuple[float, float]]) -> None:
    climb = climb_and_descent(points)
    if climb is not None:
        assert all(math.isfinite(v) and 0 <= v <= 2 * 11000 * len(points) for v in climb)


def test_two_levels_of_equal_weight_are_both_kept() -> None:
    """Found by the property above: each point of 0, 0, 21, 21 is 10.5 m from their
    median, so all four were once glitches and nothing was left (an IndexError)."""
    same_moment = [(0.0, 0.0), (0.0, 0.0), (0.0, 21.0), (0.0, 21.0)]
    assert climb_and_descent(same_moment) == (0.0, 0.0)  # one moment, averaged: 10.5 m
    step = [(20.0 * i, 0.0 if i < 10 else 21.0) for i in range(20)]  # a level, then another
    assert climb_and_descent(step) == (21.0, 0.0)
