"""Values for the {placeholders} in the knowledge texts, worked out once from a profile."""

from __future__ import annotations

from .load import spike_band
from .profile import RunnerProfile
from .rules import OBESE_BMI

#: The single-run spike study's reference group: up to 10% over the recent longest run.
SPIKE_ALLOWANCE = 1.10


class TextContext(dict[str, str]):
    """Placeholder values; a placeholder the profile cannot fill shows as "?"."""

    def __missing__(self, key: str) -> str:
        return "?"


def number(value: float) -> str:
    """72 rather than 72.0; one decimal where there is one."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def text_context(profile: RunnerProfile) -> TextContext:
    """obese_bmi (the one BMI threshold, core.rules), weight_kg, bmi, weekly_km,
    previous_weekly_km, change_pct (+45%), increase_pct (45%); planned_longest_run_km,
    longest_run_30d_km and the spike of one over the other: spike_pct (45%), spike_band
    (its label), spike_hrr (1.64), spike_limit_km."""
    ctx = TextContext(obese_bmi=number(OBESE_BMI), weight_kg=number(profile.weight_kg))
    bmi = profile.bmi
    if bmi is not None:
        ctx["bmi"] = f"{bmi:.1f}"
    if profile.weekly_km is not None:
        ctx["weekly_km"] = number(profile.weekly_km)
    if profile.previous_weekly_km is not None:
        ctx["previous_weekly_km"] = number(profile.previous_weekly_km)
    change = profile.weekly_change
    if change is not None:
        ctx["change_pct"] = f"{(change - 1) * 100:+.0f}%"
        ctx["increase_pct"] = f"{(change - 1) * 100:.0f}%"
    elif profile.previous_weekly_km == 0:
        ctx["change_pct"] = "a restart after a week without running"
    planned, longest = profile.planned_longest_run_km, profile.longest_run_30d_km
    if planned is not None:
        ctx["planned_longest_run_km"] = number(planned)
    if longest is not None:
        ctx["longest_run_30d_km"] = number(longest)
        ctx["spike_limit_km"] = number(round(longest * SPIKE_ALLOWANCE, 1))
    band = spike_band(planned, longest) if planned is not None else None
    if band is not None:
        ctx["spike_pct"] = f"{band.increase_pct:.0f}%"
        ctx["spike_band"] = band.label
        if band.hazard_ratio is not None:
            ctx["spike_hrr"] = f"{band.hazard_ratio:.2f}"
    return ctx
