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
