"""Panes that sit side by side when the window is wide, and one above the other when not.

A runner at 900 × 600 and one on a 4K screen see the same page: below the width where
every pane gets the room it needs side by side, the panes stack instead of squeezing
a list to "…" or a text to a word a line. `PanesOrTabs` does the same with tabs, for
two views of one thing where stacking would leave each too short to read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStackedLayout, QTabWidget, QWidget

Horizontal = Qt.Orientation.Horizontal
Vertical = Qt.Orientation.Vertical


def qSmartMinSize(widget: QWidget) -> QSize:
    """A widget's minimum size as layouts see it: its minimum size, else its hint."""
    hint = widget.minimumSizeHint()
    least = widget.minimumSize()
    return QSize(least.width() or hint.width(), least.height() or hint.height())


def _weights(splitter: QSplitter) -> list[int]:
    """The panes' stretch factors (QSplitter keeps them in each pane's size policy)."""
    return [
        max(splitter.widget(i).sizePolicy().horizontalStretch(), 1) for i in range(splitter.count())
    ]


class AdaptiveSplitter(QSplitter):
    """A splitter that turns vertical below `side_by_side_from()` pixels of width.

    The sizes the runner dragged are kept per orientation, so going back and forth
    between a small and a large window gives each layout back as it was left.
    """

    def __init__(self, side_by_side_from: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(Horizontal, parent)
        self._side_by_side_from = side_by_side_from
        self._sizes: dict[Qt.Orientation, list[int]] = {}
        #: The runner's sizes were restored from the window settings.
        self.restored = False
        self.setChildrenCollapsible(False)

    def side_by_side_from(self) -> int:
        return self._side_by_side_from()

    def adapt(self, width: int | None = None) -> None:
        """Choose the orientation for a width (default: the current one)."""
        width = self.width() if width is None else width
        wanted = Horizontal if width >= self._side_by_side_from() else Vertical
        if wanted == self.orientation():
            return
        if sum(self.sizes()) > 0:
            self._sizes[self.orientation()] = self.sizes()
        self.setOrientation(wanted)
        sizes = self._sizes.get(wanted)
        if sizes is None:
            sizes = [weight * 1000 for weight in _weights(self)]
        self.setSizes(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.adapt(event.size().width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest pane: below the side-by-side width the panes stack.

        Never the panes' sum, which would make the window grow before it is laid out.
        """
        hint = super().minimumSizeHint()
        widest = max(
            (qSmartMinSize(self.widget(i)).width() for i in range(self.count())), default=0
        )
        return QSize(widest, hint.height())

    def restoreState(self, state: QByteArray | bytes) -> bool:
        """The saved sizes, in the orientation this width calls for."""
        restored = super().restoreState(state)
        self.restored = self.restored or restored
        self.adapt()
        return restored


class PanesOrTabs(QWidget):
    """Panes in a splitter when `side_by_side_from()` fits, otherwise as tabs.

    `add(widget, title)` adds a pane; the widgets move between the splitter and the
    tabs as the width (or, for a vertical splitter, the height) crosses the threshold,
    keeping their state.
    """

    def __init__(
        self,
        side_by_side_from: Callable[[], int],
        parent: QWidget | None = None,
        orientation: Qt.Orientation = Horizontal,
    ) -> None:
        super().__init__(parent)
        self._side_by_side_from = side_by_side_from
        self._panes: list[tuple[QWidget, str]] = []
        self._needs: list[Callable[[], int] | None] = []
        self.splitter = QSplitter(orientation)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.splitter)
        self._stack.addWidget(self.tabs)
        self._tabbed = False
        self._whole = QTimer(self)
        self._whole.setSingleShot(True)
        self._whole.setInterval(0)
        self._whole.timeout.connect(self.keep_whole)
        self.splitter.installEventFilter(self)

    def add(
        self,
        widget: QWidget,
        title: str,
        stretch: int = 1,
        needs: Callable[[], int] | None = None,
    ) -> None:
        """A pane; `needs()` is the width (height) it should have whole in the splitter."""
        self._panes.append((widget, title))
        self._needs.append(needs)
        if self._tabbed:
            self.tabs.addTab(widget, title)
        else:
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        widget.setProperty("paneStretch", stretch)

    @property
    def tabbed(self) -> bool:
        return self._tabbed

    def _length(self, size: QSize) -> int:
        return size.width() if self.splitter.orientation() == Horizontal else size.height()

    def adapt(self, width: int | None = None) -> None:
        """Splitter or tabs for a length along the splitter (default: the current one)."""
        width = self._length(self.size()) if width is None else width
        tabbed = width < self._side_by_side_from()
        if tabbed == self._tabbed:
            return
        self._tabbed = tabbed
        if tabbed:
            current = self.tabs.currentIndex()
            for widget, title in self._panes:
                self.tabs.addTab(widget, title)
            self.tabs.setCurrentIndex(max(current, 0))
            self._stack.setCurrentWidget(self.tabs)
        else:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for index, (widget, _title) in enumerate(self._panes):
                self.splitter.insertWidget(index, widget)
                self.splitter.setStretchFactor(index, int(widget.property("paneStretch") or 1))
                widget.show()
            self._stack.setCurrentWidget(self.splitter)
            self.keep_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.adapt(self._length(event.size()))
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._whole.start()  # once the splitter has shared out its new width
        return False

    def keep_whole(self) -> None:
        """Side by side, each pane gets the width it needs; what is left goes to the others."""
        if self._tabbed or self.splitter.count() != len(self._panes):
            return
        sizes = self.splitter.sizes()
        wanted = [need() if need is not None else 0 for need in self._needs]
        if all(size >= want for size, want in zip(sizes, wanted, strict=True)):
            return
        spare = sum(sizes) - sum(wanted)
        if spare < 0:
            return  # no room for them all: the next adapt() shows them as tabs
        # The rest goes to the panes that asked for no width of their own (the chart).
        weights = [
            weight if need is None or all(n is not None for n in self._needs) else 0
            for weight, need in zip(_weights(self.splitter), self._needs, strict=True)
        ]
        shares = [spare * weight // max(sum(weights), 1) for weight in weights]
        self.splitter.setSizes([want + share for want, share in zip(wanted, shares, strict=True)])

    def minimumSizeHint(self) -> QSize:
        """What the tabs need: the widest pane, the tallest, and the tab bar."""
        tabs = self.tabs.minimumSizeHint()
        widest = max((qSmartMinSize(w).width() for w, _ in self._panes), default=0)
        tallest = max((qSmartMinSize(w).height() for w, _ in self._panes), default=0)
        bar = self.tabs.tabBar().sizeHint()
        return QSize(max(widest, tabs.width(), bar.width()), tallest + bar.height())
