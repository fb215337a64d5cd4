"""Fuzzing the commands with hostile profile and shoe files.

Whatever the file holds (a valid file with bytes changed, random bytes, deep
nesting, numbers of thousands of digits, odd Unicode), the command either works
(exit 0) or exits 2 with exactly one line on stderr that names the file, never a
traceback, and within a bounded time. Runs in-process with captured streams, so
the suite stays fast; one subprocess check covers the real entry point.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from shoeadvisor import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"
GOOD_PROFILE: dict[str, Any] = json.loads(EXAMPLE.read_text())
GOOD_SHOES: list[dict[str, Any]] = [
    {"id": "a", "name": "Daily", "features": {"cushioning": 3, "wide_fit": True}, "comfort": 4},
    {"id": "b", "name": "Trail", "features": {"trail_grip": 2}, "drop_mm": 6, "surface": "trail"},
]

#: A bound on one example (a hang or a blow-up, not a speed test): generous on purpose.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

odd_text = st.text(
    alphabet=st.characters(codec=None, categories=None, exclude_characters=None),
    max_size=30,
) | st.sampled_from(
    [
        "\x1b[31mred\x1b[0m",
        "\u202eevil\u202c",
        "\ufeffbom",
        "\ud800",  # a lone surrogate (json.dumps escapes it)
        "\uffff\ufffe",
        "e\u0301" * 50,
        "\U0001f3c3" * 81,
        "\x00nul",
        "名前\u2028line",
    ]
)
huge_numbers = st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n) | st.sampled_from(
    ["1e999999", "-1e-999999", "-0", "1" * 4300, "1" * 4301, "0." + "0" * 5000 + "1"]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(odd_text, children, max_size=4)
    ),
    max_leaves=12,
)


def _deep(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@st.composite
def profile_texts(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 6))
    data = dict(GOOD_PROFILE)
    if choice == 6:  # valid, with odd Unicode where text is free
        data["name"] = draw(odd_text.filter(lambda t: 0 < len(t.strip()) <= 80))
        return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if choice == 0:  # one field replaced by anything
        data[draw(st.sampled_from([*sorted(data), "extra"]))] = draw(json_values)
        return json.dumps(data).encode()
    if choice == 1:  # a huge number in a numeric field (or any field)
        key = draw(
            st.sampled_from(["weight_kg", "height_cm", "weekly_km", "schema_version", "name"])
        )
        data[key] = 0
        return json.dumps(data).replace(f'"{key}": 0', f'"{key}": {draw(huge_numbers)}').encode()
    if choice == 2:  # deep nesting, as a value or as the whole file
        deep = _deep(draw(st.integers(1, 50_000)), draw(st.sampled_from(["list", "dict"])))
        if draw(st.booleans()):
            return deep.encode()
        data["seasons"] = None
        return json.dumps(data).replace('"seasons": null', f'"seasons": {deep}').encode()
    if choice == 3:  # random bytes
        return draw(st.binary(max_size=500))
    raw = bytearray(
        json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    )
    for _ in range(draw(st.integers(1, 6))):  # a valid file with bytes changed
        at = draw(st.integers(0, len(raw)))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "insert" or not raw:
            raw[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del raw[min(at, len(raw) - 1)]
        else:
            raw[min(at, len(raw) - 1)] ^= 1 << draw(st.integers(0, 7))
    return bytes(raw)


@st.composite
def shoe_texts(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 5))
    shoes = [dict(s) for s in GOOD_SHOES]
    if choice == 5:  # valid, with odd Unicode where text is free
        free = odd_text.filter(lambda t: 0 < len(t.strip()) <= 200)
        shoes[0]["name"], shoes[1]["notes"] = draw(free), draw(free)
        shoes[1]["id"] = draw(free)
        return json.dumps(shoes, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if choice == 0:
        shoe = shoes[draw(st.integers(0, 1))]
        shoe[draw(st.sampled_from(["id", "name", "features", "weight_g", "notes", "x"]))] = draw(
            json_values
        )
        return json.dumps(shoes).encode()
    if choice == 1:
        number = draw(huge_numbers)
        text = json.dumps(shoes).replace('"cushioning": 3', f'"cushioning": {number}')
        return text.replace('"drop_mm": 6', f'"drop_mm": {number}').encode()
    if choice == 2:
        return _deep(draw(st.integers(1, 50_000)), draw(st.sampled_from(["list", "dict"]))).encode()
    if choice == 3:
        return draw(st.binary(max_size=500))
    raw = bytearray(json.dumps(shoes).encode())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(raw) - 1))
        raw[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(raw)


def _check(code: int, out: str, err: str, path: Path, fuzzing: bool = True) -> None:
    if fuzzing:
        event(f"exit {code}")
    assert "Traceback" not in err
    if code == 0:
        assert err == "", err
        return
    assert code == 2, (code, err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith(f"shoeadvisor: {path}: "), err
    assert out == ""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@FUZZ
@given(raw=profile_texts(), as_json=st.booleans())
def test_advise_on_fuzzed_profiles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, as_json: bool
) -> None:
    path = tmp_path / "profile.json"
    path.write_bytes(raw)
    code, out, err = _run(capsys, "advise", str(path), *(["--json"] if as_json else []))
    _check(code, out, err, path)
    if code == 0 and as_json:
        assert json.loads(out)["schema_version"] >= 1


@FUZZ
@given(raw=shoe_texts())
def test_advise_on_fuzzed_shoe_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    path = tmp_path / "shoes.json"
    path.write_bytes(raw)
    code, out, err = _run(capsys, "advise", str(EXAMPLE), "--shoes", str(path), "--json")
    _check(code, out, err, path)


@settings(FUZZ, max_examples=40)
@given(raw=profile_texts())
def test_profiles_import_of_fuzzed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    path = tmp_path / "import.json"
    path.write_bytes(raw)
    code, out, err = _run(capsys, "profiles", "import", str(path))
    if code == 0:
        assert err == "" and out.startswith("Imported ")
    else:
        _check(code, out, err, path)


@pytest.mark.parametrize(
    "raw",
    [_deep(200_000, "list").encode(), b'{"name": ' + b"9" * 20_000 + b"}", bytes(range(256))],
    ids=["very deep", "20,000 digits", "all bytes"],
)
def test_the_real_entry_point_too(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "p.json"
    path.write_bytes(raw)
    result = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "advise", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    _check(result.returncode, result.stdout, result.stderr, path, fuzzing=False)
