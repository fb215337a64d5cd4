"""`advise(profile, shoes)`: feature levels, risks, knee plan and shoe scores."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
)
from .fit import GRADE_WEIGHT, FitMemo, score_shoes, shortlist, tied_with_shortlist
from .ids import (
    FEATURE_IDS,
    RED_FLAG_SYMPTOMS,
    RISK_IDS,
    SEVERITY_RANK,
    ConditionId,
    FeatureId,
    Grade,
    Level,
)
from .knowledge import ArticleClaim, Knowledge, knowledge
from .profile import RunnerProfile
from .risks import finding, needs_doctor
from .rules import FEATURE_RULES
from .shoes import Shoe
from .wording import text_context

__all__ = ["advise", "feature_advice", "knee_advice", "risk_advice", "score_shoes", "weekly_plan"]

ESSENTIAL_FROM = 70
RECOMMENDED_FROM = 45
#: Importance shown for a feature to avoid: it sorts last, whatever the rest says.
AVOID_IMPORTANCE_CAP = 10
MAX_PLAN_EXERCISES = 6
#: Grades that count as support from a study (or expert review) for an essential level.
STUDIED: frozenset[Grade] = frozenset({"strong", "moderate", "weak"})


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


def _wanted(importance: float) -> bool:
    return importance >= RECOMMENDED_FROM


def feature_advice(profile: RunnerProfile, kb: Knowledge) -> tuple[FeatureAdvice, ...]:
    """Every feature once, highest importance first, each with its reasons.

    A rule adds its effect scaled by its evidence grade (core.fit.GRADE_WEIGHT:
    contradicted adds nothing). A feature only "none"-graded reasons push up stays
    below essential. Opposed features (a membrane against mesh) are settled by the
    seasons: the "yield" rule of the one that gives way applies when both are wanted.
    """
    ctx = text_context(profile)
    raw: dict[FeatureId, int] = {}
    avoided: set[FeatureId] = set()
    studied: set[FeatureId] = set()
    reasons: dict[FeatureId, list[Reason]] = {}
    for fid, feature in kb.features.items():
        raw[fid] = feature.base_importance
        if feature.evidence in STUDIED and feature.base_importance > 0:
            studied.add(fid)
        reasons[fid] = [
            Reason(
                f"base.{fid}",
                feature.base_reason,
                feature.evidence,
                feature.sources,
                feature.base_importance,
            )
        ]
    yielding: list[tuple[str, float]] = []
    for rule_id, rule in kb.rules.items():
        share = FEATURE_RULES[rule_id](profile)
        if not share:
            continue
        if rule.effect == "yield":
            yielding.append((rule_id, share))
            continue
        if rule.effect == "avoid":
            avoided.add(rule.feature)
            effect: int | str = "avoid"
        else:
            effect = round(rule.effect * share * GRADE_WEIGHT[rule.evidence])
            raw[rule.feature] += effect
            if effect > 0 and rule.evidence in STUDIED:
                studied.add(rule.feature)
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
    for rule_id, _share in yielding:
        rule = kb.rules[rule_id]
        fid, other = rule.feature, rule.opposes
        if other is None or fid in avoided or other in avoided:
            continue
        if not (_wanted(raw[fid]) and _wanted(raw[other])):
            continue
        lowered = min(raw[fid], RECOMMENDED_FROM - 1)
        reasons[fid].append(
            Reason(
                rule_id,
                rule.text.format_map(ctx),
                rule.evidence,
                rule.sources,
                lowered - raw[fid],
                _claim(rule.claim),
            )
        )
        raw[fid] = lowered
    result = []
    for fid, feature in kb.features.items():
        importance = max(0, min(100, raw[fid]))
        is_avoided = fid in avoided
        if is_avoided:
            importance = min(importance, AVOID_IMPORTANCE_CAP)
        elif importance >= ESSENTIAL_FROM and fid not in studied:
            capped = ESSENTIAL_FROM - 1
            reasons[fid].append(
                Reason(
                    "level.no_study",
                    kb.notes["comfort_only"],
                    "none",
                    feature.sources,
                    capped - importance,
                )
            )
            importance = capped
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


def advise(
    profile: RunnerProfile,
    shoes: Iterable[Shoe] | None = None,
    kb: Knowledge | None = None,
    memo: FitMemo | None = None,
) -> Advice:
    """Advice for one runner; without shoes, the built-in archetypes are scored.

    `memo`: see core.fit.FitMemo (a window re-advising the same shoes on every edit).
    """
    kb = kb or knowledge()
    features = feature_advice(profile, kb)
    scored = score_shoes(features, kb.catalog if shoes is None else shoes, profile, kb, memo)
    chosen = shortlist(scored)
    return Advice(
        profile,
        features,
        risk_advice(profile, kb),
        knee_advice(profile, kb),
        scored,
        chosen,
        tied_with_shortlist(scored, chosen),
    )
