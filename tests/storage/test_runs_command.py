"""`shoeadvisor runs ...`, `shoes ...` and `advise --profile`: summaries, JSON, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "activities"))

from activity_files import Track, fit_bytes, gpx_text, strava_export_zip
from fit_tool.profile.profile_type import Sport
from storage_helpers import FULL_PROFILE

from shoeadvisor import cli
from shoeadvisor.core.files import parse_profile
from shoeadvisor.storage import ProfileStore

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def runner() -> str:
    data = {**FULL_PROFILE, "name": "Ana"}
    for key in ("weekly_km", "previous_weekly_km"):
        data.pop(key)
    with ProfileStore() as store:
        return store.save(None, parse_profile(data))


def recent(days_ago: float, km: float) -> Track:
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    return Track(start=start, points=int(km * 1000 / 15) + 1, step_s=5, speed_mps=3.0)


def test_import_list_and_shoes_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], runner: str
) -> None:
    (tmp_path / "old.gpx").write_text(gpx_text(recent(45, 4)))  # spikes judged from 15 days ago
    (tmp_path / "a.fit").write_bytes(fit_bytes(recent(20, 6)))  # +50%, but not judged
    (tmp_path / "b.gpx").write_text(gpx_text(recent(10, 5)))
    (tmp_path / "c.fit").write_bytes(fit_bytes(recent(3, 9)))  # +50% over the 30-day longest
    (tmp_path / "ride.fit").write_bytes(fit_bytes(recent(2, 20), sport=Sport.CYCLING))
    (tmp_path / "bad.fit").write_bytes(b"\x0e\x10" + b"\0" * 40)
    code, out, err = run_cli(capsys, "shoes", "add", "Road Trainer", "--start-km", "350")
    assert code == 0
    assert run_cli(capsys, "shoes", "default", "trail", "road-trainer")[0] == 0
    code, out, err = run_cli(capsys, "runs", "import", str(tmp_path), "--profile", "ana")
    assert code == 2  # a broken file is an input error, after the others are imported
    assert "Ana: 4 imported, 0 duplicates, 1 skipped, 1 broken" in out
    assert "skipped" in out and "ride.fit" in out
    assert err.count("\n") == 1 and "bad.fit" in err and "Traceback" not in err
    code, out, _ = run_cli(capsys, "runs", "import", str(tmp_path / "a.fit"))
    assert code == 0 and "0 imported, 1 duplicate," in out

    code, out, _ = run_cli(capsys, "runs", "list", "--json")
    data = json.loads(out)
    assert [round(r["distance_km"]) for r in data["runs"]] == [4, 6, 5, 9]
    assert all(r["shoe_id"] == "road-trainer" for r in data["runs"])  # the trail default
    assert [r["spike"] is not None for r in data["runs"]] == [False, False, False, True]
    assert data["runs"][3]["spike"]["increase_pct"] == pytest.approx(50, abs=1)
    assert data["load"]["longest_run_30d_km"] == pytest.approx(9, abs=0.05)
    run_id = data["runs"][3]["id"]
    code, out, _ = run_cli(capsys, "runs", "list")
    assert "Runs before " in out and "are not judged for spikes" in out
    assert run_cli(capsys, "runs", "pain", str(run_id), "3")[0] == 0

    code, out, _ = run_cli(capsys, "shoes", "list", "--json")
    shoes = json.loads(out)
    (shoe,) = shoes["shoes"]
    assert shoe["km"] == pytest.approx(350 + 24, abs=0.1)
    assert shoe["runs"] == 4 and shoe["default_for"] == ["trail"]
    assert shoe["wear"]["band"] == "in_use"
    assert shoe["knee_pain"]["knee_pain_mean"] == 3
    assert "not an injury limit" in shoes["wear_convention"]
    assert "not a cause" in shoes["knee_pain_note"]
    code, out, _ = run_cli(capsys, "shoes", "list")
    assert "Road Trainer" in out and "374.0 km" in out and "rule of thumb" in out

    code, out, _ = run_cli(capsys, "advise", "--profile", runner, "--json")
    advice = json.loads(out)
    filled = advice["training"]["filled_from_runs"]
    assert filled["weekly_km"] == pytest.approx(9, abs=0.1)
    assert filled["previous_weekly_km"] == pytest.approx(5, abs=0.1)
    assert advice["training"]["recent_spikes"][0]["run_id"] == run_id
    assert advice["training"]["not_covered_yet"] == []  # the log holds its 30 days


def test_a_young_log_fills_only_what_it_holds_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runner: str
) -> None:
    # Imported 10 days of runs: the last 7 days count; the week before and the longest
    # run of 30 days wait (a 25 km plan against 10.8 km is not a spike on a 10-day log).
    for days_ago, km in ((10, 8.0), (3, 10.8)):
        (tmp_path / f"{days_ago}.gpx").write_text(gpx_text(recent(days_ago, km)))
    run_cli(capsys, "runs", "import", str(tmp_path))
    with ProfileStore() as store:
        entry = store.load(runner)
        blank = {"planned_longest_run_km": 25.0, "longest_run_30d_km": None}  # to be filled
        store.save(runner, entry.profile.model_copy(update=blank))
    code, out, _ = run_cli(capsys, "advise", "--profile", runner, "--json")
    advice = json.loads(out)
    training = advice["training"]
    assert code == 0 and list(training["filled_from_runs"]) == ["weekly_km"]
    assert training["not_covered_yet"] == ["previous_weekly_km", "longest_run_30d_km"]
    assert training["planned_run"] is None
    assert {r["id"] for r in advice["risks"]}.isdisjoint({"single_run_spike", "mileage_jump"})
    code, out, _ = run_cli(capsys, "advise", "--profile", runner)
    assert "used for the advice: weekly_km = 10.8" in out
    assert "Distance the week before: not from your runs yet" in out
    assert "Longest run, past 30 days: not from your runs yet" in out
    assert "goes back 30 days" in " ".join(out.split())  # wrapped at 88 columns


def test_rotation_advice_for_one_pair(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runner: str
) -> None:
    for n in range(5):
        (tmp_path / f"{n}.gpx").write_text(gpx_text(recent(2 + 3 * n, 5)))
    run_cli(capsys, "shoes", "add", "Only pair")
    run_cli(capsys, "runs", "import", str(tmp_path), "--shoe", "only-pair")
    _, out, _ = run_cli(capsys, "shoes", "list", "--json")
    rotation = json.loads(out)["rotation"]
    assert rotation["sources"] == ["malisoux2015"] and rotation["evidence"] == "weak"


@pytest.mark.parametrize(
    "args",
    [
        ["runs", "import", "/nonexistent/run.fit"],
        ["runs", "list", "--profile", "nobody"],
        ["runs", "import", "x.fit", "--shoe", "ghost"],
        ["runs", "pain", "1", "eleven"],
        ["runs", "shoe", "999", "none"],
        ["shoes", "retire", "ghost"],
        ["shoes", "default", "trail", "ghost"],
        ["shoes", "start-km", "ghost", "10"],
        ["advise", "--profile", "nobody"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    runner: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.fit").write_bytes(fit_bytes(Track(points=20)))
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("shoeadvisor: "), err
    assert "Traceback" not in err


def test_no_profile_saved_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "runs", "list")
    assert code == 2 and "no saved profiles" in err and err.count("\n") == 1


def test_import_a_strava_zip_from_the_real_command(tmp_path: Path, runner: str) -> None:
    archive = strava_export_zip(tmp_path / "export.zip")
    done = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "runs", "import", str(archive)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("3 imported, 0 duplicates, 1 skipped, 0 broken")
    listed = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "shoes", "list", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=True,
    )  # fmt: skip
    names = {s["name"] for s in json.loads(listed.stdout)["shoes"]}
    assert names == {"Pegasus 40", "Speedgoat 5"}


@pytest.mark.timeout(120)
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_disk_full_during_import_is_one_line_and_keeps_what_was_saved(
    tmp_path: Path, runner: str, private_data_dir: Path
) -> None:
    import resource
    import signal

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from fit_writer import hour_run

    folder = tmp_path / "runs"
    folder.mkdir()
    for n in range(1500):
        when = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=10 * n)
        (folder / f"{n:03d}.fit").write_bytes(hour_run(when, 60, seed=n))
    with ProfileStore() as store:
        store.run_log()  # the empty log exists before the limit
    size = (private_data_dir / "runs.sqlite3").stat().st_size

    def limit() -> None:
        # Files may not grow past ~150 KB more: the log fills up part way, like a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        cap = size + 150_000
        resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))

    done = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "runs", "import", str(folder)],
        capture_output=True, text=True, cwd=ROOT, timeout=100, preexec_fn=limit,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "runs.sqlite3" in done.stderr
    assert "Traceback" not in done.stderr
    assert "before stopping" in done.stdout
    imported = int(done.stdout.split(": ", 1)[1].split(" imported")[0])
    assert 0 < imported < 1500
    again = subprocess.run(
        [sys.executable, "-m", "shoeadvisor", "runs", "import", str(folder)],
        capture_output=True, text=True, cwd=ROOT, timeout=100,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"{1500 - imported} imported, {imported} duplicates" in again.stdout
