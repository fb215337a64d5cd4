"""The "Advice" tab: the profile form on the left, features and risks on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from .features_view import FeaturesView
from .profile_form import ProfileForm, error_colour
from .risks_view import RisksView

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice

    from .controller import AdviceController
    from .form_logic import FormResult

START_TEXT = "Fill in the fields marked * on the left: the advice appears here as soon as they are."


class AdvicePage(QWidget):
    """Lays out the form, a status line, the features view and the risks view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ProfileForm()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(440)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll

        self.status = QLabel(START_TEXT)
        self.status.setObjectName("advice_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Advice status")
        self.features = FeaturesView()
        self.risks = RisksView()
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.features)
        right_split.addWidget(self.risks)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        self.right_splitter = right_split
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(right_split)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

    def show_status(self, text: str, problem: bool = False) -> None:
        if problem:
            colour = error_colour(self.palette())
            self.status.setText(f"<span style='color:{colour}'>{text}</span>")
        else:
            self.status.setText(text)


class AdvicePresenter(QObject):
    """Wires the Advice page to the controller: form edits in, advice out."""

    def __init__(self, page: AdvicePage, controller: AdviceController, parent: QObject) -> None:
        super().__init__(parent)
        self.page = page
        self.controller = controller
        page.form.edited.connect(self.on_form_edited)
        controller.adviceChanged.connect(self.on_advice)

    def on_form_edited(self, result: FormResult) -> None:
        if result.profile is not None:
            self.controller.set_profile(result.profile)
        self._update_status(result)

    def on_advice(self, advice: Advice | None) -> None:
        sources = self.controller.knowledge.sources
        self.page.features.set_features(advice.features if advice else (), sources)
        self.page.risks.set_risks(advice.risks if advice else (), sources)

    def _update_status(self, result: FormResult) -> None:
        if result.profile is not None:
            self.page.show_status(
                f"Advice for <b>{_html(result.profile.name)}</b>. "
                "Select a feature or a risk to see why."
            )
        elif self.controller.advice is not None:
            count = len(result.errors)
            self.page.show_status(
                f"\u26a0 {count} field{'s' if count > 1 else ''} need{'' if count > 1 else 's'} "
                "fixing (see the messages on the left). Showing the advice for your last "
                "complete profile.",
                problem=True,
            )
        else:
            self.page.show_status(START_TEXT)


def _html(text: str) -> str:
    from html import escape

    return escape(text)
