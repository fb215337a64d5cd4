"""Training load from the runs a runner logged: weekly distances, single-run spikes, pain.

The bands of the single-run spike (a run longer than the longest of the previous 30
days, Frandsen 2025) and of the two-week progression (Nielsen 2014) are core/load.py's;
this module applies them to logged runs (in the runner's local time), adds the weekly
runs and knee pain, and fills the profile's load fields.

A run is judged only once the log holds the whole 30 days before it: a runner's second
run ever is not "+35%" when nobody knows what they ran before they started logging.
`judged_from` is the moment that holds from (30 days after the log's first run); a run
planned now is judged from then too. docs/runs.md says so; the window shows "not
judged" on the runs before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any, Protocol

from .load import LoadBand, run_spikes, spike_band, two_week_progression, weekly_distances

SPIKE_WINDOW = timedelta(days=30)
WEEK = timedelta(days=7)
#: The profile figures the log fills in, each with how far back the log must go for it.
FIGURE_SPANS: dict[str, timedelta] = {
    "weekly_km": WEEK,
    "previous_weekly_km": 2 * WEEK,
    "longest_run_30d_km": SPIKE_WINDOW,
}


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


@dataclass(frozen=True, slots=True)
class SpikeMark:
    """A run (or a planned run) in a raised band of the single-run spike (Frandsen 2025)."""

    run_id: int  # 0 for a planned run
    run_km: float
    longest_previous_30d_km: float
    band: LoadBand

    @property
    def increase(self) -> float:
        """0.25 = 25% longer than the previous longest."""
        return self.run_km / self.longest_previous_30d_km - 1.0

    @property
    def label(self) -> str:
        return f"+{self.increase:.0%} ({self.band.label})"

    def to_json(self) -> dict[str, Any]:
        return {
            **self.band.to_json(),
            "band_label": self.band.label,
            "longest_previous_30d_km": round(self.longest_previous_30d_km, 2),
            "increase_pct": round(self.increase * 100, 1),
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
    #: The last 7 days against the 7 before (Nielsen 2014); None without a base week, and
    #: while the log does not yet hold both weeks.
    progression: LoadBand | None = None
    #: From when runs are judged for a spike: 30 days after the first (None without runs).
    judged_from: datetime | None = None
    #: The moment analysed ("now"); None without runs.
    at: datetime | None = None

    def judges(self, when: datetime) -> bool:
        """Whether a run at `when` (or one planned now) has the 30 days before it logged."""
        return self.judged_from is not None and when >= self.judged_from

    def covers(self, span: timedelta) -> bool:
        """Whether the log holds the whole `span` up to the moment analysed (its first run
        is at least that long before): only then is a figure over that span the runner's
        own, not the part of it that happens to be logged."""
        if self.judged_from is None or self.at is None:
            return False
        return self.at - span >= self.judged_from - SPIKE_WINDOW

    def to_json(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "weekly_km": round(self.weekly_km, 2),
            "previous_weekly_km": round(self.previous_weekly_km, 2),
            "longest_run_30d_km": round(self.longest_run_30d_km, 2),
            "weeks": [w.to_json() for w in self.weeks],
            "two_week_progression": self.progression.to_json() if self.progression else None,
            "spikes_judged_from": self.judged_from.isoformat() if self.judged_from else None,
            "spikes": [{"run_id": m.run_id, **m.to_json()} for m in self.marks],
            "knee_pain_by_shoe": [p.to_json() for p in self.pain_by_shoe],
        }

    @property
    def both_weeks_logged(self) -> bool:
        """Whether the log holds the last 14 days, both weeks the progression compares."""
        return self.covers(2 * WEEK)

    def profile_fields(self) -> dict[str, float]:
        """weekly_km, previous_weekly_km and longest_run_30d_km for a profile (rounded),
        each only once the log covers its whole span (7, 14 and 30 days): a log begun
        ten days ago knows neither the week before last nor the longest run of the past
        30 days, and a part of them would raise the two-week progression or the
        single-run spike that the log itself does not judge yet."""
        values = {
            "weekly_km": min(self.weekly_km, 400.0),
            "previous_weekly_km": min(self.previous_weekly_km, 400.0),
            "longest_run_30d_km": min(self.longest_run_30d_km, 200.0),
        }
        return {
            key: round(values[key], 1) for key, span in FIGURE_SPANS.items() if self.covers(span)
        }


def _local(run: LoggedRun, tz: Any) -> datetime:
    return run.start.astimezone(tz)


def judged_from(runs: Sequence[LoggedRun]) -> datetime | None:
    """From when a run has the whole 30 days before it in the log; None without runs.

    That is SPIKE_WINDOW after the log's first run: a run exactly then compares with
    a window that starts at the first run.
    """
    first = min((r.start for r in runs), default=None)
    return None if first is None else first + SPIKE_WINDOW


def spike_marks(runs: Sequence[LoggedRun], tz: Any = None) -> list[SpikeMark]:
    """Runs in a raised band against the longest run of the 30 days before them.

    Only runs from `judged_from` on: before it, the log does not hold their 30 days.
    """
    ordered = sorted(runs, key=lambda r: (r.start, r.id))
    first_judged = judged_from(ordered)
    spikes = run_spikes([(_local(r, tz), r.distance_km) for r in ordered])
    marks: list[SpikeMark] = []
    # run_spikes keeps the order of runs at the same moment, so the two lists align.
    for run, spike in zip(ordered, spikes, strict=True):
        if spike.band is None or not spike.band.raised or not spike.longest_before_km:
            continue
        if first_judged is None or run.start < first_judged:
            continue
        marks.append(SpikeMark(run.id, run.distance_km, spike.longest_before_km, spike.band))
    return marks


def planned_run_check(
    planned_km: float, runs: Sequence[LoggedRun], now: datetime
) -> SpikeMark | None:
    """The band a planned run would be in, against the longest run of the past 30 days.

    None when it is not in a raised band, and when the log does not yet hold the past
    30 days (see `judged_from`; the window says which).
    """
    first_judged = judged_from(runs)
    if first_judged is None or now < first_judged:
        return None
    longest = max(
        (r.distance_km for r in runs if now - SPIKE_WINDOW <= r.start <= now), default=0.0
    )
    band = spike_band(planned_km, longest or None)
    if band is None or not band.raised:
        return None
    return SpikeMark(0, planned_km, longest, band)


def analyse_runs(
    runs: Sequence[LoggedRun], now: datetime, *, log_start: datetime | None = None
) -> TrainingLoad:
    """Weekly totals, spikes and pain from a runner's runs (any order); now is aware.

    `log_start`: when the log's first run started, for `runs` that are only its recent
    part (the past 30 days hold every figure but how much of the past the log holds).
    """
    ordered = sorted(runs, key=lambda r: (r.start, r.id))
    tz = now.tzinfo
    weeks: dict[date, list[LoggedRun]] = {}
    for run in ordered:
        day = _local(run, tz).date()
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(run)
    week_totals = tuple(
        WeekTotal(
            week.start,
            week.km,
            len(weeks.get(week.start, ())),
            tuple(r.knee_pain for r in weeks.get(week.start, ()) if r.knee_pain is not None),
        )
        for week in weekly_distances(
            [(_local(r, tz), r.distance_km) for r in ordered], through=now.astimezone(tz)
        )
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
    latest = sum(r.distance_km for r in between(WEEK, timedelta(0)))
    before = sum(r.distance_km for r in between(2 * WEEK, WEEK))
    first = judged_from(ordered)
    if log_start is not None:
        first = min(filter(None, (first, log_start + SPIKE_WINDOW)))
    # The two weeks are compared only when the log holds both (see TrainingLoad.covers).
    both_logged = first is not None and now - 2 * WEEK >= first - SPIKE_WINDOW
    return TrainingLoad(
        latest,
        before,
        max((r.distance_km for r in between(SPIKE_WINDOW, timedelta(0))), default=0.0),
        week_totals,
        tuple(spike_marks(ordered, tz)),
        tuple(pain),
        len(ordered),
        two_week_progression([before, latest]) if both_logged else None,
        first,
        now if first is not None else None,
    )


def figures_change_at(runs: Sequence[LoggedRun], now: datetime) -> datetime | None:
    """The first moment from `now` on at which `analyse_runs(runs, t).profile_fields()`
    may differ from its value at `now`: a run enters the log's past (its start), or
    leaves the last 7, 14 or 30 days. None when no such moment is ahead."""
    edges = (timedelta(0), WEEK, 2 * WEEK, SPIKE_WINDOW)
    ahead = [r.start + edge for r in runs for edge in edges if r.start + edge >= now]
    return min(ahead, default=None)


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
