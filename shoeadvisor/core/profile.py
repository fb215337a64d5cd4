"""The runner profile of contract §1, validated strictly."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .ids import (
    Arch,
    Experience,
    FootStrike,
    FootWidth,
    KneeLocation,
    KneeSymptom,
    Pronation,
    Season,
    Surface,
    Units,
)

#: The newest profile schema this program reads and writes.
PROFILE_SCHEMA_VERSION = 1

Km = Annotated[float, Field(ge=0, le=400)]


class NewerSchemaError(ValueError):
    """A file written by a newer ShoeAdvisor: refused, never rewritten."""


def _no_repeats(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{value!r} is listed twice")
        seen.add(value)
    return values


class RunnerProfile(BaseModel):
    """One runner, as they describe themselves (contract §1)."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, allow_inf_nan=False, str_strip_whitespace=False
    )

    schema_version: int = PROFILE_SCHEMA_VERSION
    name: str = Field(min_length=1, max_length=80)
    foot_width: FootWidth
    pronation: Pronation
    weight_kg: float = Field(ge=30, le=250)
    seasons: list[Season] = Field(min_length=1, max_length=4)
    surfaces: list[Surface] = Field(min_length=1, max_length=4)
    height_cm: float | None = Field(default=None, ge=100, le=230)
    weekly_km: Km | None = None
    previous_weekly_km: Km | None = None
    experience: Experience | None = None
    foot_strike: FootStrike | None = None
    arch: Arch | None = None
    downhill: bool | None = None
    warm_up: bool | None = None
    knee_pain: list[KneeLocation] = Field(default_factory=list, max_length=5)
    knee_symptoms: list[KneeSymptom] = Field(default_factory=list, max_length=6)
    units: Units = "metric"

    @model_validator(mode="before")
    @classmethod
    def _refuse_newer_schema(cls, data: Any) -> Any:
        if isinstance(data, dict):
            version = data.get("schema_version")
            if type(version) is int and version > PROFILE_SCHEMA_VERSION:
                raise NewerSchemaError(
                    f"written by a newer ShoeAdvisor (schema_version {version}; "
                    f"this version reads up to {PROFILE_SCHEMA_VERSION})"
                )
        return data

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value != PROFILE_SCHEMA_VERSION:
            raise ValueError(f"must be {PROFILE_SCHEMA_VERSION}")
        return value

    @field_validator("name", mode="before")
    @classmethod
    def _trim_name(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @field_validator("seasons", "surfaces", "knee_pain", "knee_symptoms")
    @classmethod
    def _unique(cls, value: list[Any]) -> list[Any]:
        return _no_repeats(value)

    @property
    def main_surface(self) -> Surface:
        """The surface listed first is the one the runner uses most."""
        return self.surfaces[0]

    @property
    def bmi(self) -> float | None:
        """Body-mass index when the height is known."""
        if self.height_cm is None:
            return None
        metres = self.height_cm / 100
        return self.weight_kg / (metres * metres)

    @property
    def weekly_change(self) -> float | None:
        """Latest week over the week before, as a ratio (1.3 = 30% more)."""
        if self.weekly_km is None or not self.previous_weekly_km:
            return None
        return self.weekly_km / self.previous_weekly_km

    def to_json_dict(self) -> dict[str, Any]:
        """The contract §1 form: optional fields left out when unset."""
        data = self.model_dump(mode="json", exclude_none=True)
        for key in ("knee_pain", "knee_symptoms"):
            if not data.get(key):
                data.pop(key, None)
        return data
