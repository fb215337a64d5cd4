"""One activity file's bytes -> Activity, whatever its format (told by content, not name)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .model import Activity, ActivityFileError
from .reading import MAX_ACTIVITY_BYTES, gunzip_bounded

#: A distance or a time beyond these is a broken file, not a run.
MAX_DISTANCE_M = 1_000_000.0
MAX_DURATION_S = 7 * 24 * 3600.0
#: No GPS watch recorded runs before this; a start before it is a broken clock.
EARLIEST_START = datetime(1990, 1, 1, tzinfo=UTC)


def sniff_format(data: bytes) -> str | None:
    """'fit', 'gpx', 'tcx' or 'gzip' from a file's first bytes; None when unknown."""
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") or head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        if b"<gpx" in head:
            return "gpx"
        if b"<trainingcenterdatabase" in head:
            return "tcx"
    return None


def _check_xml(data: bytes) -> None:
    # GPX and TCX never need a DTD; refusing one rules out entity-expansion bombs
    # whatever the XML parser's own limits are.
    head = data[:65536].lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise ActivityFileError("an XML file with a document type declaration (not allowed)")


def parse_activity(data: bytes, name: str = "") -> Activity:
    """Parse FIT, GPX or TCX bytes (gzip-compressed or not); raises ActivityFileError."""
    kind = sniff_format(data)
    if kind == "gzip":
        data = gunzip_bounded(data, MAX_ACTIVITY_BYTES)
        kind = sniff_format(data)
    if kind == "fit":
        from .fit import parse_fit

        activity = parse_fit(data)
    elif kind == "gpx":
        _check_xml(data)
        from .gpx import parse_gpx

        activity = parse_gpx(data)
    elif kind == "tcx":
        _check_xml(data)
        from .tcx import parse_tcx

        activity = parse_tcx(data)
    elif not data:
        raise ActivityFileError("an empty file")
    else:
        raise ActivityFileError("not a FIT, GPX or TCX file")
    if not EARLIEST_START <= activity.start <= datetime.now(UTC) + timedelta(days=2):
        raise ActivityFileError(f"an impossible start time ({activity.start:%Y-%m-%d})")
    if not 0 <= activity.distance_m <= MAX_DISTANCE_M:
        raise ActivityFileError(f"an impossible distance ({activity.distance_m:.0f} m)")
    for value in (activity.duration_s, activity.elapsed_s):
        if value is not None and not 0 <= value <= MAX_DURATION_S:
            raise ActivityFileError(f"an impossible duration ({value:.0f} s)")
    return activity
