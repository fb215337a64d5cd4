"""The report: escaped HTML, PDF pages that fit A4 and Letter, and the `report` command."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape as html_escape
from pathlib import Path
from typing import Any

import pytest

from shoeadvisor.cli import main
from shoeadvisor.core.advisor import advise
from shoeadvisor.core.knowledge import knowledge
from shoeadvisor.core.profile import RunnerProfile
from shoeadvisor.core.shoes import parse_shoes
from shoeadvisor.report import build_report_html, default_page_size, write_pdf
from shoeadvisor.report.pdf import (
    FOOTER,
    ensure_gui_app,
    make_document,
    page_layout,
    page_size_for_locale,
    pdf_page_count,
)

HOSTILE = "<img src=x> & <b>bold</b>"
POINTS = {"A4": (595, 842), "Letter": (612, 792)}

RUNNER: dict[str, Any] = {
    "schema_version": 1,
    "name": HOSTILE,
    "foot_width": "wide",
    "pronation": "overpronation",
    "weight_kg": 82,
    "height_cm": 176,
    "seasons": ["summer", "winter"],
    "surfaces": ["asphalt", "trail"],
    "weekly_km": 32,
    "previous_weekly_km": 22,
    "experience": "beginner",
    "foot_strike": "heel",
    "warm_up": False,
    "knee_pain": ["around_kneecap"],
}
SHOES = [
    {
        "id": "a",
        "name": "<script>alert(1)</script> Trainer",
        "features": {"cushioning": 3},
        "notes": "<i>not italic</i>",
    },
    {"id": "b", "name": "Plain & Simple", "features": {"cushioning": 1, "stability": 3}},
]


def runner(**changes: Any) -> RunnerProfile:
    return RunnerProfile.model_validate({**RUNNER, **changes})


def pdf_text(path: Path) -> str:
    """The PDF's text, extracted by pypdf (a dev dependency, so this runs everywhere)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- HTML -------------------------------------------------------------------------------


def test_user_text_is_escaped_in_the_html() -> None:
    html = build_report_html(advise(runner(), parse_shoes(SHOES)))
    assert "<img" not in html and "<script" not in html and "<b>bold" not in html
    assert "&lt;img src=x&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Trainer" in html
    assert "&lt;i&gt;not italic&lt;/i&gt;" in html


def test_hostile_name_renders_as_text(qapp: Any) -> None:
    document = make_document(build_report_html(advise(runner(), parse_shoes(SHOES))))
    text = document.toPlainText()
    assert HOSTILE in text
    assert "<script>alert(1)</script> Trainer" in text


def test_report_holds_every_section(qapp: Any) -> None:
    advice = advise(runner(), parse_shoes(SHOES))
    text = squash(make_document(build_report_html(advice)).toPlainText())
    for heading in (
        "Your profile",
        "Shoe checklist for the shop",
        "Shoes compared",
        "Risks for your knees",
        "Your knee",
        "What the pain may be",
        "Your week",
        "The exercises, step by step",
        "Prevention checklist",
        "Sources",
        "Not medical advice",
    ):
        assert heading in text, heading
    assert "\u2610" in text  # tick boxes for the shop
    for feature in advice.features:
        if feature.level in ("essential", "recommended"):
            assert feature.name in text
    for score in advice.shoes:
        assert f"{score.score}/100" in text
    for risk in advice.risks:
        assert risk.name in text
    assert advice.knee is not None
    for exercise in advice.knee.exercises:
        assert exercise.name in text and exercise.dose in text
        for step in exercise.steps:
            assert squash(step) in text
    assert "May be runner's knee" in text
    assert "See a doctor or physiotherapist before running" not in text


@pytest.mark.parametrize(
    "symptom", ["swelling", "locking", "giving_way", "numbness", "severe_pain"]
)
def test_red_flag_report_refers_and_gives_no_exercises(qapp: Any, symptom: str) -> None:
    advice = advise(runner(knee_symptoms=[symptom]))
    assert advice.knee is not None and advice.knee.see_doctor
    text = squash(make_document(build_report_html(advice)).toPlainText())
    banner = "See a doctor or physiotherapist before running on this knee"
    # The banner is on the first page, before the profile, not only in the knee section.
    assert text.index(banner) < text.index("Your profile")
    assert advice.knee.red_flags[0].why in text
    assert "The exercises, step by step" not in text
    assert "No exercises are given until a clinician" in text


def test_bakers_cyst_is_referred(qapp: Any) -> None:
    advice = advise(runner(knee_pain=["behind"]))
    text = squash(make_document(build_report_html(advice)).toPlainText())
    assert "May be baker's cyst" in text
    assert "This needs a clinician, not home exercises." in text
    assert "The exercises, step by step" not in text


def test_no_knee_section_without_knee_pain(qapp: Any) -> None:
    advice = advise(runner(knee_pain=[]))
    text = make_document(build_report_html(advice)).toPlainText()
    assert "Your knee" not in text
    assert "Not medical advice" in text


def test_every_cited_source_is_listed_with_its_weight() -> None:
    advice = advise(runner())
    html = build_report_html(advice)
    sources_part = html[html.index("<h2>Sources</h2>") :]
    assert advice.knee is not None
    bibliography = knowledge().sources
    for exercise in advice.knee.exercises:
        for source in exercise.sources:
            # Listed by its title, under the number the exercise cites it by.
            title = html_escape(bibliography[source].title, quote=True)
            row = sources_part[sources_part.index(f"<i>{title}</i>") - 30 :]
            number = re.search(r"<td>(\d+)</td>", row)
            assert number is not None
            assert re.search(rf"sources \[[\d, ]*\b{number.group(1)}\b", html)
    assert "moderate evidence" in sources_part
    assert "Evidence: moderate" in html  # said once, not "Evidence: moderate evidence"
    assert not re.search(r"Evidence: [^<;]*evidence", html)


# --- PDF --------------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_pdf_pages_have_the_paper_size(qapp: Any, tmp_path: Path, page_size: str) -> None:
    out = tmp_path / "report.pdf"
    pages = write_pdf(build_report_html(advise(runner())), out, page_size)  # type: ignore[arg-type]
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pages >= 2 and pdf_page_count(data) == pages
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert len(boxes) == pages
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {POINTS[page_size]}


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_content_fits_the_page_width(qapp: Any, page_size: str) -> None:
    from PySide6.QtGui import QPdfWriter

    ensure_gui_app()
    document = make_document(build_report_html(advise(runner(), parse_shoes(SHOES))))
    writer = QPdfWriter(str(Path(qapp.applicationDirPath()) / "unused.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(page_size))  # type: ignore[arg-type]
    width = writer.pageLayout().paintRectPixels(300).width()
    document.documentLayout().setPaintDevice(writer)
    document.setTextWidth(width)
    assert document.idealWidth() <= width + 1


def test_pdf_text_has_the_escaped_hostile_name(qapp: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_pdf(build_report_html(advise(runner(knee_symptoms=["locking"]))), out, "A4")
    text = pdf_text(out)
    flat = squash(text)
    assert HOSTILE in flat
    assert "See a doctor or physiotherapist before running on this knee" in flat
    assert "Locking or catching" in flat
    assert squash(FOOTER) in flat
    assert "page 1 of" in flat


def test_pdf_pages_stay_inside_the_margins(qapp: Any, tmp_path: Path) -> None:
    """Render the pages and check nothing is drawn in the outer 12 mm of the paper."""
    if not shutil.which("pdftoppm"):
        pytest.skip("needs pdftoppm (poppler-utils) to render the PDF")
    from PySide6.QtGui import QImage

    for page_size in ("A4", "Letter"):
        out = tmp_path / f"{page_size}.pdf"
        pages = write_pdf(build_report_html(advise(runner(), parse_shoes(SHOES))), out, page_size)  # type: ignore[arg-type]
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / page_size)], check=True
        )
        images = sorted(tmp_path.glob(f"{page_size}-*.png"))
        assert len(images) == pages
        for path in images:
            image = QImage(str(path))
            edge = round(12 / 25.4 * 40)
            for x in (*range(edge), *range(image.width() - edge, image.width())):
                for y in range(0, image.height(), 3):
                    assert image.pixelColor(x, y).lightness() > 200, (path.name, x, y)


# --- paper size by locale ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("en_US.UTF-8", "Letter"),
        ("fr_CA", "Letter"),
        ("es_MX.utf8", "Letter"),
        ("en_PH", "Letter"),
        ("en_GB.UTF-8", "A4"),
        ("de_DE@euro", "A4"),
        ("C", "A4"),
        ("", "A4"),
        ("en-US", "Letter"),
    ],
)
def test_page_size_for_locale(name: str, size: str) -> None:
    assert page_size_for_locale(name) == size


def test_default_page_size_reads_the_paper_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert default_page_size() == "Letter"
    monkeypatch.setenv("LC_ALL", "en_IE.UTF-8")
    assert default_page_size() == "A4"


# --- the command ------------------------------------------------------------------------


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_report_command_writes_a_pdf(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = write_json(tmp_path / "p.json", RUNNER)
    shoes = write_json(tmp_path / "s.json", SHOES)
    out = tmp_path / "out.pdf"
    code = main(
        ["report", str(profile), "--shoes", str(shoes), "-o", str(out), "--page-size", "Letter"]
    )
    assert code == 0
    data = out.read_bytes()
    assert b"612.000000 792.000000" in data
    assert "Letter" in capsys.readouterr().err
    assert "<script>alert(1)</script>" in squash(pdf_text(out))


def test_report_command_default_paper_follows_locale(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    out = tmp_path / "out.pdf"
    assert main(["report", str(write_json(tmp_path / "p.json", RUNNER)), "-o", str(out)]) == 0
    assert b"612.000000 792.000000" in out.read_bytes()


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda d: d / "missing.json", "missing.json: no such file"),
        (lambda d: write_json(d / "bad.json", {**RUNNER, "weight_kg": 5}), "bad.json: weight_kg"),
    ],
)
def test_report_command_bad_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: Any, expected: str
) -> None:
    code = main(["report", str(setup(tmp_path)), "-o", str(tmp_path / "o.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.pdf").exists()


def test_report_command_bad_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = write_json(tmp_path / "p.json", RUNNER)
    code = main(["report", str(profile), "-o", str(tmp_path / "nowhere" / "o.pdf")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["report", str(profile), "-o", str(tmp_path)]) == 2


def test_report_command_runs_headless_in_a_fresh_process(tmp_path: Path) -> None:
    """No QApplication, no display: the command starts its own offscreen QGuiApplication."""
    import os
    import sys

    profile = write_json(tmp_path / "p.json", RUNNER)
    out = tmp_path / "o.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "shoeadvisor",
            "report",
            str(profile),
            "-o",
            str(out),
            "--page-size",
            "A4",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert b"595.000000 842.000000" in out.read_bytes()


def test_report_package_never_imports_widgets_or_the_gui() -> None:
    import ast

    import shoeadvisor.report

    for path in Path(shoeadvisor.report.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(("PySide6.QtWidgets", "shoeadvisor.gui")), path


def test_report_command_loads_no_widgets(tmp_path: Path) -> None:
    import sys

    profile = write_json(tmp_path / "p.json", RUNNER)
    code = (
        "import sys; from shoeadvisor.cli import main; "
        f"rc = main(['report', {str(profile)!r}, '-o', {str(tmp_path / 'o.pdf')!r}]); "
        "assert rc == 0; assert 'PySide6.QtWidgets' not in sys.modules, 'widgets loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_report_shows_the_version_2_profile_fields() -> None:
    html = build_report_html(
        advise(
            runner(
                schema_version=2,
                age=61,
                sex="male",
                injured_last_year=True,
                longest_run_30d_km=16,
                planned_longest_run_km=21.1,
                units="imperial",
            )
        )
    )
    assert "<b>Age</b></td><td>61" in html
    assert "<b>Sex</b></td><td>Male" in html  # the vocabulary's words, as on the form
    assert "past 12 months</b></td><td>Yes" in html
    assert "Longest run, past 30 days</b></td><td>9.9 mi" in html
    assert "Longest run planned</b></td><td>13.1 mi" in html
    assert "Sex</b>" not in build_report_html(advise(runner(schema_version=2, sex="unspecified")))


def test_report_shoes_show_surface_match_coverage_ties_and_the_store_checklist(
    qapp: Any,
) -> None:
    catalog = Path(__file__).parents[1] / "core" / "fixtures" / "realistic_catalog.json"
    from shoeadvisor.core.files import load_profile, load_shoes

    profile = load_profile(Path(__file__).parents[2] / "examples" / "example_runner.json")
    advice = advise(profile, load_shoes(catalog))
    text = squash(make_document(build_report_html(advice)).toPlainText())
    section = text[text.index("Shoes compared") : text.index("Risks for your knees")]
    assert "Try on first: Pacer Cushion Max 3, Steadfast GTS 22, Wideline Comfort 5 (2E)" in section
    assert "Shoes with the same tie number score within 3 points of each other" in section
    # Steadfast ties with two others (group 2): its row carries the tie, as the window's.
    assert (
        "Steadfast GTS 22 road shoe for your main surface 86/100 tie 2: 3 shoes 9 of 10" in section
    )
    assert "Check in the store: that it has no narrow fit" in section
    assert "Second pairs for your other surfaces" in section
    assert "Ridgeback Trail 7 trail shoe: a second pair for trails" in section
    assert "Lacks removable insole (essential for you)" in section
    # Nothing from a surface the runner never runs on, and no blank shoe, in the first rows.
    assert "Sprint Spike 9" not in section and "Mystery Trainer" not in section
    assert "more further down the list" in section


def test_the_report_names_the_tied_pairs_the_shortlist_has_no_room_for(qapp: Any) -> None:
    from shoeadvisor.core.files import load_shoes

    catalog = Path(__file__).parents[1] / "core" / "fixtures" / "realistic_catalog.json"
    everyday = RunnerProfile.model_validate_json(
        (catalog.parent / "everyday_runner.json").read_text()
    )
    advice = advise(everyday, load_shoes(catalog))
    text = squash(make_document(build_report_html(advice)).toPlainText())
    section = text[text.index("Shoes compared") : text.index("Risks for your knees")]
    assert (
        "★ Try on first: Tempo Daily 9, Featherlite Trainer, Guidepost 15, Northway Glide 16, "
        "Steadfast GTS 22. ☆ Just as good: Velocity Elite 3 and Wideline Comfort 5 (2E) are in "
        "tie 2 too, left out only because the list stops at 5 pairs" in section
    )
    # The rows carry the marks the note starts with.
    assert "★ Steadfast GTS 22 road shoe" in section
    assert "☆ Velocity Elite 3 road shoe" in section and "☆ Wideline Comfort 5 (2E)" in section
    assert "★ Pacer Cushion Max 3" not in section and "☆ Pacer Cushion Max 3" not in section
    # A report of chosen shoes marks the ties among those it shows.
    chosen = [s for s in advice.shoes if s.shoe.id != "tempo-daily-9"][:8]
    few = squash(make_document(build_report_html(advice, shoes=chosen)).toPlainText())
    assert "☆ Just as good: Wideline Comfort 5 (2E) is in tie 2 too" in few
