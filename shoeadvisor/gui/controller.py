"""The one place the window asks core/ for advice; every view listens to its signals."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    # core/ costs a few hundred milliseconds to import (pydantic models, the knowledge
    # files): the window paints first and loads it afterwards, see warm_up_in_background.
    from shoeadvisor.core.advice import Advice, ShoeScore
    from shoeadvisor.core.knowledge import Knowledge
    from shoeadvisor.core.profile import RunnerProfile
    from shoeadvisor.core.shoes import Shoe


class AdviceController(QObject):
    """Holds the current profile and the runner's shoes; re-advises on every change.

    Signals carry plain core values: views never compute advice themselves.
    """

    profileChanged = Signal(object)  # RunnerProfile | None
    shoesChanged = Signal(object)  # list[Shoe]
    adviceChanged = Signal(object)  # Advice | None

    def __init__(self, parent: QObject | None = None, kb: Knowledge | None = None) -> None:
        super().__init__(parent)
        self._kb = kb  # loaded on first use, so that creating the window stays cheap
        self._profile: RunnerProfile | None = None
        self._shoes: list[Shoe] = []
        self._advice: Advice | None = None
        self._catalog_scores: tuple[ShoeScore, ...] = ()

    @property
    def knowledge(self) -> Knowledge:
        if self._kb is None:
            from shoeadvisor.core.knowledge import knowledge

            self._kb = knowledge()
        return self._kb

    @staticmethod
    def warm_up_in_background() -> threading.Thread:
        """Import core/ and read the knowledge files off the UI thread, after the first paint."""

        def load() -> None:
            from shoeadvisor.core.knowledge import knowledge

            for module in ("shoeadvisor.core.advisor", "shoeadvisor.core.files"):
                importlib.import_module(module)
            knowledge()

        thread = threading.Thread(target=load, name="shoeadvisor-warm-up", daemon=True)
        thread.start()
        return thread

    @property
    def profile(self) -> RunnerProfile | None:
        return self._profile

    @property
    def shoes(self) -> list[Shoe]:
        """The runner's own shoes (may be empty)."""
        return list(self._shoes)

    @property
    def advice(self) -> Advice | None:
        """Advice for the current profile, scoring the runner's own shoes."""
        return self._advice

    @property
    def catalog_scores(self) -> tuple[ShoeScore, ...]:
        """The built-in archetypes scored for the current profile, best first."""
        return self._catalog_scores

    def set_profile(self, profile: RunnerProfile | None) -> None:
        if profile == self._profile:
            return
        self._profile = profile
        self.profileChanged.emit(profile)
        self._readvise()

    def set_shoes(self, shoes: Sequence[Shoe]) -> None:
        self._shoes = list(shoes)
        self.shoesChanged.emit(self.shoes)
        self._readvise()

    def _readvise(self) -> None:
        if self._profile is None:
            self._advice = None
            self._catalog_scores = ()
        else:
            from shoeadvisor.core.advisor import advise, score_shoes

            kb = self.knowledge
            self._advice = advise(self._profile, self._shoes, kb)
            self._catalog_scores = score_shoes(self._advice.features, kb.catalog, self._profile, kb)
        self.adviceChanged.emit(self._advice)
