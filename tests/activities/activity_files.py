"""Real activity files for tests: FIT written with fit-tool, GPX and TCX as text, exports."""

from __future__ import annotations

import csv
import gzip
import io
import math
import struct
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fit_tool import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport
from fitdecode.utils import compute_crc

START = datetime(2025, 5, 1, 7, 0, tzinfo=UTC)
EARTH_RADIUS_M = 6_371_000.0


@dataclass(frozen=True)
class Track:
    """A made-up recording: points every `step_s` seconds heading north-east."""

    start: datetime = START
    points: int = 600
    step_s: int = 5
    speed_mps: float = 3.0
    lat: float = 46.05
    lon: float = 14.50
    climb_every: int = 20  # up for this many points, then down as many
    #: The altitude of point i, instead of the up-and-down of climb_every.
    altitude: Callable[[int], float] | None = None

    def samples(self) -> list[tuple[datetime, float, float, float, float]]:
        """(time, lat, lon, altitude, cumulative distance) per point."""
        out = []
        lat, lon, distance = self.lat, self.lon, 0.0
        bearing = math.radians(40)
        for i in range(self.points):
            if i:
                step = self.speed_mps * self.step_s
                distance += step
                lat += math.degrees(step * math.cos(bearing) / EARTH_RADIUS_M)
                lon += math.degrees(
                    step * math.sin(bearing) / (EARTH_RADIUS_M * math.cos(math.radians(lat)))
                )
            phase = (i // self.climb_every) % 2
            altitude = 300 + (
                i % self.climb_every if phase == 0 else self.climb_every - i % self.climb_every
            )
            if self.altitude is not None:
                altitude = self.altitude(i)
            out.append(
                (self.start + timedelta(seconds=i * self.step_s), lat, lon, altitude, distance)
            )
        return out

    @property
    def distance_m(self) -> float:
        return self.speed_mps * self.step_s * (self.points - 1)

    @property
    def duration_s(self) -> int:
        return self.step_s * (self.points - 1)


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def fit_bytes(
    track: Track = Track(),
    *,
    sport: Sport = Sport.RUNNING,
    sub_sport: SubSport = SubSport.GENERIC,
    session: bool = True,
    session_distance_m: float | None = None,
    ascent_m: int | None = 40,
) -> bytes:
    """A FIT activity file written by fit-tool (an encoder independent of our decoder)."""
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 12345
    file_id.time_created = _ms(track.start)
    builder.add(file_id)
    records = []
    for when, lat, lon, altitude, distance in track.samples():
        record = RecordMessage()
        record.timestamp = _ms(when)
        record.position_lat = lat
        record.position_long = lon
        record.altitude = altitude
        record.distance = distance
        record.heart_rate = 140
        records.append(record)
    builder.add_all(records)
    end = _ms(track.start + timedelta(seconds=track.duration_s))
    total = session_distance_m if session_distance_m is not None else track.distance_m
    if session:
        lap = LapMessage()
        lap.timestamp = end
        lap.start_time = _ms(track.start)
        lap.total_elapsed_time = track.duration_s
        lap.total_timer_time = track.duration_s
        lap.total_distance = total
        builder.add(lap)
        message = SessionMessage()
        message.timestamp = end
        message.start_time = _ms(track.start)
        message.total_elapsed_time = track.duration_s
        message.total_timer_time = track.duration_s
        message.total_distance = total
        message.sport = sport
        message.sub_sport = sub_sport
        if ascent_m is not None:
            message.total_ascent = ascent_m
            message.total_descent = ascent_m
        builder.add(message)
        activity = ActivityMessage()
        activity.timestamp = end
        activity.num_sessions = 1
        activity.total_timer_time = track.duration_s
        builder.add(activity)
    return builder.build().to_bytes()


def gpx_text(track: Track = Track(), *, sport: str | None = "running", times: bool = True) -> str:
    """A GPX 1.1 recording of the track."""
    points = "\n".join(
        f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{alt:.1f}</ele>'
        + (f"<time>{when:%Y-%m-%dT%H:%M:%SZ}</time>" if times else "")
        + "</trkpt>"
        for when, lat, lon, alt, _ in track.samples()
    )
    kind = f"<type>{sport}</type>" if sport else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"  <trk><name>Morning run</name>{kind}<trkseg>\n{points}\n  </trkseg></trk>\n</gpx>\n"
    )


def tcx_text(
    track: Track = Track(),
    *,
    sport: str = "Running",
    laps: int = 2,
    lap_distance_m: float | None = None,
) -> str:
    """A TCX activity of the track split into laps, each with its DistanceMeters."""
    samples = track.samples()
    per_lap = math.ceil(len(samples) / laps)
    blocks = []
    for index in range(laps):
        chunk = samples[index * per_lap : (index + 1) * per_lap]
        if not chunk:
            break
        first = samples[max(index * per_lap - 1, 0)]
        distance = lap_distance_m if lap_distance_m is not None else chunk[-1][4] - first[4]
        seconds = (chunk[-1][0] - first[0]).total_seconds()
        points = "".join(
            f"<Trackpoint><Time>{when:%Y-%m-%dT%H:%M:%SZ}</Time><Position>"
            f"<LatitudeDegrees>{lat:.7f}</LatitudeDegrees><LongitudeDegrees>{lon:.7f}"
            f"</LongitudeDegrees></Position><AltitudeMeters>{alt:.1f}</AltitudeMeters>"
            f"<DistanceMeters>{dist:.1f}</DistanceMeters></Trackpoint>"
            for when, lat, lon, alt, dist in chunk
        )
        blocks.append(
            f'<Lap StartTime="{chunk[0][0]:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>{seconds:.0f}'
            f"</TotalTimeSeconds><DistanceMeters>{distance:.1f}</DistanceMeters>"
            f"<Calories>100</Calories><Intensity>Active</Intensity>"
            f"<TriggerMethod>Manual</TriggerMethod><Track>{points}</Track></Lap>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{track.start:%Y-%m-%dT%H:%M:%SZ}</Id>'
        + "".join(blocks)
        + "</Activity></Activities></TrainingCenterDatabase>\n"
    )


def day(n: int, hour: int = 7) -> Track:
    """A 30-minute track starting n days after START."""
    return Track(start=START + timedelta(days=n, hours=hour - 7), points=361, step_s=5)


@dataclass(frozen=True)
class ExportRow:
    file: str  # path inside the export, e.g. activities/1.fit.gz
    data: bytes
    type: str
    gear: str = ""
    name: str = "Run"


def strava_rows() -> list[ExportRow]:
    """Three runs (two shoes), one ride; .gz, .gpx and .tcx like a real Strava export."""
    return [
        ExportRow("activities/101.fit.gz", gzip.compress(fit_bytes(day(0))), "Run", "Pegasus 40"),
        ExportRow("activities/102.gpx", gpx_text(day(2)).encode(), "Run", "Pegasus 40"),
        ExportRow(
            "activities/103.tcx.gz",
            gzip.compress(tcx_text(day(4)).encode()),
            "Trail Run",
            "Speedgoat 5",
        ),
        ExportRow("activities/104.fit.gz", gzip.compress(fit_bytes(day(5))), "Ride", "", "Commute"),
    ]


def strava_csv(rows: Sequence[ExportRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    # The real file has ~80 columns and two called "Distance"; these are the ones we read.
    writer.writerow(
        [
            "Activity ID",
            "Activity Date",
            "Activity Name",
            "Activity Type",
            "Elapsed Time",
            "Distance",
            "Activity Gear",
            "Filename",
            "Distance",
        ]
    )
    for index, row in enumerate(rows):
        writer.writerow(
            [
                100 + index,
                "May 1, 2025, 7:00:00 AM",
                row.name,
                row.type,
                "1800",
                "5.4",
                row.gear,
                row.file,
                "5400.0",
            ]
        )
    return out.getvalue()


def strava_export_folder(root: Path, rows: Sequence[ExportRow] | None = None) -> Path:
    rows = list(rows or strava_rows())
    (root / "activities").mkdir(parents=True)
    for row in rows:
        (root / row.file).write_bytes(row.data)
    (root / "activities.csv").write_text(strava_csv(rows), encoding="utf-8")
    (root / "profile.json").write_text("{}")
    return root


def strava_export_zip(path: Path, rows: Sequence[ExportRow] | None = None) -> Path:
    rows = list(rows or strava_rows())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", strava_csv(rows))
        for row in rows:
            archive.writestr(row.file, row.data)
        archive.writestr("profile.json", "{}")
    return path


def garmin_export_zip(path: Path, fits: Sequence[bytes]) -> Path:
    """Garmin's layout: the .fit files in a zip inside the export zip."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, data in enumerate(fits):
            archive.writestr(f"user@example.com_{1000 + index}.fit", data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("DI_CONNECT/DI-Connect-Fitness/user_summarizedActivities.json", "[]")
        archive.writestr(
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue()
        )
    return path


# -- a watch's own layout, byte by byte ----------------------------------------------

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_ENUM, _UINT8, _UINT16, _UINT32, _UINT32Z = (
    (1, 0x00, "B"), (1, 0x02, "B"), (2, 0x84, "H"), (4, 0x86, "I"), (4, 0x8C, "I"),
)  # fmt: skip


def _define(
    local: int, number: int, fields: list[tuple[int, tuple[int, int, str]]]
) -> tuple[bytes, struct.Struct]:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    body = b"".join(struct.pack("<BBB", field, kind[0], kind[1]) for field, kind in fields)
    return head + body, struct.Struct("<B" + "".join(kind[2] for _, kind in fields))


def _compressed(local: int, when: int) -> int:
    """A compressed timestamp header: the local type and the time's low five bits."""
    return 0x80 | (local << 5) | (when & 0x1F)


def watch_fit(
    track: Track = Track(),
    *,
    start_times: bool = True,
    summaries_compressed: bool = False,
    system_time: int | None = None,
    anchor: str | None = "activity",
    local_offset_s: int = 7200,
    ascent: bool = True,
    altitude: bool = True,
    laps: int = 2,
) -> bytes:
    """A FIT activity laid out as older watches write it (a Garmin Forerunner 70 or 405):
    the first record with a full timestamp, every later one with a compressed timestamp
    header (five bits of time in the record's header byte), laps and a session.

    `start_times=False`: laps and session carry no start_time (some watches write none).
    `summaries_compressed`: the laps and the session have compressed headers too.
    `system_time`: the watch's clock was never set; times count from its power-on, the
    first record at this count, and `anchor` says what gives the date: the activity
    message's local_timestamp ("activity", the local time `local_offset_s` ahead of UTC),
    a timestamp_correlation message ("correlation"), or nothing (None).
    Written with struct and fitdecode's CRC, independently of the parser under test.
    """
    samples = track.samples()
    real_t0 = int((track.start - FIT_EPOCH).total_seconds())
    t0 = real_t0 if system_time is None else system_time
    step = track.step_s
    assert step < 32, "compressed timestamps reach 31 s"
    out = bytearray()
    file_id, layout = _define(
        0, 0, [(0, _ENUM), (1, _UINT16), (2, _UINT16), (3, _UINT32Z), (4, _UINT32)]
    )
    out += file_id + layout.pack(0, 4, 1, 1018, 1215347, t0)
    if system_time is not None and anchor == "correlation":
        correlation, layout = _define(1, 162, [(253, _UINT32), (1, _UINT32)])
        out += correlation + layout.pack(1, real_t0, t0)
    alt_field = [(2, _UINT16)] if altitude else []
    full, full_layout = _define(1, 20, [(253, _UINT32), (5, _UINT32), *alt_field, (3, _UINT8)])
    short, short_layout = _define(2, 20, [(5, _UINT32), *alt_field, (3, _UINT8)])
    lap_fields = [(253, _UINT32)] if not summaries_compressed else []
    lap_fields += [(2, _UINT32)] if start_times else []
    lap_fields += [(7, _UINT32), (8, _UINT32), (9, _UINT32), (254, _UINT16)]
    lap, lap_layout = _define(3, 19, lap_fields)
    out += full + short + lap
    per_lap = math.ceil(len(samples) / laps)
    lap_ends = {min((n + 1) * per_lap, len(samples) - 1): n for n in range(laps)}
    for index, (_, _, _, alt, distance) in enumerate(samples):
        when = t0 + index * step
        values = [int(distance * 100), *([int((alt + 500) * 5)] if altitude else []), 140]
        if index == 0:
            out += full_layout.pack(1, when, *values)
        else:
            out += short_layout.pack(_compressed(2, when), *values)
        if index in lap_ends:  # a watch writes each lap as it ends, among the records
            number = lap_ends[index]
            first = number * per_lap
            begin = t0 + first * step
            metres = distance - samples[first][4]
            lap_values = [when] if not summaries_compressed else []
            lap_values += [begin] if start_times else []
            lap_values += [(when - begin) * 1000, (when - begin) * 1000, round(metres * 100)]
            header = _compressed(3, when) if summaries_compressed else 3
            out += lap_layout.pack(header, *lap_values, number)
    end = t0 + (len(samples) - 1) * step
    session_fields = [(253, _UINT32)] if not summaries_compressed else []
    session_fields += [(2, _UINT32)] if start_times else []
    session_fields += [(5, _ENUM), (6, _ENUM), (7, _UINT32), (8, _UINT32), (9, _UINT32)]
    session_fields += [(22, _UINT16), (23, _UINT16)] if ascent else []
    session, layout = _define(3, 18, session_fields)
    values = [end] if not summaries_compressed else []
    values += [t0] if start_times else []
    total_ms = (end - t0) * 1000
    values += [1, 0, total_ms, total_ms, round(samples[-1][4] * 100)]
    values += [77, 66] if ascent else []
    out += session + layout.pack(_compressed(3, end) if summaries_compressed else 3, *values)
    activity_fields = [(253, _UINT32), (0, _UINT32), (1, _UINT16), (2, _ENUM), (3, _ENUM)]
    activity_fields += [(4, _ENUM), (5, _UINT32)]
    activity, layout = _define(0, 34, activity_fields)
    local_end = (real_t0 + end - t0 + local_offset_s) if anchor == "activity" else 0xFFFFFFFF
    out += activity + layout.pack(0, end, total_ms, 1, 0, 26, 1, local_end)
    header = struct.pack("<BBHI4s", 14, 0x10, 2093, len(out), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    body = header + bytes(out)
    return body + struct.pack("<H", compute_crc(body))
