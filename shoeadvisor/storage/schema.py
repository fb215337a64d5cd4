"""The stored profile format, its versions and the migrations between them.

Version 1: a bare contract §1 profile (`{"schema_version": 1, "name": ...}`); the
id is the file name and both timestamps are the file's modification time.
Version 2 (written now): an envelope
`{"storage_version": 2, "id", "created", "modified", "profile": {§1 profile}}`.
See docs/storage.md.

The storage version (the envelope) and the profile's own `schema_version` (contract
§1) are numbered apart. Either kind of file may hold a profile of schema 1 or 2; it
is migrated in memory when read (`core.profile.migrate_profile_data`) and written as
schema 2 only when the runner saves. Reading never rewrites a file.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from shoeadvisor.core.files import (
    InputFileError,
    NewerFileError,
    check_schema_version,
    check_shoe_count,
    decode_json_bytes,
    decode_shoes_json,
    describe_validation_error,
    parse_profile,
)
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe, parse_shoes

#: The newest storage format this program reads; the one it writes.
STORAGE_VERSION = 2
#: No stored profile comes close; a bigger file is not one of ours.
MAX_STORED_PROFILE_BYTES = 1_000_000
MAX_STORED_SHOES_BYTES = 20_000_000


def is_profile_id(text: str) -> bool:
    """True for the canonical lower-case UUID form used as file names."""
    try:
        return str(uuid.UUID(text)) == text
    except (ValueError, TypeError, AttributeError):
        return False


def new_profile_id() -> str:
    return str(uuid.uuid4())


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class StoredProfile:
    """A profile as kept on disk: the runner's data plus id and timestamps."""

    id: str
    created: datetime
    modified: datetime
    profile: RunnerProfile
    #: The storage version the file was read in (before migration).
    read_version: int = STORAGE_VERSION


class _EnvelopeV2(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    storage_version: int = Field(strict=True)
    id: str = Field(strict=True)
    created: AwareDatetime
    modified: AwareDatetime
    profile: dict[str, Any] = Field(strict=True)


class _ShoesEnvelopeV2(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    storage_version: int = Field(strict=True)
    modified: AwareDatetime
    shoes: list[Any] = Field(strict=True)


def _storage_version(data: dict[str, Any], path: Path | str) -> int:
    """The storage_version of an object, 1 when absent; newer ones are refused here."""
    if "storage_version" not in data:
        return 1
    version = data["storage_version"]
    if type(version) is not int:
        raise InputFileError(path, "must be a whole number", "storage_version")
    if version > STORAGE_VERSION:
        raise NewerFileError(
            path,
            f"written by a newer ShoeAdvisor (storage_version {version}; this version "
            f"reads up to {STORAGE_VERSION}); update ShoeAdvisor to open it",
            "storage_version",
        )
    if version != STORAGE_VERSION:
        raise InputFileError(path, f"unknown version {version}", "storage_version")
    return version


def stored_profile_from_data(
    data: Any, path: Path | str, *, file_id: str | None, mtime: datetime | None = None
) -> StoredProfile:
    """Validate and migrate decoded JSON of any known storage version."""
    if not isinstance(data, dict):
        raise InputFileError(path, "a saved profile must be a JSON object")
    version = _storage_version(data, path)
    when = mtime or now_utc()
    if version == 1:
        profile = parse_profile(data, path)
        return StoredProfile(file_id or new_profile_id(), when, when, profile, read_version=1)
    # A profile from a newer ShoeAdvisor is reported as such, not as a bad envelope.
    check_schema_version(data.get("profile"), path)
    try:
        envelope = _EnvelopeV2.model_validate(data)
    except ValidationError as exc:
        field, message = describe_validation_error(exc)
        raise InputFileError(path, message, field) from None
    try:
        profile = parse_profile(envelope.profile, path)
    except InputFileError as exc:
        field = f"profile.{exc.field}" if exc.field else "profile"
        raise InputFileError(path, exc.message, field) from None
    if not is_profile_id(envelope.id):
        raise InputFileError(path, "is not a profile id (a lower-case UUID)", "id")
    if file_id is not None and envelope.id != file_id:
        raise InputFileError(path, "does not match the file name", "id")
    return StoredProfile(envelope.id, envelope.created, envelope.modified, profile)


def parse_stored_profile(
    raw: bytes, path: Path | str, *, file_id: str | None, mtime: datetime | None = None
) -> StoredProfile:
    """Decode a stored profile file's bytes; raises only InputFileError (or NewerFileError)."""
    if len(raw) > MAX_STORED_PROFILE_BYTES:
        raise InputFileError(path, f"too large (over {MAX_STORED_PROFILE_BYTES:,} bytes)")
    return stored_profile_from_data(
        decode_json_bytes(raw, path), path, file_id=file_id, mtime=mtime
    )


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def encode_stored_profile(stored: StoredProfile) -> bytes:
    """The version-2 bytes of a stored profile."""
    return _dump(
        {
            "storage_version": STORAGE_VERSION,
            "id": stored.id,
            "created": stored.created.isoformat(timespec="milliseconds"),
            "modified": stored.modified.isoformat(timespec="milliseconds"),
            "profile": stored.profile.to_json_dict(),
        }
    )


def encode_profile_export(profile: RunnerProfile) -> bytes:
    """A plain contract §1 file, as `shoeadvisor advise` reads it."""
    return _dump(profile.to_json_dict())


def parse_stored_shoes(raw: bytes, path: Path | str) -> list[Shoe]:
    """The user's shoes: version 1 is a bare §2 list, version 2 an envelope."""
    if len(raw) > MAX_STORED_SHOES_BYTES:
        raise InputFileError(path, f"too large (over {MAX_STORED_SHOES_BYTES:,} bytes)")
    data = decode_shoes_json(raw, path)
    if isinstance(data, dict):
        check_shoe_count(data.get("shoes"), path)
    if isinstance(data, dict):
        _storage_version(data, path)
        try:
            data = _ShoesEnvelopeV2.model_validate(data).shoes
        except ValidationError as exc:
            field, message = describe_validation_error(exc)
            raise InputFileError(path, message, field) from None
    if not isinstance(data, list):
        raise InputFileError(path, "the shoe list must be a JSON list or a version-2 object")
    try:
        return parse_shoes(data)
    except ValidationError as exc:
        field, message = describe_validation_error(exc)
        raise InputFileError(path, message, f"shoes{field}" if field[0] == "[" else field) from None
    except ValueError as exc:
        field, _, message = str(exc).partition(": ")
        raise InputFileError(path, message or field, field if message else None) from None


def encode_stored_shoes(shoes: list[Shoe]) -> bytes:
    """The old global shoes.json, version 2 (only read by the app now; tests write it)."""
    return _dump(
        {
            "storage_version": STORAGE_VERSION,
            "modified": now_utc().isoformat(timespec="milliseconds"),
            "shoes": [shoe.to_json_dict() for shoe in shoes],
        }
    )
