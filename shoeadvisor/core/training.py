"""Training load from the runs a runner logged: weekly distances, single-run spikes, pain.

The spike bands (a run longer than the longest of the previous 30 days, Frandsen 2025)
and the two-week progression belong to `core/load.py` (the scoring side): this module
only measures — weekly totals, the longest run of the 30 days before each run — and asks
`load.spike_band(run_km, longest_previous_30d_km)` which band a run falls in.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import import_module
from statistics import mean
from typing import Any, Protocol

SPIKE_WINDOW = timedelta(days=30)
WEEK = timedelta(days=7)


class LoggedRun(Protocol):
    """What a run in the log offers (storage.runlog.Run has it)."""

    @property
    def id(self) -> int: ...
    @property
    def start(self) -> datetime: ...
    @property
    def distance_km(self) -> float: ...
    @property
    def shoe_id(self) -> str | None: ...
    @property
    def knee_pain(self) -> int | None: ...


def _spike_band_function() -> Callable[[float, float], Any] | None:
    """load.spike_band, once issue 10's core/load.py is in the tree."""
    try:
        module = import_module(f"{__package__}.load")
    except ImportError:
        return None
    function = getattr(module, "spike_band", None)
    return function if callable(function) else None


def _band_id(band: Any) -> str | None:
    if band is None:
        return None
    for attribute in ("id", "band", "name"):
        value = getattr(band, attribute, None)
        if isinstance(value, str):
            return value
    return str(band)


@dataclass(frozen=True, slots=True)
class SpikeMark:
    """A run longer than the longest run of the 30 days before it."""

    run_id: int
    run_km: float
    longest_previous_30d_km: float
    band: str | None  # from load.spike_band; None while that is not available
    detail: Any = None  # what load.spike_band returned (grade, sources, text)

    @property
    def increase(self) -> float:
        """0.25 = 25% longer than the previous longest."""
        return self.run_km / self.longest_previous_30d_km - 1.0

    @property
    def label(self) -> str:
        return f"+{self.increase:.0%}" + (f" ({self.band})" if self.band else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "longest_previous_30d_km": round(self.longest_previous_30d_km, 2),
            "increase_pct": round(self.increase * 100, 1),
            "band": self.band,
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class WeekTotal:
    """One calendar week (Monday first, the runner's local time)."""

    week_start: date
    km: float
    runs: int
    knee_pain: tuple[int, ...]  # pain after each run of the week where it was logged

    def to_json(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "km": round(self.km, 2),
            "runs": self.runs,
            "knee_pain_mean": round(mean(self.knee_pain), 1) if self.knee_pain else None,
            "knee_pain_max": max(self.knee_pain) if self.knee_pain else None,
        }


@dataclass(frozen=True, slots=True)
class ShoePain:
    """Knee pain logged after runs in one shoe: shown next to its kilometres, not a cause."""

    shoe_id: str | None
    runs: int
    runs_with_pain_logged: int
    mean_pain: float | None
    max_pain: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "shoe_id": self.shoe_id,
            "runs": self.runs,
            "runs_with_pain_logged": self.runs_with_pain_logged,
            "knee_pain_mean": None if self.mean_pain is None else round(self.mean_pain, 1),
            "knee_pain_max": self.max_pain,
        }


@dataclass(frozen=True, slots=True)
class TrainingLoad:
    """What the log says about a runner's recent training."""

    weekly_km: float  # the 7 days up to now
    previous_weekly_km: float  # the 7 days before those
    longest_run_30d_km: float
    weeks: tuple[WeekTotal, ...]
    marks: tuple[SpikeMark, ...]
    pain_by_shoe: tuple[ShoePain, ...]
    runs: int

    def to_json(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "weekly_km": round(self.weekly_km, 2),
            "previous_weekly_km": round(self.previous_weekly_km, 2),
            "longest_run_30d_km": round(self.longest_run_30d_km, 2),
            "weeks": [w.to_json() for w in self.weeks],
            "spikes": [{"run_id": m.run_id, **m.to_json()} for m in self.marks],
            "knee_pain_by_shoe": [p.to_json() for p in self.pain_by_shoe],
        }

    def profile_fields(self) -> dict[str, float]:
        """weekly_km, previous_weekly_km and longest_run_30d_km for a profile (rounded)."""
        return {
            "weekly_km": round(min(self.weekly_km, 400.0), 1),
            "previous_weekly_km": round(min(self.previous_weekly_km, 400.0), 1),
            "longest_run_30d_km": round(min(self.longest_run_30d_km, 200.0), 1),
        }


def longest_before(runs: Sequence[LoggedRun]) -> list[float | None]:
    """For each run (sorted by start), the longest run of the 30 days before it; None if none."""
    starts = [run.start for run in runs]
    result: list[float | None] = []
    for index, run in enumerate(runs):
        first = bisect.bisect_left(starts, run.start - SPIKE_WINDOW, 0, index)
        window = [runs[i].distance_km for i in range(first, index) if runs[i].start < run.start]
        result.append(max(window) if window else None)
    return result


def spike_marks(runs: Sequence[LoggedRun]) -> list[SpikeMark]:
    """Runs longer than every run of the 30 days before them, with their band."""
    band_of = _spike_band_function()
    marks: list[SpikeMark] = []
    for run, longest in zip(runs, longest_before(runs), strict=True):
        if longest is None or longest <= 0 or run.distance_km <= longest:
            continue
        detail = band_of(run.distance_km, longest) if band_of is not None else None
        if band_of is not None and detail is None:
            continue  # longer, but below the smallest band the study counted
        marks.append(SpikeMark(run.id, run.distance_km, longest, _band_id(detail), detail))
    return marks


def planned_run_check(
    planned_km: float, runs: Sequence[LoggedRun], now: datetime
) -> SpikeMark | None:
    """The spike a planned run would be, against the longest run of the past 30 days."""
    recent = [r.distance_km for r in runs if now - SPIKE_WINDOW <= r.start <= now]
    longest = max(recent, default=0.0)
    if longest <= 0 or planned_km <= longest:
        return None
    band_of = _spike_band_function()
    detail = band_of(planned_km, longest) if band_of is not None else None
    if band_of is not None and detail is None:
        return None
    return SpikeMark(0, planned_km, longest, _band_id(detail), detail)


def analyse_runs(runs: Sequence[LoggedRun], now: datetime) -> TrainingLoad:
    """Weekly totals, spikes and pain from a runner's runs (any order); now is aware."""
    ordered = sorted(runs, key=lambda r: (r.start, r.id))
    tz = now.tzinfo
    weeks: dict[date, list[LoggedRun]] = {}
    for run in ordered:
        day = run.start.astimezone(tz).date()
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(run)
    week_totals = tuple(
        WeekTotal(
            start,
            sum(r.distance_km for r in items),
            len(items),
            tuple(r.knee_pain for r in items if r.knee_pain is not None),
        )
        for start, items in sorted(weeks.items())
    )

    def between(older: timedelta, newer: timedelta) -> list[LoggedRun]:
        return [r for r in ordered if now - older <= r.start < now - newer]

    by_shoe: dict[str | None, list[LoggedRun]] = {}
    for run in ordered:
        by_shoe.setdefault(run.shoe_id, []).append(run)
    pain = []
    for shoe_id, items in by_shoe.items():
        logged = [r.knee_pain for r in items if r.knee_pain is not None]
        pain.append(
            ShoePain(
                shoe_id,
                len(items),
                len(logged),
                mean(logged) if logged else None,
                max(logged) if logged else None,
            )
        )
    return TrainingLoad(
        sum(r.distance_km for r in between(WEEK, timedelta(0))),
        sum(r.distance_km for r in between(2 * WEEK, WEEK)),
        max((r.distance_km for r in between(SPIKE_WINDOW, timedelta(0))), default=0.0),
        week_totals,
        tuple(spike_marks(ordered)),
        tuple(pain),
        len(ordered),
    )


def profile_with_runs(profile: Any, load: TrainingLoad) -> tuple[Any, tuple[str, ...]]:
    """The profile with its unset load fields filled from the log, and which were filled.

    A value the runner typed always wins (it is their override); a field the profile
    schema does not have yet (longest_run_30d_km before schema v2) is left out.
    """
    from pydantic import ValidationError

    from .profile import PROFILE_SCHEMA_VERSION, RunnerProfile

    if load.runs == 0:
        return profile, ()
    data = profile.to_json_dict()
    filled = []
    for key, value in load.profile_fields().items():
        if key in RunnerProfile.model_fields and data.get(key) is None:
            data[key] = value
            filled.append(key)
    if not filled:
        return profile, ()
    if "longest_run_30d_km" in filled:
        data["schema_version"] = PROFILE_SCHEMA_VERSION  # a key newer schemas added
    try:
        return RunnerProfile.model_validate(data), tuple(filled)
    except ValidationError:
        # The schema may limit the key to a version this profile is not in: keep the rest.
        data.pop("longest_run_30d_km", None)
        data["schema_version"] = profile.schema_version
        kept = tuple(key for key in filled if key != "longest_run_30d_km")
        return (RunnerProfile.model_validate(data), kept) if kept else (profile, ())
