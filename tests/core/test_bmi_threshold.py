"""One BMI threshold, "above 30", for every rule, risk and text that names one.

The novice study behind it (Nielsen 2014, IJSPT) grouped runners as BMI up to and
including 30 ("low") and above 30 ("high"); a BMI of exactly 30 is in the low group.
At 200 cm, 119.6 / 120.0 / 120.4 kg are a BMI of 29.9 / 30.0 / 30.1.
"""

from __future__ import annotations

import re

import pytest
from runner_profiles import profile

from shoeadvisor.core.advisor import advise
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.prevention import prevention_checklist, prevention_knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.rules import OBESE_BMI, bmi_above_obese
from shoeadvisor.core.wording import number

HEIGHT_CM = 200
#: BMI as shown -> weight at HEIGHT_CM, and whether it is above the threshold.
BOUNDARY = [(29.9, 119.6, False), (30.0, 120.0, False), (30.1, 120.4, True)]


def runner(weight_kg: float, **changes: object) -> RunnerProfile:
    return profile(schema_version=2, weight_kg=weight_kg, height_cm=HEIGHT_CM, **changes)


@pytest.mark.parametrize(("bmi", "weight", "above"), BOUNDARY)
def test_the_weight_risk_fires_only_above_30(bmi: float, weight: float, above: bool) -> None:
    p = runner(weight)
    assert f"{p.bmi:.1f}" == f"{bmi:.1f}"
    assert bmi_above_obese(p.bmi) is above
    found = advise(p).risk("body_weight_load")
    assert (found is not None) is above
    if found is not None:
        assert found.severity == "caution"
        assert "BMI above 30 who ran 3 km or more" in found.text


@pytest.mark.parametrize(("bmi", "weight", "above"), BOUNDARY)
def test_a_heavy_first_week_is_a_warning_only_above_30(
    bmi: float, weight: float, above: bool
) -> None:
    novice = advise(runner(weight, experience="beginner", weekly_km=5))
    assert novice.risk("beginner_load").severity == ("warning" if above else "caution")
    weight_risk = novice.risk("body_weight_load")
    assert (weight_risk is not None) is above
    if weight_risk is not None:
        assert "first week under about 3 km" in weight_risk.advice


@pytest.mark.parametrize(("bmi", "weight", "above"), BOUNDARY)
def test_the_checklist_and_the_heel_rule_agree_with_the_risk(
    bmi: float, weight: float, above: bool
) -> None:
    p = runner(weight, experience="intermediate")
    items = {item.id: item for item in prevention_checklist(p)}
    assert ("easy_start" in items) is above
    if above:
        assert "With a BMI above 30, keep the first week under 3 km" in items["easy_start"].text
    rules = {r.rule for r in advise(p).feature("heel_counter").reasons}
    assert ("bmi.stable_heel" in rules) is above


def test_a_bmi_shown_as_30_0_is_not_called_above_30() -> None:
    p = runner(120.16)  # 30.04: shown as 30.0
    assert p.bmi is not None and p.bmi > 30 and f"{p.bmi:.1f}" == "30.0"
    assert not bmi_above_obese(p.bmi)
    assert advise(p).risk("body_weight_load") is None
    assert bmi_above_obese(30.05 + 1e-9) and not bmi_above_obese(None)


def test_every_text_takes_the_threshold_from_the_one_constant() -> None:
    # The knowledge texts name the threshold through {obese_bmi}, never a number of
    # their own; filled in, it reads as OBESE_BMI does.
    kb = knowledge()
    raw = [r.text for r in kb.risks.values()] + [
        i.text for i in prevention_knowledge().items.values()
    ]
    literal = re.compile(r"BMI (?:above|over|of more than|>=?) ?\d")
    assert not [text for text in raw if literal.search(text)]
    assert sum("{obese_bmi}" in text for text in raw) == 2
    filled = advise(runner(130, experience="beginner", weekly_km=5))
    texts = [r.text for r in filled.risks] + [i.text for i in prevention_checklist(filled.profile)]
    said = {m for text in texts for m in re.findall(r"BMI above (\d+(?:\.\d)?)", text)}
    assert said == {number(OBESE_BMI)}
