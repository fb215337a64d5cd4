"""Ties in one wording everywhere: `advise`'s text, the report and the window's Shoes page.

Each says what a tie number means with core.summaries.tie_rule and marks a tied shoe
with core.labels.tie ("tie 2: 3 shoes"); none has a sentence or a mark of its own.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from shoeadvisor.cli import main
from shoeadvisor.core import labels
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.files import load_profile, load_shoes
from shoeadvisor.core.fit import TIE_POINTS
from shoeadvisor.core.summaries import shoe_list_hint, tie_rule
from shoeadvisor.report import build_report_html
from shoeadvisor.report.pdf import make_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "example_runner.json"
CATALOG = ROOT / "tests" / "core" / "fixtures" / "realistic_catalog.json"
RULE = tie_rule(TIE_POINTS)


def squash(text: str) -> str:
    return " ".join(text.split())


def tied_labels() -> set[str]:
    advice = advise(load_profile(EXAMPLE), load_shoes(CATALOG))
    sizes = Counter(s.tie_group for s in advice.shoes)
    return {
        labels.tie(s.tie_group, sizes[s.tie_group])
        for s in advice.shoes[:6]
        if sizes[s.tie_group] > 1
    }


def test_the_rule_is_one_sentence_of_core() -> None:
    assert RULE.startswith("Shoes with the same tie number score within 3 points of each other")
    assert "feels best" in RULE and "comfort rating orders a tie" in RULE
    assert RULE in shoe_list_hint(12, True, ["A", "B", "C"], TIE_POINTS, ties=True)


def test_advise_text_words_ties_as_core_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advise", str(EXAMPLE), "--shoes", str(CATALOG)]) == 0
    out = squash(capsys.readouterr().out)
    assert RULE in out
    assert "closer than" not in out
    assert tied_labels() and all(label in out for label in tied_labels())


def test_the_report_words_and_marks_ties_as_core_does(qapp: Any) -> None:
    advice = advise(load_profile(EXAMPLE), load_shoes(CATALOG))
    text = squash(make_document(build_report_html(advice)).toPlainText())
    section = text[text.index("Shoes compared") : text.index("Risks for your knees")]
    assert RULE in section
    assert "Steadfast GTS 22" in section and "86/100 tie 2: 3 shoes" in section
    assert "=2" not in section and "closer than" not in section
    assert "marked =" not in section


def test_the_shoes_page_headers_word_ties_as_core_does(qapp: Any) -> None:
    from shoeadvisor.gui.models.shoe_models import CompareModel, ShoeListModel

    assert ShoeListModel.TIPS[ShoeListModel.TIE] + "." == RULE
    assert CompareModel.ROW_TIPS[CompareModel.TIE_ROW] == RULE
