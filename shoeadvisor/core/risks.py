"""Which risks of contract §4 apply to a runner, and how severe they are."""

from __future__ import annotations

from collections.abc import Callable

from .ids import RED_FLAG_SYMPTOMS, RiskId, Severity
from .profile import RunnerProfile
from .rules import HIGH_WEEKLY_KM, OBESE_BMI, runs_outdoors

#: More than 30% over two weeks went with more injuries (Nielsen 2014, JOSPT).
MILEAGE_JUMP_RATIO = 1.3
#: The seed articles' "about 40 km / 40 miles a week": flagged as information.
ARTICLE_WEEKLY_KM = 40.0
#: A restart from a week off is a jump when the new week has at least this much.
RESTART_WEEKLY_KM = 5.0
#: Without a height, a weight where we still mention the load.
HEAVY_WITHOUT_HEIGHT_KG = 100.0

SeverityRule = Callable[[RunnerProfile], Severity | None]

RISK_RULES: dict[RiskId, SeverityRule] = {}


def risk(risk_id: RiskId) -> Callable[[SeverityRule], SeverityRule]:
    def register(function: SeverityRule) -> SeverityRule:
        RISK_RULES[risk_id] = function
        return function

    return register


def _kneecap_pain(p: RunnerProfile) -> bool:
    return bool({"around_kneecap", "below_kneecap"} & set(p.knee_pain))


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
    return "warning" if "winter" in p.seasons and runs_outdoors(p) else None


@risk("cold_air")
def _cold(p: RunnerProfile) -> Severity | None:
    return "info" if "winter" in p.seasons and runs_outdoors(p) else None


@risk("heat")
def _heat(p: RunnerProfile) -> Severity | None:
    if "summer" not in p.seasons:
        return None
    return "caution" if runs_outdoors(p) else "info"


def mileage_jumped(p: RunnerProfile) -> bool:
    """30% or more over the week before, or a restart from a week without running."""
    if p.weekly_km is None or p.previous_weekly_km is None:
        return False
    if p.previous_weekly_km == 0:
        return p.weekly_km >= RESTART_WEEKLY_KM
    return p.weekly_km >= p.previous_weekly_km * MILEAGE_JUMP_RATIO


@risk("mileage_jump")
def _jump(p: RunnerProfile) -> Severity | None:
    return "warning" if mileage_jumped(p) else None


@risk("high_mileage")
def _high(p: RunnerProfile) -> Severity | None:
    if p.weekly_km is None or p.weekly_km < ARTICLE_WEEKLY_KM:
        return None
    return "caution" if p.weekly_km >= HIGH_WEEKLY_KM else "info"


@risk("beginner_load")
def _beginner(p: RunnerProfile) -> Severity | None:
    if p.experience != "beginner":
        return None
    bmi = p.bmi
    heavy_start = bmi is not None and bmi > OBESE_BMI and (p.weekly_km or 0) >= 3
    return "warning" if heavy_start or mileage_jumped(p) else "caution"


@risk("body_weight_load")
def _weight(p: RunnerProfile) -> Severity | None:
    bmi = p.bmi
    if bmi is not None:
        return "caution" if bmi >= OBESE_BMI else None
    return "info" if p.weight_kg >= HEAVY_WITHOUT_HEIGHT_KG else None


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
