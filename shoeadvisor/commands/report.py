"""`shoeadvisor report PROFILE.json [--shoes SHOES.json] -o OUT.pdf [--page-size A4|Letter]`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from shoeadvisor.core.files import InputFileError

from .terminal import say


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "report",
        help="write a PDF report for a runner profile",
        description=(
            "Write the report to take to a shop or a clinician: profile, shoe checklist, "
            "compared shoes, risks, knee plan, prevention checklist and sources."
        ),
    )
    parser.add_argument(
        "profile", metavar="PROFILE.json", help="a runner profile (its format: docs/formats.md)"
    )
    parser.add_argument(
        "--shoes", metavar="SHOES.json", help="shoes to compare (default: the built-in archetypes)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.pdf", required=True, help="the PDF file to write"
    )
    parser.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        default=None,
        help="paper size (default: Letter in US, CA, MX and PH locales, else A4)",
    )
    parser.set_defaults(handler=run)


def _refuse_an_input(output: Path, inputs: list[Path]) -> None:
    """`report p.json -o p.json` must never replace the profile with a PDF."""
    if not os.path.lexists(output):
        return
    for source in inputs:
        try:
            same = os.path.samefile(output, source)
        except OSError:
            same = False
        if same or output.absolute() == source.absolute():
            raise InputFileError(
                output, f"is one of the input files ({source}); give another name for the PDF"
            )


def run(args: argparse.Namespace) -> int:
    # Qt and the knowledge base load only when a report is really asked for.
    from shoeadvisor.core.advisor import advise
    from shoeadvisor.core.files import load_profile, load_shoes
    from shoeadvisor.report import ReportError, build_report_html, default_page_size, write_pdf

    output = Path(args.output)
    _refuse_an_input(output, [Path(p) for p in (args.profile, args.shoes) if p])
    profile = load_profile(args.profile)
    shoes = load_shoes(args.shoes) if args.shoes else None
    page_size = args.page_size or default_page_size()
    html = build_report_html(advise(profile, shoes))
    try:
        pages = write_pdf(html, output, page_size)
    except ReportError as exc:
        raise InputFileError(output, str(exc).removeprefix(f"{output}: ")) from None
    say(f"wrote {output} ({pages} pages, {page_size})")
    return 0
