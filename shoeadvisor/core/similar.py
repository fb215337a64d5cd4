"""Shoes that resemble a given shoe, feature by feature, with the reasons spelled out.

Two shoes are compared only on the features known for both: an unknown level is
not a guess of 0. How much of the checklist that covered is reported as
`coverage`, and a match on few shared features ranks below an equally good
match on many (see `_PRIOR_WEIGHT`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .advice import FeatureAdvice
from .ids import FEATURE_IDS, FeatureId
from .shoes import MAX_LEVEL, Shoe

#: Weight every feature keeps however unimportant it is for this runner, so that
#: two shoes still differ when they differ only in features the runner does not need.
_BASE_WEIGHT = 0.2
#: How much "we do not know" counts when ranking: the ranking distance is
#: pulled towards 0.5 (neither alike nor different) as if this many features of
#: average weight had been compared. It keeps a shoe that shares one known
#: feature from ranking above one that matches on fifteen.
_PRIOR_WEIGHT = 2.0
_PRIOR_DISTANCE = 0.5


@dataclass(frozen=True, slots=True)
class FeatureDifference:
    """A feature known for both shoes at different levels."""

    feature: FeatureId
    target_level: int
    other_level: int


@dataclass(frozen=True, slots=True)
class SimilarShoe:
    """One candidate and how it compares with the target shoe."""

    shoe: Shoe
    #: 0 = identical on every feature known for both, 1 = opposite; 1 when nothing is shared.
    distance: float
    #: Share (0–1) of the feature weights known for both shoes.
    coverage: float
    #: The distance used for ranking, pulled towards 0.5 where coverage is low.
    rank_distance: float
    matches: tuple[FeatureId, ...]
    differences: tuple[FeatureDifference, ...]
    #: Features unknown for the target, the candidate or both: not compared.
    unknown: tuple[FeatureId, ...]

    @property
    def similarity(self) -> int:
        """0–100, for display: 100 means alike on everything compared."""
        return round((1 - self.distance) * 100)

    def explanation(self, names: Mapping[str, str] | None = None) -> str:
        """A plain-language account of what matches, what differs and what is unknown."""
        names = names or {}

        def name(fid: str) -> str:
            return names.get(fid, fid.replace("_", " "))

        compared = len(self.matches) + len(self.differences)
        if compared == 0:
            return (
                "No feature is known for both shoes, so they cannot be compared; "
                "fill in more of either checklist."
            )
        parts = [
            f"{self.similarity}% alike on the {compared} feature"
            f"{'s' if compared != 1 else ''} known for both "
            f"({round(self.coverage * 100)}% of the checklist, by weight)."
        ]
        if self.differences:
            parts.append(
                "Differs (chosen shoe → this one): "
                + ", ".join(
                    f"{name(d.feature)} {d.target_level}→{d.other_level}" for d in self.differences
                )
                + "."
            )
        if self.matches:
            parts.append("Same: " + ", ".join(name(f) for f in self.matches) + ".")
        if self.unknown:
            unknown = ", ".join(name(f) for f in self.unknown)
            parts.append(f"Not compared (unknown): {unknown}.")
        return " ".join(parts)


def feature_weights(features: Sequence[FeatureAdvice] | None) -> dict[FeatureId, float]:
    """How much each feature counts: equal without advice, else by the runner's importance."""
    if features is None:
        return dict.fromkeys(FEATURE_IDS, 1.0)
    weights: dict[FeatureId, float] = dict.fromkeys(FEATURE_IDS, _BASE_WEIGHT)
    for item in features:
        weights[item.id] = _BASE_WEIGHT + item.importance / 100
    return weights


def shoe_distance(
    a: Shoe, b: Shoe, weights: Mapping[FeatureId, float] | None = None
) -> tuple[float, float]:
    """(distance 0–1 over the features known for both, coverage 0–1). Symmetric."""
    weights = weights if weights is not None else feature_weights(None)
    total = 0.0
    shared = 0.0
    diff = 0.0
    for fid, la, lb in zip(FEATURE_IDS, a.levels, b.levels, strict=True):
        w = weights[fid]
        total += w
        if la is None or lb is None:
            continue
        shared += w
        diff += w * abs(la - lb) / MAX_LEVEL
    if shared == 0:
        return 1.0, 0.0
    return diff / shared, shared / total if total else 0.0


def compare_shoes(
    target: Shoe, other: Shoe, weights: Mapping[FeatureId, float] | None = None
) -> SimilarShoe:
    """How `other` compares with `target`, feature by feature."""
    weights = weights if weights is not None else feature_weights(None)
    distance, coverage = shoe_distance(target, other, weights)
    shared = sum(
        weights[f]
        for f, la, lb in zip(FEATURE_IDS, target.levels, other.levels, strict=True)
        if la is not None and lb is not None
    )
    mean_weight = sum(weights.values()) / len(weights)
    prior = _PRIOR_WEIGHT * mean_weight
    rank = (distance * shared + _PRIOR_DISTANCE * prior) / (shared + prior)
    # Listed in the order of the weights (the runner's importance when given).
    order = sorted(FEATURE_IDS, key=lambda f: -weights[f])
    index = {f: i for i, f in enumerate(FEATURE_IDS)}
    matches: list[FeatureId] = []
    differences: list[FeatureDifference] = []
    unknown: list[FeatureId] = []
    for fid in order:
        la = target.levels[index[fid]]
        lb = other.levels[index[fid]]
        if la is None or lb is None:
            unknown.append(fid)
        elif la == lb:
            matches.append(fid)
        else:
            differences.append(FeatureDifference(fid, la, lb))
    return SimilarShoe(
        other, distance, coverage, rank, tuple(matches), tuple(differences), tuple(unknown)
    )


def similar_shoes(
    target: Shoe,
    candidates: Iterable[Shoe],
    features: Sequence[FeatureAdvice] | None = None,
    limit: int = 5,
) -> tuple[SimilarShoe, ...]:
    """The `limit` candidates closest to `target`, closest first.

    With `features` (a runner's advice), features that matter more to the runner
    count more. Candidates sharing no known feature with the target are left out.
    """
    weights = feature_weights(features)
    found = [compare_shoes(target, shoe, weights) for shoe in candidates]
    found = [s for s in found if s.matches or s.differences]
    found.sort(key=lambda s: (s.rank_distance, -s.coverage, s.shoe.name, s.shoe.id))
    return tuple(found[: max(0, limit)])
