"""Reading recorded activities (FIT, GPX, TCX, gzip, Strava and Garmin exports).

Pure Python: no Qt, no storage. `parse_activity(data, name)` turns one file's bytes
into an `Activity`; `find_sources(paths)` expands files, folders and export archives
into `ActivitySource`s that `read_source()` can read in any process.
"""

from .model import RUNNING_SPORTS, Activity, ActivityFileError, normalise_sport
from .parse import parse_activity
from .sources import ActivitySource, SourceScan, StravaActivity, find_sources, read_source

__all__ = [
    "RUNNING_SPORTS",
    "Activity",
    "ActivityFileError",
    "ActivitySource",
    "SourceScan",
    "StravaActivity",
    "find_sources",
    "normalise_sport",
    "parse_activity",
    "read_source",
]
