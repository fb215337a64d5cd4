"""`shoeadvisor advise PROFILE.json [--shoes SHOES.json] [--json]` (contract §6)."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from shoeadvisor.core.advice import Advice
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile, load_shoes
from shoeadvisor.core.knowledge import knowledge

from .terminal import write_json, write_text


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "advise",
        help="advice for a runner profile file",
        description="Print feature levels, risks, knee guidance and shoe scores for a profile.",
    )
    parser.add_argument("profile", metavar="PROFILE.json", help="a runner profile (contract §1)")
    parser.add_argument(
        "--shoes", metavar="SHOES.json", help="shoes to score (default: the built-in archetypes)"
    )
    parser.add_argument("--json", action="store_true", help="print the contract §6 JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    shoes = load_shoes(args.shoes) if args.shoes else None
    result = advise(profile, shoes)
    if args.json:
        write_json(result.to_json())
    else:
        write_text(text_summary(result))
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
    out += ["", "Shoes, best fit first"]
    for shoe in result.shoes:
        out.append(f"  {shoe.score:3d}  {shoe.shoe.name}")
    out += ["", _wrap(kb.disclaimer, ""), ""]
    return "\n".join(out)
