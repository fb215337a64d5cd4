"""The items of an advice that the Advice page lists: features and risks, with their reasons.

Apart from core.advice (which re-exports them) so that the window's kept first frame
(gui.session_snapshot) builds them without defining every other advice type: each frozen
dataclass costs a few tenths of a millisecond to define, at every start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .ids import FeatureId, Grade, Level, RiskId, Severity


@dataclass(frozen=True, slots=True)
class Claim:
    """What a seed article says where the studies disagree, with the claim's grade."""

    text: str
    grade: Grade
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": self.grade, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's contribution to a feature: why, how sure, from where."""

    rule: str
    text: str
    evidence: Grade
    sources: tuple[str, ...]
    effect: int | str = 0
    claim: Claim | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "text": self.text,
            "evidence": self.evidence,
            "sources": list(self.sources),
            "effect": self.effect,
        }
        if self.claim:
            data["article_claim"] = self.claim.to_json()
        return data


@dataclass(frozen=True, slots=True)
class FeatureAdvice:
    """One shoe feature scored for the runner: how much it matters, and the rules why."""

    id: FeatureId
    name: str
    importance: int
    level: Level
    reasons: tuple[Reason, ...]
    description: str
    how_to_check: str

    @property
    def evidence(self) -> Grade:
        """The grade of the strongest reason that moved this feature."""
        return strongest_grade(r.evidence for r in self.reasons)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "importance": self.importance,
            "level": self.level,
            "reasons": [r.to_json() for r in self.reasons],
            "how_to_check": self.how_to_check,
        }


@dataclass(frozen=True, slots=True)
class RiskAdvice:
    """A risk of the runner's surfaces, seasons or training, with what to do about it."""

    id: RiskId
    name: str
    severity: Severity
    text: str
    advice: str
    evidence: Grade
    sources: tuple[str, ...]
    claim: Claim | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "severity": self.severity,
            "text": self.text,
            "advice": self.advice,
            "evidence": self.evidence,
            "sources": list(self.sources),
        }
        if self.claim:
            data["article_claim"] = self.claim.to_json()
        return data


GRADE_STRENGTH: dict[Grade, int] = {
    "strong": 4,
    "moderate": 3,
    "weak": 2,
    "contradicted": 1,
    "none": 0,
}


def strongest_grade(grades: Any) -> Grade:
    best: Grade = "none"
    for grade in grades:
        if GRADE_STRENGTH[grade] > GRADE_STRENGTH[best]:
            best = grade
    return best
