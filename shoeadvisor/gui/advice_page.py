"""The "Advice" tab: the profile form on the left, features and risks on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from .profile_form import ProfileForm, error_colour

if TYPE_CHECKING:
    from shoeadvisor.core.advice import Advice

    from .controller import AdviceController
    from .features_view import FeaturesView
    from .form_logic import FormResult
    from .risks_view import RisksView

START_TEXT = "Fill in the fields marked * on the left: the advice appears here as soon as they are."


class AdvicePage(QWidget):
    """Lays out the form, a status line, the features view and the risks view.

    With `lazy_views` the two advice views are built by ensure_views() (after the first
    paint at start-up: there is no advice to show before core/ has loaded anyway).
    """

    viewsReady = Signal()

    def __init__(self, parent: QWidget | None = None, *, lazy_views: bool = False) -> None:
        super().__init__(parent)
        self.form = ProfileForm()
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
        self._features: FeaturesView | None = None
        self._risks: RisksView | None = None
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self._placeholder: QLabel | None = QLabel("Preparing your advice\u2026")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_splitter.addWidget(self._placeholder)
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
        if not lazy_views:
            self.ensure_views()

    def has_views(self) -> bool:
        return self._features is not None

    def ensure_views(self) -> None:
        """Build the features and risks views (once)."""
        if self._features is not None:
            return
        from .features_view import FeaturesView
        from .risks_view import RisksView

        self._features = FeaturesView()
        self._risks = RisksView()
        if self._placeholder is not None:
            self._placeholder.hide()
            self._placeholder.deleteLater()
            self._placeholder = None
        self.right_splitter.addWidget(self._features)
        self.right_splitter.addWidget(self._risks)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.viewsReady.emit()

    @property
    def features(self) -> FeaturesView:
        self.ensure_views()
        assert self._features is not None
        return self._features

    @property
    def risks(self) -> RisksView:
        self.ensure_views()
        assert self._risks is not None
        return self._risks

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
