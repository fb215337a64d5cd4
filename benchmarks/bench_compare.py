"""Shoes page with 10,000 shoes: is the list responsive, is re-scoring within 50 ms?

The shoes are as real lists are (shoe_data.py): weights, stack heights and drops on
some, mixed surfaces, gaps in the checklists, a comfort rating on a few.

Run: uv run python benchmarks/bench_compare.py [--shoes 10000] [--repeat 7]

Prints the median and the best of each measurement in milliseconds:
- a profile edit through the session (82 <-> 92 kg: the advice's words and every shoe's
  wear range change) until the Shoes page (list, comparison, chart, kilometres panel)
  has redrawn, and an edit that changes every shoe's score (82 <-> 60 kg),
- the view's own work after that (model reset, re-sort, comparison, chart),
- re-sorting the list by each kind of column,
- data() for one visible page (40 rows, every column, the roles a view asks for),
- filtering by surface and by name.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import shoe_data
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile
from shoeadvisor.core.resources import resources_dir
from shoeadvisor.core.shoes import Shoe
from shoeadvisor.gui.actions.context import ActionContext
from shoeadvisor.gui.models.shoe_models import ShoeListModel
from shoeadvisor.gui.platform.qt_compat import keep_none_alive
from shoeadvisor.gui.session import RunnerSession
from shoeadvisor.gui.views.compare_view import CompareView

PAGE_ROWS = 40
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
)


def make_shoes(count: int, seed: int = 5) -> list[Shoe]:
    """Realistic shoes (shoe_data.py): measurements on some, mixed surfaces, gaps."""
    return shoe_data.shoes(count, seed)


def timed(action: Callable[[], object], repeat: int, app: QApplication) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        app.processEvents()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shoes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    keep_none_alive()  # as the app does (gui/app.py)

    runner = load_profile(resources_dir() / "example_runner.json")
    shoes = make_shoes(args.shoes)
    folder = tempfile.TemporaryDirectory(prefix="shoeadvisor-bench-")
    session = RunnerSession(Path(folder.name))
    session.start()
    session.adopt(runner)
    session.set_shoes(shoes)
    view = CompareView(ActionContext(session))
    view.resize(1400, 950)
    view.show()
    app.processEvents()
    results: list[tuple[str, tuple[float, float]]] = []

    weights = [runner.weight_kg, runner.weight_kg + 10]  # reversed before each use

    def profile_edit() -> None:
        weights.reverse()
        session.update(weight_kg=weights[0])

    results.append(
        (
            f"profile edit → re-score + view update ({args.shoes} shoes)",
            timed(profile_edit, args.repeat, app),
        )
    )
    # 82 <-> 92 kg changes the words of the advice and every shoe's wear range (85 kg or
    # more), not the fit numbers; 82 <-> 60 kg changes those too: every shoe is re-scored.
    lighter = [runner.weight_kg, 60.0]

    def rescoring_edit() -> None:
        lighter.reverse()
        session.update(weight_kg=lighter[0])

    results.append(
        (
            "profile edit that changes every score (82 ↔ 60 kg)",
            timed(rescoring_edit, args.repeat, app),
        )
    )
    session.update(weight_kg=runner.weight_kg)
    app.processEvents()

    heavier = runner.model_copy(update={"weight_kg": runner.weight_kg + 10})
    profiles = [runner, heavier]

    def core_only() -> None:
        profiles.reverse()
        advise(profiles[0], shoes, session.knowledge)

    results.append(("  of which advise() alone (core)", timed(core_only, args.repeat, app)))

    advice = session.advice

    def reset_only() -> None:
        view._advice_changed(advice)

    results.append(
        (
            "  of which the view's update (reset, sort, compare, chart)",
            timed(reset_only, args.repeat, app),
        )
    )

    def list_reset() -> None:
        view.list_model.set_shoes(shoes, advice)

    results.append(("list model reset (proxy sorted by rank)", timed(list_reset, args.repeat, app)))

    for column, label in (
        (ShoeListModel.SCORE, "score"),
        (ShoeListModel.NAME, "name"),
        (ShoeListModel.MISSING, "missing essentials"),
    ):
        orders = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]

        def resort(column: int = column, orders: list[Qt.SortOrder] = orders) -> None:
            orders.reverse()
            view.table.sortByColumn(column, orders[0])

        results.append((f"re-sort by {label}", timed(resort, args.repeat, app)))
    view.table.sortByColumn(ShoeListModel.RANK, Qt.SortOrder.AscendingOrder)

    proxy = view.proxy

    def page() -> None:
        for row in range(PAGE_ROWS):
            for column in range(proxy.columnCount()):
                index = proxy.index(row, column)
                for role in ROLES:
                    index.data(role)

    results.append(
        (f"data() for a visible page ({PAGE_ROWS} rows × all roles)", timed(page, args.repeat, app))
    )

    surfaces = ["trail", None]

    def surface_filter() -> None:
        surfaces.reverse()
        proxy.set_surface(surfaces[0])

    results.append(("filter by surface (on/off)", timed(surface_filter, args.repeat, app)))
    texts = ["123", ""]

    def name_filter() -> None:
        texts.reverse()
        proxy.set_text(texts[0])

    results.append(("filter by name (on/off)", timed(name_filter, args.repeat, app)))

    width = max(len(label) for label, _ in results)
    print(f"{'measurement':<{width}}  median ms   best ms")
    for label, (median, best) in results:
        print(f"{label:<{width}}  {median:9.1f}  {best:8.1f}")
    view.close()
    view.deleteLater()
    app.processEvents()
    session.close()
    folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
