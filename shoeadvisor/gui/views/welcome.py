"""The first-run page: what ShoeAdvisor does, in two lines, and two ways to start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Lays out the welcome text and the "New profile" / "Try an example runner" buttons."""

    newProfileRequested = Signal()
    exampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Centred with HTML rather than Qt.AlignmentFlag: the first use of the Qt namespace
        # costs ~20 ms in PySide6, which this page would add to every first paint.
        title = QLabel("<h1 align='center'>Welcome to ShoeAdvisor</h1>")
        lines = QLabel(
            "<p align='center' style='font-size:13pt;'>Describe how you run: your feet, "
            "weight, surfaces and seasons.<br/>ShoeAdvisor ranks the shoe features that "
            "matter for you, explains why with the evidence, and flags risks to watch.</p>"
        )
        lines.setWordWrap(True)
        self.new_button = QPushButton("New &profile")  # Alt+N: the profile list's New
        self.new_button.setDefault(True)
        self.new_button.setAccessibleDescription("Start with an empty profile form")
        self.example_button = QPushButton("Try an &example runner")
        self.example_button.setAccessibleDescription("Fill the form with a sample runner")
        for button in (self.new_button, self.example_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(200)
        note = QLabel(
            "<p align='center'><small>Everything stays on this computer. "
            "ShoeAdvisor is not medical advice.</small></p>"
        )

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.example_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(lines)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        layout.addWidget(note)
        layout.addStretch(3)

        self.new_button.clicked.connect(self.newProfileRequested)
        self.example_button.clicked.connect(self.exampleRequested)
