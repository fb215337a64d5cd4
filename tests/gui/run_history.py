"""A realistic run history for the window's tests: weeks of FIT runs, one spike, odd files.

Files are real: FIT written by benchmarks/fit_writer.py (1 s records) and fit-tool,
GPX and TCX from tests/activities/activity_files.py, a truncated FIT, a ride.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "activities"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from activity_files import Track, fit_bytes, gpx_text, tcx_text  # noqa: E402

__all__ = ["Track", "gpx_text", "hour_run", "morning", "odd_files", "training_history"]
from fit_tool.profile.profile_type import Sport  # noqa: E402
from fit_writer import hour_run  # noqa: E402

#: Metres a second of the easy runs (about 5:45 /km).
EASY = 2.9
#: The easy runs' lengths in minutes, a week's pattern (about 8, 10 and 6 km).
WEEK = (46, 57, 34)
#: The last week's long run, in minutes: 18 km against a longest of about 10 km before it.
LONG_RUN_MIN = 103


def morning(now: datetime, days_ago: int) -> datetime:
    """7:00 local time, `days_ago` days before now (as an aware datetime)."""
    local = now.astimezone()
    day = (local - timedelta(days=days_ago)).replace(hour=7, minute=0, second=0, microsecond=0)
    return day


def training_history(folder: Path, now: datetime, weeks: int = 6) -> list[Path]:
    """Three easy runs a week for `weeks` weeks, then a long run two days ago (a spike)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    seed = 0
    for week in range(weeks, 0, -1):
        for slot, minutes in enumerate(WEEK):
            when = morning(now, week * 7 + 5 - slot * 2)
            path = folder / f"{when:%Y-%m-%d}-easy.fit"
            path.write_bytes(hour_run(when, minutes * 60, EASY, seed=seed))
            written.append(path)
            seed += 1
    when = morning(now, 2)
    path = folder / f"{when:%Y-%m-%d}-long.fit"
    path.write_bytes(hour_run(when, LONG_RUN_MIN * 60, EASY, seed=seed))
    written.append(path)
    return written


def odd_files(folder: Path, now: datetime) -> dict[str, Path]:
    """A GPX and a TCX run, a ride (not a run) and a truncated FIT (broken)."""
    folder.mkdir(parents=True, exist_ok=True)
    gpx = folder / "evening.gpx"
    gpx.write_text(gpx_text(Track(start=morning(now, 4) + timedelta(hours=11), points=400)))
    tcx = folder / "track.tcx"
    tcx.write_text(tcx_text(Track(start=morning(now, 6) + timedelta(hours=10), points=300)))
    ride = folder / "ride.fit"
    ride.write_bytes(fit_bytes(Track(start=morning(now, 3)), sport=Sport.CYCLING))
    whole = fit_bytes(Track(start=morning(now, 1)))
    broken = folder / "broken.fit"
    broken.write_bytes(whole[: len(whole) // 3])
    return {"gpx": gpx, "tcx": tcx, "ride": ride, "broken": broken}
