"""Garmin TCX files, read with the standard library's XML parser.

The format is small (activities of laps of track points) and the stdlib parser
streams it; the TCX libraries on PyPI add lxml or read whole files for no gain here.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from .elevation import climb_of_segments
from .model import Activity, ActivityFileError, normalise_sport


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return None
    return value if value is not None and value == value and abs(value) != float("inf") else None


def parse_tcx(data: bytes) -> Activity:
    """The first activity of a TCX file: its laps' totals and the climb of its track points
    (smoothed, each <Track> on its own: a watch starts a new one after a pause)."""
    sport: str | None = None
    start: datetime | None = None
    distance = 0.0
    timer = 0.0
    laps = 0
    tracks: list[list[tuple[float, float]]] = []  # (seconds, altitude) of each <Track>
    first_point: datetime | None = None
    last_point: datetime | None = None
    name: str | None = None
    depth_activity = 0
    try:
        for event, element in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "Activity":
                    depth_activity += 1
                    if depth_activity == 1 and sport is None:
                        sport = normalise_sport(element.get("Sport"))
                elif tag == "Lap" and depth_activity == 1 and start is None:
                    start = _time(element.get("StartTime"))
                elif tag == "Track" and depth_activity == 1:
                    tracks.append([])
                continue
            if depth_activity != 1 and tag != "Activity":
                element.clear()
                continue
            if tag == "Activity":
                depth_activity += 1  # past the first activity nothing is read
            elif tag == "Lap":
                laps += 1
                for child in element:
                    key = _local(child.tag)
                    if key == "DistanceMeters":
                        distance += _float(child.text) or 0.0
                    elif key == "TotalTimeSeconds":
                        timer += _float(child.text) or 0.0
                element.clear()
            elif tag == "Trackpoint":
                when = altitude = None
                for child in element:
                    key = _local(child.tag)
                    if key == "Time":
                        when = _time(child.text)
                        if when is not None:
                            first_point = first_point or when
                            last_point = when
                    elif key == "AltitudeMeters":
                        altitude = _float(child.text)
                if altitude is not None and tracks:
                    # A point without a time is put a second after the one before it.
                    points = tracks[-1]
                    seconds = when.timestamp() if when else (points[-1][0] + 1 if points else 0.0)
                    points.append((seconds, altitude))
                element.clear()
            elif tag == "Notes" and name is None and element.text:
                name = element.text.strip()[:200] or None
    except ET.ParseError as exc:
        raise ActivityFileError(f"not a readable TCX file (XML error: {exc})") from None
    if laps == 0:
        raise ActivityFileError("a TCX file with no activity laps")
    start = start or first_point
    if start is None:
        raise ActivityFileError("a TCX file with no start time")
    elapsed = (last_point - first_point).total_seconds() if first_point and last_point else None
    climb = climb_of_segments(tracks)
    return Activity(
        "tcx",
        start,
        distance,
        timer or elapsed,
        elapsed or timer or None,
        climb[0] if climb else None,
        climb[1] if climb else None,
        sport,
        None,
        name,
    )
