"""Hostile inputs to the headless commands: FIFOs, devices, terminal escapes, huge numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shoeadvisor import cli
from shoeadvisor.commands.terminal import json_bytes, safe_line, safe_text
from shoeadvisor.core.files import InputFileError, read_regular_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"
GOOD = json.loads(EXAMPLE.read_text())
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shoeadvisor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@needs_fifo
@pytest.mark.parametrize("where", ["profile", "shoes"])
def test_a_fifo_is_refused_at_once(tmp_path: Path, where: str) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    args = [str(fifo)] if where == "profile" else [str(EXAMPLE), "--shoes", str(fifo)]
    # Nobody ever writes to the pipe: a blocking open would hang until the timeout.
    result = run_process("advise", *args, timeout=20)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"shoeadvisor: {fifo}: is a named pipe (FIFO), not a regular file\n"


@pytest.mark.timeout(10)
def test_devices_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="is a device, not a regular file"):
        read_regular_file(os.devnull, 100)
    with pytest.raises(InputFileError, match="is a folder"):
        read_regular_file(tmp_path, 100)
    with pytest.raises(InputFileError, match="no such file"):
        read_regular_file(tmp_path / "nope", 100)


def test_the_size_cap_is_read_from_the_open_file(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputFileError, match="too large \\(over 100 bytes\\)"):
        read_regular_file(path, 100)
    assert read_regular_file(path, 101) == b"x" * 101


HOSTILE_NAME = "Eve\x1b]0;pwned\x07\x1b[2J\rOK\u202eevil\u2066\x9b31m\x7f"


def test_advise_text_never_prints_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({**GOOD, "name": HOSTILE_NAME}), "utf-8")
    shoes = tmp_path / "s.json"
    shoes.write_text(json.dumps([{"id": "a", "name": "Shoe\x1b[5m\x08", "features": {}}]), "utf-8")
    code, out, err = run_cli(capsys, "advise", str(profile), "--shoes", str(shoes))
    assert code == 0 and err == ""
    for bad in "\x1b\x07\r\u202e\u2066\x9b\x7f\x08":
        assert bad not in out
    assert "Eve\\x1b]0;pwned\\x07\\x1b[2J\\x0dOK\\u202eevil" in out
    assert "Shoe\\x1b[5m\\x08" in out


def test_advise_json_keeps_the_data_but_escapes_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({**GOOD, "name": "Runner"}), "utf-8")
    shoes = tmp_path / "s.json"
    shoes.write_text(json.dumps([{"id": "a", "name": HOSTILE_NAME, "features": {}}]), "utf-8")
    code, out, _ = run_cli(capsys, "advise", str(profile), "--shoes", str(shoes), "--json")
    assert code == 0
    for bad in "\x1b\x07\r\u202e\u2066\x9b\x7f":
        assert bad not in out
    assert json.loads(out)["shoes"][0]["name"] == HOSTILE_NAME


def test_json_output_is_laid_out_like_the_json_module() -> None:
    data = {"a": [1, 2.5, None, True], "b": {"c": "é – ’", "d": []}, "e": {}, "f": "x\ny"}
    assert json_bytes(data) == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    # Text orjson refuses (a lone surrogate) still comes out, as ASCII escapes.
    assert json.loads(json_bytes({"name": "\ud800"})) == {"name": "\ud800"}


def test_error_lines_never_carry_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**GOOD, "colour\x1b[31m\n": 1}), "utf-8")
    code, _, err = run_cli(capsys, "advise", str(path))
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err
    assert "colour\\x1b[31m\\x0a: unknown key" in err
    hostile_file = tmp_path / "evil\x1b[2J.json"
    code, _, err = run_cli(capsys, "advise", str(hostile_file))
    assert code == 2 and "\x1b" not in err and "evil\\x1b[2J.json: no such file" in err


def test_argparse_errors_are_sanitised_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", str(EXAMPLE), "-o", "x.pdf", "--page-size", "\x1b[31mA5"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[31mA5" in err and err.count("\n") == 1


def test_safe_text_keeps_newlines_and_tabs_but_safe_line_does_not() -> None:
    assert safe_text("a\tb\nc\x1b") == "a\tb\nc\\x1b"
    assert safe_line("a\tb\nc") == "a\\x09b\\x0ac"
    # Right-to-left text and its marks are ordinary text; only overrides are escaped.
    assert safe_line("שלום \u200f") == "שלום \u200f"
    assert safe_line("\u202eabc") == "\\u202eabc"


def test_a_5000_digit_number_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    raw = json.dumps({**GOOD, "weight_kg": 0}).replace(
        '"weight_kg": 0', '"weight_kg": ' + "9" * 5000
    )
    path.write_text(raw, "utf-8")
    code, _, err = run_cli(capsys, "advise", str(path))
    assert code == 2 and err.count("\n") == 1
    assert f"{path}: weight_kg: " in err and "5,000 digits" in err
    assert "4300" not in err and "int_max_str_digits" not in err


def test_a_huge_number_in_a_shoe_names_the_shoe_and_feature(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.json"
    path.write_text('[{"id": "a", "name": "A", "features": {"grip": -' + "1" * 5000 + "}}]")
    code, _, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and err.count("\n") == 1
    assert "[0].features: grip: level must be 0–3" in err and "5,000 digits" in err


def test_a_lone_surrogate_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**GOOD, "name": "Ana \ud83c"}), "utf-8")  # json escapes it
    code, out, err = run_cli(capsys, "advise", str(path), "--json")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{path}: name: " in err and "surrogate" in err
    # A properly paired, escaped emoji is fine.
    path.write_text(json.dumps({**GOOD, "name": "Ana \U0001f3c3"}), "utf-8")
    code, out, _ = run_cli(capsys, "advise", str(path), "--json")
    assert code == 0 and json.loads(out)


def test_an_ascii_terminal_gets_question_marks_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**GOOD, "name": "Zoë \U0001f3c3"}), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "advise", str(path)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert b"advice for Zo? ?" in result.stdout


def test_too_many_shoes_are_refused_with_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from shoeadvisor.core.files import MAX_SHOES

    path = tmp_path / "s.json"
    shoes = [{"id": str(i), "name": "x"} for i in range(MAX_SHOES + 1)]
    path.write_text(json.dumps(shoes), "utf-8")
    code, out, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"has {MAX_SHOES + 1:,} shoes; a shoe file holds at most {MAX_SHOES:,} shoes" in err


@pytest.mark.parametrize(
    "body",
    [b'{"id":"1","name":"a"},' * 300_000, b"[]," * 2_000_000, b'"ab",' * 1_500_000],
    ids=["tiny shoes", "empty lists", "short strings"],
)
def test_many_tiny_values_are_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    """Files far below the byte cap whose parsed form would take gigabytes."""
    path = tmp_path / "s.json"
    path.write_bytes(b"[" + body + b"null]")
    code, _, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and err.count("\n") == 1
    assert "; a shoe file holds at most 20,000 shoes" in err
