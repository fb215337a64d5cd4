"""One vocabulary: the words shown for every id, so no two screens can disagree.

The form, the Knee page, the tables and the report all name a knee place, a symptom,
a grade or a choice through this module. Ids that the knowledge base defines
(features, risks, conditions, sources) take their names from resources/ through the
functions at the end, so that every screen words them the same way too.

Importing this module loads no pydantic model: the window may build its first screen
with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .ids import ConditionId, FeatureId, Grade, Level, RiskId, Severity, SurfaceMatch

if TYPE_CHECKING:
    from .knowledge import Knowledge, Source

#: The runner profile's fields (contract §1), and those of a shoe (contract §2) where
#: they differ, as the runner reads them.
FIELDS: Mapping[str, str] = {
    "name": "Name",
    "units": "Units",
    "weight_kg": "Weight",
    "height_cm": "Height",
    "age": "Age",
    "sex": "Sex",
    "experience": "Experience",
    "foot_width": "Foot width",
    "pronation": "Pronation",
    "arch": "Arch",
    "foot_strike": "Foot strike",
    "surfaces": "Surfaces",
    "seasons": "Seasons",
    "downhill": "Downhill often",
    "weekly_km": "Distance last week",
    "previous_weekly_km": "Distance the week before",
    "longest_run_30d_km": "Longest run, past 30 days",
    "planned_longest_run_km": "Longest run planned",
    "injured_last_year": "Running injury in the past 12 months",
    "warm_up": "Warm-up first",
    "knee_pain": "Knee pain",
    "knee_symptoms": "Knee symptoms",
}

#: What a field is for, where its name alone may not say (tooltips, screen readers).
FIELD_HINTS: Mapping[str, str] = {
    "name": "Any name, just for you.",
    "weight_kg": "Heavier runners land harder, which changes how much cushioning helps.",
    "height_cm": "Optional: with your weight it gives a body-mass index.",
    "age": "Optional: some risks change with age.",
    "foot_width": "If most shoes pinch at the ball of the foot, choose Wide.",
    "pronation": "How your ankle rolls when you land. A running store can film it.",
    "arch": "Wet-foot test: a full footprint means a flat arch.",
    "foot_strike": "Which part of your foot touches the ground first.",
    "surfaces": "Tick all you use; pick the one you use most as the main surface.",
    "downhill": "Runs downhill regularly",
    "weekly_km": "Leave empty if you don't know.",
    "previous_weekly_km": "Used to spot a sudden jump in distance.",
    "longest_run_30d_km": "Your longest single run in the last 30 days.",
    "planned_longest_run_km": "The longest run you plan for the coming week.",
    "injured_last_year": "A running injury in the last 12 months raises the risk of another.",
    "warm_up": "Warms up before running",
    "knee_pain": "Only if your knees hurt when or after you run.",
}

SHOE_FIELDS: Mapping[str, str] = {
    "name": "Name",
    "surface": "Surface",
    "weight_g": "Weight",
    "drop_mm": "Drop",
    "stack_mm": "Stack height",
    "comfort": "Comfort",
    "notes": "Notes",
    "features": "Features",
}

KNEE_PLACES: Mapping[str, str] = {
    "around_kneecap": "Around the kneecap",
    "below_kneecap": "Just below the kneecap",
    "outside": "Outside of the knee",
    "inside": "Inside of the knee",
    "behind": "Behind the knee",
}
#: The same places in the few letters the knee drawing has room for.
KNEE_PLACE_CAPTIONS: Mapping[str, str] = {
    "around_kneecap": "Around kneecap",
    "below_kneecap": "Below kneecap",
    "outside": "Outside",
    "inside": "Inside",
    "behind": "Behind",
}

SYMPTOMS: Mapping[str, str] = {
    "swelling": "Swelling",
    "crunching": "Crunching or grinding",
    "locking": "Locking or catching",
    "giving_way": "Giving way",
    "numbness": "Numbness or tingling",
    "severe_pain": "Severe pain",
}
#: What a symptom means, where its name alone could be read too widely.
SYMPTOM_HINTS: Mapping[str, str] = {
    "severe_pain": "stops you walking, wakes you at night, or after a fall",
}

#: The value of every choice field, by field: form choices, tables and report alike.
CHOICES: Mapping[str, Mapping[str, str]] = {
    "units": {"metric": "Metric (kg, km, cm)", "imperial": "Imperial (lb, mi, in)"},
    "foot_width": {
        "narrow": "Narrow",
        "standard": "Standard",
        "wide": "Wide",
        "extra_wide": "Extra wide",
    },
    "pronation": {
        "overpronation": "Rolls inward (overpronation)",
        "neutral": "Neutral",
        "supination": "Rolls outward (supination)",
        "unknown": "Don't know",
    },
    "seasons": {"spring": "Spring", "summer": "Summer", "autumn": "Autumn", "winter": "Winter"},
    "surfaces": {
        "asphalt": "Asphalt / road",
        "track": "Running track",
        "trail": "Trail / off-road",
        "treadmill": "Treadmill",
    },
    "experience": {
        "beginner": "Beginner (under a year)",
        "intermediate": "Intermediate",
        "advanced": "Advanced",
    },
    "foot_strike": {
        "heel": "Heel first",
        "midfoot": "Whole foot (midfoot)",
        "forefoot": "Ball of the foot first",
        "unknown": "Don't know",
    },
    "arch": {"flat": "Flat / low", "normal": "Normal", "high": "High", "unknown": "Don't know"},
    "sex": {"female": "Female", "male": "Male", "unspecified": "Prefer not to say"},
    "knee_pain": KNEE_PLACES,
    "knee_symptoms": SYMPTOMS,
}

YES_NO: Mapping[bool, str] = {True: "Yes", False: "No"}
NOT_SET = "Not set"

GRADES: Mapping[Grade, str] = {
    "strong": "Strong",
    "moderate": "Moderate",
    "weak": "Weak",
    "none": "No studies",
    "contradicted": "Contradicted",
}
#: A grade inside a sentence ("…, strong evidence", "no study found"); after the word
#: "Evidence:", through evidence().
GRADE_PHRASES: Mapping[Grade, str] = {
    "strong": "strong evidence",
    "moderate": "moderate evidence",
    "weak": "weak evidence",
    "none": "no study found",
    "contradicted": "contradicted by studies",
}
#: What a grade means, for the reader who asks.
GRADE_MEANINGS: Mapping[Grade, str] = {
    "strong": "several good studies agree",
    "moderate": "at least one good study supports it",
    "weak": "small or indirect studies only",
    "none": "common advice that no study has tested",
    "contradicted": "studies found the opposite or no effect",
}

LEVELS: Mapping[Level, str] = {
    "essential": "Essential",
    "recommended": "Recommended",
    "optional": "Optional",
    "avoid": "Better avoided",
}
SEVERITIES: Mapping[Severity, str] = {
    "warning": "Warning",
    "caution": "Caution",
    "info": "Good to know",
}
SOURCE_KINDS: Mapping[str, str] = {
    "article": "Popular article",
    "study": "Study",
    "review": "Review",
    "consensus": "Consensus statement",
    "guideline": "Guideline",
    "standard": "Standard",
}

SHOE_SURFACES: Mapping[str, str] = {"road": "Road", "track": "Track", "trail": "Trail"}
#: How a shoe's surface fits the runner's (core.fit.surface_match), in a table cell.
SURFACE_MATCHES: Mapping[SurfaceMatch, str] = {
    "main": "your main surface",
    "second": "second pair",
    "none": "not your ground",
    "unknown": "surface not given",
}
#: The sections of a shoe list, by surface match (main and unknown share one).
SURFACE_MATCH_SECTIONS: Mapping[SurfaceMatch, str] = {
    "main": "For your main surface",
    "unknown": "For your main surface",
    "second": "Second pairs for your other surfaces",
    "none": "Not for the ground you run on",
}
#: A shoe's level of one feature (contract §2: 0–3).
FEATURE_LEVELS: Mapping[int, str] = {0: "absent", 1: "slight", 2: "present", 3: "strong"}
UNKNOWN_LEVEL = "don't know"
COMFORT: Mapping[int, str] = {
    1: "uncomfortable",
    2: "not quite right",
    3: "fine",
    4: "comfortable",
    5: "feels great",
}
NOT_TRIED_ON = "Not tried on yet"


def field(key: str) -> str:
    """A profile field's name; an unknown key is shown readable rather than failing."""
    return FIELDS.get(key) or key.replace("_", " ").capitalize()


def shoe_field(key: str) -> str:
    return SHOE_FIELDS.get(key) or field(key)


def choice(key: str, value: str) -> str:
    """The words for one value of a choice field (`choice("pronation", "unknown")`)."""
    return CHOICES.get(key, {}).get(value) or value.replace("_", " ").capitalize()


def choices(key: str, values: Iterable[str]) -> str:
    """Several values of one field, as a list in a sentence."""
    return ", ".join(choice(key, value) for value in values)


def knee_place(location: str) -> str:
    return choice("knee_pain", location)


def symptom(name: str) -> str:
    return choice("knee_symptoms", name)


def symptom_with_hint(name: str) -> str:
    """ "Severe pain (stops you walking, …)": the name, and what it means where that helps."""
    hint = SYMPTOM_HINTS.get(name)
    return f"{symptom(name)} ({hint})" if hint else symptom(name)


def yes_no(value: bool | None) -> str:
    return NOT_SET if value is None else YES_NO[value]


def grade(value: Grade) -> str:
    return GRADES[value]


def grade_phrase(value: Grade) -> str:
    return GRADE_PHRASES[value]


def evidence(value: Grade) -> str:
    """ "Evidence: strong", "Evidence: no study found": the grade's phrase after the word
    "Evidence", which it does not say twice ("Evidence: strong evidence")."""
    return f"Evidence: {GRADE_PHRASES[value].removesuffix(' evidence')}"


def grade_meaning(value: Grade) -> str:
    return GRADE_MEANINGS[value]


def level(value: Level) -> str:
    return LEVELS[value]


def severity(value: Severity) -> str:
    return SEVERITIES[value]


def source_kind(kind: str) -> str:
    return SOURCE_KINDS.get(kind) or kind.capitalize()


def shoe_surface(surface: str | None) -> str:
    return SHOE_SURFACES.get(surface, "—") if surface else "—"


def surface_match(match: SurfaceMatch, surface: str | None) -> str:
    """ "Trail · second pair": the shoe's surface and how it fits the runner's, in short."""
    if match == "unknown" or not surface:
        return "? " + SURFACE_MATCHES["unknown"].capitalize()
    return f"{shoe_surface(surface)} · {SURFACE_MATCHES[match]}"


def tie(group: int, size: int) -> str:
    """ "tie 2: 3 shoes" (the tie group's number, as `advise` and the report number it)."""
    return f"tie {group}: {size} shoes"


def feature_level(value: int | None) -> str:
    return UNKNOWN_LEVEL if value is None else FEATURE_LEVELS[value]


def comfort(value: int | None) -> str:
    """ "4 – comfortable", or that the shoe was not tried on."""
    return NOT_TRIED_ON if value is None else f"{value} – {COMFORT[value]}"


# -- ids named by the knowledge base ----------------------------------------------


def feature(feature_id: FeatureId, kb: Knowledge) -> str:
    found = kb.features.get(feature_id)
    return found.name if found is not None else feature_id.replace("_", " ")


def features(ids: Iterable[FeatureId], kb: Knowledge) -> str:
    return ", ".join(feature(f, kb) for f in ids)


def risk(risk_id: RiskId, kb: Knowledge) -> str:
    found = kb.risks.get(risk_id)
    return found.name if found is not None else risk_id.replace("_", " ")


def condition(condition_id: ConditionId, kb: Knowledge) -> str:
    found = kb.conditions.get(condition_id)
    return found.name if found is not None else condition_id.replace("_", " ")


def source(source_id: str, kb: Knowledge) -> str:
    """A source as a reader recognises it: "Title (year)"; an unknown id is shown as is."""
    return source_in(source_id, kb.sources)


def source_in(source_id: str, bibliography: Mapping[str, Source]) -> str:
    """`source()` for a bibliography at hand (the knowledge base's `sources`)."""
    found = bibliography.get(source_id)
    if found is None:
        return source_id
    return f"{found.title} ({found.year})" if found.year else found.title


def source_reference(found: Source) -> tuple[str, str]:
    """(title, citation) for a list of sources: "Title", "Authors. Journal year" — the
    words a reader looks up, never the knowledge base's id."""
    citation = found.citation
    if found.year and str(found.year) not in citation:
        citation = f"{citation} ({found.year})"
    return found.title or citation, citation


def sources(ids: Iterable[str], kb: Knowledge) -> list[str]:
    return [source(s, kb) for s in ids]
