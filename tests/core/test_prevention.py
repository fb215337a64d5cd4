"""The prevention checklist: which items apply, their wording, and the file's validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from runner_profiles import profile

from shoeadvisor.core.knowledge import KnowledgeError, knowledge
from shoeadvisor.core.prevention import (
    PREVENTION_RULES,
    TOPICS,
    load_prevention_from,
    prevention_checklist,
    prevention_knowledge,
)
from shoeadvisor.core.resources import resources_dir


def ids(**changes: object) -> list[str]:
    return [item.id for item in prevention_checklist(profile(**changes))]


def test_every_item_cites_known_sources_and_has_a_rule() -> None:
    kb = prevention_knowledge()
    assert set(kb.items) == set(PREVENTION_RULES)
    for item in kb.items.values():
        assert item.sources
        assert all(s in knowledge().sources for s in item.sources)


def test_every_topic_is_covered_for_any_runner() -> None:
    topics = {item.topic for item in prevention_checklist(profile())}
    assert topics == set(TOPICS)


def test_items_are_grouped_in_topic_order() -> None:
    items = prevention_checklist(profile(surfaces=["trail", "track"], downhill=True))
    positions = [TOPICS.index(item.topic) for item in items]
    assert positions == sorted(positions)


def test_mileage_jump_gives_concrete_numbers() -> None:
    items = prevention_checklist(profile(weekly_km=32, previous_weekly_km=22))
    jump = next(i for i in items if i.id == "jump_back")
    assert "32 km" in jump.text and "22 km" in jump.text and "45%" in jump.text
    assert "?" not in jump.text
    assert "slow_build" not in [i.id for i in items]


def test_steady_weeks_get_the_general_progression_advice() -> None:
    found = ids(weekly_km=30, previous_weekly_km=29)
    assert "slow_build" in found and "jump_back" not in found


def test_restart_after_a_week_off_does_not_print_a_percentage() -> None:
    found = ids(weekly_km=20, previous_weekly_km=0)
    assert "jump_back" not in found


@pytest.mark.parametrize(
    ("surface", "item"),
    [("asphalt", "surface_variety"), ("track", "track_direction"), ("trail", "trail_footing")],
)
def test_surface_items_follow_the_surfaces(surface: str, item: str) -> None:
    assert item in ids(surfaces=[surface])
    others = [s for s in ("asphalt", "track", "trail", "treadmill") if s != surface]
    assert item not in ids(surfaces=others[-1:])


def test_downhill_item() -> None:
    assert "less_downhill" in ids(downhill=True)
    assert "less_downhill" not in ids(downhill=False)


def test_warm_up_item_follows_the_habit() -> None:
    keep = prevention_checklist(profile(warm_up=True))
    assert [i.done for i in keep if i.id == "warm_up_keep"] == [True]
    assert "warm_up_start" not in [i.id for i in keep]
    assert "warm_up_start" in ids(warm_up=False)
    assert "warm_up_start" in ids()  # unknown: suggest it


def test_beginner_and_obese_novice_get_an_easy_start() -> None:
    assert "easy_start" in ids(experience="beginner")
    assert "easy_start" in ids(weight_kg=110, height_cm=170)
    assert "easy_start" not in ids(experience="advanced")


def test_pain_easing_only_without_red_flags() -> None:
    assert "ease_with_pain" in ids(knee_pain=["around_kneecap"])
    assert "ease_with_pain" not in ids(knee_pain=["around_kneecap"], knee_symptoms=["locking"])
    assert "ease_with_pain" not in ids(knee_pain=["behind"])


def test_no_placeholder_left_in_any_item() -> None:
    runner = profile(
        weekly_km=50,
        previous_weekly_km=20,
        experience="beginner",
        surfaces=["asphalt", "track", "trail"],
        downhill=True,
        knee_pain=["outside"],
    )
    for item in prevention_checklist(runner):
        assert "{" not in item.text and "?" not in item.text, item.id
        assert item.to_json()["sources"]


def _copy_resources(tmp_path: Path) -> Path:
    folder = tmp_path / "res"
    shutil.copytree(resources_dir(), folder)
    return folder


def test_unknown_source_is_refused(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    path = folder / "prevention.toml"
    path.write_text(path.read_text().replace('"frandsen2025"]', '"nobody2099"]', 1))
    with pytest.raises(KnowledgeError, match="nobody2099"):
        load_prevention_from(folder, knowledge().sources)


def test_item_without_rule_is_refused(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    path = folder / "prevention.toml"
    path.write_text(
        path.read_text()
        + '\n[item.invented]\ntopic = "shoes"\ntitle = "x"\ntext = "y"\n'
        + 'evidence = "none"\nsources = ["seed_000"]\n'
    )
    with pytest.raises(KnowledgeError, match="invented"):
        load_prevention_from(folder, knowledge().sources)


def test_bad_grade_is_refused(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    path = folder / "prevention.toml"
    path.write_text(path.read_text().replace('evidence = "moderate"', 'evidence = "proven"', 1))
    with pytest.raises(ValueError, match="evidence"):
        load_prevention_from(folder, knowledge().sources)


def test_load_items_take_their_grade_from_the_load_knowledge() -> None:
    """One grade per finding: the checklist states what load.toml's measures measured."""
    kb = knowledge()
    items = prevention_knowledge().items
    linked = {i: item for i, item in items.items() if item.evidence_from is not None}
    assert set(linked) >= {"slow_build", "jump_back", "longest_run"}
    for item in linked.values():
        assert item.evidence_from is not None
        assert item.grade == kb.load[item.evidence_from].evidence
    # The two-week progression is weak (HR 1.59, p = .07), wherever it is told.
    assert items["slow_build"].grade == items["jump_back"].grade == "weak"
    assert kb.risks["mileage_jump"].evidence == "weak"
    jump = next(
        i
        for i in prevention_checklist(profile(weekly_km=40, previous_weekly_km=25))
        if i.id == "jump_back"
    )
    assert jump.evidence == "weak"


def test_a_changed_load_grade_changes_the_checklist(tmp_path: Path) -> None:
    folder = _copy_resources(tmp_path)
    kb = knowledge()
    stronger = {
        **kb.load,
        "two_week_progression": kb.load["two_week_progression"].model_copy(
            update={"evidence": "moderate"}
        ),
    }
    items = load_prevention_from(folder, kb.sources, stronger).items
    assert items["slow_build"].grade == "moderate"


@pytest.mark.parametrize(
    "grading",
    [
        'evidence = "weak"\nevidence_from = "two_week_progression"',  # both
        "",  # neither
        'evidence_from = "weekly_ratio"',  # not a load measure
    ],
)
def test_an_item_has_one_grade(tmp_path: Path, grading: str) -> None:
    folder = _copy_resources(tmp_path)
    path = folder / "prevention.toml"
    text = path.read_text()
    path.write_text(text.replace('evidence_from = "two_week_progression"', grading, 1))
    with pytest.raises(ValueError, match="evidence"):
        load_prevention_from(folder, knowledge().sources)
