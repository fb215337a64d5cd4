"""Plain-language summaries of a profile, of the advice state and of a shoe comparison.

Words only: which shoe lacks what, and whether two scores are a close call, is decided
elsewhere and handed in. A summary is a list of lines; each line is a list of
`Phrase`s whose `tone` says how a screen or a page may stress it (bold, red), so a
window and a printed report word things identically while each draws in its own way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from . import labels
from .form_limits import format_metric, profile_fields

if TYPE_CHECKING:
    from .profile import RunnerProfile

Tone = Literal["plain", "lead", "good", "missing", "unknown", "avoid", "note"]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence of a summary and its tone (how a view may colour it)."""

    text: str
    tone: Tone = "plain"


Line = tuple[Phrase, ...]


def _shown(key: str, value: Any, units: str) -> str:
    """One profile value in words, numbers in the runner's units."""
    spec = profile_fields().get(key)
    kind = spec.kind if spec is not None else "text"
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return format_metric(key, float(value), units)
    if kind == "flag" and isinstance(value, bool):
        return labels.yes_no(value)
    if kind == "many" and isinstance(value, list | tuple):
        return labels.choices(key, value)
    if kind == "choice" and isinstance(value, str):
        return labels.choice(key, value)
    return str(value)


def profile_rows(profile: RunnerProfile) -> list[tuple[str, str]]:
    """(label, value) for every field the runner filled in, in the model's order and units."""
    data = profile.to_json_dict()
    units = str(data.get("units", "metric"))
    rows: list[tuple[str, str]] = []
    for key in profile_fields():
        value = data.get(key)
        if key == "units" or value is None or value == []:
            continue
        if key == "sex" and value == "unspecified":
            continue  # says nothing a reader needs
        name = labels.field(key) + (" (main first)" if key == "surfaces" else "")
        rows.append((name, _shown(key, value, units)))
    return rows


# -- the Advice page ---------------------------------------------------------------

START_TEXT = "Fill in the fields marked * on the left: the advice appears here as soon as they are."


def advice_status(name: str | None, problem_count: int, has_advice: bool) -> tuple[str, bool]:
    """The line above the advice and whether it reports a problem: (text, problem)."""
    if problem_count == 0 and name is not None:
        return f"Advice for {name}. Select a feature or a risk to see why.", False
    if problem_count and has_advice:
        fields = f"{problem_count} field{'s' if problem_count > 1 else ''}"
        needs = "need" if problem_count > 1 else "needs"
        return (
            f"\u26a0 {fields} {needs} fixing (see the messages on the left). Showing the "
            "advice for your last complete profile.",
            True,
        )
    return START_TEXT, False


def waiting_text(subject: str, fields_at_fault: Iterable[str]) -> str:
    """What to fill in before `subject` ("the risks of how you run") can be shown.

    `fields_at_fault` are the profile keys still missing or wrong, in the form's order.
    """
    names = [labels.field(key) for key in fields_at_fault]
    if not names:
        return f"{subject[:1].upper()}{subject[1:]} show here once the profile is complete."
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return (
        f"{subject[:1].upper()}{subject[1:]} show here once the fields marked * are filled "
        f"in. Still needed: {listed}."
    )


# -- the shoe comparison ---------------------------------------------------------


#: What a tie means for the runner, wherever one is shown.
TIE_ADVICE = "pick the one that feels best"
#: How a tie is ordered in the list.
TIE_ORDER = "your comfort rating orders a tie"


def tie_rule(points: float) -> str:
    """What a tie number means, in the one sentence every list of shoes explains it with.

    The window's headers and hint, `advise`'s text and the report all use it, next to the
    tie itself in labels.tie ("tie 2: 3 shoes").
    """
    return (
        f"Shoes with the same tie number score within {points:g} points of each other: "
        f"try them on and {TIE_ADVICE} ({TIE_ORDER})."
    )


def tie_note(names: Sequence[str], points: float) -> str:
    """ "A and B score within 3 points: a tie. Try both on; pick the one that feels best …" """
    if len(names) < 2:
        return ""
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    both = "both" if len(names) == 2 else "them all"
    return (
        f"{listed} score within {points:g} points: a tie. Try {both} on; {TIE_ADVICE} "
        f"({TIE_ORDER})."
    )


@dataclass(frozen=True, slots=True)
class ShoeFindings:
    """What the comparison found for one shoe, feature names already in words."""

    name: str
    score: int
    missing: tuple[str, ...]  # essential for the runner, absent
    unknown: tuple[str, ...]  # essential for the runner, not checked
    avoid: tuple[str, ...]  # to be avoided, present
    tried_on: bool
    #: How many features are essential for this shoe (a second pair: for its surface);
    #: None: the count given to comparison_lines.
    essentials: int | None = None
    #: The surface match in words ("trail shoe: a second pair for trails"), or "".
    surface: str = ""
    #: The coverage in words ("9 of 12 that count known"), or "".
    coverage: str = ""


def _shoe_phrases(found: ShoeFindings, essential_count: int) -> list[Phrase]:
    parts: list[Phrase] = []
    essentials = essential_count if found.essentials is None else found.essentials
    if found.missing:
        parts.append(Phrase(f"✗ lacks {', '.join(found.missing)} (essential for you)", "missing"))
    elif essentials:
        have = essentials - len(found.unknown)
        parts.append(Phrase(f"✓ has {have} of your {essentials} essential features", "good"))
    if found.unknown:
        parts.append(Phrase(f"? not checked: {', '.join(found.unknown)}", "unknown"))
    if found.avoid:
        parts.append(Phrase(f"! has {', '.join(found.avoid)}, which you should avoid", "avoid"))
    joined: list[Phrase] = []
    for part in parts:
        if joined:
            joined.append(Phrase("; "))
        joined.append(part)
    return [*joined, Phrase(".")] if joined else []


def _about(found: ShoeFindings) -> list[Phrase]:
    """ "(trail shoe: a second pair for trails; 9 of 12 that count known) " """
    said = "; ".join(part for part in (found.surface, found.coverage) if part)
    return [Phrase(f"({said}) ", "note")] if said else []


def comparison_lines(
    shoes: Sequence[ShoeFindings],
    essential_count: int,
    *,
    chosen_for_you: bool = False,
    among_shown: bool = False,
    of_total: int | None = None,
    ties: Sequence[Sequence[str]] = (),
    tie_points: float = 0,
) -> list[Line]:
    """The verdict above a comparison, best shoe first.

    `chosen_for_you`: the shoes were picked as the best fits, not by the runner;
    `among_shown`: picked from the shoes a filter shows, not from all of them;
    `of_total`: how many shoes the runner has (None: the compared shoes are all of them).
    When more than those compared, the lead says its best fit is the best of those
    compared only, so it never reads as a second ranking beside the whole list's;
    `ties`: the names of compared shoes that are a tie, one group each (core.compare.tied),
    `tie_points` apart at most.
    """
    if not shoes:
        return []
    lines: list[Line] = []
    if chosen_for_you and len(shoes) > 1:
        lines.append(
            (
                Phrase(
                    f"Your {len(shoes)} best-fitting shoes"
                    f"{' of those the list shows' if among_shown else ''}. Select two to four "
                    "in the list (Ctrl+click) to choose others.",
                    "note",
                ),
            )
        )
    best, *others = shoes
    if not others:
        lead = f"{best.name} — {best.score}/100 for you. "
    elif of_total is not None and of_total > len(shoes):
        lead = (
            f"Of the {len(shoes)} shoes compared, the best fit for you is "
            f"{best.name} — {best.score}/100. "
        )
    else:
        lead = f"Best fit for you: {best.name} — {best.score}/100. "
    lines.append((Phrase(lead, "lead"), *_about(best), *_shoe_phrases(best, essential_count)))
    for other in others:
        said = [*_about(other), *_shoe_phrases(other, essential_count)]
        lines.append(
            (Phrase(f"{other.name} — {other.score}", "lead"), Phrase(": "), *said)
            if said
            else (Phrase(f"{other.name} — {other.score}.", "lead"),)
        )
    for names in ties:
        if len(names) > 1:
            lines.append((Phrase("Tie:", "lead"), Phrase(" " + tie_note(names, tie_points))))
    untried = [s.name for s in shoes if not s.tried_on]
    if untried:
        lines.append(
            (
                Phrase("Try on:", "lead"),
                Phrase(
                    f" {', '.join(untried)}. Try them on and rate the comfort (Edit): choosing "
                    "the shoe that feels comfortable is the criterion with the most research "
                    "support."
                ),
            )
        )
    return lines


#: The mark beside a shoe on the shortlist, and beside one that ties with it but had no
#: room on it (core.fit.tied_with_shortlist), in every list of shoes.
SHORTLIST_MARK = "★"
TIED_MARK = "☆"
#: What each mark means, in a shoe's details or a column's tooltip.
ON_SHORTLIST = "on your shortlist: try it on first"
TIED_OFF_SHORTLIST = "ties with your shortlist: just as good, left off only for room"


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def shortlist_note(
    shortlist: Sequence[str],
    tied: Sequence[str] = (),
    tie_group: int = 0,
    limit: int = 0,
    *,
    marks: bool = False,
) -> str:
    """ "Try on first: A, B, C, D, E. Just as good: F and G are in tie 2 too, …"

    `tied`: the shoes of the shortlist's last tie (`tie_group`) that the list, which
    stops at `limit` pairs, had no room for; `marks`: start each part with the mark
    its shoes carry in the list (a window's list marks them, a plain text does not).
    """
    if not shortlist:
        return ""
    star, hollow = (f"{SHORTLIST_MARK} ", f"{TIED_MARK} ") if marks else ("", "")
    text = f"{star}Try on first: {', '.join(shortlist)}."
    if tied:
        one = len(tied) == 1
        verb = "is" if one else "are"
        pick = "it" if one else "either" if len(tied) == 2 else "any of them"
        text += (
            f" {hollow}Just as good: {_listed(tied)} {verb} in tie {tie_group} too, left out "
            f"only because the list stops at {limit} pairs; try {pick} instead of a pair "
            "from that tie."
        )
    return text


def tied_off_shortlist_tip(name: str, tie_group: int, limit: int) -> str:
    """The tooltip of a shoe that ties with the shortlist but had no room on it."""
    return (
        f"{name} is in tie {tie_group} with pairs on your shortlist and fits you as well: "
        f"it is left out only because the list stops at {limit} pairs. Try it instead of "
        "one of them if you like."
    )


def comparison_placeholder(has_advice: bool) -> str:
    """What the comparison says while it has nothing to compare."""
    if not has_advice:
        return "Fill in your profile first: the comparison shows how each shoe meets what you need."
    return "Add the shoes you are considering to compare them."


def shoe_list_hint(
    count: int,
    has_advice: bool,
    shortlist: Sequence[str] = (),
    tie_points: float = 0,
    ties: bool = False,
    tied: Sequence[str] = (),
    tie_group: int = 0,
    limit: int = 0,
) -> str:
    """The line above the runner's shoe list: what is shown, the shortlist (with the
    shoes tied with it that it had no room for: see shortlist_note), what a tie is."""
    if not has_advice:
        if count:
            return "Fill in your profile to see how well each shoe fits you."
        return "No shoes yet. Add the shoes you are considering with “Add shoe…”."
    if count == 0:
        return (
            "No shoes yet. Add the shoes you are considering with “Add shoe…”; "
            "start from a typical shoe and correct what differs."
        )
    text = (
        f"{count} shoe{'s' if count != 1 else ''}, best fit first: for your main surface, "
        "then second pairs, then the rest."
    )
    if shortlist:
        text += " " + shortlist_note(shortlist, tied, tie_group, limit, marks=True)
    if ties:
        text += " " + tie_rule(tie_points)
    return text


@dataclass(frozen=True, slots=True)
class SimilarFinding:
    """One shoe found to be like another: whose it is, its fit, and how it compares."""

    name: str
    typical: bool  # a built-in type of shoe rather than one of the runner's
    fit: int | None
    explanation: str


def similar_lines(target: str, found: Sequence[SimilarFinding], has_advice: bool) -> list[Line]:
    """The "shoes like this one" text: a heading line, then one line per shoe found."""
    lines: list[Line] = [(Phrase(f"Shoes most like {target}", "lead"),)]
    if has_advice:
        lines.append(
            (
                Phrase(
                    "Features that matter more for you count more. Only features known for "
                    "both shoes are compared."
                ),
            )
        )
    if not found:
        lines.append(
            (
                Phrase(
                    "No shoe shares a checked feature with this one. Fill in more of its checklist."
                ),
            )
        )
    for item in found:
        kind = "typical shoe" if item.typical else "your shoe"
        fit = f" · fit {item.fit} for you" if item.fit is not None else ""
        lines.append(
            (
                Phrase(item.name, "lead"),
                Phrase(f" ({kind}{fit})", "note"),
                Phrase("\n"),
                Phrase(item.explanation),
            )
        )
    return lines
