"""Shoe wear bands (a convention, adjusted by weight and surface) and rotation advice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.core.shoe_care import load_shoe_care_from, rotation_advice, shoe_care, shoe_wear

NOW = datetime(2025, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("km", "band"),
    [(0, "fresh"), (249, "fresh"), (300, "in_use"), (500, "replacement_range"),
     (799, "replacement_range"), (800, "past_range"), (2000, "past_range")],
)  # fmt: skip
def test_bands_for_an_average_runner(km: float, band: str) -> None:
    wear = shoe_wear(km, weight_kg=70, surface="asphalt")
    assert wear.band == band
    assert (wear.low_km, wear.high_km) == (500, 800)
    assert "not an injury limit" in wear.convention


def test_weight_and_trail_lower_the_range_treadmill_raises_it() -> None:
    heavy_trail = shoe_wear(450, weight_kg=95, surface="trail")
    assert heavy_trail.high_km < 800 and heavy_trail.band == "replacement_range"
    assert {a.id for a in heavy_trail.adjustments} == {"heavier_runner", "trail_surface"}
    assert all(a.evidence == "none" for a in heavy_trail.adjustments)  # rules of thumb
    assert shoe_wear(780, weight_kg=70, surface="treadmill").band == "replacement_range"
    assert shoe_wear(780, weight_kg=70, surface="asphalt").band == "replacement_range"
    assert shoe_wear(850, weight_kg=70, surface="treadmill").band == "replacement_range"
    assert shoe_wear(850, weight_kg=70, surface="asphalt").band == "past_range"


def test_every_source_is_in_the_bibliography() -> None:
    sources = knowledge().sources
    for where, cited in shoe_care().citations():
        assert cited and all(s in sources for s in cited), where
    assert shoe_care().rotation.sources == ("malisoux2015",)


def test_an_unknown_source_fails_at_load(tmp_path: Path) -> None:
    for name in ("bibliography.toml", "shoe_care.toml"):
        (tmp_path / name).write_text((resources_dir() / name).read_text())
    text = (tmp_path / "shoe_care.toml").read_text().replace('["malisoux2015"]', '["nobody2099"]')
    (tmp_path / "shoe_care.toml").write_text(text)
    with pytest.raises(ValueError, match="nobody2099"):
        load_shoe_care_from(tmp_path)


def test_rotation_advised_only_when_recent_runs_share_one_pair() -> None:
    one_pair = [(NOW - timedelta(days=d), "peg") for d in (1, 5, 9, 14)]
    advice = rotation_advice(one_pair, NOW)
    assert advice is not None and advice.evidence == "weak" and "4 runs" in advice.text
    assert rotation_advice(one_pair[:3], NOW) is None  # too few runs to say
    assert rotation_advice([*one_pair, (NOW - timedelta(days=2), "trail")], NOW) is None
    old = [(NOW - timedelta(days=60 + d), "peg") for d in range(6)]
    assert rotation_advice(old, NOW) is None  # nothing recent
