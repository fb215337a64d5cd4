"""A profile as the runner fills it in: what is still missing or wrong, field by field.

A draft is a plain mapping of contract §1 keys to what the runner has entered so far.
It may be incomplete or hold a number typed as text that is not one yet; `check_draft`
says, for each field at fault, what to do, in the runner's words and units, and gives
the `RunnerProfile` once nothing is wrong. The limits are the model's own (see
form_limits): nothing here repeats a range.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from . import labels
from .form_limits import (
    FieldSpec,
    format_in_unit,
    in_feet_and_inches,
    parse_feet_inches,
    profile_fields,
    shown_range,
    typical_text,
    unit,
)
from .profile import RunnerProfile

Draft = Mapping[str, Any]

#: The name a profile made with "New" starts with.
NEW_RUNNER_NAME = "New runner"

#: What to do about a required list left empty, where "tick at least one" says too little.
_TICK_AT_LEAST_ONE = {
    "seasons": "tick at least one season you run in",
    "surfaces": "tick at least one surface you run on",
}


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """The profile a draft makes, or why it makes none yet (a message per field)."""

    profile: RunnerProfile | None
    problems: Mapping[str, str] = field(default_factory=dict)


def new_runner_profile(name: str = NEW_RUNNER_NAME) -> RunnerProfile:
    """The neutral profile a new runner starts from: every season, road running, 70 kg."""
    return RunnerProfile(
        name=name,
        foot_width="standard",
        pronation="unknown",
        weight_kg=70.0,
        seasons=["spring", "summer", "autumn", "winter"],
        surfaces=["asphalt"],
    )


def unused_name(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or "wanted 2", "wanted 3", … whichever no other profile has."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted} {number}" in taken:
        number += 1
    return f"{wanted} {number}"


def draft_of(profile: RunnerProfile) -> dict[str, Any]:
    """A profile as a draft: its contract §1 keys, the schema version left to the model."""
    data = profile.to_json_dict()
    data.pop("schema_version", None)
    return data


def patched(draft: Draft, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The draft with some fields changed; a field set to None or to an empty list is cleared."""
    result = dict(draft)
    for key, value in changes.items():
        if value is None or (isinstance(value, list | tuple) and not value):
            result.pop(key, None)
        else:
            result[key] = list(value) if isinstance(value, tuple) else value
    return result


def _number_problem(spec: FieldSpec, value: Any, units: str) -> str | None:
    name = labels.field(spec.key)
    shown_unit = unit(spec.key, units)
    in_unit = f" in {shown_unit}" if shown_unit else ""
    if isinstance(value, str) and in_feet_and_inches(spec.key, units):
        try:
            parse_feet_inches(value)
            why = "type feet and inches as numbers"
        except ValueError as exc:
            why = str(exc)
        return f"{name}: {why}, for example {typical_text(spec.key, units)}"
    if isinstance(value, str):  # typed, but not a number
        example = typical_text(spec.key, units)
        return f"{name}: type a number{in_unit}" + (f", for example {example}" if example else "")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name}: type a number{in_unit}"
    if spec.whole and value != int(value):
        return f"{name}: type a whole number"
    low, high = spec.low, spec.high
    if (low is not None and value < low) or (high is not None and value > high):
        shown_low, shown_high = shown_range(spec, units)
        if shown_low is not None and shown_high is not None:
            low_text = format_in_unit(spec.key, shown_low, units)
            if not in_feet_and_inches(spec.key, units):
                low_text = low_text.removesuffix(f" {shown_unit}")  # "between 10 and 100 kg"
            return f"{name} must be between {low_text} and " + format_in_unit(
                spec.key, shown_high, units
            )
        if shown_low is not None:
            return f"{name} must be at least {format_in_unit(spec.key, shown_low, units)}"
        return f"{name} must be at most {format_in_unit(spec.key, shown_high or 0, units)}"
    return None


def _problem(spec: FieldSpec, value: Any, units: str) -> str | None:
    name = labels.field(spec.key)
    missing = value is None or value == "" or value == [] or value == ()
    if spec.kind == "text":
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            return f"{name} is required" if spec.required else None
        if spec.max_length is not None and len(text) > spec.max_length:
            return f"{name} is too long: {len(text)} characters, at most {spec.max_length}"
        return None
    if missing:
        if not spec.required:
            return None
        if spec.kind == "choice":
            dont_know = labels.CHOICES.get(spec.key, {}).get("unknown")
            either = f" (or \u201c{dont_know}\u201d)" if dont_know else ""
            return f"{name} is required: choose one{either}"
        if spec.kind == "many":
            return f"{name}: {_TICK_AT_LEAST_ONE.get(spec.key, 'tick at least one')}"
        return f"{name} is required"
    if spec.kind == "number":
        return _number_problem(spec, value, units)
    if spec.kind == "choice" and value not in spec.choices:
        return f"{name}: choose one of the list"
    if spec.kind == "flag" and not isinstance(value, bool):
        return f"{name}: choose yes or no"
    if spec.kind == "many":
        items = list(value) if isinstance(value, list | tuple) else [value]
        unknown = [str(v) for v in items if v not in spec.choices]
        if unknown:
            return f"{name}: {', '.join(unknown)} is not one of the choices"
        if spec.max_length is not None and len(items) > spec.max_length:
            return f"{name}: at most {spec.max_length}"
    return None


def _for_model(spec: FieldSpec | None, value: Any) -> Any:
    """A checked draft value as the strict model takes it."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return list(dict.fromkeys(value))  # repeats dropped, order kept
    if spec is not None and spec.kind == "number" and not isinstance(value, bool):
        return int(value) if spec.whole else float(value)
    return value


def check_draft(draft: Draft) -> DraftCheck:
    """The draft's RunnerProfile, or a message for each field at fault. Never raises."""
    fields = profile_fields()
    units = "imperial" if draft.get("units") == "imperial" else "metric"
    problems: dict[str, str] = {}
    for key, spec in fields.items():
        message = _problem(spec, draft.get(key), units)
        if message:
            problems[key] = message
    if problems:
        return DraftCheck(None, problems)
    data: dict[str, Any] = {}
    for key, value in draft.items():
        if value is None or value == [] or value == ():
            continue
        data[key] = _for_model(fields.get(key), value)
    try:
        return DraftCheck(RunnerProfile.model_validate(data))
    except ValidationError as exc:  # a rule of the model the checks above do not know
        for error in exc.errors(include_url=False):
            key = str(error["loc"][0]) if error["loc"] else "name"
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.setdefault(key, f"{labels.field(key)}: {message}")
        return DraftCheck(None, problems)
