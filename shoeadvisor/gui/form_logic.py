"""What the profile form holds, turned into a RunnerProfile or into per-field messages.

Pure Python with no Qt, so it is unit tested on its own. It imports pydantic (through
RunnerProfile) only when a profile is actually built, which keeps the window's start-up lean.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from shoeadvisor.core.profile import RunnerProfile

# The value sets of contract §1, spelled out here because importing anything under
# shoeadvisor.core runs core/__init__, which loads pydantic: too slow for the first paint.
# tests/gui/test_form_logic.py checks that they equal shoeadvisor.core.ids.
FOOT_WIDTHS = ("narrow", "standard", "wide", "extra_wide")
PRONATIONS = ("overpronation", "neutral", "supination", "unknown")
SEASONS = ("spring", "summer", "autumn", "winter")
SURFACES = ("asphalt", "track", "trail", "treadmill")
EXPERIENCES = ("beginner", "intermediate", "advanced")
FOOT_STRIKES = ("heel", "midfoot", "forefoot", "unknown")
ARCHES = ("flat", "normal", "high", "unknown")
KNEE_LOCATIONS = ("around_kneecap", "below_kneecap", "outside", "inside", "behind")
KNEE_SYMPTOMS = ("swelling", "crunching", "locking", "giving_way", "numbness", "severe_pain")

KG_PER_LB = 0.45359237
KM_PER_MI = 1.609344
CM_PER_IN = 2.54
NAME_MAX = 80


_REQUIRED: Any = object()


class _Record:
    """A small immutable record. Hand-written rather than a dataclass: dataclasses compile
    their methods at import time, which costs the first paint several milliseconds."""

    __slots__ = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = list(self._defaults)
        values = dict(self._defaults)
        values.update(zip(names, args, strict=False))
        unknown = set(kwargs) - set(names)
        if unknown:
            raise TypeError(f"unknown field(s): {', '.join(sorted(unknown))}")
        values.update(kwargs)
        for name in names:
            value = values[name]
            if value is _REQUIRED:
                raise TypeError(f"{type(self).__name__} needs {name}")
            object.__setattr__(self, name, dict(value) if isinstance(value, dict) else value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._defaults)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inside = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._defaults)
        return f"{type(self).__name__}({inside})"

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed."""
        return type(self)(**{**dict(zip(self._defaults, self._values(), strict=True)), **changes})


class NumberField(_Record):
    """A number the runner types, stored metric, shown in either unit system."""

    __slots__ = (
        "example",
        "high",
        "imperial_unit",
        "key",
        "label",
        "low",
        "metric_per_imperial",
        "metric_unit",
        "required",
    )
    _defaults = dict.fromkeys(
        (
            "key",
            "label",
            "low",
            "high",
            "metric_unit",
            "imperial_unit",
            "metric_per_imperial",
            "required",
            "example",
        ),
        _REQUIRED,
    )
    key: str
    label: str
    low: float
    high: float
    metric_unit: str
    imperial_unit: str
    metric_per_imperial: float
    required: bool
    example: str

    def unit(self, units: str) -> str:
        return self.imperial_unit if units == "imperial" else self.metric_unit

    def to_display(self, metric: float, units: str) -> float:
        return metric / self.metric_per_imperial if units == "imperial" else metric

    def to_metric(self, shown: float, units: str) -> float:
        return shown * self.metric_per_imperial if units == "imperial" else shown

    def shown_range(self, units: str) -> tuple[float, float]:
        """The allowed range in the shown unit, rounded inwards so both ends are valid."""
        low = self.to_display(self.low, units)
        high = self.to_display(self.high, units)
        return math.ceil(low * 10 - 1e-9) / 10, math.floor(high * 10 + 1e-9) / 10


NUMBER_FIELDS: dict[str, NumberField] = {
    f.key: f
    for f in (
        NumberField("weight_kg", "Weight", 30, 250, "kg", "lb", KG_PER_LB, True, "70"),
        NumberField("height_cm", "Height", 100, 230, "cm", "in", CM_PER_IN, False, "175"),
        NumberField("weekly_km", "Distance last week", 0, 400, "km", "mi", KM_PER_MI, False, "25"),
        NumberField(
            "previous_weekly_km",
            "Distance the week before",
            0,
            400,
            "km",
            "mi",
            KM_PER_MI,
            False,
            "20",
        ),
    )
}

#: Plain-language labels for every value the form offers.
VALUE_LABELS: dict[str, str] = {
    "narrow": "Narrow",
    "standard": "Standard",
    "wide": "Wide",
    "extra_wide": "Extra wide",
    "overpronation": "Rolls inward (overpronation)",
    "neutral": "Neutral",
    "supination": "Rolls outward (supination)",
    "unknown": "Don't know",
    "spring": "Spring",
    "summer": "Summer",
    "autumn": "Autumn",
    "winter": "Winter",
    "asphalt": "Asphalt / road",
    "track": "Running track",
    "trail": "Trail / off-road",
    "treadmill": "Treadmill",
    "beginner": "Beginner (under a year)",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
    "heel": "Heel first",
    "midfoot": "Whole foot (midfoot)",
    "forefoot": "Ball of the foot first",
    "flat": "Flat / low",
    "normal": "Normal",
    "high": "High",
    "around_kneecap": "Around the kneecap",
    "below_kneecap": "Just below the kneecap",
    "outside": "Outer side",
    "inside": "Inner side",
    "behind": "Behind the knee",
    "swelling": "Swelling",
    "crunching": "Crunching or clicking",
    "locking": "Locks or catches",
    "giving_way": "Gives way",
    "numbness": "Numbness or tingling",
    "severe_pain": "Severe pain",
}

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "foot_width": "Foot width",
    "pronation": "Pronation",
    "weight_kg": "Weight",
    "seasons": "Seasons",
    "surfaces": "Surfaces",
    "height_cm": "Height",
    "weekly_km": "Distance last week",
    "previous_weekly_km": "Distance the week before",
    "experience": "Experience",
    "foot_strike": "Foot strike",
    "arch": "Arch",
    "downhill": "Downhill",
    "warm_up": "Warm-up",
    "knee_pain": "Knee pain",
    "knee_symptoms": "Knee symptoms",
    "units": "Units",
}

CHOICES: dict[str, tuple[str, ...]] = {
    "foot_width": FOOT_WIDTHS,
    "pronation": PRONATIONS,
    "experience": EXPERIENCES,
    "foot_strike": FOOT_STRIKES,
    "arch": ARCHES,
    "seasons": SEASONS,
    "surfaces": SURFACES,
    "knee_pain": KNEE_LOCATIONS,
    "knee_symptoms": KNEE_SYMPTOMS,
}


class FormValues(_Record):
    """Exactly what the form shows; numbers are the texts typed, in the shown unit."""

    __slots__ = (
        "arch",
        "downhill",
        "exact",
        "experience",
        "foot_strike",
        "foot_width",
        "knee_pain",
        "knee_symptoms",
        "name",
        "numbers",
        "pronation",
        "seasons",
        "surfaces",
        "units",
        "warm_up",
    )
    _defaults: ClassVar[dict[str, Any]] = {
        "name": "",
        "foot_width": None,
        "pronation": None,
        "seasons": (),
        "surfaces": (),  # the first one is the main surface
        "experience": None,
        "foot_strike": None,
        "arch": None,
        "downhill": None,
        "warm_up": None,
        "knee_pain": (),
        "knee_symptoms": (),
        "units": "metric",
        "numbers": {},
        # Exact metric values behind a shown text (after a unit switch or a load), so that
        # rounding for display never changes what is stored: {key: (shown text, metric)}.
        "exact": {},
    }
    name: str
    foot_width: str | None
    pronation: str | None
    seasons: tuple[str, ...]
    surfaces: tuple[str, ...]
    experience: str | None
    foot_strike: str | None
    arch: str | None
    downhill: bool | None
    warm_up: bool | None
    knee_pain: tuple[str, ...]
    knee_symptoms: tuple[str, ...]
    units: str
    numbers: Mapping[str, str]
    exact: Mapping[str, tuple[str, float]]

    def number_text(self, key: str) -> str:
        return self.numbers.get(key, "")


class FormResult(_Record):
    """A valid profile, or the message to show next to each field at fault."""

    __slots__ = ("errors", "profile")
    _defaults: ClassVar[dict[str, Any]] = {"profile": _REQUIRED, "errors": _REQUIRED}
    profile: RunnerProfile | None
    errors: Mapping[str, str]

    @property
    def ok(self) -> bool:
        return self.profile is not None


def format_number(value: float) -> str:
    """A number as a runner would type it: one decimal at most, no trailing .0."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _parse_float(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(value):
        raise ValueError("not a number")
    return value


def parse_number(values: FormValues, key: str) -> tuple[float | None, str | None]:
    """(metric value or None when unset, error message or None) for one number field."""
    spec = NUMBER_FIELDS[key]
    text = values.number_text(key)
    unit = spec.unit(values.units)
    exact = values.exact.get(key)
    if exact is not None and exact[0] == text:
        return exact[1], None
    try:
        shown = _parse_float(text)
    except ValueError:
        return None, f"{spec.label}: type a number in {unit}, for example {spec.example}"
    if shown is None:
        if spec.required:
            return None, f"{spec.label} is required"
        return None, None
    metric = spec.to_metric(shown, values.units)
    if not spec.low <= metric <= spec.high:
        low, high = spec.shown_range(values.units)
        return None, (
            f"{spec.label} must be between {format_number(low)} and {format_number(high)} {unit}"
        )
    return metric, None


def form_errors(values: FormValues) -> dict[str, str]:
    """Every field-level problem, worded for the runner; empty when the form is complete."""
    errors: dict[str, str] = {}
    name = values.name.strip()
    if not name:
        errors["name"] = "Name is required"
    elif len(name) > NAME_MAX:
        errors["name"] = f"Name is too long: {len(name)} characters, at most {NAME_MAX}"
    if values.foot_width not in FOOT_WIDTHS:
        errors["foot_width"] = "Foot width is required: choose one"
    if values.pronation not in PRONATIONS:
        errors["pronation"] = "Pronation is required: choose one (or \u201cDon't know\u201d)"
    if not values.seasons:
        errors["seasons"] = "Seasons: tick at least one season you run in"
    if not values.surfaces:
        errors["surfaces"] = "Surfaces: tick at least one surface you run on"
    for key in NUMBER_FIELDS:
        _, message = parse_number(values, key)
        if message:
            errors[key] = message
    return errors


def _dedupe(items: tuple[str, ...], allowed: tuple[str, ...]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item in allowed and item not in seen:
            seen.append(item)
    return seen


def profile_data(values: FormValues) -> dict[str, Any]:
    """The contract §1 dict for a form without errors (call form_errors first)."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "name": values.name.strip(),
        "foot_width": values.foot_width,
        "pronation": values.pronation,
        "seasons": _dedupe(values.seasons, SEASONS),
        "surfaces": _dedupe(values.surfaces, SURFACES),
        "units": "imperial" if values.units == "imperial" else "metric",
    }
    for key in NUMBER_FIELDS:
        metric, _ = parse_number(values, key)
        if metric is not None:
            data[key] = float(metric)
    for key in ("experience", "foot_strike", "arch"):
        value = getattr(values, key)
        if value is not None:
            data[key] = value
    for key in ("downhill", "warm_up"):
        value = getattr(values, key)
        if value is not None:
            data[key] = bool(value)
    if values.knee_pain:
        data["knee_pain"] = _dedupe(values.knee_pain, KNEE_LOCATIONS)
    if values.knee_symptoms:
        data["knee_symptoms"] = _dedupe(values.knee_symptoms, KNEE_SYMPTOMS)
    return data


def build_profile(values: FormValues) -> FormResult:
    """The form's RunnerProfile, or a message per field at fault. Never raises."""
    errors = form_errors(values)
    if errors:
        return FormResult(None, errors)
    from pydantic import ValidationError

    from shoeadvisor.core.profile import RunnerProfile

    try:
        return FormResult(RunnerProfile.model_validate(profile_data(values)), {})
    except ValidationError as exc:  # a rule the form does not know yet: still name the field
        found: dict[str, str] = {}
        for problem in exc.errors(include_url=False):
            key = str(problem["loc"][0]) if problem["loc"] else "name"
            label = FIELD_LABELS.get(key, key)
            found.setdefault(key, f"{label}: {str(problem['msg']).removeprefix('Value error, ')}")
        return FormResult(None, found)


def values_from_profile(data: Mapping[str, Any], units: str | None = None) -> FormValues:
    """The form contents for a contract §1 dict (a loaded file or a stored session).

    Tolerant of odd values: anything not in the contract is left unset for the runner to fix.
    """
    shown_units = units or ("imperial" if data.get("units") == "imperial" else "metric")

    def choice(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) and value in CHOICES[key] else None

    def many(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list | tuple):
            return ()
        return tuple(_dedupe(tuple(v for v in value if isinstance(v, str)), CHOICES[key]))

    def flag(key: str) -> bool | None:
        value = data.get(key)
        return value if isinstance(value, bool) else None

    numbers: dict[str, str] = {}
    exact: dict[str, tuple[str, float]] = {}
    for key, spec in NUMBER_FIELDS.items():
        value = data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            text = format_number(spec.to_display(float(value), shown_units))
            numbers[key] = text
            exact[key] = (text, float(value))
    name = data.get("name")
    return FormValues(
        name=name if isinstance(name, str) else "",
        foot_width=choice("foot_width"),
        pronation=choice("pronation"),
        seasons=many("seasons"),
        surfaces=many("surfaces"),
        experience=choice("experience"),
        foot_strike=choice("foot_strike"),
        arch=choice("arch"),
        downhill=flag("downhill"),
        warm_up=flag("warm_up"),
        knee_pain=many("knee_pain"),
        knee_symptoms=many("knee_symptoms"),
        units=shown_units,
        numbers=numbers,
        exact=exact,
    )


def switch_units(values: FormValues, units: str) -> FormValues:
    """The same form shown in other units: valid numbers converted, exact values kept."""
    if units == values.units:
        return values
    numbers = dict(values.numbers)
    exact: dict[str, tuple[str, float]] = {}
    for key, spec in NUMBER_FIELDS.items():
        metric, _ = parse_number(values, key)
        if metric is not None:
            text = format_number(spec.to_display(metric, units))
            numbers[key] = text
            exact[key] = (text, metric)
            continue
        try:
            shown = _parse_float(values.number_text(key))
        except ValueError:
            shown = None  # not a number: leave it as typed for the runner to fix
        if shown is not None:  # out of range: convert it too, so its meaning never changes
            metric = spec.to_metric(shown, values.units)
            numbers[key] = format_number(spec.to_display(metric, units))
    return values.replace(units=units, numbers=numbers, exact=exact)
