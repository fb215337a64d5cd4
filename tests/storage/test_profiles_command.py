"""`shoeadvisor profiles ...` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import FULL_PROFILE, make_profile

from shoeadvisor.cli import main
from shoeadvisor.core.files import load_profile
from shoeadvisor.storage import ProfileStore


def _exit_status(argv: list[str]) -> int:
    """main()'s status, also when argparse exits on its own."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def _saved(*names: str) -> list[str]:
    with ProfileStore() as store:
        return [store.save(None, make_profile(name)) for name in names]


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    ids = _saved("One", "<b>Two</b>")
    assert main(["profiles", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["id"], r["name"]) for r in rows} == set(zip(ids, ["One", "<b>Two</b>"], strict=True))


def test_list_reports_problems_on_stderr_and_still_lists(
    capsys: pytest.CaptureFixture[str], private_data_dir: Path
) -> None:
    (profile_id,) = _saved("Good")
    (private_data_dir / "profiles" / "5a5a5a5a-1111-4222-8333-444455556666.json").write_text("{")
    assert main(["profiles", "list"]) == 0
    out, err = capsys.readouterr()
    assert profile_id in out and "Good" in out
    assert "5a5a5a5a-1111-4222-8333-444455556666.json" in err
    assert "quarantine" in err


def test_list_of_an_empty_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_import_export_advise(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(FULL_PROFILE), "utf-8")
    assert main(["profiles", "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["profiles", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    out = tmp_path / "out.json"
    assert main(["profiles", "export", row["id"][:6], "-o", str(out)]) == 0
    assert load_profile(out) == load_profile(source)
    capsys.readouterr()
    assert main(["advise", str(out), "--json"]) == 0
    assert "features" in json.loads(capsys.readouterr().out)


def test_delete_moves_to_trash(capsys: pytest.CaptureFixture[str], private_data_dir: Path) -> None:
    keep, gone = _saved("Keep", "Gone")
    assert main(["profiles", "delete", gone]) == 0
    assert (private_data_dir / "trash" / f"{gone}.json").exists()
    capsys.readouterr()
    main(["profiles", "list", "--json"])
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [keep]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["profiles", "import", "missing.json"], "missing.json"),
        (["profiles", "export", "nope", "-o", "x.json"], "nope"),
        (["profiles", "delete", "../../etc/passwd"], "../../etc/passwd"),
        (["profiles", "export", "-o", "x.json"], "ID"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved("Someone")
    assert _exit_status(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert named in err


def test_import_of_a_bad_file_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({**FULL_PROFILE, "seasons": ["monsoon"]}), "utf-8")
    assert main(["profiles", "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "seasons" in err and err.count("\n") == 1


def test_changes_are_refused_while_the_window_holds_the_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    (profile_id,) = _saved("Busy")
    with ProfileStore():
        assert main(["profiles", "delete", profile_id]) == 2
        assert "another ShoeAdvisor" in capsys.readouterr().err
        assert main(["profiles", "list"]) == 0
