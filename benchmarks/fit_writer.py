"""A minimal FIT activity writer for benchmarks: fast enough to make 1,000 hour-long runs.

Writes what a running watch writes for a recording: file_id, one record a second
(time, position, altitude, heart rate, distance, speed), a lap, a session and the
activity message, with the FIT CRC. tests/activities checks its files decode the
same with fitdecode and fit-tool.
"""

from __future__ import annotations

import math
import struct
from datetime import UTC, datetime

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def _crc_byte_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = 0
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[nibble]
        table.append(crc)
    return table


_BYTE_TABLE = _crc_byte_table()


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 of data."""
    table = _BYTE_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


# (field number, size, base type, struct code)
ENUM, UINT8, UINT16, SINT32, UINT32, UINT32Z = (
    (1, 0x00, "B"), (1, 0x02, "B"), (2, 0x84, "H"), (4, 0x85, "i"), (4, 0x86, "I"), (4, 0x8C, "I"),
)  # fmt: skip


def _definition(
    local: int, global_number: int, fields: list[tuple[int, tuple[int, int, str]]]
) -> tuple[bytes, struct.Struct]:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_number, len(fields))
    body = b"".join(struct.pack("<BBB", number, kind[0], kind[1]) for number, kind in fields)
    layout = struct.Struct("<B" + "".join(kind[2] for _, kind in fields))
    return head + body, layout


def _fit_time(when: datetime) -> int:
    return int((when - FIT_EPOCH).total_seconds())


def _semicircles(degrees: float) -> int:
    return int(degrees * (2**31 / 180))


def hour_run(start: datetime, seconds: int = 3600, speed_mps: float = 3.0, seed: int = 0) -> bytes:
    """A run recorded at 1 s: `seconds` records, with a gentle hill every 10 minutes."""
    out = bytearray()
    file_id, file_id_layout = _definition(
        0, 0, [(0, ENUM), (1, UINT16), (2, UINT16), (3, UINT32Z), (4, UINT32)]
    )
    out += file_id + file_id_layout.pack(0, 4, 255, 0, 1000 + seed, _fit_time(start))
    record, layout = _definition(
        1,
        20,
        [
            (253, UINT32),
            (0, SINT32),
            (1, SINT32),
            (2, UINT16),
            (3, UINT8),
            (5, UINT32),
            (6, UINT16),
        ],
    )
    out += record
    t0 = _fit_time(start)
    lat0, lon0 = 46.0 + (seed % 100) * 0.01, 14.0 + (seed // 100) * 0.01
    distance = 0.0
    ascent = descent = 0.0
    last_alt = None
    pack = layout.pack
    for i in range(seconds):
        speed = speed_mps * (1 + 0.05 * math.sin(i / 60))
        distance += speed if i else 0.0
        lat = lat0 + distance / 111_320
        alt = 300 + 20 * math.sin(i / 600 * math.pi)
        if last_alt is not None:
            ascent += max(alt - last_alt, 0)
            descent += max(last_alt - alt, 0)
        last_alt = alt
        out += pack(
            1,
            t0 + i,
            _semicircles(lat),
            _semicircles(lon0),
            int((alt + 500) * 5),
            140 + i % 20,
            int(distance * 100),
            int(speed * 1000),
        )
    end = t0 + seconds - 1
    timer = (seconds - 1) * 1000
    lap, lap_layout = _definition(
        2, 19, [(253, UINT32), (2, UINT32), (7, UINT32), (8, UINT32), (9, UINT32)]
    )
    out += lap + lap_layout.pack(2, end, t0, timer, timer, int(distance * 100))
    session, session_layout = _definition(
        3, 18,
        [(253, UINT32), (2, UINT32), (5, ENUM), (6, ENUM), (7, UINT32), (8, UINT32), (9, UINT32),
         (22, UINT16), (23, UINT16)],
    )  # fmt: skip
    out += session + session_layout.pack(
        3, end, t0, 1, 0, timer, timer, int(distance * 100), round(ascent), round(descent)
    )
    activity, activity_layout = _definition(
        4, 34, [(253, UINT32), (0, UINT32), (1, UINT16), (2, ENUM), (3, ENUM), (4, ENUM)]
    )
    out += activity + activity_layout.pack(4, end, timer, 1, 0, 26, 1)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(out), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    body = header + bytes(out)
    return body + struct.pack("<H", fit_crc(body))
