"""GPX tracks, read with gpxpy (Apache-2.0; the standard GPX library for Python)."""

from __future__ import annotations

from datetime import UTC, datetime

import gpxpy
import gpxpy.gpx

from .elevation import climb_of_segments
from .model import Activity, ActivityFileError, normalise_sport


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _segments(tracks: list[gpxpy.gpx.GPXTrack]) -> list[list[tuple[float, float]]]:
    """(seconds, elevation) of each track segment's points that have an elevation; a
    point without a time is put a second after the one before it."""
    segments = []
    for track in tracks:
        for segment in track.segments:
            points: list[tuple[float, float]] = []
            last = 0.0
            for point in segment.points:
                last = _utc(point.time).timestamp() if point.time else last + 1.0
                if point.elevation is not None:
                    points.append((last, float(point.elevation)))
            segments.append(points)
    return segments


def parse_gpx(data: bytes) -> Activity:
    """A GPX file's tracks as one activity: distance by gpxpy, climb smoothed (elevation)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # the XML declaration may name another encoding
    try:
        gpx = gpxpy.parse(text)
    except Exception as exc:  # gpxpy raises GPXException or the XML parser's errors
        raise ActivityFileError(f"not a readable GPX file ({exc})") from None
    tracks = [t for t in gpx.tracks if t.get_points_no()]
    if not tracks:
        raise ActivityFileError("a GPX file with no track points (a route, not a recording)")
    points = sum(track.get_points_no() for track in tracks)
    if points < 2:
        raise ActivityFileError("a GPX track of a single point (nothing was recorded)")
    try:
        timed = sum(1 for t in tracks for s in t.segments for p in s.points if p.time)
        if timed == 0:
            raise ActivityFileError("a GPX track without times (a route, not a recording)")
        if timed < points / 2:
            raise ActivityFileError(
                f"a GPX track with times on only {timed} of its {points} points "
                "(a route, not a recording)"
            )
        bounds = gpx.get_time_bounds()
        if bounds.start_time is None or bounds.end_time is None:
            raise ActivityFileError("a GPX track without times (a route, not a recording)")
        distance = sum(track.length_2d() for track in tracks)
        moving = gpx.get_moving_data()
        climb = climb_of_segments(_segments(tracks))
    except ActivityFileError:
        raise
    except Exception as exc:
        raise ActivityFileError(f"a damaged GPX track ({type(exc).__name__}: {exc})") from None
    sport = normalise_sport(tracks[0].type)
    elapsed = (bounds.end_time - bounds.start_time).total_seconds()
    return Activity(
        "gpx",
        _utc(bounds.start_time),
        float(distance),
        float(moving.moving_time) if moving and moving.moving_time else elapsed,
        elapsed,
        climb[0] if climb else None,
        climb[1] if climb else None,
        sport,
        None,
        tracks[0].name or gpx.name,
    )
