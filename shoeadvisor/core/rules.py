"""When each feature rule of resources/rules.toml applies to a runner.

A predicate returns the share of the rule's effect that applies: 0 when it does
not apply, 1 in full, 0.5 for a surface the runner uses but not mainly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from .ids import FeatureId, Surface
from .profile import RunnerProfile
from .shoes import Shoe

Predicate = Callable[[RunnerProfile], float]

#: Below this weight a runner counts as "lighter" for the cushioning trial:
#: between the trial's medians for women (62.8 kg) and men (78.2 kg).
LIGHTER_RUNNER_KG = 70.0
#: Heavier runners, where the trial found no clear benefit of softer shoes.
HEAVIER_RUNNER_KG = 85.0
#: Minimalist shoes: more injuries above these (Fuller 2017).
MINIMALIST_KG = 71.4
MINIMALIST_WEEKLY_KM = 35.0
#: Men at or above 64 km (40 mi) a week had about three times the injuries (Macera 1989).
HIGH_WEEKLY_KM = 64.0
#: The body-mass index the novice study split its runners at (Nielsen 2014, IJSPT):
#: up to and including 30 was its low group, above 30 its high one. Every rule, risk
#: and text that names a BMI threshold uses this one, through bmi_above_obese and the
#: {obese_bmi} placeholder of the knowledge texts ("above 30").
OBESE_BMI = 30.0
#: Share of a surface rule that applies when the surface is not the main one.
SECONDARY_SURFACE = 0.5

FEATURE_RULES: dict[str, Predicate] = {}


def bmi_above_obese(bmi: float | None) -> bool:
    """Whether a body-mass index is above OBESE_BMI as the runner reads it: rounded to
    the one decimal it is shown with, so a BMI shown as 30.0 is never "above 30"."""
    return bmi is not None and round(bmi, 1) > OBESE_BMI


def rule(rule_id: str) -> Callable[[Predicate], Predicate]:
    def register(predicate: Predicate) -> Predicate:
        if rule_id in FEATURE_RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        FEATURE_RULES[rule_id] = predicate
        return predicate

    return register


def when(condition: bool) -> float:
    return 1.0 if condition else 0.0


def surface_share(profile: RunnerProfile, surface: Surface) -> float:
    """1 for the main surface, 0.5 for another surface the runner uses, else 0."""
    if profile.main_surface == surface:
        return 1.0
    return SECONDARY_SURFACE if surface in profile.surfaces else 0.0


def runs_outdoors(profile: RunnerProfile) -> bool:
    return any(s != "treadmill" for s in profile.surfaces)


def runs_off_road(profile: RunnerProfile) -> bool:
    return "trail" in profile.surfaces


def warm_months_only(profile: RunnerProfile) -> bool:
    return "summer" in profile.seasons and not {"autumn", "winter"} & set(profile.seasons)


def winter_outdoors(profile: RunnerProfile) -> bool:
    return "winter" in profile.seasons and runs_outdoors(profile)


# --- foot width -------------------------------------------------------------
rule("width.wide_last")(lambda p: when(p.foot_width == "wide"))
rule("width.extra_wide_last")(lambda p: when(p.foot_width == "extra_wide"))
rule("width.wide_avoids_narrow")(lambda p: when(p.foot_width in ("wide", "extra_wide")))
rule("width.extra_wide_soft_upper")(lambda p: when(p.foot_width == "extra_wide"))
rule("width.narrow_last")(lambda p: when(p.foot_width == "narrow"))
rule("width.narrow_avoids_wide")(lambda p: when(p.foot_width == "narrow"))
rule("width.narrow_heel_hold")(lambda p: when(p.foot_width == "narrow"))

# --- pronation and arch -----------------------------------------------------
rule("pronation.motion_control")(lambda p: when(p.pronation == "overpronation"))
rule("pronation.motion_control_heel")(lambda p: when(p.pronation == "overpronation"))
rule("pronation.neutral_needs_no_posting")(lambda p: when(p.pronation == "neutral"))
rule("pronation.supination_cushion")(lambda p: when(p.pronation == "supination"))
rule("pronation.supination_flex")(lambda p: when(p.pronation == "supination"))
rule("pronation.supination_avoids_posting")(lambda p: when(p.pronation == "supination"))
rule("pronation.unknown")(lambda p: when(p.pronation == "unknown"))
rule("arch.flat_not_a_prescription")(lambda p: when(p.arch == "flat"))
rule("arch.room_for_insert")(lambda p: when(p.arch in ("flat", "high")))
rule("arch.high_cushion")(lambda p: when(p.arch == "high"))

# --- weight and BMI ---------------------------------------------------------
rule("weight.lighter_runner_soft")(lambda p: when(p.weight_kg < LIGHTER_RUNNER_KG))


@rule("weight.heavier_runner_claim")
def _heavier(p: RunnerProfile) -> float:
    return when(p.weight_kg >= HEAVIER_RUNNER_KG or bmi_above_obese(p.bmi))


rule("weight.no_minimalist")(lambda p: when(p.weight_kg > MINIMALIST_KG))


@rule("bmi.stable_heel")
def _obese(p: RunnerProfile) -> float:
    return when(bmi_above_obese(p.bmi))


# --- seasons ----------------------------------------------------------------
rule("season.summer_breathable")(lambda p: when("summer" in p.seasons))
rule("season.warm_only_no_membrane")(warm_months_only)
rule("season.spring_showers")(lambda p: when("spring" in p.seasons and runs_outdoors(p)))
rule("season.autumn_wet")(lambda p: when("autumn" in p.seasons and runs_outdoors(p)))
rule("season.autumn_leaves")(lambda p: when("autumn" in p.seasons and runs_off_road(p)))


@rule("season.winter_traction")
def _winter_traction(p: RunnerProfile) -> float:
    # A runner who also runs in summer needs winter soles on a second pair only.
    if not winter_outdoors(p):
        return 0.0
    return SECONDARY_SURFACE if "summer" in p.seasons else 1.0


rule("opposed.membrane_yields_to_mesh")(lambda p: when("summer" in p.seasons))
rule("opposed.mesh_yields_to_membrane")(lambda p: when("summer" not in p.seasons))
rule("season.winter_trail_traction")(lambda p: when("winter" in p.seasons and runs_off_road(p)))
rule("season.winter_dry_feet")(lambda p: when(winter_outdoors(p)))
rule("season.winter_less_mesh")(
    lambda p: when("winter" in p.seasons and "summer" not in p.seasons and runs_outdoors(p))
)

# --- surfaces ---------------------------------------------------------------
rule("surface.asphalt_cushion")(lambda p: surface_share(p, "asphalt"))
rule("surface.asphalt_thick_sole")(lambda p: surface_share(p, "asphalt"))
rule("surface.asphalt_rubber")(lambda p: surface_share(p, "asphalt"))
rule("surface.track_light")(lambda p: surface_share(p, "track"))
rule("surface.track_flex")(lambda p: surface_share(p, "track"))
rule("surface.smooth_only_no_lugs")(lambda p: when(set(p.surfaces) <= {"track", "treadmill"}))
rule("surface.treadmill_breathable")(lambda p: surface_share(p, "treadmill"))
rule("surface.treadmill_light")(lambda p: surface_share(p, "treadmill"))
rule("surface.trail_grip")(lambda p: surface_share(p, "trail"))
rule("surface.trail_rock_plate")(lambda p: surface_share(p, "trail"))
rule("surface.trail_toe_bumper")(lambda p: surface_share(p, "trail"))
rule("surface.trail_heel_hold")(lambda p: surface_share(p, "trail"))
rule("surface.trail_low_stack")(lambda p: surface_share(p, "trail"))

# --- experience -------------------------------------------------------------
rule("experience.beginner_comfort")(lambda p: when(p.experience == "beginner"))
rule("experience.beginner_no_racer")(lambda p: when(p.experience == "beginner"))
rule("experience.advanced_light")(lambda p: when(p.experience == "advanced"))

# --- weekly distance ----------------------------------------------------------
rule("distance.high_volume_cushion")(
    lambda p: when(p.weekly_km is not None and p.weekly_km >= HIGH_WEEKLY_KM)
)
rule("distance.high_volume_rubber")(
    lambda p: when(p.weekly_km is not None and p.weekly_km >= HIGH_WEEKLY_KM)
)
rule("distance.no_minimalist")(
    lambda p: when(p.weekly_km is not None and p.weekly_km > MINIMALIST_WEEKLY_KM)
)

# --- foot strike ------------------------------------------------------------
rule("strike.heel_cushion")(lambda p: when(p.foot_strike == "heel"))
rule("strike.heel_counter")(lambda p: when(p.foot_strike == "heel"))
rule("strike.forefoot_flex")(lambda p: when(p.foot_strike == "forefoot"))
rule("strike.midfoot_flex")(lambda p: when(p.foot_strike == "midfoot"))

# --- downhill ---------------------------------------------------------------
rule("downhill.cushion")(lambda p: when(p.downhill is True))
rule("downhill.heel_hold")(lambda p: when(p.downhill is True))
rule("downhill.trail_grip")(lambda p: when(p.downhill is True and runs_off_road(p)))

# --- knee pain --------------------------------------------------------------
rule("knee.kneecap_insert")(lambda p: when("around_kneecap" in p.knee_pain))
rule("knee.pain_cushion")(lambda p: when(bool(p.knee_pain)))
rule("knee.inside_stability")(
    lambda p: when("inside" in p.knee_pain and p.pronation == "overpronation")
)


# --- shoe measurements ------------------------------------------------------
#: Low drop in the drop trial (Malisoux 2016): 0 and 6 mm against 10 mm.
LOW_DROP_MM = 6.0


class ShoePredicate(NamedTuple):
    """When a rule of resources/shoe_rules.toml applies: to this runner, and to this shoe.

    Two halves, so the scorer asks the runner's once per re-advice (and knows from the
    answers alone whether any shoe's points can have changed), and the shoe's once per
    shoe for the rules that apply to the runner. The levels are the shoe's, with those
    its measurements give (core.fit).
    """

    runner: Callable[[RunnerProfile], bool]
    shoe: Callable[[Shoe, Mapping[FeatureId, int]], bool]
    #: The levels the shoe half reads. Of the shoe itself it reads only `drop_mm`, so
    #: the scorer tests it once per drop and these levels, not once per shoe.
    reads: tuple[FeatureId, ...] = ()


SHOE_RULES: dict[str, ShoePredicate] = {}


def _low_drop(shoe: Shoe) -> bool:
    return shoe.drop_mm is not None and shoe.drop_mm <= LOW_DROP_MM


def _standard_drop(shoe: Shoe) -> bool:
    return shoe.drop_mm is not None and shoe.drop_mm > LOW_DROP_MM


def _regular_runner(p: RunnerProfile) -> bool:
    # The trial's "regular" runners had run weekly for most of the past year.
    return p.experience in ("intermediate", "advanced")


SHOE_RULES["drop_standard_regular"] = ShoePredicate(
    _regular_runner, lambda shoe, levels: _standard_drop(shoe)
)
# Says why a low drop earns nothing for a regular runner (0 points: never below unknown).
SHOE_RULES["drop_low_regular"] = ShoePredicate(
    _regular_runner, lambda shoe, levels: _low_drop(shoe)
)
# The trial's shoes were all cushioned: the bonus is not for thin, minimalist soles.
SHOE_RULES["drop_low_occasional"] = ShoePredicate(
    lambda p: p.experience == "beginner",
    lambda shoe, levels: _low_drop(shoe) and levels.get("cushioning", 0) >= 2,
    reads=("cushioning",),
)
