"""The runner profile of contract §1, validated strictly.

Schema versions: 1 is the original contract §1; 2 adds five optional keys (`V2_KEYS`:
age, sex, an injury in the past year, the longest run of the past 30 days and the
longest run planned). Reading a version-1 profile migrates it in memory (the version
number becomes 2, nothing else changes); the file itself is only rewritten when the
runner saves.
"""

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
    Sex,
    Surface,
    Units,
)

#: The newest profile schema this program reads and writes.
PROFILE_SCHEMA_VERSION = 2
#: Every schema version this program reads (older ones are migrated on reading).
READABLE_SCHEMA_VERSIONS = (1, 2)
#: The keys schema version 2 added to contract §1 (all optional).
V2_KEYS = ("age", "sex", "injured_last_year", "longest_run_30d_km", "planned_longest_run_km")

Km = Annotated[float, Field(ge=0, le=400)]
#: A single run's distance (contract §1 v2: 0–200 km).
RunKm = Annotated[float, Field(ge=0, le=200)]


class NewerSchemaError(ValueError):
    """A file written by a newer ShoeAdvisor: refused, never rewritten."""


def _no_repeats(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{value!r} is listed twice")
        seen.add(value)
    return values


def keys_newer_than(data: dict[str, Any]) -> list[str]:
    """Keys of a version-1 profile that only version 2 knows (empty for other versions)."""
    if data.get("schema_version") != 1:
        return []
    return [key for key in V2_KEYS if key in data]


def migrate_profile_data(data: dict[str, Any]) -> dict[str, Any]:
    """A decoded profile of any readable version as current-version data.

    1 → 2 only adds optional keys, so the data stays as it is and only the number
    changes. A version-1 profile that already uses a version-2 key is refused: for
    version 1 that key is unknown, as contract §1 says.
    """
    newer = keys_newer_than(data)
    if newer:
        raise ValueError(
            f'{newer[0]}: only known from schema_version 2 on (set "schema_version": 2 to use it)'
        )
    if data.get("schema_version") == 1:
        return {**data, "schema_version": PROFILE_SCHEMA_VERSION}
    return data


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
    # --- schema version 2 -------------------------------------------------------
    age: int | None = Field(default=None, ge=10, le=100)
    sex: Sex | None = None
    #: A running injury in the past 12 months (the most consistent risk factor).
    injured_last_year: bool | None = None
    #: The longest single run of the past 30 days.
    longest_run_30d_km: RunKm | None = None
    #: The longest run planned for the coming week.
    planned_longest_run_km: RunKm | None = None

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        if isinstance(data, dict):
            version = data.get("schema_version")
            if type(version) is int and version > PROFILE_SCHEMA_VERSION:
                raise NewerSchemaError(
                    f"written by a newer ShoeAdvisor (schema_version {version}; "
                    f"this version reads up to {PROFILE_SCHEMA_VERSION})"
                )
            if type(version) is int:
                return migrate_profile_data(data)
        return data

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value != PROFILE_SCHEMA_VERSION:
            readable = " or ".join(str(v) for v in READABLE_SCHEMA_VERSIONS)
            raise ValueError(f"must be {readable}")
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
