"""Panes that sit side by side when the window is wide, and one above the other when not.

A runner at 900 × 600 and one on a 4K screen see the same page: below the width where
every pane gets the room it needs side by side, the panes stack instead of squeezing
a list to "…" or a text to a word a line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

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
