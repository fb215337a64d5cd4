"""Rows damaged inside a readable run log: left out (or a value left blank), said in one line.

Each database here is damaged by SQL, as another program, a bad disk sector or a hand
edit would leave it: SQLite opens it (its integrity check passes), but a row does not
decode into a run or a shoe. The runner's other runs and shoes must still show, and the
window and every command must keep working.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_helpers import make_profile

from shoeadvisor import cli
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.storage import ProfileStore
from shoeadvisor.storage.runlog import NewRun, RunLog

START = datetime(2025, 5, 1, 7, tzinfo=UTC)


def new_run(n: int, shoe: str | None = "road") -> NewRun:
    return NewRun(
        START + timedelta(days=n), 8000.0, 2400, 2500, 30, 28, "running", "asphalt",
        f"Run {n}", f"run{n}.fit", f"hash{n}", shoe,
    )  # fmt: skip


def shoe(shoe_id: str, name: str) -> Shoe:
    return Shoe.model_validate({"id": shoe_id, "name": name, "features": {}})


def fill(path: Path, profile: str = "p") -> None:
    with RunLog(path) as log:
        log.replace_shoes(profile, [shoe("road", "Road"), shoe("trail", "Trail")])
        ids = log.add_runs(profile, [new_run(n) for n in range(4)])
        for run_id in ids:
            assert run_id is not None
            log.set_knee_pain(profile, run_id, 2)


def damage(path: Path, *statements: str, drop_not_null: bool = False) -> None:
    """Run SQL on the closed log as another program would (no checks of ours)."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    if drop_not_null:  # an older or foreign writer whose tables allow NULL anywhere
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') "
            "WHERE name IN ('runs', 'shoes')"
        )
        conn.execute("PRAGMA writable_schema = OFF")
        conn.close()
        conn = sqlite3.connect(path)
        conn.isolation_level = None
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.parametrize(
    ("statement", "drop_not_null", "why"),
    [
        ("UPDATE runs SET start_ts = 'yesterday' WHERE id = 2", False, "start"),
        ("UPDATE runs SET start_ts = NULL WHERE id = 2", True, "start"),
        ("UPDATE runs SET start_ts = 99999999999999999 WHERE id = 2", False, "start"),
        ("UPDATE runs SET distance_m = 'far' WHERE id = 2", False, "distance"),
        ("UPDATE runs SET distance_m = NULL WHERE id = 2", True, "distance"),
        ("UPDATE runs SET distance_m = -5 WHERE id = 2", False, "distance"),
        ("UPDATE runs SET distance_m = 9e999 WHERE id = 2", False, "distance"),
    ],
)
def test_a_run_that_does_not_decode_is_left_out_and_said(
    tmp_path: Path, statement: str, drop_not_null: bool, why: str
) -> None:
    path = tmp_path / "runs.sqlite3"
    fill(path)
    damage(path, statement, drop_not_null=drop_not_null)
    with RunLog(path) as log:
        runs = log.runs("p")
        assert [r.id for r in runs] == [1, 3, 4]
        assert log.run_count("p") == 3
        # How far back the log goes: its first run that decodes, as runs() has it.
        assert log.first_run_start("p") == runs[0].start
        assert log.first_run_start("nobody") is None
        owned = {o.id: o for o in log.shoes("p")}
        # The shoe's kilometres are those of the runs shown: one source of truth.
        assert owned["road"].run_km == pytest.approx(sum(r.distance_km for r in runs))
        assert owned["road"].runs == 3
        notice = log.notice
    assert notice is not None and "\n" not in notice
    assert "run 2" in notice and why in notice
    assert "left out" in notice


@pytest.mark.parametrize(
    ("statement", "blank"),
    [
        ("UPDATE runs SET duration_s = 'long' WHERE id = 2", "duration_s"),
        ("UPDATE runs SET ascent_m = x'00ff' WHERE id = 2", "ascent_m"),
        ("UPDATE runs SET surface = 'moon' WHERE id = 2", "surface"),
        ("UPDATE runs SET knee_pain = 99 WHERE id = 2", "knee_pain"),
        ("UPDATE runs SET name = x'ff00fe' WHERE id = 2", "name"),
        ("UPDATE runs SET shoe_id = x'07' WHERE id = 2", "shoe_id"),
    ],
)
def test_a_bad_optional_value_is_left_blank_and_the_run_kept(
    tmp_path: Path, statement: str, blank: str
) -> None:
    path = tmp_path / "runs.sqlite3"
    fill(path)
    damage(path, statement)
    with RunLog(path) as log:
        runs = {r.id: r for r in log.runs("p")}
        assert sorted(runs) == [1, 2, 3, 4]
        assert getattr(runs[2], blank) is None
        assert runs[2].distance_km == 8.0
        assert getattr(runs[1], blank) is not None
        notice = log.notice
    assert notice is not None and "run 2" in notice and "\n" not in notice


@pytest.mark.parametrize(
    ("statement", "drop_not_null", "why"),
    [
        ("UPDATE shoes SET shoe_json = '{not json' WHERE shoe_id = 'trail'", False, "trail"),
        (
            'UPDATE shoes SET shoe_json = \'{"id": "trail", "name": ""}\' '
            "WHERE shoe_id = 'trail'",
            False,
            "trail",
        ),
        ("UPDATE shoes SET shoe_json = '[1, 2]' WHERE shoe_id = 'trail'", False, "trail"),
        ("UPDATE shoes SET shoe_json = NULL WHERE shoe_id = 'trail'", True, "trail"),
        (
            "UPDATE shoes SET shoe_json = replace(shoe_json, '\"trail\"', '\"road\"') "
            "WHERE shoe_id = 'trail'",
            False,
            "trail",
        ),
    ],
)
def test_a_shoe_that_does_not_validate_is_left_out_and_said(
    tmp_path: Path, statement: str, drop_not_null: bool, why: str
) -> None:
    path = tmp_path / "runs.sqlite3"
    fill(path)
    damage(path, statement, drop_not_null=drop_not_null)
    with RunLog(path) as log:
        owned = log.shoes("p")
        assert [o.id for o in owned] == ["road"]
        assert owned[0].runs == 4
        assert len(log.runs("p")) == 4
        notice = log.notice
    assert notice is not None and why in notice and "\n" not in notice


@pytest.mark.parametrize(
    ("statement", "drop_not_null"),
    [
        ("UPDATE shoes SET start_km = 'lots' WHERE shoe_id = 'trail'", False),
        ("UPDATE shoes SET start_km = NULL WHERE shoe_id = 'trail'", True),
        ("UPDATE shoes SET retired = 'last spring' WHERE shoe_id = 'trail'", False),
        ("UPDATE shoes SET retired = '2024-13-45' WHERE shoe_id = 'trail'", False),
    ],
)
def test_a_shoe_with_a_bad_figure_is_kept_without_it(
    tmp_path: Path, statement: str, drop_not_null: bool
) -> None:
    path = tmp_path / "runs.sqlite3"
    fill(path)
    damage(path, statement, drop_not_null=drop_not_null)
    with RunLog(path) as log:
        owned = {o.id: o for o in log.shoes("p")}
        assert set(owned) == {"road", "trail"}
        assert owned["trail"].start_km == 0.0 and owned["trail"].retired is None
        notice = log.notice
    assert notice is not None and "trail" in notice and "\n" not in notice


def test_a_sound_log_has_no_notice_and_the_notice_clears_once_repaired(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    fill(path)
    with RunLog(path) as log:
        assert len(log.runs("p")) == 4 and len(log.shoes("p")) == 2
        assert log.notice is None
    damage(path, "UPDATE runs SET start_ts = 'soon' WHERE id = 1")
    with RunLog(path) as log:
        assert len(log.runs("p")) == 3
        assert log.notice is not None
        log.delete_run("p", 1)  # the runner (or support) removes the bad row
        assert len(log.runs("p")) == 3
        assert log.notice is None


def test_many_damaged_rows_are_still_one_short_line(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    with RunLog(path) as log:
        log.add_runs("p", [new_run(n, None) for n in range(60)])
    damage(path, "UPDATE runs SET start_ts = 'never' WHERE id > 10")
    with RunLog(path) as log:
        assert len(log.runs("p")) == 10
        notice = log.notice
    assert notice is not None and "50 runs" in notice
    assert len(notice) < 300


def _store_with_damage(statements: tuple[str, ...], drop_not_null: bool = False) -> str:
    with ProfileStore() as store:
        profile_id = store.save(None, make_profile("Ana"))
        fill(store.run_log_path, profile_id)
        store.run_log().close()
        path = store.run_log_path
    damage(path, *statements, drop_not_null=drop_not_null)
    return profile_id


DAMAGE = (
    "UPDATE runs SET start_ts = 'yesterday' WHERE id = 2",
    "UPDATE shoes SET shoe_json = '{broken' WHERE shoe_id = 'trail'",
    "UPDATE shoes SET start_km = NULL WHERE shoe_id = 'road'",
)


@pytest.mark.parametrize(
    "command",
    [
        ("runs", "list"),
        ("runs", "list", "--json"),
        ("shoes", "list"),
        ("shoes", "list", "--json"),
        ("advise", "--profile", "Ana"),
    ],
)
def test_commands_show_the_rest_and_say_it_in_one_line(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    _store_with_damage(DAMAGE, drop_not_null=True)
    code = cli.main(list(command))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    notes = [line for line in err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, err
    assert "run 2" in notes[0]  # every one of these reads the runs
    reads_shoes = command[0] != "advise"  # advise reads no shoe list
    assert ("'trail'" in notes[0] and "'road'" in notes[0]) is reads_shoes
    if command == ("runs", "list", "--json"):
        assert len(json.loads(out)["runs"]) == 3
    if command == ("shoes", "list", "--json"):
        assert [s["id"] for s in json.loads(out)["shoes"]] == ["road"]


def test_the_window_shows_the_runs_and_shoes_that_decode(
    qtbot: object, private_data_dir: Path
) -> None:
    from shoeadvisor.gui.session import RunnerSession

    profile_id = _store_with_damage(DAMAGE, drop_not_null=True)
    session = RunnerSession(private_data_dir)
    session.start()
    try:
        session.open(profile_id)
        assert [r.id for r in session.runs] == [1, 3, 4]
        assert [o.id for o in session.owned_shoes] == ["road"]
        assert session.owned_shoes[0].start_km == 0.0
        assert session.training is not None and session.training.runs == 3
        # The window tells the store's notice once in its status bar: these rows too.
        told = session.run_log_notice or ""
        assert "run 2" in told and "'trail'" in told and "'road'" in told
    finally:
        session.close()
