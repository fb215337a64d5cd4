"""How worn a runner's shoe is, and when to suggest a second pair. Knowledge: shoe_care.toml.

Mileage-based replacement is a convention, not an injury threshold (Wang 2010): every
band carries that note, the range is adjusted for body weight and surface by rules of
thumb graded "none", and retired shoes keep their history.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .ids import Grade, Surface
from .resources import resource_path

WearBandId = Literal["fresh", "in_use", "replacement_range", "past_range"]
WEAR_BANDS: tuple[WearBandId, ...] = ("fresh", "in_use", "replacement_range", "past_range")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WearAdjustment(_Strict):
    id: str
    kind: Literal["weight_kg_at_least", "weight_kg_below", "surface"]
    value: float | Surface
    factor: float = Field(gt=0.5, lt=1.5)
    text: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)


class WearBand(_Strict):
    id: WearBandId
    name: str
    note: str
    below_low: float | None = None
    below_high: float | None = None


class WearKnowledge(_Strict):
    low_km: float = Field(gt=0)
    high_km: float = Field(gt=0)
    convention: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    adjustment: tuple[WearAdjustment, ...]
    band: tuple[WearBand, ...]

    @model_validator(mode="after")
    def _ordered(self) -> WearKnowledge:
        if self.low_km >= self.high_km:
            raise ValueError("wear.low_km must be below wear.high_km")
        if tuple(b.id for b in self.band) != WEAR_BANDS:
            raise ValueError(f"wear bands must be {', '.join(WEAR_BANDS)} in that order")
        return self


class RotationKnowledge(_Strict):
    id: str
    name: str
    text: str
    advice: str
    evidence: Grade
    sources: tuple[str, ...] = Field(min_length=1)
    min_runs: int = Field(ge=1)
    days: int = Field(ge=1)


class PainKnowledge(_Strict):
    note: str


class ShoeCareKnowledge(_Strict):
    wear: WearKnowledge
    rotation: RotationKnowledge
    pain: PainKnowledge

    def citations(self) -> list[tuple[str, tuple[str, ...]]]:
        found = [("wear", self.wear.sources), ("rotation", self.rotation.sources)]
        found += [(f"wear adjustment {a.id}", a.sources) for a in self.wear.adjustment]
        return found


def _bibliography_ids(folder: Path) -> set[str]:
    with (folder / "bibliography.toml").open("rb") as handle:
        return {str(entry["id"]) for entry in tomllib.load(handle)["source"]}


def load_shoe_care_from(folder: Path) -> ShoeCareKnowledge:
    """Read and validate shoe_care.toml; every source must be in the bibliography."""
    with (folder / "shoe_care.toml").open("rb") as handle:
        care = ShoeCareKnowledge.model_validate(tomllib.load(handle))
    known = _bibliography_ids(folder)
    for where, sources in care.citations():
        for source in sources:
            if source not in known:
                raise ValueError(
                    f"shoe_care.toml: {where} cites {source!r}, not in the bibliography"
                )
    return care


@cache
def shoe_care() -> ShoeCareKnowledge:
    """The shoe-care knowledge shipped with the program (loaded once)."""
    return load_shoe_care_from(resource_path("shoe_care.toml").parent)


@dataclass(frozen=True, slots=True)
class ShoeWear:
    """A shoe's kilometres against the (adjusted) usual replacement range."""

    km: float
    low_km: float
    high_km: float
    band: WearBandId
    band_name: str
    note: str
    convention: str  # "a rule of thumb, not an injury limit"
    adjustments: tuple[WearAdjustment, ...]
    evidence: Grade
    sources: tuple[str, ...]

    @property
    def fraction(self) -> float:
        """km over the high end of the range, for a wear bar (may exceed 1)."""
        return self.km / self.high_km

    def to_json(self) -> dict[str, object]:
        return {
            "km": round(self.km, 1),
            "band": self.band,
            "range_km": [round(self.low_km), round(self.high_km)],
            "note": self.note,
            "convention": self.convention,
            "adjustments": [a.id for a in self.adjustments],
            "evidence": self.evidence,
            "sources": list(self.sources),
        }


#: The run surface a shoe made for `road`, `track` or `trail` (contract §2) is worn on.
RUN_SURFACE_OF_SHOE: dict[str, Surface] = {"road": "asphalt", "track": "track", "trail": "trail"}


def wear_surface(default_for: Sequence[Surface], shoe_surface: str | None) -> Surface | None:
    """The surface a shoe's wear range is adjusted for: the first surface it is the default
    shoe of, else the surface it is made for."""
    if default_for:
        return default_for[0]
    return RUN_SURFACE_OF_SHOE.get(shoe_surface) if shoe_surface else None


def shoe_wear(
    km: float, *, weight_kg: float | None = None, surface: Surface | None = None
) -> ShoeWear:
    """Where a shoe with km kilometres stands, for this runner's weight and the shoe's surface."""
    return WearScale(weight_kg).wear(km, surface)


def _applies(adjustment: WearAdjustment, weight_kg: float | None, surface: Surface | None) -> bool:
    value = adjustment.value
    if adjustment.kind == "surface":
        return surface == value
    if weight_kg is None or not isinstance(value, float):
        return False
    return weight_kg >= value if adjustment.kind == "weight_kg_at_least" else weight_kg < value


class WearScale:
    """`shoe_wear` for one runner's weight, for many shoes: the adjusted range and the band
    limits are worked out once per surface, each shoe then only finds its band.

    `key` tells two weights apart only when their wear differs (the weight adjustments
    that apply), so a caller can keep the wear of every shoe while the weight is edited.
    """

    __slots__ = ("_ranges", "_worn", "key", "weight_kg")

    def __init__(self, weight_kg: float | None) -> None:
        self.weight_kg = weight_kg
        wear = shoe_care().wear
        self.key: tuple[str, ...] = tuple(
            a.id for a in wear.adjustment if a.kind != "surface" and _applies(a, weight_kg, None)
        )
        self._ranges: dict[Surface | None, _Range] = {}
        # The same kilometres on the same surface wear the same (shoes never run in: 0 km).
        self._worn: dict[tuple[float, Surface | None], ShoeWear] = {}

    def _range(self, surface: Surface | None) -> _Range:
        wear = shoe_care().wear
        factor = 1.0
        applied: list[WearAdjustment] = []
        for adjustment in wear.adjustment:
            if _applies(adjustment, self.weight_kg, surface):
                factor *= adjustment.factor
                applied.append(adjustment)
        low, high = wear.low_km * factor, wear.high_km * factor
        limits: list[tuple[float, WearBand]] = []
        for band in wear.band[:-1]:
            limit = band.below_low * low if band.below_low is not None else None
            if limit is None and band.below_high is not None:
                limit = band.below_high * high
            if limit is not None:
                limits.append((limit, band))
        sources = tuple(dict.fromkeys((*wear.sources, *(s for a in applied for s in a.sources))))
        found = _Range(low, high, tuple(limits), wear.band[-1], tuple(applied), sources)
        self._ranges[surface] = found
        return found

    def wear(self, km: float, surface: Surface | None = None) -> ShoeWear:
        """Where a shoe with km kilometres, worn mostly on `surface`, stands."""
        worn = self._worn.get((km, surface))
        if worn is None:
            worn = self._worn[(km, surface)] = self._wear(km, surface)
        return worn

    def _wear(self, km: float, surface: Surface | None) -> ShoeWear:
        found = self._ranges.get(surface) or self._range(surface)
        chosen = found.last
        for limit, band in found.limits:
            if km < limit:
                chosen = band
                break
        wear = shoe_care().wear
        return ShoeWear(
            km,
            found.low,
            found.high,
            chosen.id,
            chosen.name,
            chosen.note,
            wear.convention,
            found.applied,
            wear.evidence,
            found.sources,
        )


class _Range(NamedTuple):
    low: float
    high: float
    limits: tuple[tuple[float, WearBand], ...]  # (km below which, band), in band order
    last: WearBand
    applied: tuple[WearAdjustment, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RotationAdvice:
    """'Rotate two pairs', for a runner whose recent runs were all in one shoe."""

    id: str
    name: str
    text: str
    advice: str
    evidence: Grade
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "text": self.text,
            "advice": self.advice,
            "evidence": self.evidence,
            "sources": list(self.sources),
        }


def rotation_advice(
    runs: Sequence[tuple[datetime, str | None]], now: datetime
) -> RotationAdvice | None:
    """Advice to rotate pairs when every recent run (start, shoe id) was in the same shoe."""
    rule = shoe_care().rotation
    since = now - timedelta(days=rule.days)
    recent = [shoe for start, shoe in runs if since <= start <= now]
    shoes = {shoe for shoe in recent if shoe is not None}
    if len(recent) < rule.min_runs or len(shoes) != 1 or None in recent:
        return None
    text = rule.text.format(runs=len(recent), days=rule.days)
    return RotationAdvice(rule.id, rule.name, text, rule.advice, rule.evidence, rule.sources)
