"""What a runner would see cut off in a window: the checks of the size tests.

`layout_problems(widget)` walks every visible widget under `widget` and reports, in
words, each place where text or a control does not get the room it needs:

- a label, button, check box, radio button or tab whose text is wider than the width
  it was given (QFontMetrics.horizontalAdvance of the text, plus the style's margins),
  or a wrapped label given less height than its lines need;
- a combo box too narrow for the choice it shows (unless its tooltip holds it);
- a tool bar that hides actions behind its "»" extension button, a tab bar that
  needs scroll arrows;
- a header section narrower than its title (every item view);
- a cell whose text does not fit its column, unless its tooltip holds the full text
  ("elide only with a tooltip"); in the columns named in `must_fit` (feature names,
  risk names) no cell may be cut at all;
- a text pane (the "why" beside the lists) so narrow that it wraps a word or two a line;
- a scroll area whose content needs more width than it has (a form that scrolls
  sideways, or is cut when sideways scrolling is off);
- a widget that sticks out of its parent (its layout asked for more room than there
  is), outside scroll areas, whose content may be larger than the view by design;
- texts a widget paints itself (the knee drawing's captions), where it says where in
  `painted_texts()`: two that overlap, or one outside the widget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTabBar,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

#: The narrowest a text pane may be and still read as sentences (in average characters).
READABLE_CHARS = 28
#: Pixels of rounding a check lets pass.
SLACK = 1


def _name(widget: QWidget) -> str:
    text = ""
    for attribute in ("text", "title", "windowTitle"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                text = str(getter())
            except TypeError:
                continue
            if text:
                break
    label = widget.accessibleName() or widget.objectName() or text.replace("&", "")
    return f"{type(widget).__name__}({label[:40]!r})"


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _in_scroll_content(widget: QWidget, root: QWidget) -> bool:
    """Whether the widget sits inside a scroll area's viewport (it may be scrolled to)."""
    child: QWidget | None = widget
    parent = widget.parentWidget()
    while parent is not None and child is not root:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        child, parent = parent, grand
    return False


def _visible_rect(widget: QWidget) -> QRect:
    """The part of a widget its scroll area shows (its whole rect outside scroll areas)."""
    return widget.visibleRegion().boundingRect()


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _rich(text: str) -> bool:
    from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace

    return bool(GuiQt.mightBeRichText(text))


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed_height = label.heightForWidth(label.width())
        if needed_height > label.height() + SLACK:
            return f"{_name(label)} needs {needed_height}px of height, has {label.height()}"
        if label.textFormat() != Qt.TextFormat.RichText and not _rich(label.text()):
            metrics = QFontMetrics(label.font())
            longest = max((metrics.horizontalAdvance(w) for w in label.text().split()), default=0)
            if longest > room.width() + SLACK:
                return f"{_name(label)}: a word needs {longest}px, has {room.width()}"
        return None
    needed = label.minimumSizeHint().width() - (label.width() - room.width())
    if needed > room.width() + SLACK:
        return f"{_name(label)} needs {needed}px, has {room.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    needed = button.sizeHint().width()
    if isinstance(button, QPushButton | QToolButton):
        metrics = QFontMetrics(button.font())
        # Buttons ask for a minimum width beyond their text; only the text must fit.
        text = metrics.horizontalAdvance(_mnemonic_free(button.text()))
        needed = min(needed, text + 12)
    if needed > button.width() + SLACK:
        return f"{_name(button)} needs {needed}px, has {button.width()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text:
        return None
    metrics = QFontMetrics(combo.font())
    arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, combo)
    needed = metrics.horizontalAdvance(text) + arrow + 8
    if needed > combo.width() + SLACK and text not in combo.toolTip():
        return f"{_name(combo)} shows {text!r}: needs {needed}px, has {combo.width()}"
    return None


def _tab_bar_problems(bar: QTabBar) -> list[str]:
    found = []
    for arrow in bar.findChildren(QToolButton):
        if arrow.isVisible():
            found.append(f"{_name(bar)} needs scroll arrows: a tab is hidden")
            break
    metrics = QFontMetrics(bar.font())
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _mnemonic_free(bar.tabText(i))
        needed = metrics.horizontalAdvance(text)
        if needed > bar.tabRect(i).width() - 8 + SLACK:
            found.append(f"{_name(bar)}: tab {text!r} cut (needs {needed}px)")
    return found


def _header_problems(header: QHeaderView, owner: str) -> list[str]:
    if header.isHidden() or header.model() is None:
        return []
    found = []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = header.model().headerData(section, header.orientation())
        if not isinstance(text, str) or not text:
            continue
        font = header.model().headerData(section, header.orientation(), Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else header.font())
        lines = text.split("\n")
        if horizontal:
            needed = max(metrics.horizontalAdvance(line) for line in lines)
            given = header.sectionSize(section)
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            given -= 2 * margin
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                given -= header.style().pixelMetric(
                    QStyle.PixelMetric.PM_HeaderMarkSize, None, header
                )
            tall = metrics.lineSpacing() * len(lines)
            if tall > header.height() + SLACK:
                found.append(f"{owner}: header {text!r} needs {tall}px of height")
        else:
            needed = max(metrics.horizontalAdvance(line) for line in lines)
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            given = header.width() - 2 * margin
        if needed > given + SLACK:
            tip = header.model().headerData(
                section, header.orientation(), Qt.ItemDataRole.ToolTipRole
            )
            if isinstance(tip, str) and " ".join(lines) in tip.replace("\n", " "):
                continue  # cut, with the whole title in its tooltip
            found.append(f"{owner}: header {text!r} needs {needed}px, has {given}")
    return found


def _indexes(view: QAbstractItemView, parent: QModelIndex) -> Iterable[QModelIndex]:
    model = view.model()
    for row in range(model.rowCount(parent)):
        first = model.index(row, 0, parent)
        if isinstance(view, QTreeView) and view.isRowHidden(row, parent):
            continue
        for column in range(model.columnCount(parent)):
            yield model.index(row, column, parent)
        if isinstance(view, QTreeView) and view.isExpanded(first):
            yield from _indexes(view, first)


def _cell_problems(view: QAbstractItemView, must_fit: Sequence[int]) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found: dict[int, str] = {}  # one example per column is enough to read
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    horizontal = getattr(view, "horizontalHeader", None)
    header = horizontal() if callable(horizontal) else getattr(view, "header", lambda: None)()
    for index in _indexes(view, QModelIndex()):
        if header is not None and header.isSectionHidden(index.column()):
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + margin
        given = view.visualRect(index).width()
        if given <= 0:  # a row scrolled out of view: ask of the column what it gives
            given = header.sectionSize(index.column()) if header is not None else 0
        if needed <= given + SLACK:
            continue
        if isinstance(view, QTableView) and view.wordWrap():
            lines = metrics.boundingRect(
                QRect(0, 0, max(given - margin, 1), 100000), Qt.TextFlag.TextWordWrap, text
            )
            if lines.height() <= view.visualRect(index).height() + SLACK:
                continue
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        where = f"{_name(view)} row {index.row()} column {index.column()}"
        if index.column() in must_fit:
            found.setdefault(
                index.column(), f"{where}: {text!r} cut (needs {needed}px, has {given})"
            )
        elif not isinstance(tip, str) or text.replace("\n", " ") not in tip.replace("\n", " "):
            found.setdefault(index.column(), f"{where}: {text!r} cut without a tooltip holding it")
    return list(found.values())


def painted_text_problems(widget: QWidget) -> list[str]:
    """Painted texts that run into each other or out of the widget (`painted_texts()`)."""
    texts = widget.painted_texts()  # type: ignore[attr-defined]
    found = []
    bounds = QRectF(widget.rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
    for i, (text, rect) in enumerate(texts):
        if not bounds.contains(rect):
            found.append(f"{_name(widget)}: painted {text!r} is outside the widget")
        for other, other_rect in texts[i + 1 :]:
            if rect.intersects(other_rect):
                found.append(f"{_name(widget)}: painted {text!r} overlaps {other!r}")
    return found


def _sticks_out(widget: QWidget, root: QWidget) -> str | None:
    parent = widget.parentWidget()
    if parent is None or widget is root or widget.isWindow():
        return None
    if _in_scroll_content(widget, root):
        return None
    if isinstance(parent, QAbstractScrollArea) and widget is not parent.viewport():
        return None  # scroll bars, corner widgets: the area places them itself
    if isinstance(parent, QMainWindow | QToolBar | QTabBar | QHeaderView):
        return None
    inner = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if not inner.contains(widget.geometry()):
        return (
            f"{_name(widget)} at {widget.geometry().getRect()} sticks out of "
            f"{_name(parent)} {parent.width()}×{parent.height()}"
        )
    return None


def layout_problems(
    root: QWidget, must_fit: Mapping[QAbstractItemView, Sequence[int]] | None = None
) -> list[str]:
    """Everything cut, hidden or squeezed under `root`, in words (empty when all fits)."""
    must_fit = must_fit or {}
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not _shown(widget, root) or (widget.isWindow() and widget is not root):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QPushButton | QToolButton | QCheckBox | QRadioButton):
            if widget.objectName() != "qt_toolbar_ext_button" and not isinstance(
                widget.parentWidget(), QTabBar
            ):
                problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QToolBar):
            extension = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                problem = f"{_name(widget)} hides actions behind its » button"
        elif isinstance(widget, QTabBar):
            found.extend(_tab_bar_problems(widget))
        elif isinstance(widget, QTextBrowser | QTextEdit):
            metrics = QFontMetrics(widget.font())
            readable = READABLE_CHARS * metrics.averageCharWidth()
            if widget.viewport().width() < readable:
                problem = (
                    f"{_name(widget)} is {widget.viewport().width()}px wide: "
                    f"it would wrap a word or two a line (needs {readable})"
                )
        elif isinstance(widget, QScrollArea) and widget.widget() is not None:
            content, viewport = widget.widget(), widget.viewport()
            if content.minimumSizeHint().width() > viewport.width() + SLACK:
                problem = (
                    f"{_name(widget)} scrolls sideways: its content needs "
                    f"{content.minimumSizeHint().width()}px, the view is {viewport.width()}"
                )
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            for header_of in ("horizontalHeader", "verticalHeader", "header"):
                getter = getattr(widget, header_of, None)
                if callable(getter):
                    found.extend(_header_problems(getter(), _name(widget)))
            found.extend(_cell_problems(widget, must_fit.get(widget, ())))
        if callable(getattr(widget, "painted_texts", None)):
            found.extend(painted_text_problems(widget))
        if problem:
            found.append(problem)
        out = _sticks_out(widget, root)
        if out:
            found.append(out)
    return found
