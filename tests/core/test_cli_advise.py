"""`shoeadvisor advise`: the contract §6 JSON, a readable summary, clean errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoeadvisor import cli
from shoeadvisor.core.ids import FEATURE_IDS, GRADES, RISK_IDS
from shoeadvisor.core.knowledge import knowledge

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"
GOOD = json.loads(EXAMPLE.read_text())


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, content: bytes | str, name: str = "p.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_json_output_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "advise", str(EXAMPLE), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert sorted(f["id"] for f in data["features"]) == sorted(FEATURE_IDS)
    sources = knowledge().sources
    for f in data["features"]:
        assert 0 <= f["importance"] <= 100
        assert f["level"] in {"essential", "recommended", "optional", "avoid"}
        for r in f["reasons"]:
            assert {"rule", "text", "evidence", "sources"} <= set(r)
            assert r["evidence"] in GRADES and all(s in sources for s in r["sources"])
    for r in data["risks"]:
        assert r["id"] in RISK_IDS and r["severity"] in {"info", "caution", "warning"}
        assert r["advice"] and r["evidence"] in GRADES and r["sources"]
    knee = data["knee"]
    assert knee["see_doctor"] is False
    assert [c["id"] for c in knee["conditions"]] == ["runners_knee"]
    assert all({"id", "name", "dose", "sources"} <= set(e) for e in knee["exercises"])
    shoes = data["shoes"]
    assert len(shoes) == len(knowledge().catalog)
    assert all(len(s["breakdown"]) == len(FEATURE_IDS) for s in shoes)
    # Contract §6 v2 keys: surface tier first (main and unknown, second, none), then score.
    tier = {"main": 0, "unknown": 0, "second": 1, "none": 2}
    tiers = [tier[s["surface_match"]] for s in shoes if s["coverage"]["known"]]
    assert tiers == sorted(tiers)
    groups = [s["tie_group"] for s in shoes]
    assert groups == sorted(groups) and groups[0] == 1
    for s in shoes:
        assert 0 <= s["coverage"]["known"] <= s["coverage"]["of"]
        assert set(s["check_in_store"]) <= set(FEATURE_IDS)
    # The example runs on asphalt and trail: road shoes lead, trail shoes are second pairs.
    assert shoes[0]["surface_match"] == "main"
    assert {s["surface_match"] for s in shoes if s["id"].startswith("archetype.trail")} == {
        "second"
    }
    assert 3 <= len(data["shortlist"]) <= 5
    assert data["shortlist"] == [s["id"] for s in shoes[: len(data["shortlist"])]]


def test_shoes_file_is_scored_instead_of_the_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shoes = [
        {"id": "a", "name": "Plain", "features": {"wide_fit": False}},
        {"id": "b", "name": "Roomy", "features": {"wide_fit": True, "cushioning": 3}},
    ]
    path = write(tmp_path, json.dumps(shoes), "shoes.json")
    code, out, _ = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path), "--json")
    assert code == 0
    result = json.loads(out)["shoes"]
    assert [s["id"] for s in result] == ["b", "a"]
    breakdown = {b["feature"]: b["level"] for b in result[1]["breakdown"]}
    assert breakdown["wide_fit"] == 0 and breakdown["cushioning"] is None


def test_text_summary_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "advise", str(EXAMPLE))
    assert code == 0
    assert "ESSENTIAL" in out and "Risks" in out and "not medical advice" in out
    assert "Wide fit" in out and "[CAUTION] Sudden mileage jump" in out


def test_text_shoes_show_surface_match_coverage_ties_and_the_store_checklist(
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalog = Path(__file__).parent / "fixtures" / "realistic_catalog.json"
    code, out, _ = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(catalog))
    assert code == 0
    shoes = out[out.index("Shoes, best fit first") :]
    assert "Try on first: Pacer Cushion Max 3, Steadfast GTS 22, Wideline Comfort 5 (2E)" in shoes
    # Sections in tier order: main surface, second pairs, the rest.
    main = shoes.index("For your main surface")
    second = shoes.index("Second pairs for your other surfaces")
    rest = shoes.index("Not for the ground you run on")
    assert main < second < rest
    assert shoes.index("Ridgeback Trail 7") > second  # a trail shoe: second pair
    assert shoes.index("Sprint Spike 9") > rest
    lines = shoes.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith("Steadfast GTS 22"))
    assert (
        "road shoe for your main surface · 9 of 10 that count known · tie 2: 3 shoes"
        in (lines[at + 1])
    )
    assert lines[at + 2].strip() == "check in the store: that it has no narrow fit"
    assert "surface not given: ranked on its features" in shoes
    assert "has narrow fit, which you should avoid" in shoes
    assert "lacks removable insole (essential for you)" in shoes


EVERYDAY = json.loads((Path(__file__).parent / "fixtures" / "everyday_runner.json").read_text())


def test_json_and_text_name_the_tied_pairs_the_shortlist_has_no_room_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = Path(__file__).parent / "fixtures" / "realistic_catalog.json"
    path = write(tmp_path, json.dumps(EVERYDAY))
    code, out, _ = run_cli(capsys, "advise", str(path), "--shoes", str(catalog), "--json")
    assert code == 0
    data = json.loads(out)
    group = {s["id"]: s["tie_group"] for s in data["shoes"]}
    last = group[data["shortlist"][-1]]
    assert len(data["shortlist"]) == 5
    assert data["tied_with_shortlist"] == ["velocity-elite-3", "wideline-comfort-5"]
    # Every shoe of the shortlist's last tie is on it or named beside it.
    tie = {i for i, g in group.items() if g == last}
    assert len(tie) == 6 and tie == set(data["shortlist"][1:]) | set(data["tied_with_shortlist"])
    code, out, _ = run_cli(capsys, "advise", str(path), "--shoes", str(catalog))
    shoes = " ".join(out[out.index("Shoes, best fit first") :].split())
    assert (
        "★ Try on first: Tempo Daily 9, Featherlite Trainer, Guidepost 15, Northway Glide 16, "
        "Steadfast GTS 22. ☆ Just as good: Velocity Elite 3 and Wideline Comfort 5 (2E) are in "
        "tie 2 too, left out only because the list stops at 5 pairs" in shoes
    )
    # The marks in the margin of the list, as in the window's rank column.
    assert re.search(r"★ 5\. \d+ Steadfast GTS 22 ", shoes)
    assert re.search(r"☆ 6\. \d+ Velocity Elite 3 .*☆ 7\. \d+ Wideline Comfort 5", shoes)
    assert not re.search(r"[★☆] 8\.", shoes)
    # With a shortlist that ends with a whole tie, the key is there and empty.
    code, out, _ = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(catalog), "--json")
    assert json.loads(out)["tied_with_shortlist"] == []


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("shoeadvisor ")


@pytest.mark.parametrize(
    ("content", "field", "message"),
    [
        ({**GOOD, "weight_kg": 20}, "weight_kg", "greater than or equal to 30"),
        ({**GOOD, "foot_width": "huge"}, "foot_width", "'narrow'"),
        ({**GOOD, "favourite_colour": "red"}, "favourite_colour", "unknown key"),
        ({k: v for k, v in GOOD.items() if k != "pronation"}, "pronation", "required"),
        ({**GOOD, "seasons": ["summer", "summer"]}, "seasons", "listed twice"),
        ({**GOOD, "name": "   "}, "name", "at least 1 character"),
        ({**GOOD, "schema_version": 7}, "schema_version", "newer ShoeAdvisor"),
        ({**GOOD, "weight_kg": "80"}, "weight_kg", "valid number"),
        ({**GOOD, "knee_pain": ["elbow"]}, "knee_pain[0]", "around_kneecap"),
    ],
)
def test_invalid_profile_names_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: dict, field: str, message: str
) -> None:
    path = write(tmp_path, json.dumps(content))
    code, out, err = run_cli(capsys, "advise", str(path), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert str(path) in err and f": {field}: " in err and message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON"),
        (b'{"name": ', "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b"[1, 2]", "JSON object"),
        (b'{"weight_kg": NaN}', "NaN is not allowed"),
        (b"\x00\x00\x00", "binary"),
    ],
)
def test_unusable_files_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = write(tmp_path, content)
    code, out, err = run_cli(capsys, "advise", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert str(path) in err and message in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "advise", str(tmp_path / "nope.json"))
    assert code == 2 and "no such file" in err
    code, _, err = run_cli(capsys, "advise", str(tmp_path))
    assert code == 2 and "folder" in err


def test_bad_shoes_file_names_the_shoe_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, json.dumps([{"id": "a", "name": "A", "features": {"grip": 3}}]))
    code, _, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and str(path) in err and "[0].features.grip" in err
    path = write(tmp_path, json.dumps([{"id": "a", "name": "A", "features": {"cushioning": 5}}]))
    code, _, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and "level must be 0–3" in err
    dup = [{"id": "a", "name": "A", "features": {}}, {"id": "a", "name": "B", "features": {}}]
    path = write(tmp_path, json.dumps(dup))
    code, _, err = run_cli(capsys, "advise", str(EXAMPLE), "--shoes", str(path))
    assert code == 2 and "[1].id" in err and "two shoes" in err


def test_oversized_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, b" " * 1_000_001 + b"{}")
    code, _, err = run_cli(capsys, "advise", str(path))
    assert code == 2 and "too large" in err


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=600))
def test_random_bytes_always_exit_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], blob: bytes
) -> None:
    path = write(tmp_path, blob)
    code, out, err = run_cli(capsys, "advise", str(path), "--json")
    assert code == 2 and out == ""
    assert "Traceback" not in err and err.count("\n") == 1 and str(path) in err


def test_subprocess_reports_random_bytes_without_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, bytes(range(256)) * 3)
    result = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "advise", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr and str(path) in result.stderr
