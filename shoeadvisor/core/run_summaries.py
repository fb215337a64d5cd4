"""The words of the run log: distances, paces, spikes, the two-week change, pain per week.

Words only. Which run is a spike, which band a planned run falls in and what the
weekly totals are is decided by core/training.py and core/load.py and handed in;
this module says it in the runner's units, with the grade and the sources, and never
claims a cause: a record of what was run is not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import labels
from .form_limits import KM_PER_MI

if TYPE_CHECKING:
    from datetime import datetime

    from .knowledge import Knowledge
    from .load import LoadBand
    from .training import SpikeMark, TrainingLoad, WeekTotal

#: What a logged record of pain is, wherever it is shown next to kilometres.
NOT_A_CAUSE = "what you logged, side by side; it does not say what caused the pain"
NO_RUNS = (
    "No runs yet. Import the runs your watch or phone recorded: FIT, GPX or TCX files, "
    "a folder of them, or a Strava or Garmin export (.zip). Use File \u25b8 Import runs, "
    "or drop the files or a folder on this window."
)


def distance_unit(units: str) -> str:
    return "mi" if units == "imperial" else "km"


def distance_value(km: float, units: str) -> float:
    """Kilometres in the runner's unit (miles for imperial)."""
    return km / KM_PER_MI if units == "imperial" else km


def distance(km: float, units: str = "metric", decimals: int = 1) -> str:
    """ "12.4 km" or "7.7 mi"."""
    return f"{distance_value(km, units):.{decimals}f} {distance_unit(units)}"


def duration(seconds: float | None) -> str:
    """ "1:02:03" (hours) or "45:10" (minutes), "—" when unknown."""
    if seconds is None or seconds < 0:
        return "—"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace_seconds(km: float, seconds: float | None, units: str = "metric") -> float | None:
    """Seconds per kilometre (or per mile); None without a distance or a time."""
    if seconds is None or seconds <= 0 or km <= 0.05:
        return None
    return seconds / distance_value(km, units)


def pace(km: float, seconds: float | None, units: str = "metric") -> str:
    """ "5:12 /km" (or /mi), "—" when it cannot be told."""
    per = pace_seconds(km, seconds, units)
    if per is None or per >= 3600:
        return "—"
    minutes, secs = divmod(round(per), 60)
    return f"{minutes}:{secs:02d} /{distance_unit(units)}"


FT_PER_M = 1 / 0.3048


def metres(value: float | None, units: str = "metric") -> str:
    """An elevation: "216 m", or "709 ft" for imperial."""
    if value is None:
        return "—"
    return f"{value * FT_PER_M:.0f} ft" if units == "imperial" else f"{value:.0f} m"


def _sources(ids: Sequence[str], kb: Knowledge) -> str:
    return "; ".join(labels.sources(ids, kb))


def _times(hazard_ratio: float | None) -> str:
    return "" if hazard_ratio is None else f" ({hazard_ratio:.2f} times the injury rate)"


def _reference_pct(kb: Knowledge) -> float:
    """The upper bound of the single-run spike's reference band (10%)."""
    return kb.load["single_run_spike"].band[0].up_to_pct or 0.0


def evidence_line(band: LoadBand, kb: Knowledge) -> str:
    """ "Evidence: moderate. Source: …"."""
    many = "Sources" if len(band.sources) > 1 else "Source"
    return f"{labels.evidence(band.evidence)}. {many}: {_sources(band.sources, kb)}."


#: The Spike column of a run the log does not yet hold the 30 days before (core.training).
NOT_JUDGED = "not judged"


def _moment(when: datetime) -> str:
    local = when.astimezone()
    return f"{local:%d %b %Y}, {local:%H:%M}"


def not_judged_detail(judged_from: datetime | None) -> str:
    """Why a run is not judged for a spike, and from when runs are."""
    when = f" Runs from {_moment(judged_from)} on are judged." if judged_from else ""
    return (
        "Not judged: your log starts fewer than 30 days before this run, so the longest run "
        f"of the 30 days before it is not known (you may have run before you logged).{when}"
    )


def spike_cell(mark: SpikeMark) -> str:
    """What the Spike column shows: "+45% (30–100% longer)"."""
    return mark.label


def spike_detail(mark: SpikeMark, kb: Knowledge, units: str = "metric") -> str:
    """A marked run in full: how much longer, the band, what the cohort found, the source."""
    band = mark.band
    return (
        f"This run ({distance(mark.run_km, units)}) was {mark.increase:.0%} longer than your "
        f"longest run of the 30 days before it ({distance(mark.longest_previous_30d_km, units)})"
        f": {band.label}. In a large cohort study, runs in this band came with more injuries "
        f"than runs up to {_reference_pct(kb):g}% longer{_times(band.hazard_ratio)}. "
        f"{evidence_line(band, kb)} It marks a pattern, not a cause."
    )


def change_words(increase_pct: float) -> str:
    """ "25% less", "15% more", "the same" (rounded to whole percent)."""
    whole = round(increase_pct)
    if whole == 0:
        return "the same"
    return f"{abs(whole)}% {'more' if whole > 0 else 'less'}"


def not_from_runs_yet(key: str) -> str:
    """Why a load figure of the profile does not come from the log yet (see
    core.training.FIGURE_SPANS): the log does not go back far enough."""
    from .training import FIGURE_SPANS

    days = FIGURE_SPANS[key].days
    return (
        f"{labels.field(key)}: not from your runs yet; it will be once your log goes back "
        f"{days} days (until then, type it in if you know it)"
    )


def progression_line(load: TrainingLoad, kb: Knowledge, units: str = "metric") -> str:
    """The last 7 days against the 7 before, with the band, its grade and sources."""
    latest = distance(load.weekly_km, units)
    before = distance(load.previous_weekly_km, units)
    band = load.progression
    if band is None and load.runs and not load.both_weeks_logged:
        return (
            f"Last 7 days: {latest} \u2014 not compared yet: your log starts fewer than 14 "
            "days ago, so the 7 days before are not all in it."
        )
    if band is None:
        return (
            f"Last 7 days: {latest}; the 7 days before: {before} \u2014 no base week to "
            "compare with."
        )
    change = change_words(band.increase_pct)
    found = (
        "a band one cohort of novices linked with more injuries, short of significance"
        if band.raised and band.hazard_ratio is not None
        else "not a band linked with more injuries"
    )
    return (
        f"Last 7 days: {latest}; the 7 days before: {before} \u2014 {change} "
        f"({band.label}): {found}{_times(band.hazard_ratio) if band.raised else ''}. "
        f"{evidence_line(band, kb)}"
    )


def planned_line(
    planned_km: float | None,
    longest_30d_km: float,
    mark: SpikeMark | None,
    kb: Knowledge,
    units: str = "metric",
    *,
    judged_from: datetime | None = None,
) -> str:
    """The next planned long run against the longest of the past 30 days.

    `judged_from`: when the log first holds 30 days (core.training), if that is still
    to come; the planned run is not judged before it.
    """
    if planned_km is None:
        return (
            "Type the longest run you plan next (Advice page, Training) to check it against "
            "your longest run of the past 30 days."
        )
    planned = distance(planned_km, units)
    if judged_from is not None:
        return (
            f"Planned {planned}: not judged yet — your log starts fewer than 30 days ago, "
            "so your longest run of the past 30 days is not known. It is checked from "
            f"{_moment(judged_from)}."
        )
    if longest_30d_km <= 0:
        return f"Planned {planned}: no run in the past 30 days to compare it with."
    longest = distance(longest_30d_km, units)
    if mark is None:
        return (
            f"Planned {planned} against your longest run of the past 30 days ({longest}): "
            f"not more than {_reference_pct(kb):g}% longer, the band the cohort study used as "
            "its reference."
        )
    within = _reference_pct(kb)
    return (
        f"Planned {planned} would be {mark.increase:.0%} longer than your longest run of the "
        f"past 30 days ({longest}): {mark.band.label}. Runs in this band came with more "
        f"injuries in a large cohort study{_times(mark.band.hazard_ratio)}; a long run of up "
        f"to {distance(longest_30d_km * (1 + within / 100), units)} stays within {within:g}%. "
        f"{evidence_line(mark.band, kb)}"
    )


def week_pain(week: WeekTotal) -> str:
    """ "knee pain after 2 of 3 runs: 3.5 on average, at most 5" (or "" when none logged)."""
    if not week.knee_pain:
        return ""
    logged = len(week.knee_pain)
    mean = sum(week.knee_pain) / logged
    return (
        f"knee pain logged after {logged} of {week.runs} run{'s' if week.runs != 1 else ''}: "
        f"{mean:.1f} on average, at most {max(week.knee_pain)} (0\u201310)"
    )


def shoe_pain(runs_with_pain: int, mean: float | None, worst: int | None) -> str:
    """Knee pain after runs in one shoe, or "" when none was logged."""
    if not runs_with_pain or mean is None or worst is None:
        return ""
    return f"{mean:.1f} avg, max {worst} ({runs_with_pain} run{'s' if runs_with_pain != 1 else ''})"
