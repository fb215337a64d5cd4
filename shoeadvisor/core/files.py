"""Reading profile and shoe files with errors a person can act on."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shoeadvisor import regular_files
from shoeadvisor.regular_files import UnreadableFileError

# Re-exported: the store, the report and the commands word OS errors with it.
from shoeadvisor.regular_files import describe_os_error as describe_os_error

from .profile import PROFILE_SCHEMA_VERSION, NewerSchemaError, RunnerProfile, keys_newer_than
from .shoes import Shoe, parse_shoes

#: No profile or shoe list is anywhere near this; a bigger file is not ours.
MAX_PROFILE_BYTES = 1_000_000
MAX_SHOES_BYTES = 50_000_000
#: Shoes in one file: far more than anyone compares, and a bound on memory and time.
MAX_SHOES = 20_000
#: Values (strings, numbers, lists, objects) a shoe file may hold: a shoe with every
#: field set holds about 40, and each value costs up to ~60 bytes once parsed.
MAX_SHOE_FILE_VALUES = MAX_SHOES * 64


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


class LongNumber:
    """Stands in for a JSON number too long to be any value of ours (Python itself refuses
    to convert more than 4,300 digits), so that validation names the field it is in."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a number with {self.digits:,} digits"


#: Longer than any number in our files; such a number becomes a LongNumber.
MAX_NUMBER_DIGITS = 100


def _parse_int(text: str) -> int | LongNumber:
    digits = len(text) - text.startswith("-")
    return LongNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


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
    elif isinstance(first.get("input"), LongNumber):
        message = f"is {first['input']!r}, far too long to be a value here"
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return field, message


#: A \uD800-\uDFFF escape: the only way a lone surrogate gets into decoded JSON.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate_at(data: Any) -> str | None:
    """The field path of the first string or key holding a lone UTF-16 surrogate."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return _field_path(where)
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, where))
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            stack.extend((item, (*where, index)) for index, item in enumerate(value))
    return None


def count_json_values_bound(raw: bytes) -> int:
    """An upper bound on the number of values in a JSON text, counted without parsing.

    Every value but the first of each array or object follows a comma, so values <=
    commas + 2 x opening brackets + 1 (commas and brackets inside strings only add).
    Parsing builds a Python object per value (up to ~60 bytes for 3 bytes of JSON), so
    this bounds the memory a file can take before json.loads builds anything.
    """
    return raw.count(b",") + 2 * (raw.count(b"[") + raw.count(b"{")) + 1


def _next_and_previous(text: str, pos: int) -> tuple[str, str]:
    """The character at pos (or "" at the end) and the last one before it that is not space."""
    here = text[pos] if pos < len(text) else ""
    before = text[:pos].rstrip()
    return here, before[-1:] if before else ""


def json_error_words(exc: json.JSONDecodeError) -> str:
    """A JSON syntax error in plain words, with where it is: "line 4, column 3: …".

    The one place that words the parser's messages ("Expecting property name enclosed in
    double quotes"), for the window and the commands alike.
    """
    text, pos, msg = exc.doc, exc.pos, exc.msg
    here, before = _next_and_previous(text, pos)
    if not text.strip():
        return "the file is empty"
    if msg.startswith("Expecting property name") or msg.startswith("Illegal trailing comma"):
        if before == "," and here in "}]":
            what = "a comma after the last item: remove it"
        elif here == "'":
            what = 'a name in double quotes was expected ("name"), not in single quotes'
        elif here.isalpha() or here == "_":
            what = 'a name in double quotes was expected: write "name", with the quotes'
        else:
            what = "a name in quotes was expected (is there a comma after the last item?)"
    elif msg.startswith("Expecting value"):
        word = re.match(r"[A-Za-z_]+", text[pos:])
        if not here:
            what = "the file ends too soon: something is missing at the end"
        elif before == "," and here in "]}":
            what = "a comma after the last item: remove it"
        elif here == "'":
            what = 'text must be in double quotes ("like this"), not single quotes'
        elif word and word.group().lower() in ("true", "false", "null", "none", "nan"):
            what = "write true, false or null in small letters (and no NaN or None)"
        elif word:
            what = 'a value was expected: text goes in double quotes ("like this")'
        else:
            what = "a value was expected here (a number, text in quotes, true, false or null)"
    elif msg.startswith("Expecting ',' delimiter"):
        what = "a comma is missing between two items"
    elif msg.startswith("Expecting ':' delimiter"):
        what = 'a colon is missing after a name ("name": value)'
    elif msg.startswith("Unterminated string"):
        what = 'a text in quotes is not closed (the closing " is missing)'
    elif msg.startswith("Invalid control character"):
        what = r"a text in quotes runs over the end of a line or holds a tab (write \n or \t)"
    elif msg.startswith("Invalid \\uXXXX escape"):
        what = r"a \u escape needs four hex digits (like \u00e9)"
    elif msg.startswith("Invalid \\escape"):
        what = r"a backslash in a text must be doubled (\\), as in a Windows folder name"
    elif msg.startswith("Extra data"):
        what = "more follows the end of the data (the file holds one { … } and nothing after it)"
    else:
        what = msg[:1].lower() + msg[1:]
    return f"line {exc.lineno}, column {exc.colno}: {what}"


def decode_json_bytes(raw: bytes, path: Path | str, max_values: int | None = None) -> Any:
    """Decode UTF-8 JSON, naming the position of the first problem.

    With max_values, a text that may hold more values is refused before it is parsed.
    """
    if max_values is not None and count_json_values_bound(raw) > max_values:
        raise TooManyValuesError(path, f"holds too many values (over {max_values:,})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(path, f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise InputFileError(path, "binary data, not a JSON file") from None
    try:
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except ValueError as exc:
            if isinstance(exc, json.JSONDecodeError) or "digits" not in str(exc):
                raise
            # A number longer than Python converts: parse again, marking long numbers,
            # so that the message names the field instead of Python's limit.
            data = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise InputFileError(path, f"not valid JSON: {json_error_words(exc)}") from None
        raise InputFileError(path, str(exc)) from None
    except RecursionError:
        raise InputFileError(path, "JSON nested too deeply") from None
    if _SURROGATE_ESCAPE.search(text):
        field = _lone_surrogate_at(data)
        if field is not None:
            raise InputFileError(
                path, "holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF), not text", field
            )
    return data


class TooManyValuesError(InputFileError):
    """A JSON file with more values than its kind of file can hold (refused unparsed)."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON ({name} is not allowed)")


def read_regular_file_stat(path: Path | str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """`read_regular_file`, with the file's stat taken from the opened file."""
    try:
        return regular_files.read_regular_file_stat(path, max_bytes)
    except UnreadableFileError as exc:
        raise InputFileError(path, exc.reason) from None


def read_regular_file(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes, for every file the app reads.

    Never hangs and never reads without bound (see shoeadvisor.regular_files, the one
    reader this wraps). Every failure is an InputFileError naming the file.
    """
    return read_regular_file_stat(path, max_bytes)[0]


def read_json_file(path: Path | str, max_bytes: int) -> Any:
    """Read and decode a JSON file no bigger than max_bytes (a regular file only)."""
    return decode_json_bytes(read_regular_file(path, max_bytes), path)


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


def check_shoe_count(data: Any, path: Path | str) -> None:
    """Refuse a list of more than MAX_SHOES shoes, saying the limit."""
    if isinstance(data, list) and len(data) > MAX_SHOES:
        raise InputFileError(path, _too_many_shoes(f"has {len(data):,} shoes"))


def _too_many_shoes(what: str) -> str:
    return f"{what}; a shoe file holds at most {MAX_SHOES:,} shoes"


def decode_shoes_json(raw: bytes, path: Path | str) -> Any:
    """decode_json_bytes for a shoe list: too many values or shoes are refused, with the limit."""
    try:
        data = decode_json_bytes(raw, path, MAX_SHOE_FILE_VALUES)
    except TooManyValuesError:
        raise InputFileError(path, _too_many_shoes("holds too many entries")) from None
    check_shoe_count(data, path)
    return data


def load_shoes(path: Path | str) -> list[Shoe]:
    """Read a contract §2 shoe list file (at most MAX_SHOES shoes)."""
    data = decode_shoes_json(read_regular_file(path, MAX_SHOES_BYTES), path)
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
