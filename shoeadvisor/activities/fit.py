"""FIT files, decoded with fitdecode (MIT; pure Python; chained files, compressed timestamps)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

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


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int) and value >= 0x10000000:  # smaller values are device-relative
        return FIT_EPOCH + timedelta(seconds=value)
    return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, int):  # an enum value the profile does not name
        return None
    return normalise_sport(str(value))


#: Global message number of `record`, the one-a-second samples (99% of a file).
RECORD_MESSAGE = 20


def without_records(data: bytes) -> bytes | None:
    """The same FIT stream minus its `record` messages, or None if its layout is unusual.

    Only message boundaries are read here (record headers and definitions); every
    value is still decoded by fitdecode, from the messages kept. The summaries this
    parser uses (file_id, sport, lap, session) are never records, so decoding the
    reduced stream gives the same result ten times faster. Anything unexpected (a
    data message before its definition, a size that runs past the end) returns None
    and the whole file goes to fitdecode, which reports the problem properly.
    """
    out = bytearray()
    offset = 0
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
            if head & 0x80:  # compressed timestamp header: a data message
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
                kept += data[at : at + 1 + data_size_of]
            at += 1 + data_size_of
        header = bytearray(data[offset:start])
        header[4:8] = len(kept).to_bytes(4, "little")
        if header_size >= 14:
            header[12:14] = b"\0\0"  # no header CRC: the file's CRC was checked already
        out += header + kept + b"\0\0"
        offset = end + 2
    return bytes(out)


def parse_fit(data: bytes) -> Activity:
    """The activity of a FIT file: its running sessions' totals (laps or records as a fallback)."""
    check_fit_crc(data)
    reduced = without_records(data)
    if reduced is not None:
        activity = _parse_fit(reduced, need_records=False)
        if activity is not None:
            return activity
    activity = _parse_fit(data, need_records=True)
    assert activity is not None
    return activity


def _parse_fit(data: bytes, *, need_records: bool) -> Activity | None:
    """Decode with fitdecode; None when need_records is False and there is no lap or session."""
    sessions: list[dict[str, Any]] = []
    laps: list[dict[str, Any]] = []
    sport_message: dict[str, Any] | None = None
    first_record: Any = None
    last_record: Any = None
    file_type: Any = None
    try:
        # processor=None keeps raw values (a third faster); enums are still named and
        # scales applied, timestamps are converted here. The CRC was checked above.
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
                    # Only kept: the records matter only for a file without laps.
                    first_record = first_record or frame
                    last_record = frame
                elif name == "session":
                    sessions.append({f.name: f.value for f in frame.fields})
                elif name == "lap":
                    laps.append({f.name: f.value for f in frame.fields})
                elif name == "sport" and sport_message is None:
                    sport_message = {f.name: f.value for f in frame.fields}
                elif name == "file_id" and file_type is None:
                    file_type = next((f.value for f in frame.fields if f.name == "type"), None)
    except fitdecode.FitEOFError:
        raise ActivityFileError("a FIT file that ends too early (truncated)") from None
    except fitdecode.FitCRCError:
        raise ActivityFileError("a FIT file whose checksum does not match (damaged)") from None
    except fitdecode.FitHeaderError as exc:
        raise ActivityFileError(f"not a FIT file ({exc})") from None
    except Exception as exc:  # a decoder may raise anything on damaged bytes
        raise ActivityFileError(f"a damaged FIT file ({type(exc).__name__}: {exc})") from None
    if file_type not in (None, "activity", 4):
        raise ActivityFileError(f"a FIT {file_type} file, not a recorded activity")
    summaries = sessions or laps
    if summaries:
        return _from_summaries(summaries, sport_message)
    if not need_records:
        return None
    first_time = _record_value(first_record, "timestamp")
    last_time = _record_value(last_record, "timestamp")
    last_distance = _number(_record_raw(last_record, "distance"))
    if first_time is None or last_distance is None:
        raise ActivityFileError("a FIT file with no session, lap or distance records")
    sport = _text(sport_message.get("sport")) if sport_message else None
    sub_sport = _text(sport_message.get("sub_sport")) if sport_message else None
    elapsed = (last_time - first_time).total_seconds() if last_time else None
    return Activity(
        "fit", first_time, last_distance, elapsed, elapsed, None, None, sport, sub_sport
    )


def _record_raw(frame: Any, name: str) -> Any:
    if frame is None:
        return None
    return next((f.value for f in frame.fields if f.name == name), None)


def _record_value(frame: Any, name: str) -> datetime | None:
    return _when(_record_raw(frame, name))


def _from_summaries(
    summaries: list[dict[str, Any]], sport_message: dict[str, Any] | None
) -> Activity:
    fallback_sport = _text(sport_message.get("sport")) if sport_message else None
    fallback_sub = _text(sport_message.get("sub_sport")) if sport_message else None
    kinds = [
        (_text(s.get("sport")) or fallback_sport, _text(s.get("sub_sport")) or fallback_sub)
        for s in summaries
    ]
    running = [s for s, kind in zip(summaries, kinds, strict=True) if is_running(*kind)]
    # A multisport file (a triathlon) counts only its running legs; a file with no
    # running leg is reported with the sport of its first session.
    chosen = running or summaries
    sport, sub_sport = kinds[summaries.index(chosen[0])]
    starts = [_when(s.get("start_time")) for s in chosen]
    start = min((t for t in starts if t is not None), default=None)
    if start is None:
        start = min((t for s in chosen if (t := _when(s.get("timestamp")))), default=None)
    if start is None:
        raise ActivityFileError("a FIT file with no start time")

    def total(key: str) -> float | None:
        values = [v for s in chosen if (v := _number(s.get(key))) is not None]
        return sum(values) if values else None

    distance = total("total_distance")
    if distance is None:
        raise ActivityFileError("a FIT file with no distance (no GPS or foot pod data)")
    return Activity(
        "fit",
        start,
        distance,
        total("total_timer_time"),
        total("total_elapsed_time"),
        total("total_ascent"),
        total("total_descent"),
        sport,
        sub_sport,
    )
