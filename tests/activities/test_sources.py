"""Finding activity files: folders, Strava and Garmin exports, FIFOs, bombs."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from activity_files import (
    day,
    fit_bytes,
    garmin_export_zip,
    strava_export_folder,
    strava_export_zip,
)

from shoeadvisor.activities import find_sources, read_source, reading
from shoeadvisor.activities.batch import parse_source


def test_folder_walk_finds_activity_files_only(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "run.fit").write_bytes(fit_bytes(day(0)))
    (tmp_path / "a" / "b" / "run.GPX").write_text("x")
    (tmp_path / "notes.txt").write_text("not an activity")
    with find_sources([tmp_path]) as scan:
        names = sorted(Path(s.name).name for s in scan.sources)
    assert names == ["run.GPX", "run.fit"]


def test_strava_folder_reads_types_and_gear_from_the_csv(tmp_path: Path) -> None:
    strava_export_folder(tmp_path / "export")
    with find_sources([tmp_path / "export"]) as scan:
        by_file = {Path(s.name).name: s for s in scan.sources}
    assert set(by_file) == {"101.fit.gz", "102.gpx", "103.tcx.gz", "104.fit.gz"}
    assert by_file["103.tcx.gz"].strava is not None
    assert by_file["103.tcx.gz"].strava.gear == "Speedgoat 5"
    assert by_file["104.fit.gz"].strava is not None
    assert by_file["104.fit.gz"].strava.type == "Ride"
    results = {Path(s.name).name: parse_source(s) for s in by_file.values()}
    assert results["104.fit.gz"].status == "skipped"
    assert "Ride" in (results["104.fit.gz"].reason or "")
    assert results["103.tcx.gz"].activity is not None
    assert results["103.tcx.gz"].activity.surface == "trail"  # "Trail Run" in the CSV
    assert all(results[n].status == "parsed" for n in ("101.fit.gz", "102.gpx", "103.tcx.gz"))


def test_strava_zip_is_read_in_place(tmp_path: Path) -> None:
    archive = strava_export_zip(tmp_path / "export_12345.zip")
    with find_sources([archive]) as scan:
        statuses = sorted(parse_source(s).status for s in scan.sources)
        assert all(s.member is not None for s in scan.sources)
    assert statuses == ["parsed", "parsed", "parsed", "skipped"]


def test_garmin_export_with_a_zip_inside_a_zip(tmp_path: Path) -> None:
    archive = garmin_export_zip(tmp_path / "garmin.zip", [fit_bytes(day(n)) for n in range(3)])
    with find_sources([archive]) as scan:
        assert len(scan.sources) == 3
        assert all(parse_source(s).status == "parsed" for s in scan.sources)
        temp = Path(scan.sources[0].path)
        assert temp.exists()
    assert not temp.exists()  # the unpacked inner zip is removed afterwards


def test_missing_path_and_bad_zip_are_problems_not_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really")
    with find_sources([tmp_path / "nope.fit", tmp_path / "bad.zip"]) as scan:
        assert scan.sources == []
        reasons = dict(scan.problems)
    assert "no such file" in reasons[str(tmp_path / "nope.fit")]
    assert "zip" in reasons[str(tmp_path / "bad.zip")]


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "run.fit"
    os.mkfifo(fifo)
    with find_sources([fifo]) as scan:
        result = parse_source(scan.sources[0])
    assert result.status == "broken"
    assert "not a regular file" in (result.reason or "")
    zipped = tmp_path / "export.zip"
    os.mkfifo(zipped)
    with find_sources([zipped]) as scan:
        assert "not a regular file" in dict(scan.problems)[str(zipped)]


def test_zip_member_larger_than_the_cap_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shoeadvisor.activities.sources.MAX_ACTIVITY_BYTES", 100_000)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("activities/huge.fit", b"\0" * 5_000_000)
    assert archive.stat().st_size < 50_000
    with find_sources([archive]) as scan:
        result = parse_source(scan.sources[0])
    assert result.status == "broken"
    assert "too large" in (result.reason or "")


def test_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.fit"
    big.write_bytes(b"\0" * 2000)
    with pytest.raises(reading.ActivityFileError, match="too large"):
        reading.read_regular_file(big, 1000)


def test_read_source_returns_the_members_bytes(tmp_path: Path) -> None:
    archive = strava_export_zip(tmp_path / "e.zip")
    with find_sources([archive]) as scan:
        source = next(s for s in scan.sources if s.name.endswith("102.gpx"))
        assert read_source(source).startswith(b"<?xml")


def _not_regular(tmp_path: Path, kind: str, keep: list[object]) -> Path:
    if kind == "fifo":
        os.mkfifo(tmp_path / "run.fit")
        return tmp_path / "run.fit"
    if kind == "socket":
        import socket

        path = tmp_path / "run.fit"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        keep.append(server)
        return path
    if kind == "device":
        return Path(os.devnull)
    if kind == "folder":
        return tmp_path
    return tmp_path / "missing.fit"


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and sockets")
@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "folder", "missing"])
def test_activities_and_profiles_share_one_reader_and_its_words(tmp_path: Path, kind: str) -> None:
    """One bounded reader: an activity file is refused in the very words a profile is."""
    from shoeadvisor.core.files import InputFileError
    from shoeadvisor.core.files import read_regular_file as read_input

    sockets: list[object] = []
    path = _not_regular(tmp_path, kind, sockets)
    try:
        with pytest.raises(reading.ActivityFileError) as as_activity:
            reading.read_regular_file(path, 1000)
        with pytest.raises(InputFileError) as as_profile:
            read_input(path, 1000)
    finally:
        for server in sockets:
            server.close()  # type: ignore[attr-defined]
    assert str(as_activity.value) == as_profile.value.message
    expected = {
        "fifo": "is a named pipe (FIFO), not a regular file",
        "socket": "is a socket, not a regular file",
        "device": "is a device, not a regular file",
        "folder": "is a folder, not a file",
        "missing": "no such file",
    }[kind]
    assert str(as_activity.value) == expected


def test_the_size_cap_is_said_in_megabytes_or_in_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.fit"
    big.write_bytes(b"\0" * 2000)
    with pytest.raises(reading.ActivityFileError, match=r"^too large \(over 1,000 bytes\)$"):
        reading.read_regular_file(big, 1000)
    with pytest.raises(
        reading.ActivityFileError, match=r"^too large when uncompressed \(over 64 MB\)$"
    ):
        reading.gunzip_bounded(gzip_of(b"\0" * (64 * 1024 * 1024 + 1)), 64 * 1024 * 1024)
    assert reading.read_regular_file(big, 2000) == b"\0" * 2000


def gzip_of(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, compresslevel=1)


def test_a_file_that_grows_while_it_is_read_is_refused_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap holds whatever the file's size said when it was opened."""
    from shoeadvisor import regular_files

    path = tmp_path / "growing.fit"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # the size as it was before it grew
        info = real_fstat(fd)
        path.write_bytes(b"x" * 5000)
        return info

    monkeypatch.setattr(regular_files.os, "fstat", stale_fstat)
    with pytest.raises(reading.ActivityFileError, match="too large"):
        reading.read_regular_file(path, 1000)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_a_zip_inside_a_zip_is_unpacked_into_a_file_only_this_user_may_read(
    tmp_path: Path, umask: int
) -> None:
    """The runner's runs (with where they ran) are unpacked 0600 into a 0700 folder,
    whatever the umask: another user of the computer can read neither."""
    archive = garmin_export_zip(tmp_path / "garmin.zip", [fit_bytes(day(0))])
    old = os.umask(umask)
    try:
        with find_sources([archive]) as scan:
            inner = Path(scan.sources[0].path)
            assert inner != archive
            assert stat.S_IMODE(inner.stat().st_mode) == 0o600
            assert stat.S_IMODE(inner.parent.stat().st_mode) == 0o700
            assert parse_source(scan.sources[0]).status == "parsed"
    finally:
        os.umask(old)
