"""Every model of the advice views passes Qt's model tester, empty and filled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from shoeadvisor.core import advise, load_profile
from shoeadvisor.core.advice import Advice
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.resources import resource_path
from shoeadvisor.gui.models.advice_models import (
    FeatureTreeModel,
    IdRole,
    RiskTableModel,
    SourceTableModel,
)


@pytest.fixture(scope="module")
def advice() -> Advice:
    return advise(load_profile(resource_path("example_runner.json")), [], knowledge())


def test_feature_tree_model(qtmodeltester, advice: Advice) -> None:  # type: ignore[no-untyped-def]
    model = FeatureTreeModel()
    qtmodeltester.check(model)
    model.set_features(advice.features)
    qtmodeltester.check(model)
    assert model.group_levels()[0] == "essential"
    assert model.rowCount() == len(model.group_levels())
    shown = [fid for level in model.group_levels() for fid in model.features_in(level)]
    assert sorted(shown) == sorted(f.id for f in advice.features)
    group = model.index(0, 0)
    assert model.data(group).startswith("Essential (")
    assert not model.flags(group) & Qt.ItemFlag.ItemIsSelectable
    first = model.index(0, 0, group)
    assert model.data(first, IdRole) == "cushioning"
    assert model.parent(first) == group
    assert model.index_of("cushioning") == first
    assert model.index_of("nope") == QModelIndex()
    model.set_features(())
    qtmodeltester.check(model)


def test_features_in_a_level_are_ranked_by_importance(advice: Advice) -> None:
    model = FeatureTreeModel()
    model.set_features(advice.features)
    for level in model.group_levels():
        ranks = [advice.feature(f).importance for f in model.features_in(level)]
        assert ranks == sorted(ranks, reverse=True)


def test_risk_table_model(qtmodeltester, advice: Advice) -> None:  # type: ignore[no-untyped-def]
    model = RiskTableModel()
    qtmodeltester.check(model)
    model.set_risks(advice.risks)
    qtmodeltester.check(model)
    assert model.rowCount() == len(advice.risks)
    assert model.data(model.index(0, 0)) == "Warning"
    background = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    foreground = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    # Both colours are given, so the badge reads the same on light and dark palettes.
    assert abs(background.lightness() - foreground.lightness()) > 100


def test_source_table_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    sources = list(knowledge().sources.values())
    model = SourceTableModel(sources)
    qtmodeltester.check(model)
    assert model.rowCount() == len(sources)
    grades = {model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert grades <= {"Strong", "Moderate", "Weak", "No studies", "Contradicted"}


def test_sources_dialog_lists_the_bibliography(qtbot: QtBot) -> None:
    from shoeadvisor.gui.widgets.sources_dialog import SourcesDialog

    dialog = SourcesDialog(list(knowledge().sources.values()))
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() == len(knowledge().sources)


def test_models_never_wear_out_nones_reference_count(qtbot: QtBot, advice: Advice) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference per None returned to C++ (see qt_compat)."""
    import sys

    from PySide6.QtCore import QSortFilterProxyModel

    model = RiskTableModel()
    model.set_risks(advice.risks)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 1)
    before = sys.getrefcount(None)
    for _ in range(500):
        assert proxy.data(index, Qt.ItemDataRole.DecorationRole) is None
    assert sys.getrefcount(None) >= before - 5


def test_same_rows_update_in_place(advice: Advice) -> None:
    model = FeatureTreeModel()
    assert model.set_features(advice.features) is True
    changed: list[object] = []
    model.modelReset.connect(lambda: changed.append("reset"))
    assert model.set_features(advice.features) is False
    assert changed == []
