"""Where `report -o` may write: atomically, never through a link, never over an input."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shoeadvisor.cli import main
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.report import ReportError, build_report_html, write_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"


def _profile(tmp_path: Path) -> Path:
    path = tmp_path / "p.json"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def _one_error(capsys: pytest.CaptureFixture[str], *needles: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err


def test_the_output_may_not_be_an_input(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _profile(tmp_path)
    before = profile.read_bytes()
    assert main(["report", str(profile), "-o", str(profile)]) == 2
    _one_error(capsys, "is one of the input files")
    shoes = tmp_path / "s.json"
    shoes.write_text(json.dumps([{"id": "a", "name": "A"}]), "utf-8")
    link = tmp_path / "same-file"
    os.link(shoes, link)  # another name for the shoes file
    assert main(["report", str(profile), "--shoes", str(shoes), "-o", str(link)]) == 2
    _one_error(capsys, "is one of the input files")
    assert profile.read_bytes() == before and json.loads(shoes.read_text())


def test_a_symbolic_link_is_refused_and_left_alone(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "report.pdf"
    link.symlink_to(victim)
    assert main(["report", str(_profile(tmp_path)), "-o", str(link)]) == 2
    _one_error(capsys, "is a symbolic link")
    assert victim.read_text() == "precious" and link.is_symlink()


def test_the_pdf_is_written_atomically_and_privately(qapp: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"an older report")
    html = build_report_html(advise(load_profile(EXAMPLE)))
    old = os.umask(0o022)
    try:
        pages = write_pdf(html, out)
    finally:
        os.umask(old)
    data = out.read_bytes()
    assert pages >= 2 and data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]  # no temporary file left


def test_a_failed_write_leaves_the_earlier_report(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import shoeadvisor.storage.atomic as atomic

    out = tmp_path / "out.pdf"
    out.write_bytes(b"the good report")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    html = build_report_html(advise(load_profile(EXAMPLE)))
    with pytest.raises(ReportError, match="the disk is full"):
        write_pdf(html, out)
    assert out.read_bytes() == b"the good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_report_on_a_full_disk_keeps_the_earlier_report(tiny_disk: Any, tmp_path: Path) -> None:
    out = tiny_disk.path / "report.pdf"
    out.write_bytes(b"the good report")
    tiny_disk.fill()
    result = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "report", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "the disk is full" in result.stderr and "earlier file is unchanged" in result.stderr
    assert out.read_bytes() == b"the good report"


def test_read_only_report_folder_gives_one_clear_line(other_user: Any) -> None:
    folder = other_user.mkdir("reports", mode=0o555)
    profile = other_user.folder / "p.json"
    profile.write_bytes(EXAMPLE.read_bytes())
    out = folder / "r.pdf"
    result = other_user.run("report", str(profile), "-o", str(out), timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    # One line of ours, and no Qt warning ("QPdfWriter: ..." or "QPainter::begin").
    assert result.stderr == (
        f"shoeadvisor: {out}: cannot write in the folder {folder} (permission denied)\n"
    )
    assert not out.exists()


def test_a_device_as_the_output_is_refused(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(_profile(tmp_path)), "-o", os.devnull]) == 2
    _one_error(capsys, "not a regular file")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_the_report_saved_from_the_window_is_private(qapp: Any, tmp_path: Path) -> None:
    """File > Export report > Save as PDF: the same writer, over a report left 0644."""
    from shoeadvisor.gui.widgets.report_dialog import ReportDialog

    out = tmp_path / "report.pdf"
    out.write_bytes(b"an older report")
    out.chmod(0o644)
    dialog = ReportDialog(advise(load_profile(EXAMPLE)))
    old = os.umask(0o022)
    try:
        assert dialog.write_to(out)
    finally:
        os.umask(old)
        dialog.deleteLater()
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
