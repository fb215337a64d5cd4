"""The "why?" text beside the lists: reasons, evidence badges, sources and article claims.

Pure functions from core values to the small HTML subset QTextBrowser renders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from shoeadvisor.core import labels

from ..models.advice_models import GRADE_COLOURS, LEVEL_COLOURS, SEVERITY_COLOURS

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Claim, FeatureAdvice, Reason, RiskAdvice


def badge(text: str, colours: tuple[str, str]) -> str:
    background, foreground = colours
    return (
        f"<span style='background-color:{background}; color:{foreground};'>"
        f"&nbsp;{escape(text)}&nbsp;</span>"
    )


def evidence_badge(grade: str) -> str:
    return badge(f"Evidence: {labels.grade(grade)}", GRADE_COLOURS[grade])


def _sources_line(ids: Sequence[str], sources: Mapping[str, str]) -> str:
    """`sources`: each source's short name by id (the session's `source_names`)."""
    if not ids:
        return ""
    listed = "; ".join(f"<i>{escape(sources.get(s, s))}</i>" for s in ids)
    return f"<br/><small>Sources: {listed}</small>"


def _claim(claim: Claim, sources: Mapping[str, str]) -> str:
    return (
        "<p style='margin-left:12px;'><small><b>Where studies disagree</b> — a popular article "
        f"claims: \u201c{escape(claim.text)}\u201d {evidence_badge(claim.grade)}"
        f"{_sources_line(claim.sources, sources)}</small></p>"
    )


def _effect(reason: Reason) -> str:
    if reason.effect == "avoid":
        return " <small>(better avoided)</small>"
    if reason.rule.startswith("base."):
        return f" <small>(starting point for every runner: {reason.effect})</small>"
    if isinstance(reason.effect, int) and reason.effect:
        return f" <small>({reason.effect:+d} importance)</small>"
    return ""


def feature_html(feature: FeatureAdvice, sources: Mapping[str, str]) -> str:
    """Why a feature has its level for this runner, and how to check it in a store."""
    parts = [
        f"<h3>{escape(feature.name)}</h3>",
        f"<p>{badge(labels.level(feature.level), LEVEL_COLOURS[feature.level])} "
        f"&nbsp;Importance <b>{feature.importance}</b>/100 &nbsp;"
        f"{evidence_badge(feature.evidence)}</p>",
        f"<p>{escape(feature.description)}</p>",
        "<h4>Why, for you</h4><ul>",
    ]
    for reason in feature.reasons:
        parts.append(
            f"<li>{escape(reason.text)}{_effect(reason)}<br/>{evidence_badge(reason.evidence)} "
            f"<small>{escape(labels.grade_meaning(reason.evidence))}</small>"
            f"{_sources_line(reason.sources, sources)}"
        )
        if reason.claim is not None:
            parts.append(_claim(reason.claim, sources))
        parts.append("</li>")
    parts.append("</ul>")
    parts.append(f"<h4>How to check it in a store</h4><p>{escape(feature.how_to_check)}</p>")
    return "".join(parts)


def risk_html(risk: RiskAdvice, sources: Mapping[str, str]) -> str:
    """What a risk means for this runner and what to do about it."""
    parts = [
        f"<h3>{escape(risk.name)}</h3>",
        f"<p>{badge(labels.severity(risk.severity), SEVERITY_COLOURS[risk.severity])} "
        f"{evidence_badge(risk.evidence)}</p>",
        f"<p>{escape(risk.text)}</p>",
        f"<p><b>What to do:</b> {escape(risk.advice)}{_sources_line(risk.sources, sources)}</p>",
    ]
    if risk.claim is not None:
        parts.append(_claim(risk.claim, sources))
    return "".join(parts)


PLACEHOLDER_HTML = (
    "<p style='color:gray;'>Select a feature on the left to see why it matters for you, "
    "how sure the studies are, and how to check it in a store.</p>"
)
