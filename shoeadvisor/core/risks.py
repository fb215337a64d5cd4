"""Which risks of contract §4 apply to a runner, and how severe they are.

A rule returns None (the risk does not apply), a severity, or a `Finding`: a severity
plus the variant of the risk's words that fits this runner (risks.toml `variants`).
Severity follows both the stakes and the evidence: a risk no study has measured is
at most a caution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .ids import RED_FLAG_SYMPTOMS, RiskId, Severity
from .load import LoadBand, spike_band, two_week_progression
from .profile import RunnerProfile
from .rules import HIGH_WEEKLY_KM, bmi_above_obese, runs_outdoors

#: Without a height, a weight where we still mention the load.
HEAVY_WITHOUT_HEIGHT_KG = 100.0
#: Obese novices who ran this much or more in their first week were injured more often.
NOVICE_FIRST_WEEK_KM = 3.0


class Finding(NamedTuple):
    """A risk that applies: how severe, and which words of risks.toml fit."""

    severity: Severity
    variant: str | None = None


SeverityRule = Callable[[RunnerProfile], Severity | Finding | None]

RISK_RULES: dict[RiskId, SeverityRule] = {}
#: The variants each rule may pick; a test checks they all exist in risks.toml.
RISK_VARIANTS: dict[RiskId, frozenset[str]] = {}


def risk(
    risk_id: RiskId, variants: frozenset[str] = frozenset()
) -> Callable[[SeverityRule], SeverityRule]:
    def register(function: SeverityRule) -> SeverityRule:
        RISK_RULES[risk_id] = function
        RISK_VARIANTS[risk_id] = variants
        return function

    return register


def finding(p: RunnerProfile, risk_id: RiskId) -> Finding | None:
    """The rule's verdict for one risk, always as a Finding (or None)."""
    found = RISK_RULES[risk_id](p)
    if found is None or isinstance(found, Finding):
        return found
    return Finding(found)


def _kneecap_pain(p: RunnerProfile) -> bool:
    return bool({"around_kneecap", "below_kneecap"} & set(p.knee_pain))


def _experienced(p: RunnerProfile) -> bool:
    return p.experience in ("intermediate", "advanced")


@risk("hard_surface")
def _hard(p: RunnerProfile) -> Severity | None:
    return "info" if "asphalt" in p.surfaces else None


@risk("banked_track")
def _banked(p: RunnerProfile) -> Severity | None:
    if "track" not in p.surfaces:
        return None
    return "caution" if p.main_surface == "track" else "info"


@risk("uneven_terrain")
def _uneven(p: RunnerProfile) -> Severity | None:
    if "trail" not in p.surfaces:
        return None
    return "caution" if p.main_surface == "trail" or p.downhill else "info"


@risk("downhill")
def _downhill(p: RunnerProfile) -> Severity | None:
    if not p.downhill:
        return None
    return "warning" if _kneecap_pain(p) else "caution"


@risk("icy_surface")
def _icy(p: RunnerProfile) -> Severity | None:
    # An obvious hazard, but no study has measured it: a caution, not a warning.
    return "caution" if "winter" in p.seasons and runs_outdoors(p) else None


@risk("cold_air")
def _cold(p: RunnerProfile) -> Severity | None:
    return "info" if "winter" in p.seasons and runs_outdoors(p) else None


@risk("heat")
def _heat(p: RunnerProfile) -> Severity | None:
    if "summer" not in p.seasons:
        return None
    return "caution" if runs_outdoors(p) else "info"


def weekly_progression(p: RunnerProfile) -> LoadBand | None:
    """The profile's latest week against the week before (core.load), None if unknown."""
    if p.weekly_km is None or p.previous_weekly_km is None:
        return None
    return two_week_progression([p.previous_weekly_km, p.weekly_km])


def mileage_jumped(p: RunnerProfile) -> bool:
    """More than 30% over the two weeks, the band a cohort linked to more injuries."""
    band = weekly_progression(p)
    return band is not None and band.id == "over_30"


@risk("mileage_jump")
def _jump(p: RunnerProfile) -> Severity | None:
    # Weak evidence (p = .07; a larger cohort found no link for weekly ratios).
    return "caution" if mileage_jumped(p) else None


def planned_spike(p: RunnerProfile) -> LoadBand | None:
    """The planned longest run against the longest of the past 30 days (core.load)."""
    if p.planned_longest_run_km is None:
        return None
    return spike_band(p.planned_longest_run_km, p.longest_run_30d_km)


@risk("single_run_spike", frozenset({"large"}))
def _spike(p: RunnerProfile) -> Finding | None:
    band = planned_spike(p)
    if band is None or not band.raised:
        return None
    if band.id == "over_100":
        return Finding("warning", "large")
    return Finding("caution")


@risk("high_mileage", frozenset({"not_men"}))
def _high(p: RunnerProfile) -> Finding | None:
    if p.weekly_km is None or p.weekly_km < HIGH_WEEKLY_KM:
        return None
    # The threshold was found in men; for others it is information only.
    return Finding("caution") if p.sex == "male" else Finding("info", "not_men")


@risk("beginner_load")
def _beginner(p: RunnerProfile) -> Severity | None:
    if p.experience != "beginner":
        return None
    heavy_start = bmi_above_obese(p.bmi) and (p.weekly_km or 0) >= NOVICE_FIRST_WEEK_KM
    # A weekly jump is its own risk (mileage_jump); it is not counted here again.
    return "warning" if heavy_start else "caution"


@risk("body_weight_load", frozenset({"experienced", "novice"}))
def _weight(p: RunnerProfile) -> Finding | None:
    bmi = p.bmi
    # Above the threshold, as the study's high group and the risk's words have it.
    heavy = bmi_above_obese(bmi) if bmi is not None else p.weight_kg >= HEAVY_WITHOUT_HEIGHT_KG
    if not heavy:
        return None
    # The first-week finding is about novices: a runner who says otherwise gets other words.
    if _experienced(p):
        return Finding("info", "experienced")
    if p.experience == "beginner":
        return Finding("caution" if bmi is not None else "info", "novice")
    return Finding("caution" if bmi is not None else "info")


@risk("no_warm_up")
def _warm_up(p: RunnerProfile) -> Severity | None:
    return "info" if p.warm_up is False else None


@risk("flat_feet")
def _flat(p: RunnerProfile) -> Severity | None:
    return "info" if p.arch == "flat" else None


@risk("heel_strike")
def _heel(p: RunnerProfile) -> Severity | None:
    if p.foot_strike != "heel":
        return None
    return "caution" if _kneecap_pain(p) else "info"


def needs_doctor(p: RunnerProfile) -> bool:
    """Red-flag symptoms, or pain behind the knee (possible Baker's cyst)."""
    return bool(RED_FLAG_SYMPTOMS & set(p.knee_symptoms)) or "behind" in p.knee_pain


@risk("knee_pain")
def _knee(p: RunnerProfile) -> Severity | None:
    if not p.knee_pain and not p.knee_symptoms:
        return None
    return "warning" if needs_doctor(p) else "caution"


@risk("previous_injury")
def _injured(p: RunnerProfile) -> Severity | None:
    return "caution" if p.injured_last_year else None
