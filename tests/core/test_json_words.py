"""JSON syntax errors in plain words, with the line and column, for the window and commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoeadvisor.cli import main
from shoeadvisor.core.files import InputFileError, decode_json_bytes, json_error_words

CASES = [
    ('{\n  "name": "A",\n  "weight_kg": 70,\n}', 4, "a comma after the last item: remove it"),
    ('{\n  "seasons": ["spring",]\n}', 2, "a comma after the last item: remove it"),
    ("{\n  'name': 'A'\n}", 2, "not in single quotes"),
    ("{\n  name: 1\n}", 2, 'write "name", with the quotes'),
    ('{"name": "A" "weight_kg": 70}', 1, "a comma is missing between two items"),
    ('{"name" "A"}', 1, "a colon is missing after a name"),
    ('{"name": "A', 1, "is not closed"),
    ('{"name": "A\nB"}', 1, "runs over the end of a line"),
    ('{"file": "C:\\Users\\me"}', 1, "must be doubled"),
    ('{"name": "A"} {}', 1, "more follows the end of the data"),
    ('{"downhill": True}', 1, "write true, false or null in small letters"),
    ('{"name": Anna}', 1, "text goes in double quotes"),
    ('{"name": ', 1, "the file ends too soon"),
    ("   ", 1, "the file is empty"),
]


@pytest.mark.parametrize(("text", "line", "words"), CASES)
def test_each_mistake_is_said_in_plain_words(text: str, line: int, words: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    said = json_error_words(caught.value)
    if words == "the file is empty":
        assert said == words  # no line to point at
        return
    assert said.startswith(f"line {line}, column ")
    assert words in said
    assert "Expecting" not in said and "delimiter" not in said


def test_the_file_error_names_the_file_line_and_mistake(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        decode_json_bytes(b'{\n  "a": 1,\n  "b": 2,\n}', tmp_path / "p.json")
    assert str(caught.value) == (
        f"{tmp_path / 'p.json'}: not valid JSON: line 4, column 1: "
        "a comma after the last item: remove it"
    )


def test_the_command_says_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text('{\n  "name": "A",\n  \'weight_kg\': 70\n}', encoding="utf-8")
    assert main(["advise", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "line 3, column 3: a name in double quotes was expected" in err[0]
    assert "Expecting" not in err[0]
