"""FIT files, decoded with fitdecode (MIT; pure Python; chained files, compressed timestamps)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

from .elevation import climb_of_segments
from .model import Activity, ActivityFileError, is_running, normalise_sport

#: FIT timestamps count seconds from 1989-12-31 00:00 UTC.
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)

_NIBBLE_CRC = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def _byte_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = 0
        for nibble in (byte & 0xF, byte >> 4):
            crc = ((crc >> 4) & 0x0FFF) ^ _NIBBLE_CRC[crc & 0xF] ^ _NIBBLE_CRC[nibble]
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _byte_table()


def _crc(data: bytes) -> int:
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def check_fit_crc(data: bytes) -> None:
    """Check the CRC of each FIT file in data (files may be chained); ActivityFileError if not.

    The FIT SDK's CRC-16, a byte at a time from a table: about 3 ms for an hour at
    1 s, where fitdecode's own check (per field read) costs about 20 ms.
    """
    offset = 0
    while offset < len(data):
        if len(data) - offset < 12 or data[offset + 8 : offset + 12] != b".FIT":
            if offset == 0:
                raise ActivityFileError("not a FIT file (no FIT header)")
            raise ActivityFileError("a FIT file with bytes after its end (damaged)")
        header_size = data[offset]
        data_size = int.from_bytes(data[offset + 4 : offset + 8], "little")
        end = offset + header_size + data_size + 2
        if header_size < 12 or end > len(data):
            raise ActivityFileError("a FIT file that ends too early (truncated)")
        if _crc(data[offset:end]) != 0:  # the CRC of data plus its own CRC is 0
            raise ActivityFileError("a FIT file whose checksum does not match (damaged)")
        offset = end


#: FIT times below this count seconds from the device's power-on ("system time"), not
#: from the FIT epoch: a watch whose clock was never set (FIT SDK, date_time type).
SYSTEM_TIME_LIMIT = 0x10000000


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _seconds(value: Any) -> float | None:
    """A FIT time as seconds on the file's own clock (a raw count, or a decoded datetime)."""
    if isinstance(value, datetime):
        when = value if value.tzinfo else value.replace(tzinfo=UTC)
        return (when - FIT_EPOCH).total_seconds()
    return _number(value)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, int):  # an enum value the profile does not name
        return None
    return normalise_sport(str(value))


#: Global message number of `record`, the one-a-second samples (99% of a file).
RECORD_MESSAGE = 20
#: Record fields that hold an altitude (enhanced_altitude, altitude).
ALTITUDE_FIELDS = (78, 2)


@dataclass(frozen=True, slots=True)
class ReducedFit:
    """A FIT stream without its records (`without_records`) and what those records held."""

    data: bytes
    records_have_altitude: bool


def without_records(data: bytes) -> ReducedFit | None:
    """The same FIT stream minus its `record` messages, or None if its layout is unusual.

    Only message boundaries are read here (record headers and definitions); every
    value is still decoded by fitdecode, from the messages kept. The summaries this
    parser uses (file_id, sport, lap, session, activity) are never records, so decoding
    the reduced stream gives the same result ten times faster. Anything unexpected (a
    data message before its definition, a size that runs past the end) returns None
    and the whole file goes to fitdecode, which reports the problem properly. So does
    a kept message with a compressed timestamp header: its time is an offset from the
    last full timestamp before it, which may be a record's, so without the records it
    would be read against the wrong one.
    """
    out = bytearray()
    offset = 0
    altitude = False
    while offset < len(data):
        header_size = data[offset]
        data_size = int.from_bytes(data[offset + 4 : offset + 8], "little")
        start, end = offset + header_size, offset + header_size + data_size
        if header_size < 12 or end + 2 > len(data):
            return None
        sizes: dict[int, int] = {}  # local message type -> data size
        is_record: dict[int, bool] = {}
        kept = bytearray()
        at = start
        while at < end:
            head = data[at]
            compressed = bool(head & 0x80)
            if compressed:  # compressed timestamp header: a data message
                local, definition, developer = (head >> 5) & 0x3, False, False
            else:
                local, definition, developer = head & 0xF, bool(head & 0x40), bool(head & 0x20)
            if definition:
                if at + 6 > end:
                    return None
                big_endian = data[at + 2] == 1
                number = int.from_bytes(data[at + 3 : at + 5], "big" if big_endian else "little")
                count = data[at + 5]
                fields_end = at + 6 + 3 * count
                if fields_end > end:
                    return None
                size = sum(data[at + 6 + 3 * i + 1] for i in range(count))
                if number == RECORD_MESSAGE and any(
                    data[at + 6 + 3 * i] in ALTITUDE_FIELDS for i in range(count)
                ):
                    altitude = True
                if developer:
                    if fields_end >= end:
                        return None
                    dev_count = data[fields_end]
                    dev_end = fields_end + 1 + 3 * dev_count
                    if dev_end > end:
                        return None
                    size += sum(data[fields_end + 1 + 3 * i + 1] for i in range(dev_count))
                    fields_end = dev_end
                sizes[local], is_record[local] = size, number == RECORD_MESSAGE
                kept += data[at:fields_end]
                at = fields_end
                continue
            data_size_of = sizes.get(local)
            if data_size_of is None or at + 1 + data_size_of > end:
                return None
            if not is_record[local]:
                if compressed:
                    return None
                kept += data[at : at + 1 + data_size_of]
            at += 1 + data_size_of
        header = bytearray(data[offset:start])
        header[4:8] = len(kept).to_bytes(4, "little")
        if header_size >= 14:
            header[12:14] = b"\0\0"  # no header CRC: the file's CRC was checked already
        out += header + kept + b"\0\0"
        offset = end + 2
    return ReducedFit(bytes(out), altitude)


@dataclass
class _Decoded:
    """What one pass of fitdecode found in a FIT stream (raw values, times as counts)."""

    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    sport: dict[str, Any] | None = None
    file_type: Any = None
    activity: dict[str, Any] | None = None  # the activity message: its local_timestamp
    correlation: dict[str, Any] | None = None  # timestamp_correlation: UTC vs system time
    first_time: float | None = None  # the first timestamp of any message
    #: (time, altitude or None, distance or None) of each record; only when decoded.
    records: list[tuple[float, float | None, float | None]] | None = None


def _decode(data: bytes, *, records: bool) -> _Decoded:
    """One pass of fitdecode over data; ActivityFileError in plain words when it fails."""
    found = _Decoded(records=[] if records else None)
    kept = found.records
    try:
        # processor=None keeps raw values (a third faster); enums are still named and
        # scales applied, times stay counts of seconds. The CRC was checked already.
        with fitdecode.FitReader(
            io.BytesIO(data),
            processor=None,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                name = frame.name
                if name == "record":
                    if kept is None:
                        continue
                    values = {f.name: f.value for f in frame.fields}
                    when = _seconds(values.get("timestamp"))
                    if when is None:
                        continue
                    if found.first_time is None:
                        found.first_time = when
                    altitude = values.get("enhanced_altitude")
                    if altitude is None:
                        altitude = values.get("altitude")
                    kept.append((when, _number(altitude), _number(values.get("distance"))))
                    continue
                values = {f.name: f.value for f in frame.fields}
                if found.first_time is None and name != "file_id":
                    found.first_time = _seconds(values.get("timestamp"))
                if name == "session":
                    found.sessions.append(values)
                elif name == "lap":
                    found.laps.append(values)
                elif name == "sport" and found.sport is None:
                    found.sport = values
                elif name == "file_id" and found.file_type is None:
                    found.file_type = values.get("type")
                elif name == "activity" and found.activity is None:
                    found.activity = values
                elif name == "timestamp_correlation" and found.correlation is None:
                    found.correlation = values
    except fitdecode.FitEOFError:
        raise ActivityFileError("a FIT file that ends too early (truncated)") from None
    except fitdecode.FitCRCError:
        raise ActivityFileError("a FIT file whose checksum does not match (damaged)") from None
    except fitdecode.FitHeaderError as exc:
        raise ActivityFileError(f"not a FIT file ({exc})") from None
    except Exception as exc:  # a decoder may raise anything on damaged bytes
        raise ActivityFileError(f"a damaged FIT file ({type(exc).__name__}: {exc})") from None
    if found.file_type not in (None, "activity", 4):
        raise ActivityFileError(f"a FIT {found.file_type} file, not a recorded activity")
    return found


class _NeedsRecords(Exception):
    """The stream without records cannot give the answer: decode the whole file."""


def parse_fit(data: bytes) -> Activity:
    """The activity of a FIT file: its running sessions' totals (laps or records as a fallback)."""
    check_fit_crc(data)
    reduced = without_records(data)
    if reduced is not None:
        try:
            return _activity(_decode(reduced.data, records=False), reduced.records_have_altitude)
        except _NeedsRecords:
            pass
    return _activity(_decode(data, records=True), records_have_altitude=True)


def _clock(found: _Decoded) -> Callable[[float], datetime]:
    """Turn the file's times into UTC: the FIT epoch, or system time anchored by the file.

    A watch whose clock was never set counts seconds from its power-on. The FIT
    profile gives two anchors: `timestamp_correlation` (UTC at a system time), and the
    `activity` message's `local_timestamp` (the local time at its system `timestamp`).
    The local time is read in this computer's time zone (the file does not say its
    own): a runner imports their watch where they live.
    """
    correlation = found.correlation or {}
    utc = _seconds(correlation.get("timestamp"))
    system = _seconds(correlation.get("system_timestamp"))
    activity = found.activity or {}
    local, at = _seconds(activity.get("local_timestamp")), _seconds(activity.get("timestamp"))

    def convert(value: float) -> datetime:
        if value >= SYSTEM_TIME_LIMIT:
            return FIT_EPOCH + timedelta(seconds=value)
        if utc is not None and system is not None and utc >= SYSTEM_TIME_LIMIT:
            return FIT_EPOCH + timedelta(seconds=value + utc - system)
        if local is not None and at is not None and local >= SYSTEM_TIME_LIMIT:
            naive = (FIT_EPOCH + timedelta(seconds=value + local - at)).replace(tzinfo=None)
            try:
                return naive.astimezone(UTC)  # a naive time is read in this computer's zone
            except (OverflowError, OSError, ValueError):
                raise ActivityFileError(f"an impossible start time ({naive:%Y-%m-%d})") from None
        raise ActivityFileError(
            "a FIT file whose times count from the watch's power-on, with nothing in it "
            "to give the date (its clock was not set)"
        )

    return convert


def _activity(found: _Decoded, records_have_altitude: bool) -> Activity:
    """The Activity of what was decoded; _NeedsRecords when the records are needed but
    were not decoded (no lap or session, no start time, a climb only they can give)."""
    have_records = found.records is not None
    summaries = found.sessions or found.laps
    convert = _clock(found)
    fallback_sport = _text(found.sport.get("sport")) if found.sport else None
    fallback_sub = _text(found.sport.get("sub_sport")) if found.sport else None
    if not summaries:
        if not have_records:
            raise _NeedsRecords
        return _from_records(found, convert, fallback_sport, fallback_sub)
    kinds = [
        (_text(s.get("sport")) or fallback_sport, _text(s.get("sub_sport")) or fallback_sub)
        for s in summaries
    ]
    running = [s for s, kind in zip(summaries, kinds, strict=True) if is_running(*kind)]
    # A multisport file (a triathlon) counts only its running legs; a file with no
    # running leg is reported with the sport of its first session.
    chosen = running or summaries
    sport, sub_sport = kinds[summaries.index(chosen[0])]
    spans = [_span(summary) for summary in chosen]
    if any(begin is None for begin, _ in spans):
        if not have_records:
            raise _NeedsRecords  # the first record's time, which only the records give
        if found.first_time is None:
            raise ActivityFileError("a FIT file with no start time")
        spans = [(found.first_time, end) if begin is None else (begin, end) for begin, end in spans]
    start = convert(min(begin for begin, _ in spans if begin is not None))

    def total(key: str) -> float | None:
        values = [v for s in chosen if (v := _number(s.get(key))) is not None]
        return sum(values) if values else None

    distance = total("total_distance")
    if distance is None:
        raise ActivityFileError("a FIT file with no distance (no GPS or foot pod data)")
    ascent, descent = total("total_ascent"), total("total_descent")
    if (ascent is None or descent is None) and records_have_altitude:
        if not have_records:
            raise _NeedsRecords  # the climb of the records, smoothed
        climb = _records_climb(found, spans)
        if climb is not None:
            ascent = climb[0] if ascent is None else ascent
            descent = climb[1] if descent is None else descent
    return Activity(
        "fit",
        start,
        distance,
        total("total_timer_time"),
        total("total_elapsed_time"),
        ascent,
        descent,
        sport,
        sub_sport,
    )


def _span(summary: dict[str, Any]) -> tuple[float | None, float | None]:
    """(start, end) of a session or lap on the file's clock; start None when unknown.

    The start is its start_time; without one (some watches write none), its end
    (`timestamp`) less its elapsed time, which includes pauses; else None.
    """
    end = _seconds(summary.get("timestamp"))
    begin = _seconds(summary.get("start_time"))
    elapsed = _number(summary.get("total_elapsed_time"))
    if begin is None and end is not None and elapsed is not None:
        begin = end - elapsed
    if end is None and begin is not None and elapsed is not None:
        end = begin + elapsed
    return begin, end


def _records_climb(
    found: _Decoded, spans: list[tuple[float | None, float | None]]
) -> tuple[float, float] | None:
    """Climb and descent of the records within the chosen sessions (each on its own)."""
    records = found.records or []
    segments = [
        [
            (when, altitude)
            for when, altitude, _ in records
            if altitude is not None
            and (begin is None or when >= begin)
            and (end is None or when <= end)
        ]
        for begin, end in spans
    ]
    return climb_of_segments(segments)


def _from_records(
    found: _Decoded,
    convert: Callable[[float], datetime],
    sport: str | None,
    sub_sport: str | None,
) -> Activity:
    """A file with no lap or session: its records give the start, distance and climb."""
    records = found.records or []
    distances = [distance for _, _, distance in records if distance is not None]
    if not records or not distances:
        raise ActivityFileError("a FIT file with no session, lap or distance records")
    first, last = records[0][0], records[-1][0]
    elapsed = last - first
    climb = climb_of_segments([[(w, a) for w, a, _ in records if a is not None]])
    return Activity(
        "fit",
        convert(first),
        distances[-1],
        elapsed,
        elapsed,
        climb[0] if climb else None,
        climb[1] if climb else None,
        sport,
        sub_sport,
    )
