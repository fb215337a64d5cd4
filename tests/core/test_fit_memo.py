"""A session re-advises the same shoes on every edit, through a FitMemo: the advice must
be exactly the advice worked out afresh, whatever the edits (those that change the
scores and those that only change the words), and it must follow the new profile."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from runner_profiles import profile
from test_properties import fast, profiles, shoes

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_shoes
from shoeadvisor.core.fit import FitMemo, score_shoes
from shoeadvisor.core.knowledge import knowledge, load_knowledge_from
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.resources import resources_dir

CATALOG = tuple(load_shoes(Path(__file__).parent / "fixtures" / "realistic_catalog.json"))

#: Edits a runner makes in the form, one after the other.
EDITS: list[dict[str, Any]] = [
    {"weight_kg": 73},  # the words change (weight in reasons), not the numbers
    {"weight_kg": 92},
    {"weight_kg": 58},  # lighter: cushioning matters more, the scores change
    {"experience": "intermediate"},  # the drop rules change
    {"surfaces": ["trail", "asphalt"]},  # the main surface changes
    {"name": "Renamed"},
    {"knee_pain": ["inside"]},
    {"experience": "beginner", "weekly_km": 20},
    {"foot_width": "wide"},
    {"weight_kg": 58},  # back to a profile scored before
]


def _json(advice: Any) -> str:
    return json.dumps(advice.to_json(), sort_keys=True)


def test_every_edit_through_the_memo_gives_the_fresh_advice() -> None:
    memo = FitMemo()
    runner = profile(schema_version=2, experience="beginner")
    for edit in [{}, *EDITS]:
        runner = runner.model_copy(update=edit)
        kept = advise(runner, CATALOG, memo=memo)
        fresh = advise(runner, CATALOG)
        assert _json(kept) == _json(fresh), edit
        assert [s.tie_group for s in kept.shoes] == [s.tie_group for s in fresh.shoes]
        # Each shoe is explained by the new advice's own needs (its words), not kept ones.
        assert all(s.needs == kept.features for s in kept.shoes if s.surface_match == "main")


def test_an_edit_that_leaves_the_numbers_alone_keeps_every_score_with_new_words() -> None:
    memo = FitMemo()
    runner = profile(schema_version=2, weight_kg=72)
    before = advise(runner, CATALOG, memo=memo)
    heavier = runner.model_copy(update={"weight_kg": 74})
    after = advise(heavier, CATALOG, memo=memo)
    assert [(s.shoe.id, s.raw, s.tie_group) for s in after.shoes] == [
        (s.shoe.id, s.raw, s.tie_group) for s in before.shoes
    ]
    # New objects: the advice shown before is never changed under a view holding it.
    assert all(a is not b for a, b in zip(after.shoes, before.shoes, strict=True))
    assert all(s.needs == after.features for s in after.shoes if s.surface_match == "main")


def test_a_memo_given_other_shoes_starts_afresh() -> None:
    memo = FitMemo()
    runner = profile(schema_version=2)
    advise(runner, CATALOG, memo=memo)
    fewer = CATALOG[:5]
    kept = advise(runner, fewer, memo=memo)
    assert sorted(s.shoe.id for s in kept.shoes) == sorted(s.id for s in fewer)
    assert _json(kept) == _json(advise(runner, fewer))


def test_a_memo_given_other_knowledge_starts_afresh(tmp_path: Path) -> None:
    # The memo keeps each shoe's reading (the levels its weight reads) and the last
    # scores: knowledge that reads weights otherwise, with the same needs, must find
    # neither.
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder)
    features = folder / "features.toml"
    text = features.read_text(encoding="utf-8")
    weights = "levels = [[0, 3], [231, 2], [271, 1], [311, 0]]"
    assert text.count(weights) == 1
    lighter = text.replace(weights, "levels = [[0, 3], [200, 2], [250, 1], [290, 0]]")
    features.write_text(lighter, encoding="utf-8")
    other = load_knowledge_from(folder)
    runner = profile(schema_version=2)
    memo = FitMemo()
    for kb in (knowledge(), other, knowledge()):
        kept = advise(runner, CATALOG, kb, memo)
        assert _json(kept) == _json(advise(runner, CATALOG, kb))
    assert _json(advise(runner, CATALOG, other)) != _json(advise(runner, CATALOG))


@fast
@given(
    st.lists(profiles(), min_size=2, max_size=4),
    st.lists(shoes, max_size=15, unique_by=lambda s: s.id),
)
def test_any_profiles_in_turn_through_one_memo_score_as_fresh(
    runners: list[RunnerProfile], shoe_list: list[Any]
) -> None:
    memo, catalog_memo = FitMemo(), FitMemo()
    kept_shoes = tuple(shoe_list)
    kb = knowledge()
    for runner in runners:
        kept = advise(runner, kept_shoes, kb, memo)
        assert _json(kept) == _json(advise(runner, kept_shoes, kb))
        catalog = score_shoes(kept.features, kb.catalog, runner, kb, catalog_memo)
        assert [s.to_json() for s in catalog] == [
            s.to_json() for s in score_shoes(kept.features, kb.catalog, runner, kb)
        ]
