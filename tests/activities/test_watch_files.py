"""Real watch files: compressed timestamps, no lap start time, clocks never set, and every
sample file of the parsers' own test suites imported with the right distance or refused
with a true reason."""

from __future__ import annotations

import io
import math
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fitdecode
import gpxpy
import pytest
from activity_files import Track, tcx_text, watch_fit

from shoeadvisor.activities import ActivityFileError, ActivitySource, parse_activity
from shoeadvisor.activities.batch import parse_source
from shoeadvisor.activities.fit import without_records

FIXTURES = Path(__file__).parent / "fixtures"


def totals(data: bytes) -> dict[str, float]:
    """What the FIT file says of itself (decoded by fitdecode): its session and lap
    distances, summed, for the running sessions when it has any."""
    out = {"session": 0.0, "lap": 0.0}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name in out:
                out[frame.name] += frame.get_value("total_distance", fallback=None) or 0.0
    return out


def within_one_percent(ours: float, theirs: float) -> bool:
    return math.isclose(ours, theirs, rel_tol=0.01)


@pytest.fixture
def two_hours_ahead(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock two hours ahead of UTC (a POSIX TZ, no zone database needed)."""
    monkeypatch.setenv("TZ", "XXX-2")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- fitdecode's compressed-speed-distance.fit (a Garmin Forerunner 70) --------------


def test_a_forerunner_70_run_imports_with_its_own_distance(two_hours_ahead: None) -> None:
    """Its records have compressed timestamp headers and every time in it counts from the
    watch's power-on; only the activity message's local time gives the date."""
    data = (FIXTURES / "fitdecode-compressed-speed-distance.fit").read_bytes()
    own = totals(data)
    activity = parse_activity(data)
    assert activity.is_run and activity.sport == "running"
    assert within_one_percent(activity.distance_m, own["session"])  # 10,248.67 m
    assert within_one_percent(activity.distance_m, own["lap"])  # 11 laps, 10,247.42 m
    assert activity.duration_s == pytest.approx(3772.75)
    assert activity.elapsed_s == pytest.approx(3883.273)
    # The watch ended at 12:21:03 local time, 3,887 s after the session's start.
    assert activity.start == datetime(2012, 2, 13, 9, 16, 16, tzinfo=UTC)
    assert activity.ascent_m is None  # a foot pod, no altimeter: no climb rather than 0


def test_the_same_watch_without_a_distance_says_so() -> None:
    """antfs-dump.63.fit: the same Forerunner 70, heart rate only: no distance to log."""
    with pytest.raises(ActivityFileError, match="no distance"):
        parse_activity((FIXTURES / "fitdecode-antfs-dump.63.fit").read_bytes())


# -- the same layouts, written here ------------------------------------------------------


TRACK = Track(points=721, step_s=5, speed_mps=3.1)


def test_no_lap_or_session_start_time_starts_at_the_first_timestamp() -> None:
    data = watch_fit(TRACK, start_times=False)
    activity = parse_activity(data)
    own = totals(data)
    assert activity.start == TRACK.start
    assert within_one_percent(activity.distance_m, own["session"])
    assert within_one_percent(activity.distance_m, own["lap"])
    assert within_one_percent(activity.distance_m, TRACK.distance_m)
    assert activity.elapsed_s == TRACK.duration_s


def test_compressed_timestamps_on_the_laps_and_session_are_read_from_the_records() -> None:
    """A compressed header holds five bits of time, an offset from the last full
    timestamp, which here is a record's: read without the records it would be wrong."""
    data = watch_fit(TRACK, start_times=False, summaries_compressed=True)
    assert without_records(data) is None  # the fast path leaves it to the whole decode
    activity = parse_activity(data)
    assert activity.start == TRACK.start
    assert activity.elapsed_s == TRACK.duration_s
    assert within_one_percent(activity.distance_m, totals(data)["session"])


def test_compressed_record_headers_keep_the_fast_path_and_its_answer() -> None:
    data = watch_fit(TRACK)
    reduced = without_records(data)
    assert reduced is not None and len(reduced.data) < len(data) // 5
    activity = parse_activity(data)
    assert activity.start == TRACK.start
    assert activity.ascent_m == 77 and activity.descent_m == 66  # the session's own


def test_a_clock_never_set_is_dated_by_its_timestamp_correlation() -> None:
    data = watch_fit(TRACK, system_time=17_217_864, anchor="correlation")
    activity = parse_activity(data)
    assert activity.start == TRACK.start
    assert within_one_percent(activity.distance_m, TRACK.distance_m)


def test_a_clock_never_set_is_dated_by_its_local_time_in_this_computers_zone(
    two_hours_ahead: None,
) -> None:
    data = watch_fit(TRACK, system_time=17_217_864, anchor="activity", local_offset_s=7200)
    assert parse_activity(data).start == TRACK.start
    other = watch_fit(TRACK, system_time=17_217_864, anchor="activity", local_offset_s=3600)
    assert parse_activity(other).start == TRACK.start - timedelta(hours=1)


def test_a_clock_never_set_and_nothing_to_date_it_is_refused_saying_so() -> None:
    data = watch_fit(TRACK, system_time=17_217_864, anchor=None)
    with pytest.raises(ActivityFileError, match="clock was not set"):
        parse_activity(data)


# -- every sample file we keep, from fitdecode and gpxpy ------------------------------

RUN, SKIPPED, BROKEN = "parsed", "skipped", "broken"

#: file -> (what the import does, words of its reason)
SAMPLES: dict[str, tuple[str, str]] = {
    "fitdecode-2013-02-06-12-11-14.fit": (RUN, ""),
    "fitdecode-2015-10-13-08-43-15.fit": (SKIPPED, "cycling"),
    "fitdecode-20170518-191602-1740899583.fit": (SKIPPED, "indoor_rowing"),
    "fitdecode-Activity.fit": (RUN, ""),  # the FIT SDK's example: a 5.7 m run
    "fitdecode-DeveloperData.fit": (BROKEN, "no session, lap or distance records"),
    "fitdecode-MonitoringFile.fit": (BROKEN, "monitoring_b file, not a recorded activity"),
    "fitdecode-Settings.fit": (BROKEN, "settings file, not a recorded activity"),
    "fitdecode-WeightScaleSingleUser.fit": (BROKEN, "weight file, not a recorded activity"),
    "fitdecode-WorkoutIndividualSteps.fit": (BROKEN, "workout file, not a recorded activity"),
    "fitdecode-activity-activity-filecrc.fit": (BROKEN, "checksum does not match"),
    "fitdecode-activity-filecrc.fit": (BROKEN, "checksum does not match"),
    "fitdecode-activity-settings-corruptheader.fit": (BROKEN, "bytes after its end"),
    "fitdecode-activity-settings-nodata.fit": (BROKEN, "ends too early"),
    "fitdecode-activity-settings.fit": (RUN, ""),  # an activity chained with settings
    "fitdecode-activity-small-fenix2-run.fit": (RUN, ""),
    "fitdecode-activity-unexpected-eof.fit": (BROKEN, "ends too early"),
    "fitdecode-antfs-dump.63.fit": (BROKEN, "no distance"),
    "fitdecode-compressed-speed-distance.fit": (RUN, ""),
    "fitdecode-garmin-edge-820-bike.fit": (SKIPPED, "commuting"),
    "fitdecode-garmin-fenix-5-bike.fit": (SKIPPED, "cycling"),
    "fitdecode-garmin-fenix-5-run.fit": (RUN, ""),
    "fitdecode-garmin-fenix-5-walk.fit": (SKIPPED, "walking"),
    "fitdecode-null_compressed_speed_dist.fit": (SKIPPED, "virtual_activity"),
    "gpxpy-Mojstrovka.gpx": (BROKEN, "impossible start time (1901-12-13)"),
    "gpxpy-around-visnjan-with-car.gpx": (SKIPPED, "too fast for a run: 32 km/h"),
    "gpxpy-cerknicko-jezero.gpx": (RUN, ""),
    "gpxpy-cerknicko-without-times.gpx": (BROKEN, "times on only 5 of its 296 points"),
    "gpxpy-first_and_last_elevation.gpx": (SKIPPED, "too fast for a run: 98 km/h"),
    "gpxpy-gpx-with-node-with-comments.gpx": (BROKEN, "a single point"),
    "gpxpy-route.gpx": (BROKEN, "no track points (a route"),
    "gpxpy-track-with-extremes.gpx": (BROKEN, "without times"),
    "gpxpy-track-with-less-sec-time.gpx": (RUN, ""),  # 1.6 m in a second, but a run
}


def test_every_sample_file_kept_is_listed() -> None:
    kept = {p.name for p in FIXTURES.iterdir() if p.suffix in (".fit", ".gpx")}
    assert kept == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_sample_file_imports_with_its_own_distance_or_says_why_not(name: str) -> None:
    outcome, words = SAMPLES[name]
    result = parse_source(ActivitySource(name, str(FIXTURES / name)))
    assert result.status == outcome, result.reason
    assert words in (result.reason or "")
    if outcome != RUN:
        return
    assert result.activity is not None
    data = (FIXTURES / name).read_bytes()
    if name.endswith(".fit"):
        own = totals(data)
        assert within_one_percent(result.activity.distance_m, own["session"])
        assert within_one_percent(result.activity.distance_m, own["lap"])
    else:
        length = gpxpy.parse(data.decode("utf-8-sig")).length_2d()
        assert within_one_percent(result.activity.distance_m, length)
    recorded = result.activity.start
    assert datetime(2009, 1, 1, tzinfo=UTC) < recorded < datetime(2021, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sport", "reason"), [(None, "too fast for a run: 36 km/h"), ("Biking", "biking")]
)
def test_a_fast_recording_is_skipped_for_its_sport_first_then_its_speed(
    tmp_path: Path, sport: str | None, reason: str
) -> None:
    fast = Track(points=400, step_s=5, speed_mps=10.0)  # 20 km in 33 minutes
    path = tmp_path / "fast.tcx"
    path.write_text(tcx_text(fast, sport=sport or ""))
    result = parse_source(ActivitySource(path.name, str(path)))
    assert result.status == SKIPPED
    assert reason in (result.reason or "")
    steady = tmp_path / "steady.tcx"
    steady.write_text(tcx_text(Track(points=400, step_s=5, speed_mps=5.5)))  # 19.8 km/h
    assert parse_source(ActivitySource(steady.name, str(steady))).status == RUN
