"""What ShoeAdvisor keeps of a recorded activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

FileFormat = Literal["fit", "gpx", "tcx"]
#: The runner's surfaces (contract §1) that a file's sport can tell us.
SurfaceHint = Literal["asphalt", "track", "trail", "treadmill"]

#: Sport names (lower case, spaces and dashes as underscores) that count as a run,
#: and the surface each one implies when it implies one.
RUNNING_SPORTS: dict[str, SurfaceHint | None] = {
    "running": None,
    "run": None,
    "road_running": "asphalt",
    "street": "asphalt",
    "trail_running": "trail",
    "trail_run": "trail",
    "trail": "trail",
    "mountain": "trail",
    "ultra": None,
    "track_running": "track",
    "track": "track",
    "indoor_running": "treadmill",
    "treadmill_running": "treadmill",
    "treadmill": "treadmill",
    "virtual_run": "treadmill",
    "virtual_running": "treadmill",
    "virtualrun": "treadmill",
    "trailrun": "trail",
    # Strava's GPX exports write the activity type as a number: 9 is a run.
    "9": None,
}


#: No one runs a kilometre or more faster than this on average (the 1,000 m world record
#: is about 27 km/h): a recording this fast is a ride or a drive, whatever it says.
MAX_RUN_KMH = 30.0
#: The speed is judged on recordings of at least this distance (GPS noise on a few
#: metres can make any speed).
SPEED_CHECK_FROM_M = 1000.0


class ActivityFileError(Exception):
    """A file that cannot be read as an activity; the message says why in plain words."""


def normalise_sport(text: str | None) -> str | None:
    """'Trail Run' -> 'trail_run'; None or blank -> None."""
    if text is None:
        return None
    cleaned = "_".join(str(text).strip().lower().replace("-", " ").split())
    return cleaned or None


def is_running(sport: str | None, sub_sport: str | None = None) -> bool:
    """True for any kind of run (road, trail, track, treadmill, virtual)."""
    return sport in RUNNING_SPORTS or (sport is None and sub_sport in RUNNING_SPORTS)


def surface_hint(sport: str | None, sub_sport: str | None = None) -> SurfaceHint | None:
    """The surface a file's sport and sub-sport name, when they name one."""
    for name in (sub_sport, sport):
        if name is not None and RUNNING_SPORTS.get(name) is not None:
            return RUNNING_SPORTS[name]
    return None


@dataclass(frozen=True, slots=True)
class Activity:
    """One recorded activity, reduced to what the run log needs.

    `distance_m` is the file's own total where it has one (FIT session, TCX laps),
    else computed from the track (GPX). `sport` is None when the file does not say.
    """

    format: FileFormat
    start: datetime  # timezone-aware, UTC
    distance_m: float
    duration_s: float | None  # time moving / on the timer
    elapsed_s: float | None  # first to last sample, pauses included
    ascent_m: float | None
    descent_m: float | None
    sport: str | None
    sub_sport: str | None = None
    name: str | None = None

    @property
    def average_kmh(self) -> float | None:
        """Distance over time moving (else elapsed), in km/h; None without a time."""
        seconds = self.duration_s or self.elapsed_s
        return self.distance_m / seconds * 3.6 if seconds else None

    @property
    def too_fast(self) -> bool:
        """Faster than anyone runs (MAX_RUN_KMH) over a kilometre or more."""
        kmh = self.average_kmh
        return kmh is not None and self.distance_m >= SPEED_CHECK_FROM_M and kmh > MAX_RUN_KMH

    @property
    def is_run(self) -> bool:
        """A run, or a file that does not say what it is (the runner chose to import it),
        at a speed a runner can go."""
        said = (self.sport is None and self.sub_sport is None) or is_running(
            self.sport, self.sub_sport
        )
        return said and not self.too_fast

    @property
    def surface(self) -> SurfaceHint | None:
        return surface_hint(self.sport, self.sub_sport)

    @property
    def distance_km(self) -> float:
        return self.distance_m / 1000.0
