"""Every source a runner reads is named by its title or citation, never by an internal id.

The knowledge base cites sources by id (`seed_002`, `malisoux2016_mc`); the Knee page, the
why-panes of the Advice page, the Sources dialog and the report (HTML and the PDF's text)
must show the article's title or the study's authors, journal and year instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import start_window
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.ids import KNEE_LOCATIONS
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.report import build_report_html, write_pdf

#: A runner who makes most of the knowledge base speak: every surface, every season, knee
#: pain in four places, a mileage jump, no warm-up.
EVERYTHING = RunnerProfile.model_validate(
    {
        "schema_version": 1,
        "name": "Source reader",
        "foot_width": "wide",
        "pronation": "overpronation",
        "weight_kg": 96,
        "height_cm": 172,
        "seasons": ["spring", "summer", "autumn", "winter"],
        "surfaces": ["asphalt", "trail", "track", "treadmill"],
        "weekly_km": 55,
        "previous_weekly_km": 30,
        "experience": "beginner",
        "foot_strike": "heel",
        "arch": "flat",
        "downhill": True,
        "warm_up": False,
        # Every place but behind the knee (a cyst there is referred: no exercises).
        "knee_pain": [place for place in KNEE_LOCATIONS if place != "behind"],
        "knee_symptoms": ["crunching"],
    }
)


def raw_labels(text: str) -> list[str]:
    """The internal source ids (and "seed" labels) found in a text."""
    found = [
        source_id
        for source_id in knowledge().sources
        if re.search(rf"(?<![\w-]){re.escape(source_id)}(?![\w-])", text)
    ]
    found += re.findall(r"(?i)\bseed\b[ _]?\d*", text)
    return found


def model_text(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
        texts += model_text(model, model.index(row, 0, parent))
    return texts


def shown_text(root: QWidget) -> str:
    """Every text the widgets under root show: labels, rich text, list cells, tool tips."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_text(widget.model())
    return "\n".join(texts)


@pytest.fixture
def window(qtbot: QtBot) -> Any:
    win = start_window(qtbot)
    win.session.adopt(EVERYTHING)
    QApplication.processEvents()
    return win


def test_the_sample_has_raw_ids_to_find() -> None:
    # The check below would pass vacuously if it could not see an id.
    assert raw_labels("see seed_002 and malisoux2020") == ["seed_002", "malisoux2020"]
    assert raw_labels("Popular web article (seed 000)") == ["seed 000"]
    assert raw_labels("Malisoux L et al. Am J Sports Med 2020") == []


def test_knee_page_names_sources_by_title(window: Any) -> None:
    page = window.knee_page
    assert page.shown_condition_ids() and page.shown_exercise_ids()
    text = shown_text(page)
    assert "Sources:" in text
    assert raw_labels(text) == []


def test_why_panes_name_sources_by_title(window: Any) -> None:
    advice = window.advice_page
    seen: list[str] = []
    features = advice.features
    for level in features.model.group_levels():
        for feature_id in features.model.features_in(level):
            features.select_feature(feature_id)
            seen.append(features.detail_text())
    risks = advice.risks
    for row in range(risks.model.rowCount()):
        risks.table.setCurrentIndex(risks.model.index(row, 0))
        seen.append(risks.detail_text())
    assert len(seen) > 20 and all(seen)
    text = "\n".join(seen)
    assert "Sources" in text or "Source" in text
    assert raw_labels(text) == []
    assert raw_labels(shown_text(window)) == []


def test_sources_dialog_names_every_source(window: Any) -> None:
    dialog = window.show_sources()
    text = shown_text(dialog)
    assert dialog.model.rowCount() == len(knowledge().sources)
    assert raw_labels(text) == []
    # Each source is there by its title.
    for source in knowledge().sources.values():
        assert source.title in text
    dialog.close()


def test_report_names_sources_by_title(qapp: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    advice = advise(EVERYTHING)
    html = build_report_html(advice)
    assert raw_labels(html) == []
    path = tmp_path / "report.pdf"
    write_pdf(html, path)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Sources" in text
    assert raw_labels(text) == []
    # The numbered list names the cited sources by their titles.
    flowing = " ".join(text.split())
    titles = [s.title for s in knowledge().sources.values() if s.title[:40] in flowing]
    assert len(titles) >= 10
