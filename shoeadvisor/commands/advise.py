"""`shoeadvisor advise PROFILE.json [--shoes SHOES.json] [--json]` (contract §6)."""

from __future__ import annotations

import argparse
import textwrap
from collections import Counter
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from shoeadvisor.core import labels
from shoeadvisor.core.advice import Advice
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.compare import coverage_note, store_check_note, summarise, surface_note
from shoeadvisor.core.files import InputFileError, load_profile, load_shoes
from shoeadvisor.core.fit import SHORTLIST_MAX, TIE_POINTS, UNRANKED_TIER, tier_of
from shoeadvisor.core.knowledge import knowledge

from .terminal import write_json, write_text

DAYS_30 = timedelta(days=30)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "advise",
        help="advice for a runner profile file",
        description="Print feature levels, risks, knee guidance and shoe scores for a profile.",
    )
    parser.add_argument(
        "profile",
        metavar="PROFILE.json",
        nargs="?",
        help="a runner profile (its format: docs/formats.md)",
    )
    parser.add_argument(
        "--profile",
        dest="stored",
        metavar="NAME_OR_ID",
        help="a saved profile instead of a file: its logged runs fill the weekly distances "
        "and the longest recent run it leaves blank, each once the log goes back that far",
    )
    parser.add_argument(
        "--shoes", metavar="SHOES.json", help="shoes to score (default: the built-in archetypes)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the advice as JSON (its format: docs/formats.md)"
    )
    parser.set_defaults(handler=run)


def _stored_profile(text: str | None) -> tuple[Any, dict[str, Any]]:
    """A saved profile with its load fields filled from the run log, and what the log says."""
    from datetime import datetime

    from shoeadvisor.core.training import (
        FIGURE_SPANS,
        analyse_runs,
        planned_run_check,
        profile_with_runs,
    )

    from .stored import open_store, resolve_profile

    with open_store() as store:
        entry = resolve_profile(store, text)
        runs = store.run_log().runs(entry.id)
    now = datetime.now().astimezone()
    load = analyse_runs(runs, now)
    profile, filled = profile_with_runs(entry.profile, load)
    recent = [
        m for m in load.marks if any(r.id == m.run_id and now - r.start <= DAYS_30 for r in runs)
    ]
    planned = getattr(profile, "planned_longest_run_km", None)
    planned_mark = planned_run_check(planned, runs, now) if planned else None
    covered = load.profile_fields()
    training = {
        "runs": load.runs,
        "filled_from_runs": {key: getattr(profile, key) for key in filled},
        # The figures the log does not yet hold the whole span of (7, 14 or 30 days).
        "not_covered_yet": [key for key in FIGURE_SPANS if load.runs and key not in covered],
        "weekly_km": round(load.weekly_km, 1),
        "previous_weekly_km": round(load.previous_weekly_km, 1),
        "longest_run_30d_km": round(load.longest_run_30d_km, 1),
        "recent_spikes": [{"run_id": m.run_id, **m.to_json()} for m in recent],
        "planned_run": planned_mark.to_json() if planned_mark else None,
    }
    return profile, training


def run(args: argparse.Namespace) -> int:
    if (args.profile is None) == (args.stored is None):
        raise InputFileError("PROFILE.json", "give a profile file or --profile NAME_OR_ID")
    training: dict[str, Any] | None = None
    if args.stored is not None:
        profile, training = _stored_profile(args.stored)
    else:
        profile = load_profile(args.profile)
    shoes = load_shoes(args.shoes) if args.shoes else None
    result = advise(profile, shoes)
    if args.json:
        data = result.to_json(share_items=True)  # written at once, never changed
        if training is not None:
            data["training"] = training
        write_json(data)
    else:
        text = text_summary(result)
        write_text(text + _training_text(training) if training is not None else text)
    return 0


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def text_summary(result: Advice) -> str:
    """A readable plain-text version of the advice."""
    kb = knowledge()
    out = [f"ShoeAdvisor advice for {result.profile.name}", ""]
    out.append("Shoe features")
    for level in ("essential", "recommended", "optional", "avoid"):
        chosen = [f for f in result.features if f.level == level]
        if not chosen:
            continue
        out.append(f"  {level.upper()}")
        for feature in chosen:
            out.append(f"  - {feature.name} ({feature.importance}/100)")
            for reason in feature.reasons[1:] or feature.reasons:
                out.append(_wrap(f"{reason.text} [{reason.evidence}]", "      "))
    out.append("")
    out.append("Risks")
    if not result.risks:
        out.append("  none flagged")
    for risk in result.risks:
        out.append(f"  [{risk.severity.upper()}] {risk.name}")
        out.append(_wrap(risk.text, "      "))
        out.append(_wrap("What to do: " + risk.advice, "      "))
    if result.knee is not None:
        knee = result.knee
        out += ["", "Knee"]
        if knee.see_doctor:
            out.append("  SEE A DOCTOR: " + knee.summary)
            for flag in knee.red_flags:
                out.append(_wrap(f"{flag.name}: {flag.why}", "    "))
        else:
            out.append(_wrap(knee.summary, "  "))
        for condition in knee.conditions:
            out.append(
                textwrap.fill(condition.text, 88, initial_indent="  - ", subsequent_indent="    ")
            )
        for exercise in knee.exercises:
            out.append(f"  * {exercise.name}: {exercise.dose}")
    out += ["", *shoe_lines(result, {fid: f.name for fid, f in kb.features.items()})]
    out += ["", _wrap(kb.disclaimer, ""), ""]
    return "\n".join(out)


def _training_text(training: dict[str, Any]) -> str:
    """What the run log added to the advice, for the text summary."""
    count = training["runs"]
    out = ["From your logged runs", f"  {count} run{'s' if count != 1 else ''} logged"]
    out.append(
        f"  last 7 days {training['weekly_km']} km, the 7 before {training['previous_weekly_km']}"
        f" km, longest run in 30 days {training['longest_run_30d_km']} km"
    )
    filled = training["filled_from_runs"]
    if filled:
        out.append("  used for the advice: " + ", ".join(f"{k} = {v}" for k, v in filled.items()))
    if training.get("not_covered_yet"):
        from shoeadvisor.core.run_summaries import not_from_runs_yet

        for key in training["not_covered_yet"]:
            out.append(_wrap(not_from_runs_yet(key), "  "))
    for spike in training["recent_spikes"]:
        out.append(
            f"  run {spike['run_id']}: {spike['label']} longer than the longest of the 30 days "
            f"before it ({spike['longest_previous_30d_km']} km)"
        )
    if training["planned_run"]:
        out.append(f"  your planned long run would be {training['planned_run']['label']} longer")
    return "\n".join(out) + "\n"


def shoe_lines(result: Advice, names: Mapping[str, str]) -> list[str]:
    """The shoes, best fit first: surface match, ties, coverage and the store checklist."""
    # Only the text output words ties and the shortlist.
    from shoeadvisor.core.summaries import (
        SHORTLIST_MARK,
        TIED_MARK,
        shortlist_note,
        tie_rule,
    )

    out = ["Shoes, best fit first"]
    if not result.shoes:
        return [*out, "  none given"]
    out.append(_wrap(tie_rule(TIE_POINTS), "  "))
    if result.shortlist:
        note = shortlist_note(
            [s.shoe.name for s in result.shortlist],
            [s.shoe.name for s in result.tied_with_shortlist],
            result.shortlist[-1].tie_group,
            SHORTLIST_MAX,
            marks=True,
        )
        out.append(_wrap(note, "  "))
    # The marks the note starts with, in the margin of the shoes it names.
    marks = {id(s): SHORTLIST_MARK for s in result.shortlist}
    marks.update((id(s), TIED_MARK) for s in result.tied_with_shortlist)
    sizes = Counter(s.tie_group for s in result.shoes)
    section = None
    for rank, score in enumerate(result.shoes, 1):
        title = labels.SURFACE_MATCH_SECTIONS[score.surface_match]
        if tier_of(score) == UNRANKED_TIER:
            title = "Nothing known yet: not even the surface"
        if title != section:
            section = title
            out += ["", f"  {title}"]
        details = [surface_note(score), coverage_note(score)]
        if score.shoe.comfort is not None:
            details.append(f"comfort {score.shoe.comfort}/5")
        if sizes[score.tie_group] > 1:
            details.append(labels.tie(score.tie_group, sizes[score.tie_group]))
        out.append(f"{marks.get(id(score), ' '):>2}{rank:3d}. {score.score:3d}  {score.shoe.name}")
        out.append(_wrap(" · ".join(details), " " * 12))
        summary = summarise(score)
        if summary.missing:
            lacks = ", ".join(names.get(f, f).lower() for f in summary.missing)
            out.append(_wrap(f"lacks {lacks} (essential for you)", " " * 12))
        if summary.avoid:
            has = ", ".join(names.get(f, f).lower() for f in summary.avoid)
            out.append(_wrap(f"has {has}, which you should avoid", " " * 12))
        check = store_check_note(score, names)
        if check:
            out.append(_wrap(check, " " * 12))
    return out
