"""FIT files, decoded with fitdecode (MIT; pure Python; chained files, compressed timestamps)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

from .model import Activity, ActivityFileError, is_running, normalise_sport

#: FIT timestamps count seconds from 1989-12-31 00:00 UTC.
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


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


def parse_fit(data: bytes) -> Activity:
    """The activity of a FIT file: its running sessions' totals (laps or records as a fallback)."""
    sessions: list[dict[str, Any]] = []
    laps: list[dict[str, Any]] = []
    sport_message: dict[str, Any] | None = None
    first_time: datetime | None = None
    last_time: datetime | None = None
    last_distance: float | None = None
    file_type: Any = None
    try:
        # processor=None keeps raw values (a third faster); enums are still named and
        # scales applied, timestamps are converted here. A CRC mismatch is an error.
        with fitdecode.FitReader(
            io.BytesIO(data),
            processor=None,
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                name = frame.name
                if name == "record":
                    for field in frame.fields:
                        if field.name == "timestamp":
                            when = _when(field.value)
                            if when is not None:
                                first_time = first_time or when
                                last_time = when
                        elif field.name == "distance" and field.value is not None:
                            last_distance = _number(field.value)
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
    if first_time is None or last_distance is None:
        raise ActivityFileError("a FIT file with no session, lap or distance records")
    sport = _text(sport_message.get("sport")) if sport_message else None
    sub_sport = _text(sport_message.get("sub_sport")) if sport_message else None
    elapsed = (last_time - first_time).total_seconds() if last_time else None
    return Activity(
        "fit", first_time, last_distance, elapsed, elapsed, None, None, sport, sub_sport
    )


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
