"""What a start of the window shows, kept as plain data for the next start (the session's).

`KeptStart` holds every value the session hands the views a start draws (the profile
form, the Advice page, the profiles list, the title and the status bar). The session
builds one right after it has opened a data folder for real (`RunnerSession._start_state`),
and storage.window_snapshot keeps it as JSON under a key of everything it was derived
from. At the next start the session shows it (`RunnerSession.show_kept`) until it has
opened the folder again: this module imports neither pydantic nor the advice engine.

`encode` and `decode` are exact inverses (tests/gui/test_kept_start.py): a kept value
draws what the value it was made from draws. `decode` raises ValueError for anything
that is not what `encode` writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from types import MappingProxyType
from typing import Any, NamedTuple

from shoeadvisor.core.advice_items import Claim, FeatureAdvice, Reason, RiskAdvice
from shoeadvisor.core.form_limits import FieldSpec

#: Changed whenever the layout below changes (the code is also part of the file's key).
FORMAT = 1


class KeptProfile(NamedTuple):
    """One saved profile of the list (gui.session.SavedProfile, as data).

    Named tuples, not dataclasses: each frozen dataclass costs the start ~0.4 ms to define.
    """

    id: str
    name: str
    modified: datetime
    from_backup: bool


class KeptStart(NamedTuple):
    """What a start shows: an open saved profile, its draft and advice, the saved list."""

    profile_id: str
    last_opened: str | None
    draft: Mapping[str, Any]
    problems: Mapping[str, str]
    profiles: tuple[KeptProfile, ...]
    #: When the open profile was last saved, and whether its backup was used (the status
    #: bar's "Saved 12:04" is worded from these when shown, as the session words it).
    modified: datetime
    from_backup: bool
    #: The complete profile's name (None while it has none).
    name: str | None
    features: tuple[FeatureAdvice, ...] | None
    risks: tuple[RiskAdvice, ...] | None
    #: Short names of the sources the features and risks cite, by id.
    source_names: Mapping[str, str]
    figures_from_runs: Mapping[str, float]
    filled_from_runs: Mapping[str, float]
    fields: Mapping[str, FieldSpec]
    import_blocked: str
    #: The moment (POSIX seconds) the advice was worked out, and the first moment after
    #: it when the runs' figures could change (None: never, without new runs).
    advised_at: float
    valid_until: float | None


def encode(state: KeptStart) -> dict[str, Any]:
    """The state as JSON-ready data."""
    return {
        "format": FORMAT,
        "profile_id": state.profile_id,
        "last_opened": state.last_opened,
        "draft": dict(state.draft),
        "problems": dict(state.problems),
        "profiles": [[p.id, p.name, p.modified.isoformat(), p.from_backup] for p in state.profiles],
        "modified": state.modified.isoformat(),
        "from_backup": state.from_backup,
        "name": state.name,
        "features": None if state.features is None else [asdict(f) for f in state.features],
        "risks": None if state.risks is None else [asdict(r) for r in state.risks],
        "source_names": dict(state.source_names),
        "figures_from_runs": dict(state.figures_from_runs),
        "filled_from_runs": dict(state.filled_from_runs),
        "fields": [asdict(spec) for spec in state.fields.values()],
        "import_blocked": state.import_blocked,
        "advised_at": state.advised_at,
        "valid_until": state.valid_until,
    }


def _claim(data: Any) -> Claim | None:
    if data is None:
        return None
    return Claim(str(data["text"]), data["grade"], _strings(data["sources"]))


def _strings(data: Any) -> tuple[str, ...]:
    if not isinstance(data, list | tuple) or not all(isinstance(item, str) for item in data):
        raise ValueError("not a list of strings")
    return tuple(data)


def _reason(data: Mapping[str, Any]) -> Reason:
    return Reason(
        rule=data["rule"],
        text=data["text"],
        evidence=data["evidence"],
        sources=_strings(data["sources"]),
        effect=data["effect"],
        claim=_claim(data["claim"]),
    )


def _feature(data: Mapping[str, Any]) -> FeatureAdvice:
    return FeatureAdvice(
        id=data["id"],
        name=data["name"],
        importance=data["importance"],
        level=data["level"],
        reasons=tuple(_reason(r) for r in data["reasons"]),
        description=data["description"],
        how_to_check=data["how_to_check"],
    )


def _risk(data: Mapping[str, Any]) -> RiskAdvice:
    return RiskAdvice(
        id=data["id"],
        name=data["name"],
        severity=data["severity"],
        text=data["text"],
        advice=data["advice"],
        evidence=data["evidence"],
        sources=_strings(data["sources"]),
        claim=_claim(data["claim"]),
    )


def _field(data: Mapping[str, Any]) -> FieldSpec:
    return FieldSpec(**{**data, "choices": _strings(data["choices"])})


def _numbers(data: Any) -> Mapping[str, float]:
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    return MappingProxyType({str(k): float(v) for k, v in data.items()})


def decode(data: Mapping[str, Any]) -> KeptStart:
    """The state `encode` wrote; ValueError for anything else."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError("another format")
        features, risks = data["features"], data["risks"]
        draft, problems = data["draft"], data["problems"]
        if not isinstance(draft, dict) or not isinstance(problems, dict):
            raise ValueError("the draft is not a mapping")
        fields = [_field(spec) for spec in data["fields"]]
        valid_until = data["valid_until"]
        return KeptStart(
            profile_id=str(data["profile_id"]),
            last_opened=data["last_opened"],
            draft=draft,
            problems=MappingProxyType(problems),
            profiles=tuple(
                KeptProfile(str(i), str(n), datetime.fromisoformat(m), bool(b))
                for i, n, m, b in data["profiles"]
            ),
            modified=datetime.fromisoformat(data["modified"]),
            from_backup=bool(data["from_backup"]),
            name=data["name"],
            features=None if features is None else tuple(_feature(f) for f in features),
            risks=None if risks is None else tuple(_risk(r) for r in risks),
            source_names=MappingProxyType(
                {str(k): str(v) for k, v in data["source_names"].items()}
            ),
            figures_from_runs=_numbers(data["figures_from_runs"]),
            filled_from_runs=_numbers(data["filled_from_runs"]),
            fields=MappingProxyType({spec.key: spec for spec in fields}),
            import_blocked=str(data["import_blocked"]),
            advised_at=float(data["advised_at"]),
            valid_until=None if valid_until is None else float(valid_until),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a kept start: {exc}") from None


def cited(
    features: tuple[FeatureAdvice, ...] | None, risks: tuple[RiskAdvice, ...] | None
) -> set[str]:
    """Every source id the features and risks name (with their article claims)."""
    found: set[str] = set()
    for feature in features or ():
        for reason in feature.reasons:
            found.update(reason.sources)
            if reason.claim is not None:
                found.update(reason.claim.sources)
    for risk in risks or ():
        found.update(risk.sources)
        if risk.claim is not None:
            found.update(risk.claim.sources)
    return found
