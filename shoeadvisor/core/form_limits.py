"""What a form may accept for each field, read from the models themselves.

`profile_fields()` and `shoe_fields()` describe every field of `RunnerProfile` and
`Shoe`: its kind (text, number, choice, several choices, yes/no), whether it is
required, and its limits, exactly as pydantic will enforce them. A form built from
these cannot drift from the model: a field added to the schema, or a range changed,
shows up in the form without a second copy.

The shown units live here too: numbers are stored metric (`weight_kg`, `weekly_km`)
and shown in the runner's units.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # not imported: the window's first paint uses this module without pydantic
    from pydantic import BaseModel

FieldKind = Literal["text", "number", "choice", "many", "flag"]

KG_PER_LB = 0.45359237
KM_PER_MI = 1.609344
CM_PER_IN = 2.54

#: Metric unit, imperial unit and metric per imperial, by the suffix of a field's key.
_UNITS: Mapping[str, tuple[str, str, float]] = {
    "_kg": ("kg", "lb", KG_PER_LB),
    "_km": ("km", "mi", KM_PER_MI),
    "_cm": ("cm", "in", CM_PER_IN),
    "_g": ("g", "g", 1.0),
    "_mm": ("mm", "mm", 1.0),
}

#: A typical value of a number field (metric), for placeholders and messages.
TYPICAL: Mapping[str, float] = {
    "weight_kg": 70,
    "height_cm": 175,
    "age": 35,
    "weekly_km": 25,
    "previous_weekly_km": 20,
    "longest_run_30d_km": 12,
    "planned_longest_run_km": 21,
    "weight_g": 260,
    "drop_mm": 8,
    "stack_mm": 32,
}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field as a form sees it. Bounds are inclusive; None where the model sets none."""

    key: str
    kind: FieldKind
    required: bool
    low: float | None = None
    high: float | None = None
    #: Numbers: only whole numbers (an int field).
    whole: bool = False
    #: Choice fields: the allowed values, in the model's order.
    choices: tuple[str, ...] = ()
    #: Text: most and fewest characters; several choices: most and fewest items.
    max_length: int | None = None
    min_length: int = 0


def _constraints(annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    """ge/le/gt/lt/min_length/max_length from a field's metadata and any Annotated inside it."""
    found: dict[str, Any] = {}
    pending: list[Any] = list(metadata)
    stack = [annotation]
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is typing.Annotated:
            pending.extend(current.__metadata__)
        stack.extend(typing.get_args(current))
    while pending:
        item = pending.pop()
        inner = getattr(item, "metadata", None)
        if isinstance(inner, list):  # a FieldInfo inside Annotated
            pending.extend(inner)
        for name in ("ge", "le", "gt", "lt", "min_length", "max_length"):
            value = getattr(item, name, None)
            if isinstance(value, int | float) and not isinstance(value, bool):
                found.setdefault(name, value)
    return found


def _without_none(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _base(annotation: Any) -> Any:
    """The type under Optional and Annotated."""
    options = _without_none(annotation)
    current = options[0] if len(options) == 1 else annotation
    while typing.get_origin(current) is typing.Annotated:
        current = typing.get_args(current)[0]
    return current


def _literal_values(annotation: Any) -> tuple[str, ...]:
    base = _base(annotation)
    if typing.get_origin(base) is Literal:
        return tuple(str(v) for v in typing.get_args(base))
    return ()


def _spec(key: str, annotation: Any, metadata: list[Any], required: bool) -> FieldSpec | None:
    limits = _constraints(annotation, metadata)
    base = _base(annotation)
    origin = typing.get_origin(base)
    if origin is list:
        (item,) = typing.get_args(base) or (Any,)
        return FieldSpec(
            key,
            "many",
            required or limits.get("min_length", 0) > 0,
            choices=_literal_values(item),
            max_length=limits.get("max_length"),
            min_length=limits.get("min_length", 0),
        )
    if origin is Literal:
        return FieldSpec(key, "choice", required, choices=_literal_values(base))
    if base is bool:
        return FieldSpec(key, "flag", required)
    if base in (int, float):
        low = limits.get("ge", limits.get("gt"))
        high = limits.get("le", limits.get("lt"))
        return FieldSpec(key, "number", required, low, high, whole=base is int)
    if base is str:
        return FieldSpec(
            key,
            "text",
            required,
            max_length=limits.get("max_length"),
            min_length=limits.get("min_length", 0),
        )
    return None  # dicts and the like: the form has a widget of its own for them


@cache
def fields_of(model: type[BaseModel]) -> Mapping[str, FieldSpec]:
    """Every field of a model that a form can show, in the model's order."""
    found: dict[str, FieldSpec] = {}
    for key, info in model.model_fields.items():
        spec = _spec(key, info.annotation, list(info.metadata), info.is_required())
        if spec is not None:
            found[key] = spec
    return types.MappingProxyType(found)


@cache
def profile_fields() -> Mapping[str, FieldSpec]:
    """The runner profile's fields (contract §1), without the schema version."""
    from .profile import RunnerProfile

    fields = fields_of(RunnerProfile).items()
    return types.MappingProxyType({k: v for k, v in fields if k != "schema_version"})


@cache
def shoe_fields() -> Mapping[str, FieldSpec]:
    """A shoe's fields (contract §2) that its editor shows as plain inputs."""
    from .shoes import Shoe

    fields = fields_of(Shoe).items()
    return types.MappingProxyType({k: v for k, v in fields if k not in ("id", "archetype")})


# -- shown units -----------------------------------------------------------------


def _unit_of(key: str) -> tuple[str, str, float] | None:
    for suffix, unit in _UNITS.items():
        if key.endswith(suffix):
            return unit
    return None


def unit(key: str, units: str = "metric") -> str:
    """The unit a number field is shown in ("kg" or "lb"); "" for a plain number (age)."""
    found = _unit_of(key)
    if found is None:
        return ""
    return found[1] if units == "imperial" else found[0]


def to_shown(key: str, metric: float, units: str) -> float:
    found = _unit_of(key)
    return metric / found[2] if found and units == "imperial" else metric


def to_metric(key: str, shown: float, units: str) -> float:
    found = _unit_of(key)
    return shown * found[2] if found and units == "imperial" else shown


def shown_range(spec: FieldSpec, units: str) -> tuple[float | None, float | None]:
    """A number field's limits in the shown unit, rounded inwards so both ends are valid."""
    low = None if spec.low is None else to_shown(spec.key, spec.low, units)
    high = None if spec.high is None else to_shown(spec.key, spec.high, units)
    return (
        None if low is None else math.ceil(low * 10 - 1e-9) / 10,
        None if high is None else math.floor(high * 10 + 1e-9) / 10,
    )


def format_number(value: float) -> str:
    """A number as a runner would type it: one decimal at most, no trailing .0."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def parse_number(text: str) -> float | None:
    """A typed number ("72,5" or " 72.5 "); None when empty; ValueError when not a number."""
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    if not cleaned:
        return None
    value = float(cleaned)  # ValueError for anything else
    if not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value


def typical_text(key: str, units: str = "metric") -> str:
    """A typical value of a number field as typed in the shown unit ("70", "154", "5 ft 9 in")."""
    metric = TYPICAL.get(key)
    if metric is None:
        return ""
    shown = round(to_shown(key, metric, units))
    if in_feet_and_inches(key, units):
        return format_feet_inches(shown)
    return format_number(shown)


# -- heights in feet and inches ------------------------------------------------------

#: Fields an imperial runner reads in feet and inches (stored in cm; `unit` says "in").
FEET_AND_INCHES = frozenset({"height_cm"})
INCHES_PER_FOOT = 12


def in_feet_and_inches(key: str, units: str) -> bool:
    return units == "imperial" and key in FEET_AND_INCHES


def feet_inches(inches: float) -> tuple[int, float]:
    """Inches as whole feet and the inches left, to one decimal (never "5 ft 12 in")."""
    total = round(inches, 1)
    feet = int(total // INCHES_PER_FOOT)
    rest = round(total - feet * INCHES_PER_FOOT, 1)
    if rest >= INCHES_PER_FOOT:  # 71.96 rounds to 72.0: that is 6 ft 0 in
        feet, rest = feet + 1, round(rest - INCHES_PER_FOOT, 1)
    return feet, rest


def format_feet_inches(inches: float) -> str:
    """ "5 ft 9.3 in"."""
    feet, rest = feet_inches(inches)
    return f"{feet} ft {format_number(rest)} in"


_NUMBER = r"\d+(?:\.\d+)?"
_FEET_INCHES = re.compile(
    rf"(?:(?P<feet>{_NUMBER})\s*(?:ft|feet|foot|'|\u2032))?\s*"
    rf"(?:(?P<inches>{_NUMBER})\s*(?:in|inches|inch|\"|\u2033)?)?"
)
_TWO_NUMBERS = re.compile(rf"(?P<feet>\d+)\s+(?P<inches>{_NUMBER})")


def parse_feet_inches(text: str) -> float | None:
    """A height typed as feet and inches ("5 ft 9 in", "5' 9.5\"", "5 ft", "5 9", "69 in").

    Returns inches; None when empty; ValueError saying what is wrong for anything else.
    """
    cleaned = text.strip().lower().replace(",", ".")
    if not cleaned:
        return None
    found = _TWO_NUMBERS.fullmatch(cleaned) or _FEET_INCHES.fullmatch(cleaned)
    if found is None or not (found["feet"] or found["inches"]):
        raise ValueError("type feet and inches as numbers")
    feet = float(found["feet"] or 0)
    inches = float(found["inches"] or 0)
    if feet != int(feet):
        raise ValueError("type whole feet, and the rest in inches")
    if found["feet"] and inches >= INCHES_PER_FOOT:
        raise ValueError(f"inches must be under {INCHES_PER_FOOT}")
    return feet * INCHES_PER_FOOT + inches


def format_in_unit(key: str, shown: float, units: str) -> str:
    """A value already in the shown unit, with its unit: "82 kg", "180.8 lb", "5 ft 9 in"."""
    if in_feet_and_inches(key, units):
        return format_feet_inches(shown)
    shown_unit = unit(key, units)
    text = format_number(shown)
    return f"{text} {shown_unit}" if shown_unit else text


def format_metric(key: str, metric: float, units: str) -> str:
    """A stored value as the runner reads it, in their units: "176 cm", "5 ft 9.3 in"."""
    return format_in_unit(key, to_shown(key, metric, units), units)
