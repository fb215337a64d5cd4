"""The public ids of contract §3–§5 and the value sets of §1, in one place."""

from __future__ import annotations

from typing import Literal, get_args

FeatureId = Literal[
    "cushioning",
    "heel_counter",
    "removable_insole",
    "breathability",
    "stability",
    "protective_rubber",
    "flex_grooves",
    "lightweight",
    "soft_upper",
    "wide_fit",
    "narrow_fit",
    "trail_grip",
    "rock_protection",
    "water_resistance",
    "winter_traction",
    "thick_sole",
]
RiskId = Literal[
    "hard_surface",
    "banked_track",
    "uneven_terrain",
    "downhill",
    "icy_surface",
    "cold_air",
    "heat",
    "mileage_jump",
    "high_mileage",
    "beginner_load",
    "body_weight_load",
    "no_warm_up",
    "flat_feet",
    "heel_strike",
    "knee_pain",
    "single_run_spike",
    "previous_injury",
]
ConditionId = Literal[
    "runners_knee", "patellar_tendinitis", "itbs", "bakers_cyst", "medial_knee_pain"
]
#: Training-load measures of resources/load.toml (see core/load.py).
LoadMeasureId = Literal["single_run_spike", "two_week_progression"]
Grade = Literal["strong", "moderate", "weak", "none", "contradicted"]
Level = Literal["essential", "recommended", "optional", "avoid"]
Severity = Literal["info", "caution", "warning"]

FootWidth = Literal["narrow", "standard", "wide", "extra_wide"]
Pronation = Literal["overpronation", "neutral", "supination", "unknown"]
Season = Literal["spring", "summer", "autumn", "winter"]
Surface = Literal["asphalt", "track", "trail", "treadmill"]
Experience = Literal["beginner", "intermediate", "advanced"]
FootStrike = Literal["heel", "midfoot", "forefoot", "unknown"]
Arch = Literal["flat", "normal", "high", "unknown"]
KneeLocation = Literal["around_kneecap", "below_kneecap", "outside", "inside", "behind"]
KneeSymptom = Literal["swelling", "crunching", "locking", "giving_way", "numbness", "severe_pain"]
Units = Literal["metric", "imperial"]
Sex = Literal["female", "male", "unspecified"]
ShoeSurface = Literal["road", "track", "trail"]
#: How a shoe's surface fits the runner's surfaces (contract §6 `surface_match`).
SurfaceMatch = Literal["main", "second", "none", "unknown"]

FEATURE_IDS: tuple[FeatureId, ...] = get_args(FeatureId)
RISK_IDS: tuple[RiskId, ...] = get_args(RiskId)
CONDITION_IDS: tuple[ConditionId, ...] = get_args(ConditionId)
GRADES: tuple[Grade, ...] = get_args(Grade)
LOAD_MEASURE_IDS: tuple[LoadMeasureId, ...] = get_args(LoadMeasureId)
LEVELS: tuple[Level, ...] = get_args(Level)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
FOOT_WIDTHS: tuple[FootWidth, ...] = get_args(FootWidth)
PRONATIONS: tuple[Pronation, ...] = get_args(Pronation)
SEASONS: tuple[Season, ...] = get_args(Season)
SURFACES: tuple[Surface, ...] = get_args(Surface)
EXPERIENCES: tuple[Experience, ...] = get_args(Experience)
FOOT_STRIKES: tuple[FootStrike, ...] = get_args(FootStrike)
ARCHES: tuple[Arch, ...] = get_args(Arch)
KNEE_LOCATIONS: tuple[KneeLocation, ...] = get_args(KneeLocation)
KNEE_SYMPTOMS: tuple[KneeSymptom, ...] = get_args(KneeSymptom)
SEXES: tuple[Sex, ...] = get_args(Sex)
SHOE_SURFACES: tuple[ShoeSurface, ...] = get_args(ShoeSurface)
SURFACE_MATCHES: tuple[SurfaceMatch, ...] = get_args(SurfaceMatch)

SEVERITY_RANK: dict[Severity, int] = {"info": 0, "caution": 1, "warning": 2}
#: Symptoms that always mean "see a clinician" whatever the pain location.
RED_FLAG_SYMPTOMS: frozenset[KneeSymptom] = frozenset(
    {"swelling", "locking", "giving_way", "numbness", "severe_pain"}
)
