"""FIT, GPX and TCX parsing on files written by an encoder, generated, damaged, and real."""

from __future__ import annotations

import gzip
import io
import itertools
import math
from pathlib import Path

import fitdecode
import gpxpy
import pytest
from activity_files import Track, fit_bytes, gpx_text, tcx_text
from fit_tool.profile.profile_type import Sport, SubSport

from shoeadvisor.activities import ActivityFileError, parse_activity
from shoeadvisor.activities.fit import _activity, _decode, _NeedsRecords, without_records
from shoeadvisor.activities.reading import gunzip_bounded

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def session_distance(data: bytes) -> float:
    """What the FIT file itself says: the sum of its session total_distance values."""
    total = 0.0
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                total += frame.get_value("total_distance")
    return total


def within_one_percent(ours: float, theirs: float) -> bool:
    return math.isclose(ours, theirs, rel_tol=0.01)


# -- FIT ------------------------------------------------------------------


def test_fit_from_encoder_matches_its_session_summary() -> None:
    track = Track(points=721, step_s=5, speed_mps=3.2)
    data = fit_bytes(track, ascent_m=55)
    activity = parse_activity(data)
    assert activity.format == "fit"
    assert within_one_percent(activity.distance_m, session_distance(data))
    assert within_one_percent(activity.distance_m, track.distance_m)
    assert activity.start == track.start
    assert activity.duration_s == pytest.approx(track.duration_s)
    assert activity.ascent_m == 55
    assert activity.is_run


def test_fit_session_total_wins_over_the_records() -> None:
    # A watch's session total is what it shows the runner; the records may drift.
    data = fit_bytes(Track(), session_distance_m=8000.0)
    assert parse_activity(data).distance_m == pytest.approx(8000.0)


def test_fit_without_session_uses_the_last_record_distance() -> None:
    track = Track(points=200)
    activity = parse_activity(fit_bytes(track, session=False))
    assert within_one_percent(activity.distance_m, track.distance_m)
    assert activity.sport is None  # unknown: imported as a run the runner chose


@pytest.mark.parametrize(
    ("sport", "sub_sport", "is_run", "surface"),
    [
        (Sport.RUNNING, SubSport.TRAIL, True, "trail"),
        (Sport.RUNNING, SubSport.TREADMILL, True, "treadmill"),
        (Sport.RUNNING, SubSport.TRACK, True, "track"),
        (Sport.RUNNING, SubSport.STREET, True, "asphalt"),
        (Sport.CYCLING, SubSport.GENERIC, False, None),
        (Sport.WALKING, SubSport.GENERIC, False, None),
    ],
)
def test_fit_sport_decides_run_and_surface(
    sport: Sport, sub_sport: SubSport, is_run: bool, surface: str | None
) -> None:
    activity = parse_activity(fit_bytes(Track(points=50), sport=sport, sub_sport=sub_sport))
    assert activity.is_run is is_run
    assert activity.surface == surface


def test_truncated_fit_is_broken() -> None:
    data = fit_bytes(Track(points=100))
    with pytest.raises(ActivityFileError, match="truncated"):
        parse_activity(data[: len(data) // 2])


def test_fit_with_a_flipped_byte_is_broken() -> None:
    data = bytearray(fit_bytes(Track(points=100)))
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ActivityFileError, match="damaged"):
        parse_activity(bytes(data))


def test_gzipped_fit_reads_like_the_fit() -> None:
    data = fit_bytes(Track(points=100))
    assert parse_activity(gzip.compress(data)) == parse_activity(data)


def test_truncated_gzip_is_broken() -> None:
    packed = gzip.compress(fit_bytes(Track(points=100)))
    with pytest.raises(ActivityFileError, match="truncated"):
        parse_activity(packed[:-20])


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    with pytest.raises(ActivityFileError, match="too large when uncompressed"):
        gunzip_bounded(bomb, 1_000_000)


# -- the parsers' own sample files -------------------------------------------


@pytest.mark.parametrize(
    "name", ["fitdecode-garmin-fenix-5-run.fit", "fitdecode-activity-small-fenix2-run.fit"]
)
def test_real_watch_runs_match_their_own_summary(name: str) -> None:
    data = fixture(name)
    activity = parse_activity(data)
    assert activity.is_run
    assert activity.sport == "running"
    assert within_one_percent(activity.distance_m, session_distance(data))
    assert activity.start.year >= 2015


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("fitdecode-garmin-fenix-5-bike.fit", "cycling"),
        ("fitdecode-garmin-fenix-5-walk.fit", "walking"),
    ],
)
def test_real_rides_and_walks_are_not_runs(name: str, sport: str) -> None:
    activity = parse_activity(fixture(name))
    assert activity.sport == sport
    assert not activity.is_run


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("fitdecode-activity-unexpected-eof.fit", "truncated"),
        ("fitdecode-activity-filecrc.fit", "checksum"),
        ("fitdecode-Settings.fit", "not a recorded activity"),
        ("gpxpy-route.gpx", "route"),
    ],
)
def test_real_broken_or_other_files_say_why(name: str, why: str) -> None:
    with pytest.raises(ActivityFileError, match=why):
        parse_activity(fixture(name))


def test_real_gpx_track_matches_gpxpy_length() -> None:
    data = fixture("gpxpy-cerknicko-jezero.gpx")
    activity = parse_activity(data)
    gpx = gpxpy.parse(data.decode())
    assert within_one_percent(activity.distance_m, gpx.length_2d())
    assert activity.ascent_m is not None and activity.ascent_m > 0


# -- GPX ------------------------------------------------------------------


def haversine_total(track: Track) -> float:
    total = 0.0
    samples = track.samples()
    for (_, lat1, lon1, *_), (_, lat2, lon2, *_) in itertools.pairwise(samples):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * 6_371_000 * math.asin(math.sqrt(a))
    return total


def test_generated_gpx_distance_agrees_with_gpxpy_and_the_geometry() -> None:
    track = Track(points=900, step_s=4)
    text = gpx_text(track)
    activity = parse_activity(text.encode())
    assert within_one_percent(activity.distance_m, gpxpy.parse(text).length_2d())
    assert within_one_percent(activity.distance_m, haversine_total(track))
    assert within_one_percent(activity.distance_m, track.distance_m)
    assert activity.start == track.start
    assert activity.elapsed_s == track.duration_s
    assert activity.name == "Morning run"
    assert activity.is_run


def test_gpx_cycling_type_is_not_a_run_and_strava_number_9_is() -> None:
    assert not parse_activity(gpx_text(Track(points=30), sport="cycling").encode()).is_run
    assert parse_activity(gpx_text(Track(points=30), sport="9").encode()).is_run


def test_gpx_without_times_is_a_route_not_a_run() -> None:
    with pytest.raises(ActivityFileError, match="without times"):
        parse_activity(gpx_text(Track(points=30), times=False).encode())


def test_gpx_with_an_entity_declaration_is_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gpx version="1.1">&b;</gpx>'
    )
    with pytest.raises(ActivityFileError, match="document type"):
        parse_activity(bomb.encode())


def test_truncated_gpx_is_broken() -> None:
    text = gpx_text(Track(points=100))
    with pytest.raises(ActivityFileError):
        parse_activity(text[: len(text) // 2].encode())


# -- TCX ------------------------------------------------------------------


def test_tcx_distance_is_the_sum_of_its_laps() -> None:
    track = Track(points=700)
    activity = parse_activity(tcx_text(track, laps=3).encode())
    assert activity.format == "tcx"
    assert within_one_percent(activity.distance_m, track.distance_m)
    assert activity.start == track.start
    assert activity.sport == "running"


def test_tcx_lap_totals_win_over_the_points() -> None:
    activity = parse_activity(tcx_text(Track(), laps=2, lap_distance_m=2500).encode())
    assert activity.distance_m == pytest.approx(5000)


def test_tcx_biking_is_not_a_run() -> None:
    assert not parse_activity(tcx_text(Track(points=40), sport="Biking").encode()).is_run


def test_truncated_tcx_is_broken() -> None:
    text = tcx_text(Track(points=100))
    with pytest.raises(ActivityFileError, match="XML error"):
        parse_activity(text[: len(text) // 2].encode())


@pytest.mark.parametrize(
    "data", [b"", b"hello", b"\x00" * 100, b"<html></html>", b'{"json": true}']
)
def test_other_files_are_not_activities(data: bytes) -> None:
    with pytest.raises(ActivityFileError):
        parse_activity(data)


# -- the fast path: records dropped before decoding ----------------------------


def _both_ways(data: bytes) -> tuple[object, object]:
    """What the whole file gives, and what the stream without records gives (None: it
    declined, the records are needed), each an Activity or the error's words."""
    reduced = without_records(data)
    assert reduced is not None
    assert len(reduced.data) < len(data) or b"record" not in data

    def attempt(stream: bytes, records: bool, altitude: bool) -> object:
        try:
            return _activity(_decode(stream, records=records), altitude)
        except _NeedsRecords:
            return None
        except ActivityFileError as exc:
            return str(exc)

    return attempt(data, True, True), attempt(reduced.data, False, reduced.records_have_altitude)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.fit")))
def test_dropping_records_changes_nothing_on_real_files(name: str) -> None:
    data = fixture(name)
    try:
        full, fast = _both_ways(data)
    except AssertionError:
        pytest.skip("damaged: the fast path declines it and the full decoder reports it")
    # None from the fast path: no lap or session, no start, or a climb only the records
    # give; the whole file is then decoded.
    assert fast is None or fast == full


@pytest.mark.parametrize("session", [True, False])
def test_dropping_records_changes_nothing_on_encoded_files(session: bool) -> None:
    data = fit_bytes(Track(points=300), session=session)
    full, fast = _both_ways(data)
    assert fast == (full if session else None)
    assert parse_activity(data) == full


def test_a_layout_the_fast_path_does_not_know_goes_to_fitdecode() -> None:
    data = bytearray(fit_bytes(Track(points=50)))
    data[data[0]] = 0x05  # the first message: a data message with no definition before it
    assert without_records(bytes(data)) is None
