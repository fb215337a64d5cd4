"""The fast JSON of `advise` says exactly what the slow, obvious code says."""

from __future__ import annotations

import json
import random
from pathlib import Path

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.shoes import parse_shoes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_runner.json"


def _shoes(count: int) -> list[dict[str, object]]:
    rng = random.Random(3)
    return [
        {
            "id": f"s{i}",
            "name": f"Shoe {i}",
            "features": {
                f: rng.choice([0, 1, 2, 3, True, False]) for f in FEATURE_IDS if rng.random() > 0.3
            },
            **({"comfort": rng.randint(1, 5)} if i % 2 else {}),
        }
        for i in range(count)
    ]


def test_breakdown_json_equals_the_breakdown_items() -> None:
    result = advise(load_profile(EXAMPLE), parse_shoes(_shoes(200)))
    data = result.to_json()
    for score, shoe_json in zip(result.shoes, data["shoes"], strict=True):
        assert shoe_json["breakdown"] == [item.to_json() for item in score.breakdown]
        assert score.to_json() == shoe_json
    json.dumps(data)  # plain JSON types only


def test_each_shoe_gets_its_own_breakdown_dicts() -> None:
    shoes = parse_shoes([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}])
    data = advise(load_profile(EXAMPLE), shoes).to_json()
    first, second = (s["breakdown"] for s in data["shoes"])
    assert first == second
    first[0]["points"] = 99
    assert second[0]["points"] != 99


def test_shared_items_write_the_same_json() -> None:
    # The command's output: shoes of one table share their common items, the bytes are
    # the same as with a copy each, and a shoe's own item (a level read from its weight,
    # points taken by a feature to avoid) is its own.
    shoes = parse_shoes(
        [
            {"id": "a", "name": "A", "features": {"cushioning": 3}},
            {"id": "b", "name": "B", "features": {"cushioning": 3}, "weight_g": 220},
            {"id": "c", "name": "C", "features": {"cushioning": 3}, "weight_g": 300},
        ]
    )
    advice = advise(load_profile(EXAMPLE), shoes)
    shared = advice.to_json(share_items=True)
    assert json.dumps(shared) == json.dumps(advice.to_json())
    by_id = {s["id"]: s["breakdown"] for s in shared["shoes"]}
    position = next(i for i, b in enumerate(by_id["a"]) if b["feature"] == "cushioning")
    assert by_id["a"][position] is by_id["b"][position]  # one dict, written twice
    light = next(b for b in by_id["b"] if b["feature"] == "lightweight")
    heavy = next(b for b in by_id["c"] if b["feature"] == "lightweight")
    assert light["level_from"] == heavy["level_from"] == "weight_g"
    assert light is not heavy and light["level"] != heavy["level"]
    plain = next(b for b in by_id["a"] if b["feature"] == "lightweight")
    assert "level_from" not in plain
