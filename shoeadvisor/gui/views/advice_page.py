"""The "Advice" tab: the profile form on the left, features and risks on the right.

The form scrolls; the lists beside it keep their columns whole. In a narrow window
each list's explanation goes below it, and below the width where form and advice fit
side by side at all, the advice goes below the form.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QStyle, QVBoxLayout, QWidget

from shoeadvisor.core.summaries import START_TEXT, advice_status, waiting_text

from ..platform.theme import error_colour
from ..session import Change
from ..widgets.adaptive import AdaptiveSplitter
from .features_view import FeaturesView
from .profile_form import ProfileForm
from .risks_view import RisksView

if TYPE_CHECKING:
    from ..session import RunnerSession


class AdvicePage(QWidget):
    """Lays out the form, a status line, the features view and the risks view."""

    def __init__(self, session: RunnerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.form = ProfileForm(session)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll

        self.status = QLabel(START_TEXT)
        self.status.setObjectName("advice_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Advice status")
        self.features = FeaturesView()
        self.risks = RisksView()
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.features)
        self.right_splitter.addWidget(self.risks)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setSizes([480, 320])  # the features first, the risks below
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.right_splitter, 1)
        self._right = right

        self.splitter = AdaptiveSplitter(self._side_by_side_from)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        # A wider window widens the form too (a third of the gain), until its labels fit
        # beside their fields; the advice gets the rest.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self._fit_form()
        self._first_sized = False

        session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

    def _fit_form(self) -> None:
        """The form's column never narrower than its fields, nor cut at the side."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + bar + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._first_sized and self.isVisible():
            self._first_sized = True
            self._first_sizes(event.size().width())

    def _first_sizes(self, width: int) -> None:
        """On a first start, the form as wide as it needs for labels beside their fields,
        if that leaves the advice its room; what the runner dragged last time otherwise."""
        if self.splitter.restored or self.splitter.orientation() != Qt.Orientation.Horizontal:
            return
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        wanted = self.form.side_by_side_width() + bar + 4
        room = width - self._right.minimumSizeHint().width() - self.splitter.handleWidth()
        form = max(self.form_scroll.minimumWidth(), min(wanted, room, int(width * 0.4)))
        self.splitter.setSizes([form, max(width - form, 1)])

    def _side_by_side_from(self) -> int:
        return (
            self.form_scroll.minimumWidth()
            + self._right.minimumSizeHint().width()
            + self.splitter.handleWidth()
        )

    def splitters(self) -> dict[str, QSplitter]:
        """The page's splitters by the name the window settings keep them under."""
        return {
            "advice": self.splitter,
            "advice_right": self.right_splitter,
            "features": self.features.splitter,
            "risks": self.risks.splitter,
        }

    def _redraw(self, change: Change) -> None:
        session = self._session
        if not change & (Change.ADVICE | Change.DRAFT):
            return
        features = session.features
        if features is None:
            missing = self.form.in_form_order(session.problems)
            for view, subject in (
                (self.features, "the shoe features that matter for you"),
                (self.risks, "the risks of how you run"),
            ):
                view.show_waiting(f"<p>{escape(waiting_text(subject, missing))}</p>")
        elif change & Change.ADVICE:
            sources = session.source_names
            self.features.set_features(features, sources)
            self.risks.set_risks(session.risks or (), sources)
        name = session.shown_name if not session.problems else None
        text, problem = advice_status(name, len(session.problems), features is not None)
        self.show_status(text, problem, bold=name)

    def show_status(self, text: str, problem: bool = False, bold: str | None = None) -> None:
        self._status = (text, problem, bold)
        shown = escape(text)
        if bold:
            shown = shown.replace(escape(bold), f"<b>{escape(bold)}</b>", 1)
        if problem:
            shown = f"<span style='color:{error_colour(self.palette())}'>{shown}</span>"
        self.status.setText(shown)

    def follow_palette(self) -> None:
        """The status line's red, in the new theme's (platform/theme.py)."""
        status = getattr(self, "_status", None)
        if status is not None:
            self.show_status(*status)
