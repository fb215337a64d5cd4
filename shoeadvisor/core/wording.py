"""Values for the {placeholders} in the knowledge texts, worked out once from a profile."""

from __future__ import annotations

from .profile import RunnerProfile


class TextContext(dict[str, str]):
    """Placeholder values; a placeholder the profile cannot fill shows as "?"."""

    def __missing__(self, key: str) -> str:
        return "?"


def number(value: float) -> str:
    """72 rather than 72.0; one decimal where there is one."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def text_context(profile: RunnerProfile) -> TextContext:
    """weight_kg, bmi, weekly_km, previous_weekly_km, change_pct (+45%), increase_pct (45%)."""
    ctx = TextContext(weight_kg=number(profile.weight_kg))
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
    return ctx
