"""Colours that follow the runner's desktop theme, light or dark.

A colour we choose for text is picked for the window's palette, so red warnings,
muted notes and banners stay readable on a dark desktop; badges that carry their own
background (evidence grades, severities) keep both colours and read the same on any.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: (light theme, dark theme) colours by use.
_TEXT = {
    "error": ("#b71c1c", "#ff8a80"),
    "warning": ("#8a5a00", "#ffd180"),
    "link": ("#2d4b6d", "#9ecbff"),
    "marked": ("#8e0000", "#ff8a80"),
}
#: Banners: (background, text, border) on a light and on a dark theme.
_BANNERS = {
    "note": (("#fff4d6", "#3a2e00", "#e0c070"), ("#3d3310", "#ffe9a8", "#8a7430")),
    "read_only": (("#fff4ce", "#3d3000", "#e0b400"), ("#3d3310", "#ffe9a8", "#8a7430")),
    "danger": (("#b3261e", "#ffffff", "#b3261e"), ("#8c1d18", "#ffffff", "#d9534f")),
}


#: What a widget that draws colours of its own (inline HTML colours, style sheets, cached
#: brushes) defines to redraw them; the main window calls it on every such widget when the
#: palette changes (a switch between a light and a dark desktop theme).
FOLLOW_PALETTE = "follow_palette"


def redraw_in_new_palette() -> int:
    """Tell every widget with a `follow_palette()` that the palette changed; how many.

    The one place that reacts to a theme switch (gui/views/main_window.py calls it after
    QEvent.ApplicationPaletteChange or QStyleHints.colorSchemeChanged, once the widgets have
    their new palettes): widgets painted from the palette redraw by themselves, these
    redraw what they wrote in colours picked for the old one.

    First every style sheet is set again: a widget with one (and its children) keeps the
    palette it was polished with (Qt's style sheet style pins it), so the Knee page's
    words or the shoe editor's level buttons would stay dark on a dark window.
    """
    from PySide6.QtWidgets import QApplication

    widgets = QApplication.allWidgets()
    for widget in widgets:
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
    told = 0
    for widget in widgets:
        follow = getattr(widget, FOLLOW_PALETTE, None)
        if callable(follow):
            follow()
            told += 1
    return told


def palette_of(palette: QPalette | None = None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the window background is dark (a dark desktop theme)."""
    return palette_of(palette).color(QPalette.ColorRole.Window).lightness() < 128


def text_colour(use: str, palette: QPalette | None = None) -> str:
    """A text colour for `use` ("error", "warning", "link", "marked") on this palette."""
    light, dark = _TEXT[use]
    return dark if is_dark(palette) else light


def error_colour(palette: QPalette | None = None) -> str:
    """A red that stays readable on both light and dark window backgrounds."""
    return text_colour("error", palette)


def muted_colour(palette: QPalette | None = None) -> str:
    """Secondary text (evidence lines, notes): between the text and the background."""
    shown = palette_of(palette)
    text = shown.color(QPalette.ColorRole.WindowText)
    back = shown.color(QPalette.ColorRole.Window)
    # Two thirds of the way to the text colour keeps a contrast above 4.5:1 on both themes.
    mixed = QColor(
        round(back.red() + (text.red() - back.red()) * 0.72),
        round(back.green() + (text.green() - back.green()) * 0.72),
        round(back.blue() + (text.blue() - back.blue()) * 0.72),
    )
    return mixed.name()


def banner_colours(kind: str, palette: QPalette | None = None) -> tuple[str, str, str]:
    """(background, text, border) of a banner ("note", "read_only", "danger")."""
    light, dark = _BANNERS[kind]
    return dark if is_dark(palette) else light


def banner_style(selector: str, kind: str, palette: QPalette | None = None) -> str:
    """A style sheet giving `selector` (e.g. "QFrame#redFlagBanner") a banner's colours."""
    background, text, border = banner_colours(kind, palette)
    return (
        f"{selector} {{ background: {background}; border: 1px solid {border}; "
        f"border-radius: 6px; }} {selector} QLabel {{ color: {text}; background: transparent; "
        "border: none; }"
    )


def contrast(first: QColor | str, second: QColor | str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    a, b = sorted((luminance(QColor(first)), luminance(QColor(second))), reverse=True)
    return (a + 0.05) / (b + 0.05)
