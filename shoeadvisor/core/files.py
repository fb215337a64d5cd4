"""Reading profile and shoe files with errors a person can act on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .profile import PROFILE_SCHEMA_VERSION, NewerSchemaError, RunnerProfile, keys_newer_than
from .shoes import Shoe, parse_shoes

#: No profile or shoe list is anywhere near this; a bigger file is not ours.
MAX_PROFILE_BYTES = 1_000_000
MAX_SHOES_BYTES = 50_000_000


class InputFileError(Exception):
    """A file that cannot be used, with the field at fault when there is one."""

    def __init__(self, path: Path | str, message: str, field: str | None = None) -> None:
        self.path = Path(path)
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}: " if self.field else f"{self.path}: "
        return where + self.message


class NewerFileError(InputFileError):
    """A file from a newer ShoeAdvisor: report it and leave it exactly as it is."""


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def describe_validation_error(error: ValidationError) -> tuple[str, str]:
    """The first problem of a pydantic error as (field, plain message)."""
    first = error.errors(include_url=False)[0]
    field = _field_path(tuple(first["loc"]))
    message = str(first["msg"]).removeprefix("Value error, ")
    kind = first["type"]
    if kind == "extra_forbidden":
        message = "unknown key (not part of the file format)"
    elif kind == "missing":
        message = "is required but missing"
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return field, message


def decode_json_bytes(raw: bytes, path: Path | str) -> Any:
    """Decode UTF-8 JSON, naming the position of the first problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(path, f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise InputFileError(path, "binary data, not a JSON file") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise InputFileError(
                path, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
            ) from None
        raise InputFileError(path, str(exc)) from None
    except RecursionError:
        raise InputFileError(path, "JSON nested too deeply") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON ({name} is not allowed)")


def read_json_file(path: Path | str, max_bytes: int) -> Any:
    """Read and decode a JSON file no bigger than max_bytes."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise InputFileError(path, f"too large (over {max_bytes:,} bytes)")
    return decode_json_bytes(raw, path)


def check_schema_version(data: Any, path: Path | str) -> None:
    """Refuse a profile from a newer ShoeAdvisor before anything else looks at it."""
    if isinstance(data, dict):
        version = data.get("schema_version")
        if type(version) is int and version > PROFILE_SCHEMA_VERSION:
            raise NewerFileError(
                path,
                f"written by a newer ShoeAdvisor (schema_version {version}; this version "
                f"reads up to {PROFILE_SCHEMA_VERSION}); update ShoeAdvisor to open it",
                field="schema_version",
            )


def parse_profile(data: Any, path: Path | str = "<profile>") -> RunnerProfile:
    """Validate decoded JSON as a runner profile of any readable schema version."""
    check_schema_version(data, path)
    if not isinstance(data, dict):
        raise InputFileError(path, "a profile must be a JSON object")
    newer = keys_newer_than(data)
    if newer:
        raise InputFileError(
            path,
            'only known from schema_version 2 on (set "schema_version": 2 to use it)',
            newer[0],
        )
    try:
        return RunnerProfile.model_validate(data)
    except NewerSchemaError as exc:  # pragma: no cover - caught by check_schema_version
        raise NewerFileError(path, str(exc), "schema_version") from None
    except ValidationError as exc:
        field, message = describe_validation_error(exc)
        raise InputFileError(path, message, field) from None


def load_profile(path: Path | str) -> RunnerProfile:
    """Read a contract §1 profile file."""
    return parse_profile(read_json_file(path, MAX_PROFILE_BYTES), path)


def load_shoes(path: Path | str) -> list[Shoe]:
    """Read a contract §2 shoe list file."""
    data = read_json_file(path, MAX_SHOES_BYTES)
    if not isinstance(data, list):
        raise InputFileError(path, "a shoe file must be a JSON list of shoes")
    try:
        return parse_shoes(data)
    except ValidationError as exc:
        field, message = describe_validation_error(exc)
        raise InputFileError(path, message, field) from None
    except ValueError as exc:
        field, _, message = str(exc).partition(": ")
        raise InputFileError(path, message or field, field if message else None) from None
