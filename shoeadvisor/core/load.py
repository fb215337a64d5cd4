"""Training load from distances: the single-run spike and the two-week progression.

The one place ShoeAdvisor turns distances into load bands; the profile's risks and
the run log both call it. Pure functions on plain numbers and dates, no I/O. The
cut-offs, what each band was found to mean, the grade and the sources are knowledge
(resources/load.toml, validated when the knowledge base loads).

    spike_band(run_km, longest_previous_30d_km)  -> LoadBand | None
    two_week_progression(weekly_km)               -> LoadBand | None
    run_spikes(runs)                              -> list[RunSpike]   (each run vs its past 30 days)
    weekly_distances(runs, through=None)          -> list[WeekDistance]  (Monday-start weeks)

`runs` are `(when, km)` pairs: `when` a `date` or a `datetime` (one kind for the whole
list, in the runner's local time), `km` the run's distance. None means "nothing to
compare with" (no earlier run, or a week of 0 km before); a band whose `reference`
is true means "compared, and not above the study's reference group".
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .ids import Grade, LoadMeasureId

if TYPE_CHECKING:
    from .knowledge import Knowledge

#: Percentages are rounded to this many decimals before the band is chosen, so that
#: 11 km against 10 km counts as exactly +10% and not +10.000000000000009%.
_PCT_DECIMALS = 6


@dataclass(frozen=True, slots=True)
class LoadBand:
    """Where one comparison falls among a study's bands, with the study's figures."""

    measure: LoadMeasureId
    #: The band's id in resources/load.toml, e.g. "10_30".
    id: str
    label: str
    #: How much more than the comparison distance, in percent (negative: less).
    increase_pct: float
    #: The study's hazard (rate) ratio for this band against its reference group.
    hazard_ratio: float | None
    evidence: Grade
    sources: tuple[str, ...]
    #: True for the study's reference band: no raised risk was found there.
    reference: bool

    @property
    def raised(self) -> bool:
        """True when the study linked this band to more injuries than its reference."""
        return not self.reference

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "band": self.id,
            "label": self.label,
            "increase_pct": round(self.increase_pct, 1),
            "hazard_ratio": self.hazard_ratio,
            "raised": self.raised,
            "evidence": self.evidence,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class RunSpike:
    """One run compared with the longest run of the window before it."""

    when: date
    km: float
    #: The longest run in the window before this one; None when there was none.
    longest_before_km: float | None
    band: LoadBand | None


@dataclass(frozen=True, slots=True)
class WeekDistance:
    """Kilometres run in one week (Monday to Sunday)."""

    start: date
    km: float


def _kb(kb: Knowledge | None) -> Knowledge:
    if kb is not None:
        return kb
    from .knowledge import knowledge

    return knowledge()


def _distance(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of kilometres, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite distance of 0 km or more (got {value!r})")
    return float(value)


def _band(measure_id: LoadMeasureId, now_km: float, before_km: float, kb: Knowledge) -> LoadBand:
    measure = kb.load[measure_id]
    increase = round((now_km / before_km - 1) * 100, _PCT_DECIMALS)
    spec = measure.band_for(increase)
    return LoadBand(
        measure_id,
        spec.id,
        spec.label,
        increase,
        spec.hazard_ratio,
        measure.evidence,
        measure.sources,
        spec is measure.band[0],
    )


def spike_band(
    run_km: float, longest_previous_30d_km: float | None, *, kb: Knowledge | None = None
) -> LoadBand | None:
    """How a run compares with the longest run of the 30 days before it (Frandsen 2025).

    Bands: up to +10% ("none", the reference), +10–30%, +30–100%, over +100%.
    None when there is no earlier run to compare with (None or 0 km).
    """
    run = _distance("run_km", run_km)
    if longest_previous_30d_km is None:
        return None
    longest = _distance("longest_previous_30d_km", longest_previous_30d_km)
    if longest == 0:
        return None
    return _band("single_run_spike", run, longest, _kb(kb))


def two_week_progression(
    weekly_km: Sequence[float], *, kb: Knowledge | None = None
) -> LoadBand | None:
    """The latest week against the week before it (Nielsen 2014, JOSPT).

    `weekly_km` is weekly distances, oldest first; the last two count. Bands: under
    +10% (the reference), +10–30%, over +30%. None with fewer than two weeks or a
    0 km week before (a restart has no base to compare with).
    """
    if len(weekly_km) < 2:
        return None
    before = _distance("weekly_km[-2]", weekly_km[-2])
    latest = _distance("weekly_km[-1]", weekly_km[-1])
    if before == 0:
        return None
    return _band("two_week_progression", latest, before, _kb(kb))


def _day(when: date) -> date:
    return when.date() if isinstance(when, datetime) else when


def run_spikes(
    runs: Iterable[tuple[date, float]], *, kb: Knowledge | None = None
) -> list[RunSpike]:
    """Each run against the longest run of the 30 days before it, in time order.

    Runs at the same moment keep their given order; the earlier one counts as before.
    """
    kb = _kb(kb)
    window_days = kb.load["single_run_spike"].window_days or 30
    window = timedelta(days=window_days)
    ordered = sorted(((when, _distance("km", km)) for when, km in runs), key=lambda run: run[0])
    # The runs still inside the window, longest first (a monotonic queue: O(n) overall).
    longest: deque[tuple[date, float]] = deque()
    found: list[RunSpike] = []
    for when, km in ordered:
        while longest and longest[0][0] < when - window:
            longest.popleft()
        before = longest[0][1] if longest else None
        band = spike_band(km, before, kb=kb)
        found.append(RunSpike(when, km, before, band))
        while longest and longest[-1][1] <= km:
            longest.pop()
        longest.append((when, km))
    return found


def weekly_distances(
    runs: Iterable[tuple[date, float]], *, through: date | None = None
) -> list[WeekDistance]:
    """Kilometres per Monday-to-Sunday week, oldest first, weeks without runs as 0.

    From the week of the first run to the week of `through` (default: the last run).
    The latest week may not be over yet: pass the last finished day as `through` to
    compare whole weeks only.
    """
    totals: dict[date, float] = {}
    for when, km in runs:
        day = _day(when)
        start = day - timedelta(days=day.weekday())
        totals[start] = totals.get(start, 0.0) + _distance("km", km)
    if not totals:
        return []
    first = min(totals)
    last_day = _day(through) if through is not None else max(totals)
    last = last_day - timedelta(days=last_day.weekday())
    weeks: list[WeekDistance] = []
    start = first
    while start <= last:
        weeks.append(WeekDistance(start, totals.get(start, 0.0)))
        start += timedelta(days=7)
    return weeks
