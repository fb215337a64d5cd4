"""The Shoes page on a realistic catalog shows what `shoeadvisor advise --json` says.

The catalog is the scoring tests' own (tests/core/fixtures/realistic_catalog.json: road,
stability, trail, waterproof, racing and track models with real-looking gaps, shoes of
unknown surface and blank ones). For each runner the command is run on a profile file
and that catalog, and the window is read cell by cell, as a runner sees it: the order,
what each shoe is made for (main surface, second pair, not for their ground, unknown),
the ties, the coverage, the store checklist and the shortlist, in the list, the
comparison table and the chart.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import shown_at
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from shoeadvisor.core import labels
from shoeadvisor.core.compare import Verdict
from shoeadvisor.core.files import load_shoes
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.actions.context import ActionContext
from shoeadvisor.gui.models.shoe_models import (
    CompareModel,
    RowRole,
    ShoeListModel,
    VerdictRole,
)
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.compare_view import CompareView

TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
CATALOG = Path(__file__).resolve().parents[1] / "core" / "fixtures" / "realistic_catalog.json"
NAMES = {fid: f.name for fid, f in knowledge().features.items()}

RUNNERS: dict[str, dict[str, Any]] = {
    # Road first, trails on weekends: trail models are second pairs, spikes not for them.
    "road_and_trail": {
        "schema_version": 2,
        "name": "Road and trail",
        "foot_width": "wide",
        "pronation": "overpronation",
        "weight_kg": 82,
        "height_cm": 176,
        "seasons": ["spring", "summer", "autumn"],
        "surfaces": ["asphalt", "trail"],
        "experience": "intermediate",
        "weekly_km": 32,
        "previous_weekly_km": 28,
    },
    # Trail first: road shoes are second pairs.
    "trail_first": {
        "schema_version": 2,
        "name": "Trail first",
        "foot_width": "standard",
        "pronation": "neutral",
        "weight_kg": 65,
        "seasons": ["summer", "autumn"],
        "surfaces": ["trail", "asphalt"],
        "experience": "advanced",
    },
    # Track and road, light: spikes are for the main surface too.
    "track": {
        "schema_version": 2,
        "name": "Track",
        "foot_width": "narrow",
        "pronation": "neutral",
        "weight_kg": 60,
        "seasons": ["summer"],
        "surfaces": ["track", "asphalt"],
        "experience": "advanced",
    },
}


def advise_json(tmp_path: Path, runner: dict[str, Any], shoes: Path) -> dict[str, Any]:
    """What the command prints for this profile and these shoes."""
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(runner), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "shoeadvisor",
            "advise",
            str(profile),
            "--shoes",
            str(shoes),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def open_page(
    qtbot: QtBot, session: RunnerSession, runner: dict[str, Any], shoes: list[Shoe]
) -> CompareView:
    session.adopt(RunnerProfile.model_validate(runner))
    session.set_shoes(shoes)
    view = CompareView(ActionContext(session))
    shown_at(qtbot, view, 1400, 900)
    return view


def shown(view: CompareView, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    proxy = view.proxy
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def shown_ids(view: CompareView) -> list[str]:
    return [row.shoe.id for row in shown(view, ShoeListModel.NAME, RowRole)]


def check_words(shoe: dict[str, Any]) -> list[str]:
    """The feature names the command lists to check in the store, as the page words them."""
    return [NAMES[f].lower() for f in shoe["check_in_store"]]


def tie_partition(groups: dict[Any, set[str]]) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in groups.values() if len(ids) > 1}


@pytest.mark.parametrize("runner", sorted(RUNNERS))
def test_the_list_shows_what_advise_says(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path, runner: str
) -> None:
    data = advise_json(tmp_path, RUNNERS[runner], CATALOG)
    view = open_page(qtbot, session, RUNNERS[runner], load_shoes(CATALOG))
    expected = data["shoes"]
    by_id = {s["id"]: s for s in expected}

    # The order and the fit.
    assert shown_ids(view) == [s["id"] for s in expected]
    assert shown(view, ShoeListModel.SCORE) == [str(s["score"]) for s in expected]

    # What each shoe is made for, and the groups in the order the command lists them.
    made_for = shown(view, ShoeListModel.SURFACE)
    assert made_for == [
        labels.surface_match(s["surface_match"], s.get("surface")) for s in expected
    ]
    tiers = {"main": 0, "unknown": 0, "second": 1, "none": 2}
    ranked = [tiers[s["surface_match"]] for s in expected if s["coverage"]["known"]]
    assert ranked == sorted(ranked)  # main (and unknown), then second pairs, then the rest

    # Ties: shoes marked with the same tie are exactly the command's tie groups.
    in_window: dict[str, set[str]] = defaultdict(set)
    for shoe_id, text in zip(shown_ids(view), shown(view, ShoeListModel.TIE), strict=True):
        if text:
            in_window[text].add(shoe_id)
    in_json: dict[int, set[str]] = defaultdict(set)
    for s in expected:
        in_json[s["tie_group"]].add(s["id"])
    assert tie_partition(in_window) == tie_partition(in_json)
    assert tie_partition(in_json), "the catalog has ties for every runner"
    for text, ids in in_window.items():
        group = by_id[next(iter(ids))]["tie_group"]
        assert text == f"tie {group}: {len(ids)} shoes"

    # Coverage and the store checklist.
    for shoe_id, known, check in zip(
        shown_ids(view),
        shown(view, ShoeListModel.KNOWN),
        shown(view, ShoeListModel.CHECK),
        strict=True,
    ):
        shoe = by_id[shoe_id]
        coverage = shoe["coverage"]
        assert known == (f"{coverage['known']} of {coverage['of']}" if coverage["of"] else "—")
        words = check_words(shoe)
        if not words and "drop_mm" not in shoe.get("measure_in_store", []):
            assert check == "—"
        for word in words:
            assert word in check, (shoe_id, word, check)
        assert ("heel-to-toe drop" in check) == ("drop_mm" in shoe.get("measure_in_store", []))

    # The shortlist: marked in the list and named above it.
    starred = [i for i, rank in zip(shown_ids(view), shown(view, 0), strict=True) if "★" in rank]
    assert starred == data["shortlist"]
    assert 3 <= len(starred) <= 5
    names = ", ".join(by_id[i]["name"] for i in data["shortlist"])
    assert f"Try on first: {names}." in view.list_hint.text()


def test_road_runner_groups_read_as_a_runner_would(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path
) -> None:
    view = open_page(qtbot, session, RUNNERS["road_and_trail"], load_shoes(CATALOG))
    rows = dict(zip(shown_ids(view), shown(view, ShoeListModel.SURFACE), strict=True))
    tips = dict(zip(shown_ids(view), shown(view, 3, Qt.ItemDataRole.ToolTipRole), strict=True))
    assert rows["northway-glide-16"] == "Road · your main surface"
    assert rows["ridgeback-trail-7"] == "Trail · second pair"
    assert "a second pair for trails" in tips["ridgeback-trail-7"]
    assert rows["sprint-spike-9"] == "Track · not your ground"
    assert "not for ground you run on" in tips["sprint-spike-9"]
    assert rows["shop-find"] == "? Surface not given"
    assert "ranked on its features" in tips["shop-find"]
    assert "listed last" in tips["mystery-trainer"]
    ids = shown_ids(view)
    assert ids[-1] == "mystery-trainer"  # nothing known at all: below everything
    assert ids.index("ridgeback-trail-7") > max(
        ids.index(s) for s in ("northway-glide-16", "tempo-daily-9", "pacer-max-3")
    )
    # A shoe for another ground is drawn dimmed: listed, not a candidate.
    spike = view.proxy.index(ids.index("sprint-spike-9"), ShoeListModel.NAME)
    road = view.proxy.index(ids.index("northway-glide-16"), ShoeListModel.NAME)
    assert spike.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert road.data(Qt.ItemDataRole.ForegroundRole) is None


#: Six road models tie for this runner and one scores above them: the five-pair shortlist
#: has room for four of the six.
EVERYDAY: dict[str, Any] = json.loads((CATALOG.parent / "everyday_runner.json").read_text())


def test_the_page_names_the_tied_pairs_the_shortlist_has_no_room_for(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path
) -> None:
    data = advise_json(tmp_path, EVERYDAY, CATALOG)
    by_id = {s["id"]: s for s in data["shoes"]}
    tied = data["tied_with_shortlist"]
    assert tied == ["velocity-elite-3", "wideline-comfort-5"]
    view = open_page(qtbot, session, EVERYDAY, load_shoes(CATALOG))
    ids = shown_ids(view)
    ranks = dict(zip(ids, shown(view, ShoeListModel.RANK), strict=True))
    assert [i for i in ids if ranks[i].startswith("★")] == data["shortlist"]
    assert [i for i in ids if ranks[i].startswith("☆")] == tied
    tip = view.proxy.index(ids.index(tied[0]), ShoeListModel.RANK).data(TOOLTIP)
    group = by_id[tied[0]]["tie_group"]
    assert f"Velocity Elite 3 is in tie {group} with pairs on your shortlist" in tip
    assert "left out only because the list stops at 5 pairs" in tip
    hint = view.list_hint.text()
    assert (
        "☆ Just as good: Velocity Elite 3 and Wideline Comfort 5 (2E) are in tie "
        f"{group} too, left out only because the list stops at 5 pairs" in hint
    )
    assert "☆" in ShoeListModel.TIPS[ShoeListModel.RANK]
    # Compared, a tied pair's column carries the same mark and says why.
    view.select_shoes(["steadfast-gts-22", tied[0]])
    heads = [
        view.compare_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(view.compare_model.columnCount())
    ]
    assert heads[0].startswith("★ Steadfast GTS 22") and heads[1].startswith("☆ Velocity Elite 3")
    # Rated 5/5 after trying it on, a left-out pair joins the shortlist; the pair it bumps
    # is the one named now.
    session.set_shoes(
        [s.model_copy(update={"comfort": 5}) if s.id == tied[1] else s for s in session.shoes]
    )
    ids = shown_ids(view)
    ranks = dict(zip(ids, shown(view, ShoeListModel.RANK), strict=True))
    assert ranks[tied[1]].startswith("★")
    assert [i for i in ids if ranks[i].startswith("☆")] == ["steadfast-gts-22", tied[0]]
    assert "☆ Just as good: Steadfast GTS 22 and Velocity Elite 3" in view.list_hint.text()


def comfort_breaks_a_near_tie(data: dict[str, Any]) -> tuple[str, str]:
    """Two main-surface shoes, X above Y, that a 4/5 rating of Y (+5) brings within a tie
    but not above X's score: comfort alone must then put Y first."""
    main = [s for s in data["shoes"] if s["surface_match"] == "main"]
    for x in main:
        for y in main:
            if 5 < x["score"] - y["score"] < 8:
                return x["id"], y["id"]
    raise AssertionError("no such pair in the catalog")


def test_comfort_decides_within_a_tie_in_the_window_and_the_command(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path
) -> None:
    runner = RUNNERS["road_and_trail"]
    higher, lower = comfort_breaks_a_near_tie(advise_json(tmp_path, runner, CATALOG))
    raw = json.loads(CATALOG.read_text(encoding="utf-8"))
    for shoe in raw:
        if shoe["id"] == lower:
            shoe["comfort"] = 4
    rated = tmp_path / "rated.json"
    rated.write_text(json.dumps(raw), encoding="utf-8")
    data = advise_json(tmp_path, runner, rated)
    by_id = {s["id"]: s for s in data["shoes"]}
    assert by_id[higher]["tie_group"] == by_id[lower]["tie_group"]
    assert by_id[lower]["score"] < by_id[higher]["score"]  # still scores less
    view = open_page(qtbot, session, runner, load_shoes(rated))
    ids = shown_ids(view)
    assert ids == [s["id"] for s in data["shoes"]]
    assert ids.index(lower) < ids.index(higher)  # comfort put it first
    ties = dict(zip(ids, shown(view, ShoeListModel.TIE), strict=True))
    assert ties[lower] == ties[higher] != ""
    tip = view.proxy.index(ids.index(lower), ShoeListModel.TIE).data(Qt.ItemDataRole.ToolTipRole)
    assert "pick the one that feels best" in tip and "comfort rating" in tip


def test_the_comparison_and_the_chart_show_the_same(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path
) -> None:
    runner = RUNNERS["road_and_trail"]
    data = advise_json(tmp_path, runner, CATALOG)
    by_id = {s["id"]: s for s in data["shoes"]}
    view = open_page(qtbot, session, runner, load_shoes(CATALOG))
    chosen = ["pacer-max-3", "ridgeback-trail-7", "sprint-spike-9", "shop-find"]
    view.select_shoes(chosen)
    model = view.compare_model
    columns = [s.shoe.id for s in model.scores]
    assert sorted(columns, key=lambda i: data["shoes"].index(by_id[i])) == columns
    assert set(columns) == set(chosen)
    sizes: dict[int, int] = defaultdict(int)
    for s in data["shoes"]:
        sizes[s["tie_group"]] += 1
    legends = dict(zip(columns, view.chart.legends, strict=True))
    for c, shoe_id in enumerate(columns):
        shoe = by_id[shoe_id]
        made_for = labels.surface_match(shoe["surface_match"], shoe.get("surface"))
        known = f"{shoe['coverage']['known']} of {shoe['coverage']['of']}"
        assert model.index(CompareModel.MATCH_ROW, c).data() == made_for
        assert model.index(CompareModel.KNOWN_ROW, c).data() == known
        check = model.index(CompareModel.CHECK_ROW, c).data()
        for word in check_words(shoe):
            assert word in check
        tie = model.index(CompareModel.TIE_ROW, c).data()
        size = sizes[shoe["tie_group"]]
        assert tie == ("no tie" if size == 1 else f"tie {shoe['tie_group']}: {size} shoes")
        # The chart says the same for the shoe.
        title, text = legends[shoe_id]
        assert title == f"{shoe['name']} — fit {shoe['score']}"
        assert text.startswith(made_for)
        assert f"{known} that count known" in text
        assert all(word in text for word in check_words(shoe))
        if size > 1:
            assert f"tie {shoe['tie_group']}: {size} shoes" in text
        # Every feature cell shows the command's level and points, or that it does not count.
        points = {b["feature"]: b for b in shoe["breakdown"]}
        for row in range(model.FIRST_FEATURE_ROW, model.rowCount()):
            item = model.verdict_at(row, c)
            assert item is not None
            cell = model.index(row, c)
            text_shown = cell.data()
            expected = points[item.feature]
            assert item.level == expected["level"]
            if item.counts:
                shown_points = float(text_shown.rsplit(" ", 1)[1])
                assert shown_points == pytest.approx(expected["points"], abs=0.051)
            else:
                assert cell.data(VerdictRole) is Verdict.NEUTRAL
                assert "+" not in text_shown and "-" not in text_shown.split(" ", 1)[1]
                assert expected["points"] == 0
    # Lugs are optional for the road, so they count for none of the road shoes, but they
    # count for the trail shoe: the row does not say "not counted" beside its points.
    lugs = next(
        r for r in range(model.rowCount()) if (f := model.feature_at(r)) and f.id == "trail_grip"
    )
    header = model.headerData(lugs, Qt.Orientation.Vertical)
    assert header == f"{NAMES['trail_grip']}  · optional"
    assert "second pair" in model.headerData(lugs, Qt.Orientation.Vertical, TOOLTIP)
    assert model.headerData(lugs, Qt.Orientation.Vertical, FOREGROUND) is None
    winter = next(
        r
        for r in range(model.rowCount())
        if (f := model.feature_at(r)) and f.id == "winter_traction"
    )
    assert model.headerData(winter, Qt.Orientation.Vertical).endswith("optional: not counted")
    assert model.headerData(winter, Qt.Orientation.Vertical, FOREGROUND) is not None
    trail = columns.index("ridgeback-trail-7")
    assert model.verdict_at(lugs, trail).counts  # type: ignore[union-attr]
    assert not model.verdict_at(lugs, columns.index("pacer-max-3")).counts  # type: ignore[union-attr]
    chart_row = next(r for r in view.chart.rows if r.name == NAMES["trail_grip"])
    assert chart_row.marks[trail] == "" and chart_row.marks[columns.index("pacer-max-3")] == "-"
    # The verdict above says it in sentences.
    verdict = view.verdict.text()
    assert "a second pair for trails" in verdict
    assert "not for ground you run on" in verdict


def test_a_measured_level_is_shown_as_measured_not_unknown(
    qtbot: QtBot, session: RunnerSession, tmp_path: Path, qtmodeltester: Any
) -> None:
    """Weight and stack height set levels the score uses: the page shows them."""
    light = Shoe(
        id="light",
        name="Light, tall, unticked",
        surface="road",
        weight_g=220,
        stack_mm=40,
        features={"cushioning": 3, "wide_fit": 3},
    )
    plain = Shoe(id="plain", name="Plain", surface="road", features={"cushioning": 3})
    shoes = tmp_path / "two.json"
    shoes.write_text(json.dumps([light.to_json_dict(), plain.to_json_dict()]), encoding="utf-8")
    runner = RUNNERS["road_and_trail"]
    data = advise_json(tmp_path, runner, shoes)
    view = open_page(qtbot, session, runner, [light, plain])
    view.select_shoes(["light", "plain"])
    model = view.compare_model
    column = [s.shoe.id for s in model.scores].index("light")
    breakdown = {
        b["feature"]: b for b in next(s for s in data["shoes"] if s["id"] == "light")["breakdown"]
    }
    assert breakdown["lightweight"]["level_from"] == "weight_g"
    assert breakdown["thick_sole"]["level_from"] == "stack_mm"
    cells = {
        model.feature_at(r).id: model.index(r, column)  # type: ignore[union-attr]
        for r in range(model.FIRST_FEATURE_ROW, model.rowCount())
    }
    lightweight = cells["lightweight"].data()
    thick = cells["thick_sole"].data()
    assert labels.UNKNOWN_LEVEL not in lightweight and "(220 g)" in lightweight
    assert lightweight.split()[1] == labels.feature_level(breakdown["lightweight"]["level"])
    assert labels.UNKNOWN_LEVEL not in thick and "(40 mm)" in thick
    assert float(thick.rsplit(" ", 1)[1]) == pytest.approx(
        breakdown["thick_sole"]["points"], abs=0.051
    )
    assert breakdown["thick_sole"]["points"] > 0  # it earns points, and the page shows why
    assert cells["thick_sole"].data(VerdictRole) is not Verdict.UNKNOWN
    assert "from its stack height" in cells["thick_sole"].data(Qt.ItemDataRole.ToolTipRole)
    # A wide last rules a narrow one out: known, not "don't know".
    narrow = cells["narrow_fit"].data()
    assert labels.UNKNOWN_LEVEL not in narrow and "(wide fit)" in narrow
    # The plain shoe, whose weight and stack are unknown, says so.
    plain_column = 1 - column
    assert labels.UNKNOWN_LEVEL in model.index(cells["thick_sole"].row(), plain_column).data()
    qtmodeltester.check(model)
    qtmodeltester.check(view.list_model)


def test_problems_say_none_only_when_everything_that_counts_is_known(
    qtbot: QtBot, session: RunnerSession
) -> None:
    view = open_page(qtbot, session, RUNNERS["road_and_trail"], load_shoes(CATALOG))
    rows = dict(zip(shown_ids(view), shown(view, ShoeListModel.MISSING), strict=True))
    tips = dict(
        zip(
            shown_ids(view),
            shown(view, ShoeListModel.MISSING, Qt.ItemDataRole.ToolTipRole),
            strict=True,
        )
    )
    by_id = {row.shoe.id: row.score for row in shown(view, ShoeListModel.NAME, RowRole)}
    # Everything that counts is known and fits: no problems.
    assert by_id["wideline-comfort-5"].check_in_store == ()
    assert rows["wideline-comfort-5"] == "none"
    # Nothing known at all, or an unknown narrow last for a wide foot: none known, not none.
    for shoe_id in ("blank-road", "mystery-trainer", "pacer-max-3"):
        assert by_id[shoe_id].check_in_store, shoe_id
        assert rows[shoe_id] == "none known", shoe_id
        assert "check in the store" in tips[shoe_id], shoe_id
    assert rows["sprint-spike-9"] == "! Narrow fit"  # a known problem is still named


def test_every_cell_explains_itself(qtbot: QtBot, session: RunnerSession) -> None:
    """A runner who hovers anything gets its meaning; nothing cut short is left unexplained."""
    view = open_page(qtbot, session, RUNNERS["road_and_trail"], load_shoes(CATALOG))
    view.select_shoes(["pacer-max-3", "ridgeback-trail-7", "shop-find"])
    for model in (view.list_model, view.compare_model):
        for c in range(model.columnCount()):
            assert model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount()):
                tip = model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                assert tip, (type(model).__name__, r, c)
    for r in range(view.compare_model.rowCount()):
        assert view.compare_model.headerData(
            r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
        )


@pytest.mark.parametrize("size", [(900, 600), (1440, 900)])
def test_cut_text_keeps_a_tooltip_at_every_size(
    qtbot: QtBot, session: RunnerSession, size: tuple[int, int]
) -> None:
    view = open_page(qtbot, session, RUNNERS["road_and_trail"], load_shoes(CATALOG))
    view.resize(*size)
    view.select_shoes(["pacer-max-3", "ridgeback-trail-7", "sprint-spike-9", "shop-find"])
    qtbot.wait(10)
    for table in (view.table, view.compare_table):
        model = table.model()
        metrics = QFontMetrics(table.font())
        for c in range(model.columnCount()):
            width = table.columnWidth(c)
            for r in range(min(model.rowCount(), 40)):
                index = model.index(r, c)
                text = str(index.data() or "")
                if text and metrics.horizontalAdvance(text.split("\n")[0]) + 8 > width:
                    assert index.data(Qt.ItemDataRole.ToolTipRole), (text, width)
    # The shoe's name is never the column that gives way: the list scrolls sideways first.
    names = shown(view, ShoeListModel.NAME)
    metrics = QFontMetrics(view.table.font())
    widest = max(metrics.horizontalAdvance(n) for n in names)
    assert view.table.columnWidth(ShoeListModel.NAME) >= widest
    # The chart's row labels that are cut short say their name on hover.
    chart = view.chart
    chart.resize(260, chart.heightForWidth(260))
    chart.grab()  # lays the rows out
    rows = chart.rows
    for i in (0, len(rows) - 1):
        middle = chart.rows_top + (i + 0.5) * chart.row_height()
        assert chart.tooltip_at(QPointF(10, middle)).startswith(rows[i].name)
    legend = chart.tooltip_at(QPointF(40, 12))
    assert legend.startswith(chart.legends[0][0])


def test_the_list_is_empty_of_scores_without_a_profile(
    qtbot: QtBot, session: RunnerSession, context: ActionContext, qtmodeltester: Any
) -> None:
    session.set_shoes(load_shoes(CATALOG))
    view = CompareView(context)
    qtbot.addWidget(view)
    assert shown(view, ShoeListModel.TIE) == [""] * len(load_shoes(CATALOG))
    assert set(shown(view, ShoeListModel.SCORE)) == {"—"}
    qtmodeltester.check(view.list_model)
    assert (
        view.list_model.index(0, 0)
        .data(Qt.ItemDataRole.ToolTipRole)
        .endswith("fill in your profile to score this shoe.")
    )
    assert QModelIndex().isValid() is False
