"""Parsing one source at a time, in this process or in a worker process.

`parse_source()` is what a process pool runs: it reads, hashes and parses one file
and returns a small picklable `SourceResult`. Files whose content hash is already
known (set once per worker by `set_known_hashes`) are not parsed again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Literal

from .model import Activity, ActivityFileError, is_running
from .parse import parse_activity, sniff_format
from .reading import MAX_ACTIVITY_BYTES, gunzip_bounded
from .sources import ActivitySource, read_source

Status = Literal["parsed", "skipped", "broken", "known"]

_known_hashes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class SourceResult:
    """What came of one file: a run (parsed), not a run (skipped), broken, or seen before."""

    source: ActivitySource
    status: Status
    activity: Activity | None = None
    sha256: str | None = None
    reason: str | None = None


def set_known_hashes(hashes: frozenset[str]) -> None:
    """Content hashes already in the run log (a pool initializer)."""
    global _known_hashes
    _known_hashes = hashes


def content_hash(data: bytes) -> str:
    """sha256 of an activity's uncompressed bytes, so x.fit and x.fit.gz are one file."""
    if sniff_format(data) == "gzip":
        data = gunzip_bounded(data, MAX_ACTIVITY_BYTES)
    return hashlib.sha256(data).hexdigest()


def _sport_text(activity: Activity) -> str:
    """Why an activity is not a run: its sport, or its speed when its sport is a run's."""
    said_run = (activity.sport is None and activity.sub_sport is None) or is_running(
        activity.sport, activity.sub_sport
    )
    if said_run and activity.too_fast and activity.average_kmh is not None:
        return (
            f"too fast for a run: {activity.average_kmh:.0f} km/h on average (a ride or a drive?)"
        )
    return (activity.sub_sport if activity.sub_sport not in (None, "generic") else None) or (
        activity.sport or "unknown"
    )


def parse_source(source: ActivitySource) -> SourceResult:
    """Read, hash and parse one source; never raises for a bad file."""
    strava_sport = source.strava.sport if source.strava else None
    if strava_sport is not None and not is_running(strava_sport):
        return SourceResult(source, "skipped", reason=f"{source.strava.type} (activities.csv)")  # type: ignore[union-attr]
    try:
        data = read_source(source)
        if sniff_format(data) == "gzip":
            data = gunzip_bounded(data, MAX_ACTIVITY_BYTES)
        digest = hashlib.sha256(data).hexdigest()
        if digest in _known_hashes:
            return SourceResult(source, "known", sha256=digest)
        activity = parse_activity(data, source.name)
    except ActivityFileError as exc:
        return SourceResult(source, "broken", reason=str(exc))
    except MemoryError:
        return SourceResult(source, "broken", reason="too large to read")
    if strava_sport is not None:
        activity = dataclasses.replace(activity, sport=strava_sport, sub_sport=None)
    if source.strava and source.strava.name and not activity.name:
        activity = dataclasses.replace(activity, name=source.strava.name)
    if not activity.is_run:
        return SourceResult(source, "skipped", sha256=digest, reason=_sport_text(activity))
    return SourceResult(source, "parsed", activity, digest)
