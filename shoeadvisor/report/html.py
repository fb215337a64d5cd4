"""The report as HTML for QTextDocument: pure Python, no Qt.

Every string that reaches the page goes through `_e` (html.escape): profile and shoe
names come from the user and must print as text, whatever they contain.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from shoeadvisor.core import labels
from shoeadvisor.core.advice import (
    Advice,
    ExerciseAdvice,
    FeatureAdvice,
    KneeAdvice,
    ShoeScore,
)
from shoeadvisor.core.compare import store_check_note, summarise, surface_note
from shoeadvisor.core.fit import SHORTLIST_MAX, TIE_POINTS, shortlist, tied_with_shortlist
from shoeadvisor.core.ids import Grade
from shoeadvisor.core.knowledge import Knowledge, knowledge
from shoeadvisor.core.prevention import PreventionItem, prevention_checklist
from shoeadvisor.core.summaries import (
    SHORTLIST_MARK,
    TIED_MARK,
    profile_rows,
    shortlist_note,
    tie_rule,
)

BOX = "\u2610"  # ☐ an empty tick box, to fill in with a pen at the shop
TICKED = "\u2611"  # ☑
SEVERITY_COLOURS = {"warning": "#b3261e", "caution": "#9a5b00", "info": "#555555"}
MAX_SHOES = 12
#: Second pairs listed after the shoes for the main surface.
MAX_SECOND_PAIRS = 4


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def grade_label(grade: Grade) -> str:
    return labels.grade_phrase(grade)


#: Source id -> its number in the report's Sources list (numbered in order of first citation).
Refs = Mapping[str, int]


def _sources(ids: Iterable[str], refs: Refs) -> str:
    """The numbers of the Sources list a statement cites: "[2, 7]" (never an internal id)."""
    numbers = sorted({refs[s] for s in ids if s in refs})
    return "[" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""


def _why_line(grade: Grade, sources: Sequence[str], refs: Refs) -> str:
    cited = _sources(sources, refs)
    return (
        f'<span style="color:#555555; font-size:8pt;">{_e(labels.evidence(grade))}'
        + (f"; sources {cited}" if cited else "")
        + "</span>"
    )


def _table(rows: Iterable[str], header: str = "", widths: str = "") -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="1" '
        f'style="border-collapse:collapse; border-color:#999999;">{widths}{header}'
        + "".join(rows)
        + "</table>"
    )


def _head(*cells: str) -> str:
    return "<tr>" + "".join(f'<th bgcolor="#e8eef4" align="left">{c}</th>' for c in cells) + "</tr>"


def _main_reason(feature: FeatureAdvice) -> str:
    reasons = feature.reasons[1:] or feature.reasons
    strongest = max(reasons, key=lambda r: abs(r.effect) if isinstance(r.effect, int) else 100)
    return strongest.text


def _feature_section(advice: Advice, refs: Refs) -> str:
    wanted = [f for f in advice.features if f.level in ("essential", "recommended")]
    avoid = [f for f in advice.features if f.level == "avoid"]
    rows = []
    for f in wanted + avoid:
        label = "AVOID" if f.level == "avoid" else f.level
        rows.append(
            f'<tr><td style="font-size:14pt;" align="center">{BOX}</td>'
            f"<td><b>{_e(f.name)}</b><br/>{_e(label)} · {f.importance}/100</td>"
            f"<td>{_e(f.how_to_check)}<br/>"
            f'<span style="font-size:8pt;">Why: {_e(_main_reason(f))}</span><br/>'
            f"{_why_line(f.evidence, [s for r in f.reasons for s in r.sources], refs)}</td></tr>"
        )
    optional = [f.name for f in advice.features if f.level == "optional"]
    html = [
        "<h2>Shoe checklist for the shop</h2>",
        "<p>Tick each box when the shoe in your hand passes the check. "
        "Comfort when you jog a few steps matters more than any single feature.</p>",
        _table(
            rows,
            _head("OK", "Feature", "How to check it"),
            '<col width="6%"/><col width="26%"/><col width="68%"/>',
        ),
    ]
    if optional:
        html.append(f"<p>Optional for you: {_e(', '.join(optional))}.</p>")
    return "".join(html)


def _shoe_section(
    shoes: Sequence[ShoeScore],
    shortlist: Sequence[ShoeScore],
    names: dict[str, str],
    tied: Sequence[ShoeScore] = (),
) -> str:
    """The shoes table; `tied`: the shoes that tie with the shortlist but had no room on
    it (core.fit.tied_with_shortlist), marked and named beside it."""
    html = ["<h2>Shoes compared</h2>"]
    if not shoes:
        return html[0] + "<p>No shoes compared yet.</p>"
    html.append(
        f"<p>Best fit first: shoes for your main surface, then second pairs for your other "
        f"surfaces, then the rest. {_e(tie_rule(TIE_POINTS))} "
        "<b>Known</b> counts the features that matter for you that the shoe's details "
        "give.</p>"
    )
    if shortlist:
        note = shortlist_note(
            [s.shoe.name for s in shortlist],
            [s.shoe.name for s in tied],
            shortlist[-1].tie_group,
            SHORTLIST_MAX,
            marks=True,
        )
        html.append(f"<p>{_e(note)}</p>")
    marks = {id(s): f"{SHORTLIST_MARK} " for s in shortlist}
    marks.update((id(s), f"{TIED_MARK} ") for s in tied)
    sizes = Counter(s.tie_group for s in shoes)
    main = [s for s in shoes if s.surface_match in ("main", "unknown")][:MAX_SHOES]
    second = [s for s in shoes if s.surface_match == "second"][:MAX_SECOND_PAIRS]
    if not main and not second:
        main = list(shoes[:MAX_SHOES])
    rows = []
    for score in [*main, *second]:
        if second and score is second[0]:
            rows.append(
                '<tr><td colspan="5" bgcolor="#f3f3f3">'
                f"<b>{_e(labels.SURFACE_MATCH_SECTIONS['second'])}</b></td></tr>"
            )
        summary = summarise(score)
        notes = []
        if summary.missing:
            lacks = ", ".join(names[f].lower() for f in summary.missing)
            notes.append(f"<b>Lacks {_e(lacks)}</b> (essential for you)")
        if summary.avoid:
            has = ", ".join(names[f].lower() for f in summary.avoid)
            notes.append(f"<b>Has {_e(has)}</b>, which you should avoid")
        check = store_check_note(score, names)
        if check:
            notes.append(_e(check[0].upper() + check[1:]))
        kind = " (type of shoe, not a model)" if score.shoe.archetype else ""
        own = f"<br/><i>{_e(score.shoe.notes)}</i>" if score.shoe.notes else ""
        size = sizes[score.tie_group]
        tie = f"<br/><b>{_e(labels.tie(score.tie_group, size))}</b>" if size > 1 else ""
        known, of = score.coverage
        rows.append(
            f"<tr><td>{BOX}</td><td><b>{marks.get(id(score), '')}{_e(score.shoe.name)}</b>"
            f"{_e(kind)}<br/>"
            f'<span style="font-size:8pt;">{_e(surface_note(score))}</span>{own}</td>'
            f'<td align="right"><b>{score.score}</b>/100{tie}</td>'
            f'<td align="right">{known} of {of}</td>'
            f"<td>{'<br/>'.join(notes) or 'Nothing that counts is unknown.'}</td></tr>"
        )
    html.append(
        _table(
            rows,
            _head("", "Shoe", "Fit", "Known", "Lacks, to avoid, check in the store"),
            '<col width="5%"/><col width="33%"/><col width="12%"/><col width="10%"/>'
            '<col width="40%"/>',
        )
    )
    left = len(shoes) - len(main) - len(second)
    if left > 0:
        html.append(f"<p>… and {left} more further down the list.</p>")
    return "".join(html)


def _risk_section(advice: Advice, refs: Refs) -> str:
    html = ["<h2>Risks for your knees and how to lower them</h2>"]
    if not advice.risks:
        return html[0] + "<p>No particular risks found in your profile.</p>"
    for risk in advice.risks:
        colour = SEVERITY_COLOURS[risk.severity]
        html.append(
            f'<p><b style="color:{colour};">[{_e(risk.severity.upper())}] {_e(risk.name)}</b><br/>'
            f"{_e(risk.text)}<br/><b>What to do:</b> {_e(risk.advice)}<br/>"
            f"{_why_line(risk.evidence, risk.sources, refs)}</p>"
        )
    return "".join(html)


def red_flag_banner(knee: KneeAdvice) -> str:
    """The see-a-doctor box: first thing in the report when a red flag is present."""
    items = "".join(f"<li><b>{_e(f.name)}</b>: {_e(f.why)}</li>" for f in knee.red_flags)
    return (
        '<table width="100%" cellpadding="8" cellspacing="0" bgcolor="#b3261e"><tr><td>'
        '<p style="color:#ffffff; font-size:13pt;"><b>See a doctor or physiotherapist '
        "before running on this knee</b></p>"
        f'<p style="color:#ffffff;">{_e(knee.summary)}</p>'
        f'<ul style="color:#ffffff;">{items}</ul></td></tr></table>'
    )


def _exercise_html(number: int, ex: ExerciseAdvice, refs: Refs) -> str:
    steps = "".join(f"<li>{_e(s)}</li>" for s in ex.steps)
    return (
        f"<h3>{number}. {_e(ex.name)}</h3>"
        f"<p><b>Works:</b> {_e(ex.muscles)}<br/><b>Dose:</b> {_e(ex.dose)}<br/>"
        f"<b>When it gets easy:</b> {_e(ex.progression)}</p>"
        f"<ol>{steps}</ol><p>{_why_line(ex.evidence, ex.sources, refs)}</p>"
    )


def _knee_section(knee: KneeAdvice, refs: Refs) -> str:
    html = ['<h2 style="page-break-before: always;">Your knee</h2>']
    if knee.see_doctor:
        html.append(red_flag_banner(knee))
    else:
        html.append(f"<p><b>{_e(knee.summary)}</b></p>")
    if knee.conditions:
        html.append("<h3>What the pain may be</h3><p>These are possibilities, not a diagnosis.</p>")
    for c in knee.conditions:
        html.append(
            f"<p><b>May be {_e(c.name.lower())}.</b> {_e(c.what)}<br/>"
            f"<b>Usual causes in runners:</b> {_e(c.causes)}<br/>"
            f"<b>The articles claim:</b> {_e(c.article_claims)}<br/>"
            f"<b>What studies show:</b> {_e(c.studies)}<br/>"
            + ("<b>This needs a clinician, not home exercises.</b><br/>" if c.refer else "")
            + f"{_why_line(c.evidence, c.sources, refs)}</p>"
        )
    if knee.see_doctor:
        html.append("<p><b>No exercises are given until a clinician has examined the knee.</b></p>")
        return "".join(html)
    if knee.weekly_plan:
        names = {e.id: e.name for e in knee.exercises}
        rows = [
            f"<tr><td>{BOX}</td><td><b>{_e(d.day)}</b></td>"
            f"<td>{'<br/>'.join(_e(names[x]) for x in d.exercises) or '—'}</td>"
            f"<td>{_e(d.note)}</td></tr>"
            for d in knee.weekly_plan
        ]
        html.append("<h3>Your week</h3>")
        html.append(
            _table(
                rows,
                _head("Done", "Day", "Exercises", "Running"),
                '<col width="7%"/><col width="14%"/><col width="45%"/><col width="34%"/>',
            )
        )
        html.append(
            "<p>Stop an exercise that makes the pain sharper or leaves the knee worse the "
            "next morning, and try it again later with a smaller range or fewer repetitions.</p>"
        )
    if knee.exercises:
        html.append("<h3>The exercises, step by step</h3>")
        html += [_exercise_html(i, ex, refs) for i, ex in enumerate(knee.exercises, 1)]
    return "".join(html)


def _prevention_section(items: Sequence[PreventionItem], refs: Refs) -> str:
    html = ["<h2>Prevention checklist</h2>"]
    rows = [
        f'<tr><td style="font-size:14pt;" align="center">{TICKED if i.done else BOX}</td>'
        f"<td><b>{_e(i.title)}</b> <i>({_e(i.topic_name)})</i><br/>{_e(i.text)}<br/>"
        f"{_why_line(i.evidence, i.sources, refs)}</td></tr>"
        for i in items
    ]
    html.append(_table(rows, "", '<col width="6%"/><col width="94%"/>'))
    return "".join(html)


def _cited(
    advice: Advice, prevention: Sequence[PreventionItem], shown: Sequence[FeatureAdvice]
) -> list[str]:
    cited: list[str] = []

    def add(ids: Iterable[str]) -> None:
        cited.extend(s for s in ids if s not in cited)

    for f in shown:
        for r in f.reasons:
            add(r.sources)
    for risk in advice.risks:
        add(risk.sources)
    if advice.knee is not None:
        for c in advice.knee.conditions:
            add(c.sources)
        for ex in advice.knee.exercises:
            add(ex.sources)
    for item in prevention:
        add(item.sources)
    return cited


def _source_section(cited: Sequence[str], kb: Knowledge) -> str:
    rows = []
    for number, sid in enumerate(cited, 1):
        s = kb.sources[sid]
        title, citation = labels.source_reference(s)
        rows.append(
            f"<tr><td>{number}</td><td><i>{_e(title)}</i><br/>{_e(citation)}</td>"
            f"<td>{_e(labels.source_kind(s.kind))}</td><td>{_e(grade_label(s.grade))}</td></tr>"
        )
    return (
        "<h2>Sources</h2>"
        + _table(
            rows,
            _head("", "Source", "Kind", "Weight"),
            '<col width="6%"/><col width="66%"/><col width="12%"/><col width="16%"/>',
        )
        + (
            "<p>Popular articles are web pages, not studies; their claims are shown next to "
            "what studies found and carry no weight of their own.</p>"
        )
    )


def build_report_html(
    advice: Advice,
    *,
    shoes: Sequence[ShoeScore] | None = None,
    prevention: Sequence[PreventionItem] | None = None,
    kb: Knowledge | None = None,
    generated: dt.date | None = None,
) -> str:
    """The whole report; `shoes` defaults to the shoes scored in `advice`."""
    kb = kb or knowledge()
    shoes = advice.shoes if shoes is None else shoes
    prevention = prevention_checklist(advice.profile) if prevention is None else prevention
    generated = generated or dt.date.today()
    shown = [f for f in advice.features if f.level != "optional"]
    knee = advice.knee
    parts = [
        "<html><head><meta charset='utf-8'/><title>ShoeAdvisor report</title></head><body>",
        f"<h1>ShoeAdvisor report for {_e(advice.profile.name)}</h1>",
        f"<p>Made on {_e(generated.isoformat())}. Take it to the shop and to your "
        "physiotherapist or doctor.</p>",
        '<table width="100%" cellpadding="6" cellspacing="0" bgcolor="#fff4d6"><tr><td>'
        f"<b>Not medical advice.</b> {_e(kb.disclaimer)}</td></tr></table>",
    ]
    if knee is not None and knee.see_doctor:
        parts.append(red_flag_banner(knee))
    rows = [
        f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in profile_rows(advice.profile)
    ]
    parts.append("<h2>Your profile</h2>")
    parts.append(_table(rows, "", '<col width="30%"/><col width="70%"/>'))
    cited = _cited(advice, prevention, shown)
    refs = {source_id: number for number, source_id in enumerate(cited, 1)}
    parts.append(_feature_section(advice, refs))
    names = {f.id: f.name for f in advice.features}
    if shoes is advice.shoes:
        chosen, tied = advice.shortlist, advice.tied_with_shortlist
    else:
        chosen = shortlist(shoes)
        tied = tied_with_shortlist(shoes, chosen)
    parts.append(_shoe_section(shoes, chosen, names, tied))
    parts.append(_risk_section(advice, refs))
    if knee is not None:
        parts.append(_knee_section(knee, refs))
    parts.append(_prevention_section(prevention, refs))
    parts.append(_source_section(cited, kb))
    parts.append(
        f"<p><b>Not medical advice.</b> {_e(kb.disclaimer)} If pain lasts more than two to "
        "three weeks, keeps getting worse, or you notice swelling, locking, giving way or "
        "numbness, see a doctor or physiotherapist.</p></body></html>"
    )
    return "".join(parts)
