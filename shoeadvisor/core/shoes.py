"""Shoe checklists of contract §2."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from .ids import FEATURE_IDS, FeatureId, ShoeSurface

MAX_LEVEL = 3


def _level(feature: str, value: Any) -> int:
    # JSON true/false are accepted as 3/0 (contract §2); bool is checked first
    # because bool is a subclass of int.
    if isinstance(value, bool):
        return MAX_LEVEL if value else 0
    if isinstance(value, int) and 0 <= value <= MAX_LEVEL:
        return value
    raise ValueError(f"{feature}: level must be 0–3, true or false (got {value!r})")


class Shoe(BaseModel):
    """One shoe as a feature checklist; a feature left out is unknown, not absent."""

    # Built on first validation (the kept knowledge's catalog needs no validator).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    features: dict[FeatureId, int] = Field(default_factory=dict)
    weight_g: float | None = Field(default=None, ge=50, le=1000)
    drop_mm: float | None = Field(default=None, ge=-5, le=30)
    stack_mm: float | None = Field(default=None, ge=0, le=80)
    surface: ShoeSurface | None = None
    notes: str | None = Field(default=None, max_length=5000)
    #: How comfortable it felt when tried on, 1 (poor) to 5 (excellent).
    comfort: int | None = Field(default=None, ge=1, le=5)
    description: str | None = Field(default=None, max_length=2000)
    archetype: bool = False

    @field_validator("features", mode="before")
    @classmethod
    def _levels_from_json(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        levels = {}
        for key, level in value.items():
            # The common cases inline (a shoe file may hold 250,000 levels); _level says why not.
            if level is True:
                levels[key] = MAX_LEVEL
            elif level is False:
                levels[key] = 0
            elif type(level) is int and 0 <= level <= MAX_LEVEL:
                levels[key] = level
            else:
                levels[key] = _level(str(key), level)
        return levels

    @field_validator("id", "name", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @property
    def levels(self) -> tuple[int | None, ...]:
        """Feature levels in FEATURE_IDS order, None where unknown."""
        # Derived on demand, never cached: model_copy(update=...) must not leave it stale.
        return tuple(self.features.get(feature) for feature in FEATURE_IDS)

    def to_json_dict(self) -> dict[str, Any]:
        """The contract §2 form of this shoe."""
        data = self.model_dump(mode="json", exclude_none=True)
        if not data.get("archetype"):
            data.pop("archetype", None)
        return data


@cache
def _shoe_list() -> TypeAdapter[list[Shoe]]:
    return TypeAdapter(list[Shoe])


def parse_shoes(data: Any) -> list[Shoe]:
    """Validate a decoded shoe file: a list of shoes with unique ids."""
    shoes = _shoe_list().validate_python(data)
    seen: set[str] = set()
    for index, shoe in enumerate(shoes):
        if shoe.id in seen:
            raise ValueError(f"[{index}].id: {shoe.id!r} is used by two shoes")
        seen.add(shoe.id)
    return shoes
