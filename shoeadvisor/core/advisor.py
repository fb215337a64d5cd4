"""`advise(profile, shoes)`: feature levels, risks, knee plan and shoe scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import getitem

from .advice import (
    GRADE_STRENGTH,
    Advice,
    Claim,
    ConditionAdvice,
    ExerciseAdvice,
    FeatureAdvice,
    KneeAdvice,
    PlanDay,
    Reason,
    RedFlagAdvice,
    RiskAdvice,
    ScoreAdjustment,
    ShoeScore,
)
from .ids import (
    FEATURE_IDS,
    RED_FLAG_SYMPTOMS,
    RISK_IDS,
    SEVERITY_RANK,
    ConditionId,
    FeatureId,
    Level,
)
from .knowledge import ArticleClaim, Knowledge, ShoeRule, knowledge
from .profile import RunnerProfile
from .risks import finding, needs_doctor
from .rules import FEATURE_RULES, SHOE_RULES, ShoePredicate
from .shoes import Shoe
from .wording import TextContext, number, text_context

ESSENTIAL_FROM = 70
RECOMMENDED_FROM = 45
#: Importance shown for a feature to avoid: it sorts last, whatever the rest says.
AVOID_IMPORTANCE_CAP = 10
#: Share of a feature's weight that is lost when it is absent, by level.
ABSENCE_PENALTY: Mapping[Level, float] = {
    "essential": 1.0,
    "recommended": 0.4,
    "optional": 0.0,
    "avoid": 0.0,
}
#: Penalty weight of a strongly present "avoid" feature (below an absent essential one).
AVOID_PENALTY = 0.5
#: Points for the runner's own comfort rating, 1 (poor) to 5 (excellent).
COMFORT_POINTS = {1: -10.0, 2: -5.0, 3: 0.0, 4: 5.0, 5: 10.0}
MAX_PLAN_EXERCISES = 6


def level_for(importance: int, avoided: bool) -> Level:
    if avoided:
        return "avoid"
    if importance >= ESSENTIAL_FROM:
        return "essential"
    if importance >= RECOMMENDED_FROM:
        return "recommended"
    return "optional"


def _claim(claim: ArticleClaim | None) -> Claim | None:
    if claim is None:
        return None
    return Claim(claim.text, claim.grade, claim.sources)


def feature_advice(profile: RunnerProfile, kb: Knowledge) -> tuple[FeatureAdvice, ...]:
    """Every feature once, highest importance first, each with its reasons."""
    ctx = text_context(profile)
    raw: dict[str, float] = {}
    avoided: set[str] = set()
    reasons: dict[str, list[Reason]] = {}
    for fid, feature in kb.features.items():
        raw[fid] = float(feature.base_importance)
        reasons[fid] = [
            Reason(
                f"base.{fid}",
                feature.base_reason,
                feature.evidence,
                feature.sources,
                feature.base_importance,
            )
        ]
    for rule_id, rule in kb.rules.items():
        share = FEATURE_RULES[rule_id](profile)
        if not share:
            continue
        if rule.effect == "avoid":
            avoided.add(rule.feature)
            effect: int | str = "avoid"
        else:
            effect = round(rule.effect * share)
            raw[rule.feature] += effect
        ctx["role"] = "your main surface" if share >= 1 else "one of your surfaces"
        reasons[rule.feature].append(
            Reason(
                rule_id,
                rule.text.format_map(ctx),
                rule.evidence,
                rule.sources,
                effect,
                _claim(rule.claim),
            )
        )
    result = []
    for fid, feature in kb.features.items():
        importance = max(0, min(100, round(raw[fid])))
        is_avoided = fid in avoided
        if is_avoided:
            importance = min(importance, AVOID_IMPORTANCE_CAP)
        result.append(
            FeatureAdvice(
                fid,
                feature.name,
                importance,
                level_for(importance, is_avoided),
                tuple(reasons[fid]),
                feature.description,
                feature.how_to_check,
            )
        )
    order = {fid: i for i, fid in enumerate(FEATURE_IDS)}
    result.sort(key=lambda f: (-f.importance, order[f.id]))
    return tuple(result)


def risk_advice(profile: RunnerProfile, kb: Knowledge) -> tuple[RiskAdvice, ...]:
    """The risks that apply: most severe first, then the best-supported."""
    ctx = text_context(profile)
    found = []
    for rid in RISK_IDS:
        verdict = finding(profile, rid)
        if verdict is None:
            continue
        risk = kb.risks[rid]
        text, advice = risk.words(verdict.variant)
        found.append(
            RiskAdvice(
                rid,
                risk.name,
                verdict.severity,
                text.format_map(ctx),
                advice.format_map(ctx),
                risk.evidence,
                risk.sources,
                _claim(risk.claim),
            )
        )
    order = {rid: i for i, rid in enumerate(RISK_IDS)}
    found.sort(key=lambda r: (-SEVERITY_RANK[r.severity], -GRADE_STRENGTH[r.evidence], order[r.id]))
    return tuple(found)


def knee_advice(profile: RunnerProfile, kb: Knowledge) -> KneeAdvice | None:
    """Possible conditions, red flags, and an exercise plan when it is safe to give one."""
    if not profile.knee_pain and not profile.knee_symptoms:
        return None
    conditions: list[ConditionAdvice] = []
    for location in profile.knee_pain:
        for cid, c in kb.conditions.items():
            if location in c.locations and all(x.id != cid for x in conditions):
                conditions.append(
                    ConditionAdvice(
                        cid,
                        c.name,
                        c.what,
                        c.causes,
                        c.article_claims,
                        c.studies,
                        c.evidence,
                        c.sources,
                        c.refer,
                    )
                )
    flags: list[str] = [s for s in profile.knee_symptoms if s in RED_FLAG_SYMPTOMS]
    if "behind" in profile.knee_pain:
        flags.append("behind_the_knee")
    red_flags = tuple(RedFlagAdvice(f, kb.red_flags[f].name, kb.red_flags[f].why) for f in flags)
    see_doctor = needs_doctor(profile)
    exercises: tuple[ExerciseAdvice, ...] = ()
    plan: tuple[PlanDay, ...] = ()
    if see_doctor:
        summary = (
            "See a doctor or physiotherapist before you run on this knee again or start "
            "exercises for it: " + "; ".join(f.name.lower() for f in red_flags) + "."
        )
    else:
        exercises = _plan_exercises([c.id for c in conditions], kb)
        plan = weekly_plan(exercises)
        summary = (
            "No red flags: ease your running to a level that does not increase the pain "
            "and follow the exercise plan. See a clinician if it has not eased in two to "
            "three weeks."
        )
        if not conditions:
            summary = (
                "No red flags. Mark where the knee hurts to see what it may be and a plan; "
                "see a clinician if it does not ease."
            )
    return KneeAdvice(
        tuple(conditions), see_doctor, red_flags, exercises, plan, summary, kb.disclaimer
    )


def _plan_exercises(conditions: Sequence[ConditionId], kb: Knowledge) -> tuple[ExerciseAdvice, ...]:
    chosen: list[ExerciseAdvice] = []
    # Round-robin over the conditions so each one gets its best exercises first.
    queues = [kb.exercises_for(cid) for cid in conditions if not kb.conditions[cid].refer]
    while any(queues) and len(chosen) < MAX_PLAN_EXERCISES:
        for queue in queues:
            while queue:
                e = queue.pop(0)
                if all(x.id != e.id for x in chosen):
                    chosen.append(
                        ExerciseAdvice(
                            e.id,
                            e.name,
                            e.muscles,
                            e.dose,
                            e.progression,
                            e.steps,
                            e.conditions,
                            e.evidence,
                            e.sources,
                        )
                    )
                    break
            if len(chosen) >= MAX_PLAN_EXERCISES:
                break
    return tuple(chosen)


def weekly_plan(exercises: Sequence[ExerciseAdvice]) -> tuple[PlanDay, ...]:
    """Strength on three days with rest between, backward running on two others."""
    if not exercises:
        return ()
    strength = tuple(e.id for e in exercises if e.id != "backward_running")
    backward = tuple(e.id for e in exercises if e.id == "backward_running")
    easy = "Easy run only if it does not increase the pain"
    extra = "Backward running, then " + easy.lower() if backward else easy
    days = [
        PlanDay("Monday", strength, "Strength session; an easy run may follow"),
        PlanDay("Tuesday", backward, extra),
        PlanDay("Wednesday", strength, "Strength session"),
        PlanDay("Thursday", (), "Rest or cycling/swimming"),
        PlanDay("Friday", strength, "Strength session; an easy run may follow"),
        PlanDay("Saturday", backward, extra),
        PlanDay("Sunday", (), "Rest"),
    ]
    return tuple(days)


def point_tables(features: Iterable[FeatureAdvice]) -> dict[FeatureId, tuple[float, ...]]:
    """Points per feature for levels 0–3, scaled so that shoes span 0–100 around 50."""
    by_id = {f.id: f for f in features}
    gains: dict[FeatureId, float] = {}
    penalties: dict[FeatureId, float] = {}
    for fid, f in by_id.items():
        if f.level == "avoid":
            gains[fid], penalties[fid] = 0.0, AVOID_PENALTY
        else:
            gains[fid] = f.importance / 100
            penalties[fid] = f.importance / 100 * ABSENCE_PENALTY[f.level]
    gain_scale = 50 / (sum(gains.values()) or 1)
    penalty_scale = 50 / (sum(penalties.values()) or 1)
    tables: dict[FeatureId, tuple[float, ...]] = {}
    for fid, f in by_id.items():
        gain = gains[fid] * gain_scale
        penalty = penalties[fid] * penalty_scale
        if f.level == "avoid":
            tables[fid] = tuple(-penalty * level / 3 for level in range(4))
        else:
            tables[fid] = tuple(gain * level / 3 - penalty * (1 - level / 3) for level in range(4))
    return tables


def _adjustment_rules(
    profile: RunnerProfile | None, kb: Knowledge
) -> list[tuple[str, ShoeRule, ShoePredicate]]:
    if profile is None:
        return []
    return [(rid, rule, SHOE_RULES[rid]) for rid, rule in kb.shoe_rules.items()]


def score_shoes(
    features: Sequence[FeatureAdvice],
    shoes: Iterable[Shoe],
    profile: RunnerProfile | None = None,
    kb: Knowledge | None = None,
) -> tuple[ShoeScore, ...]:
    """Fit scores, best first. Unknown features count 0; comfort adds ±10; with a profile,
    the shoe rules (e.g. drop) add their points."""
    tables = point_tables(features)
    order = tuple(f.id for f in features)
    table_of = tables.__getitem__
    adjusting = _adjustment_rules(profile, kb or knowledge())
    results: list[ShoeScore] = []
    ranking: list[tuple[float, str, str, int]] = []
    for index, shoe in enumerate(shoes):
        known = shoe.features
        comfort = COMFORT_POINTS[shoe.comfort] if shoe.comfort is not None else 0.0
        # Sum of tables[feature][level] over the known features, in C-level loops.
        raw = 50.0 + sum(map(getitem, map(table_of, known), known.values())) + comfort
        adjustments: tuple[ScoreAdjustment, ...] = ()
        if adjusting and profile is not None and shoe.drop_mm is not None:
            adjustments = _adjustments(profile, shoe, adjusting)
            raw += sum(a.points for a in adjustments)
        score = 0 if raw <= 0 else 100 if raw >= 100 else round(raw)
        results.append(ShoeScore(shoe, score, comfort, tables, order, adjustments))
        ranking.append((-raw, shoe.name, shoe.id, index))
    ranking.sort()  # best raw score first; ties by name, then id
    return tuple([results[entry[3]] for entry in ranking])


def _adjustments(
    profile: RunnerProfile, shoe: Shoe, rules: list[tuple[str, ShoeRule, ShoePredicate]]
) -> tuple[ScoreAdjustment, ...]:
    ctx = TextContext(drop_mm=number(shoe.drop_mm) if shoe.drop_mm is not None else "?")
    return tuple(
        ScoreAdjustment(rid, rule.points, rule.text.format_map(ctx), rule.evidence, rule.sources)
        for rid, rule, applies in rules
        if applies(profile, shoe)
    )


def advise(
    profile: RunnerProfile, shoes: Iterable[Shoe] | None = None, kb: Knowledge | None = None
) -> Advice:
    """Advice for one runner; without shoes, the built-in archetypes are scored."""
    kb = kb or knowledge()
    features = feature_advice(profile, kb)
    return Advice(
        profile,
        features,
        risk_advice(profile, kb),
        knee_advice(profile, kb),
        score_shoes(features, kb.catalog if shoes is None else shoes, profile, kb),
    )
