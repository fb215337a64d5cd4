"""Shoes for the benchmarks, as a runner's list or a shop's catalog looks (not tidy).

Mixed surfaces (road, trail, track spikes and unknown), real-looking model names,
measurements given on some shoes and not on others (weight, heel stack, drop), a
checklist with gaps (a feature left out is unknown) and a comfort rating on a few:
the scorer's whole path, not only its tidy case.
"""

from __future__ import annotations

import random
from typing import Any

from shoeadvisor.core.ids import FEATURE_IDS
from shoeadvisor.core.shoes import Shoe, parse_shoes

BRANDS = ("Arda", "Borealis", "Cimarron", "Dune", "Estero", "Fjell", "Granite", "Halcyon")
MODELS = ("Glide", "Ridge", "Tempo", "Atlas", "Vela", "Summit", "Pace", "Terra", "Nimbus", "Flux")
#: (surface, share of shoes, typical weight g, typical heel stack mm)
KINDS: tuple[tuple[str | None, float, float, float], ...] = (
    ("road", 0.55, 265.0, 33.0),
    ("trail", 0.22, 300.0, 30.0),
    ("track", 0.05, 170.0, 14.0),
    (None, 0.18, 275.0, 31.0),
)
DROPS = (0.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0)


def shoe_dicts(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` shoes in the contract §2 form (as a shoe file holds them)."""
    rng = random.Random(seed)
    surfaces = [kind[0] for kind in KINDS]
    shares = [kind[1] for kind in KINDS]
    typical = {kind[0]: kind[2:] for kind in KINDS}
    shoes: list[dict[str, Any]] = []
    for i in range(count):
        surface = rng.choices(surfaces, shares)[0]
        weight, stack = typical[surface]
        name = f"{rng.choice(BRANDS)} {rng.choice(MODELS)} {rng.randint(1, 14)}"
        # About a third of the checklist is left unknown, as a label or a review leaves it.
        features = {f: rng.choice((0, 1, 2, 2, 3, 3)) for f in FEATURE_IDS if rng.random() < 0.65}
        shoe: dict[str, Any] = {"id": f"shoe-{i}", "name": name, "features": features}
        if surface is not None:
            shoe["surface"] = surface
        if rng.random() < 0.7:
            shoe["weight_g"] = round(min(max(rng.gauss(weight, 35), 120), 480))
        if rng.random() < 0.55:
            shoe["stack_mm"] = round(min(max(rng.gauss(stack, 5), 6), 50))
        if rng.random() < 0.6:
            shoe["drop_mm"] = rng.choice(DROPS)
        if rng.random() < 0.3:
            shoe["comfort"] = rng.randint(1, 5)
        shoes.append(shoe)
    return shoes


def shoes(count: int, seed: int = 7) -> list[Shoe]:
    """`count` validated shoes (as a shoe file gives them)."""
    return parse_shoes(shoe_dicts(count, seed))
