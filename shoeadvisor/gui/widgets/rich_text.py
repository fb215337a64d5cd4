"""Core summaries as the small HTML subset Qt's rich-text labels and browsers draw."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from ..platform.theme import error_colour

if TYPE_CHECKING:
    from shoeadvisor.core.summaries import Line, Phrase


def phrase_html(phrase: Phrase) -> str:
    text = escape(phrase.text).replace("\n", "<br>")
    if phrase.tone == "lead":
        return f"<b>{text}</b>"
    if phrase.tone == "missing":
        return f"<span style='color:{error_colour()}'><b>{text}</b></span>"
    if phrase.tone == "note":
        return f"<i>{text}</i>"
    return text


def lines_html(lines: Sequence[Line], *, paragraphs: bool = False) -> str:
    """Lines joined by line breaks (or, with `paragraphs`, one paragraph each)."""
    rendered = ["".join(phrase_html(p) for p in line) for line in lines]
    if paragraphs:
        return "".join(f"<p>{line}</p>" for line in rendered)
    return "<br>".join(rendered)
