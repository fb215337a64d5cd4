"""One vocabulary: every id has exactly one label, and no screen keeps a copy of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from shoeadvisor.core import ids, labels
from shoeadvisor.core.form_limits import profile_fields
from shoeadvisor.core.knowledge import Source, knowledge

PACKAGE = Path(__file__).resolve().parents[2] / "shoeadvisor"

ID_SETS = {
    "knee places": ids.KNEE_LOCATIONS,
    "symptoms": ids.KNEE_SYMPTOMS,
    "grades": ids.GRADES,
    "levels": ids.LEVELS,
    "severities": ids.SEVERITIES,
    "shoe surfaces": ids.SHOE_SURFACES,
    "surface matches": ids.SURFACE_MATCHES,
    "foot widths": ids.FOOT_WIDTHS,
    "pronations": ids.PRONATIONS,
    "seasons": ids.SEASONS,
    "surfaces": ids.SURFACES,
    "experiences": ids.EXPERIENCES,
    "foot strikes": ids.FOOT_STRIKES,
    "arches": ids.ARCHES,
    "features": ids.FEATURE_IDS,
    "risks": ids.RISK_IDS,
    "conditions": ids.CONDITION_IDS,
}


def test_every_field_and_choice_of_the_profile_has_a_label() -> None:
    for key, spec in profile_fields().items():
        assert key in labels.FIELDS, key
        for value in spec.choices:
            assert value in labels.CHOICES.get(key, {}), f"{key}: {value}"


def test_the_evidence_of_a_grade_says_evidence_once() -> None:
    assert labels.evidence("strong") == "Evidence: strong"
    assert labels.evidence("weak") == "Evidence: weak"
    assert labels.evidence("none") == "Evidence: no study found"
    assert labels.evidence("contradicted") == "Evidence: contradicted by studies"
    for grade, phrase in labels.GRADE_PHRASES.items():
        assert labels.evidence(grade).lower().count("evidence") == 1
        assert labels.evidence(grade).removeprefix("Evidence: ") in phrase


def test_labels_within_a_field_are_distinct() -> None:
    for key, words in labels.CHOICES.items():
        assert len(set(words.values())) == len(words), key


def test_every_id_of_the_contract_has_its_words() -> None:
    assert set(labels.KNEE_PLACES) == set(ids.KNEE_LOCATIONS)
    assert set(labels.KNEE_PLACE_CAPTIONS) == set(ids.KNEE_LOCATIONS)
    assert set(labels.SYMPTOMS) == set(ids.KNEE_SYMPTOMS)
    assert set(labels.GRADES) == set(labels.GRADE_PHRASES) == set(labels.GRADE_MEANINGS)
    assert set(labels.GRADES) == set(ids.GRADES)
    assert set(labels.LEVELS) == set(ids.LEVELS)
    assert set(labels.SEVERITIES) == set(ids.SEVERITIES)
    assert set(labels.SHOE_SURFACES) == set(ids.SHOE_SURFACES)
    assert set(labels.SURFACE_MATCHES) == set(ids.SURFACE_MATCHES)
    assert set(labels.SURFACE_MATCH_SECTIONS) == set(ids.SURFACE_MATCHES)
    kinds = Source.model_fields["kind"].annotation
    assert set(labels.SOURCE_KINDS) == set(kinds.__args__)  # type: ignore[union-attr]


def test_the_form_and_the_knee_page_share_their_words() -> None:
    for place in ids.KNEE_LOCATIONS:
        assert labels.choice("knee_pain", place) == labels.knee_place(place)
    for name in ids.KNEE_SYMPTOMS:
        assert labels.choice("knee_symptoms", name) == labels.symptom(name)
    assert labels.symptom("crunching") == "Crunching or grinding"
    assert labels.symptom_with_hint("severe_pain").startswith("Severe pain (")


def test_knowledge_ids_are_named_from_resources() -> None:
    kb = knowledge()
    assert labels.feature("trail_grip", kb) == kb.features["trail_grip"].name
    assert labels.risk("downhill", kb) == kb.risks["downhill"].name
    for source_id, source in kb.sources.items():
        assert labels.source(source_id, kb).startswith(source.title)
    assert labels.source("no-such-source", kb) == "no-such-source"


def _label_tables(path: Path) -> list[str]:
    """Dict literals keyed by ids of one vocabulary whose values are words, not colours."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or len(node.keys) < 3:
            continue
        keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        words = [v.value for v in node.values if isinstance(v, ast.Constant)]
        if len(keys) != len(node.keys) or len(words) != len(node.values):
            continue
        if any(not isinstance(w, str) or w.startswith("#") for w in words):
            continue  # colours, numbers: how a screen draws, not what it says
        if all(w.isidentifier() and w == w.lower() for w in words):
            continue  # ids mapped to other ids, not words
        for name, id_set in ID_SETS.items():
            if set(keys) <= set(id_set):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} labels {name}")
    return found


@pytest.mark.parametrize("folder", ["gui", "report", "commands"])
def test_no_screen_keeps_its_own_label_table(folder: str) -> None:
    offenders = [
        hit for path in sorted((PACKAGE / folder).rglob("*.py")) for hit in _label_tables(path)
    ]
    assert offenders == []


def test_the_checker_finds_a_copied_table(tmp_path: Path) -> None:
    copy = PACKAGE / "gui" / "_probe_for_test.py"
    try:
        copy.write_text('WORDS = {"strong": "Strong", "weak": "Weak", "none": "None"}\n')
        assert _label_tables(copy)
    finally:
        copy.unlink()
