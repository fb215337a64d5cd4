"""The "Advice" tab: the profile form on the left, features and risks on the right."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from shoeadvisor.core.summaries import START_TEXT, advice_status

from ..session import Change
from .features_view import FeaturesView
from .profile_form import ProfileForm, error_colour
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
        scroll.setMinimumWidth(400)
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
        right_layout.addWidget(self.right_splitter)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        session.changed.connect(self._redraw)
        self._redraw(Change.ALL)

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
        if change & Change.ADVICE:
            advice = session.advice
            sources = session.knowledge.sources if advice is not None else {}
            self.features.set_features(advice.features if advice else (), sources)
            self.risks.set_risks(advice.risks if advice else (), sources)
        if change & (Change.DRAFT | Change.ADVICE):
            profile = session.profile
            name = profile.name if profile is not None and not session.problems else None
            text, problem = advice_status(name, len(session.problems), session.advice is not None)
            self.show_status(text, problem, bold=name)

    def show_status(self, text: str, problem: bool = False, bold: str | None = None) -> None:
        shown = escape(text)
        if bold:
            shown = shown.replace(escape(bold), f"<b>{escape(bold)}</b>", 1)
        if problem:
            shown = f"<span style='color:{error_colour(self.palette())}'>{shown}</span>"
        self.status.setText(shown)
