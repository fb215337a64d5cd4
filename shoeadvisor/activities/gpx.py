"""GPX tracks, read with gpxpy (Apache-2.0; the standard GPX library for Python)."""

from __future__ import annotations

from datetime import UTC, datetime

import gpxpy
import gpxpy.gpx

from .model import Activity, ActivityFileError, normalise_sport


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def parse_gpx(data: bytes) -> Activity:
    """A GPX file's tracks as one activity; distance and climb computed by gpxpy."""
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
    try:
        bounds = gpx.get_time_bounds()
        if bounds.start_time is None or bounds.end_time is None:
            raise ActivityFileError("a GPX track without times (a route, not a recording)")
        distance = sum(track.length_2d() for track in tracks)
        moving = gpx.get_moving_data()
        climb = gpx.get_uphill_downhill()
        has_elevation = any(
            p.elevation is not None for t in tracks for s in t.segments for p in s.points[:50]
        )
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
        float(climb.uphill) if has_elevation else None,
        float(climb.downhill) if has_elevation else None,
        sport,
        None,
        tracks[0].name or gpx.name,
    )
