"""The main window: menus, the welcome page and the tabbed pages. Thin by design."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .controller import AdviceController
from .settings import open_settings, read_bool, read_bytes, read_int, read_str
from .welcome import WelcomePage

if TYPE_CHECKING:
    from shoeadvisor.core.profile import RunnerProfile
    from shoeadvisor.storage import ProfileStore

    from .advice_page import AdvicePage, AdvicePresenter
    from .profile_actions import ProfileFileActions
    from .profile_session import ProfileSession
    from .profiles_panel import ProfilesPanel
    from .sources_dialog import SourcesDialog

NOT_MEDICAL_ADVICE = (
    "ShoeAdvisor is not medical advice and cannot diagnose anything. If pain is sharp, "
    "swollen, keeps you from running or does not settle with rest, see a doctor or "
    "physiotherapist."
)


class StandardKey(NamedTuple):
    """A platform shortcut by QKeySequence.StandardKey name, resolved when installed."""

    name: str


#: The size a first start opens at, when the screen has room for it.
PREFERRED_SIZE = (1440, 900)


def default_size() -> tuple[int, int]:
    """PREFERRED_SIZE, shrunk to 90% of the available screen when that is smaller."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    width, height = PREFERRED_SIZE
    if screen is None:
        return width, height
    area = screen.availableGeometry()
    if area.width() < 200 or area.height() < 200:  # offscreen platforms report tiny screens
        return width, height
    return min(width, int(area.width() * 0.9)), min(height, int(area.height() * 0.9))


class MainWindow(QMainWindow):
    """Menus, a first-run welcome page and a tab per page (Advice first; see add_page)."""

    def __init__(
        self,
        controller: AdviceController | None = None,
        settings: QSettings | None = None,
        *,
        remember: bool = True,
        defer_advice: bool = False,
    ) -> None:
        """`remember=False` neither reads nor writes settings (screenshots); `defer_advice`
        leaves the first advice for finish_startup(), so the window paints before core loads."""
        super().__init__()
        self.setWindowTitle("ShoeAdvisor")
        self.controller = controller or AdviceController(self)
        self.settings = (
            settings if settings is not None else (open_settings(self) if remember else None)
        )

        self.welcome = WelcomePage()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The Advice page is built when first needed: not before the welcome page paints.
        self._advice_page: AdvicePage | None = None
        self._lazy_views = defer_advice
        # Shown for the moment between the first paint and the restored profile's form.
        self.opening = QLabel("Opening your profile\u2026")
        self.opening.setObjectName("opening")
        self.opening.setStyleSheet("#opening { qproperty-alignment: AlignCenter; }")
        self._pending_profile: dict[str, object] | None = None
        self._restored_tab = 0
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.opening)
        self.setCentralWidget(self.stack)

        self.presenter: AdvicePresenter | None = None
        self._files: ProfileFileActions | None = None
        self.session: ProfileSession | None = None
        self.profiles_panel: ProfilesPanel | None = None
        self._shortcuts: list[tuple[QAction, StandardKey | str]] = []
        self._build_menus()
        if not defer_advice:
            self.install_shortcuts()

        self.welcome.newProfileRequested.connect(self.new_profile)
        self.welcome.exampleRequested.connect(self.try_example)
        self.controller.profileChanged.connect(self._remember_profile)
        self.resize(*default_size())
        self._restore_state(defer_advice)

    # ------------------------------------------------------------------ public API
    @property
    def advice_page(self) -> AdvicePage:
        """The Advice tab (form, features, risks), created on first use."""
        if self._advice_page is None:
            from .advice_page import AdvicePage, AdvicePresenter
            from .profile_actions import ProfileFileActions

            page = AdvicePage(lazy_views=self._lazy_views)
            self._advice_page = page
            self.tabs.insertTab(0, page, "&Advice")
            self.tabs.setCurrentIndex(0)
            self.presenter = AdvicePresenter(page, self.controller, self)
            self._files = ProfileFileActions(self, page.form)
            self._files.pathChanged.connect(self._update_title)
            page.viewsReady.connect(self._restore_splitters)
            if page.has_views():
                self._restore_splitters()
        return self._advice_page

    @property
    def files(self) -> ProfileFileActions:
        """File ▸ New/Open/Save for the Advice page's form."""
        self.advice_page  # noqa: B018 - creates the page and its file actions
        assert self._files is not None
        return self._files

    def save_profile(self) -> bool:
        """Ctrl+S: with saved profiles, save now (edits are saved anyway); else to a file."""
        if self.session is None:
            return self.files.save()
        result = self.form.revalidate()
        if result.profile is None:
            self.form.show_all_errors()
            self.statusBar().showMessage("Not saved: fix the marked fields first", 5000)
            return False
        self.session.autosave(result.profile)
        return not self.session.saved_state.startswith("Not saved")

    def save_profile_as(self) -> bool:
        return self.files.save_as()

    @property
    def form(self):  # type: ignore[no-untyped-def]  # ProfileForm
        return self.advice_page.form

    def add_page(self, title: str, widget: QWidget) -> int:
        """Add a page (Compare shoes, Knee, …) as a tab after Advice; returns its index."""
        return self.tabs.addTab(widget, title)

    def show_pages(self) -> None:
        """Leave the welcome page for the tabs (for good: the next start skips it)."""
        self.stack.setCurrentWidget(self.tabs)
        if self.settings is not None:
            self.settings.setValue("session/started", True)

    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.welcome

    def new_profile(self) -> None:
        self.show_pages()
        self.tabs.setCurrentWidget(self.advice_page)
        if self.session is not None:
            self.session.start_new()
        self.files.new_profile()

    def try_example(self) -> None:
        self.show_pages()
        self.tabs.setCurrentWidget(self.advice_page)
        if self.session is not None:
            self.session.start_new()
        self.files.try_example()

    def open_profile(self) -> None:
        """Open a profile file: with saved profiles, it is imported into them first."""
        if self.session is None:
            if self.files.open_profile():
                self.show_pages()
            return
        from pathlib import Path

        from shoeadvisor.core.files import InputFileError
        from shoeadvisor.storage import StorageError

        name, _ = QFileDialog.getOpenFileName(
            self, "Open or import a runner profile", "", "Runner profiles (*.json);;All files (*)"
        )
        if not name:
            return
        self.show_pages()
        try:
            self.session.import_file(Path(name))
        except (InputFileError, StorageError) as exc:
            QMessageBox.warning(self, "Cannot import this profile", str(exc))

    def show_profile(self, profile: RunnerProfile) -> None:
        """Fill the form with a profile (e.g. from --profile) and show its advice."""
        self.show_pages()
        self.files.show_profile(profile)

    def export_report(self) -> None:
        """File ▸ Export report…: a PDF (or print-out) to take to a shoe store."""
        from .report_dialog import export_report

        advice = self.controller.advice
        # Without shoes of their own, the report compares the built-in shoe types.
        shoes = None if advice is not None and advice.shoes else self.controller.catalog_scores
        export_report(self, advice, shoes)

    def attach_store(self, store: ProfileStore) -> None:
        """Saved profiles (a side panel, autosave, last profile reopened) and the pages that
        need them: Shoes (the runner's own, kept in the store) and Knee."""
        from PySide6.QtCore import Qt

        from .compare_view import CompareView, user_shoe_repository
        from .knee_view import KneeView
        from .profile_session import ProfileSession
        from .profiles_panel import ProfilesPanel, ReadOnlyBanner

        self.advice_page  # noqa: B018 - the form must exist before a profile is shown
        session = ProfileSession(store, self.controller, self._show_stored_profile, self)
        panel = ProfilesPanel(store)
        self.session, self.profiles_panel = session, panel
        dock = QDockWidget("My profiles", self)
        dock.setObjectName("profiles_dock")
        dock.setWidget(panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        # Docks take their width once the window is laid out: ask after this event.
        QTimer.singleShot(0, lambda: self.resizeDocks([dock], [200], Qt.Orientation.Horizontal))
        self.view_menu.addAction(dock.toggleViewAction())

        banner = ReadOnlyBanner(store)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(banner)
        column.addWidget(self.takeCentralWidget())
        self.setCentralWidget(central)
        self.read_only_banner = banner

        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Saved state")
        self.statusBar().addPermanentWidget(self.saved_label)
        session.savedStateChanged.connect(self.saved_label.setText)
        session.storeChanged.connect(panel.refresh)
        session.currentIdChanged.connect(lambda pid: pid and panel.select(pid))
        panel.currentProfileChanged.connect(self._open_stored)
        panel.profileActivated.connect(self._open_stored)
        panel.profilesChanged.connect(self._after_profiles_changed)
        banner.writableAgain.connect(panel.refresh)
        banner.writableAgain.connect(session.reload_current)

        self.compare_page = CompareView(self.controller, user_shoe_repository(store))
        self.knee_page = KneeView(self.controller)
        self.add_page("&Shoes", self.compare_page)
        self.add_page("&Knee", self.knee_page)
        if session.reopen_last():
            self.show_pages()

    def _open_stored(self, profile_id: str) -> None:
        if profile_id and self.session is not None:
            self.session.open(profile_id)

    def _show_stored_profile(self, profile: RunnerProfile) -> None:
        self.show_pages()
        self.files.set_path(None)
        self.files.show_profile(profile)

    def _after_profiles_changed(self) -> None:
        """A rename in the list changes the open profile's name: show it in the form."""
        session, profile = self.session, self.controller.profile
        if session is None or session.current_id is None or profile is None:
            return
        if self.profiles_panel is not None and self.profiles_panel.current_id() is None:
            if not session.store.list_profiles()[0]:
                self.new_profile()  # the last profile went to the trash
            return
        session.reload_if_renamed(profile.name)

    def show_sources(self) -> SourcesDialog:
        from PySide6.QtCore import Qt

        from .sources_dialog import SourcesDialog

        dialog = SourcesDialog(list(self.controller.knowledge.sources.values()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        from shoeadvisor import __version__

        QMessageBox.about(
            self,
            "About ShoeAdvisor",
            f"<h3>ShoeAdvisor {__version__}</h3>"
            "<p>Brand-neutral advice on which running-shoe features matter for you, "
            "and why. It works offline and keeps your profiles on this computer.</p>"
            "<p><b>Data sources:</b> the advice started from popular articles on running "
            "shoes and knee pain; each claim was then weighed against published studies and "
            "graded. Help \u25b8 Sources lists every article and study with its grade.</p>"
            f"<p><b>Not medical advice.</b> {NOT_MEDICAL_ADVICE}</p>",
        )

    def finish_startup(self) -> None:
        """After the first paint: the advice views and the first advice for a restored profile."""
        self.install_shortcuts()
        pending, self._pending_profile = self._pending_profile, None
        if self.stack.currentWidget() is self.opening:
            self.stack.setCurrentWidget(self.tabs)
        opened = self.session is not None and self.session.current_id is not None
        if pending is not None and not opened:
            self._restore_profile(pending)
        elif pending is not None:
            self.tabs.setCurrentIndex(min(self._restored_tab, self.tabs.count() - 1))
        if self._advice_page is not None:
            self._advice_page.ensure_views()
            self.form.revalidate()

    # ------------------------------------------------------------------ menus
    def _action(self, text: str, slot, shortcut: StandardKey | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        return action

    def install_shortcuts(self) -> None:
        """Give the menu actions their shortcuts (once).

        Deferred until after the first paint at start-up: the first QKeySequence makes
        PySide6 build its key enums, ~25 ms nobody can type within anyway.
        """
        pending, self._shortcuts = self._shortcuts, []
        for action, shortcut in pending:
            if isinstance(shortcut, StandardKey):
                action.setShortcut(QKeySequence(getattr(QKeySequence.StandardKey, shortcut.name)))
            else:
                action.setShortcut(QKeySequence(shortcut))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action("&New profile", self.new_profile, StandardKey("New"))
        self.open_action = self._action(
            "&Open or import\u2026", self.open_profile, StandardKey("Open")
        )
        self.save_action = self._action("&Save", self.save_profile, StandardKey("Save"))
        self.save_as_action = self._action(
            "E&xport profile\u2026", self.save_profile_as, StandardKey("SaveAs")
        )
        self.export_action = self._action(
            "&Export or print report\u2026", self.export_report, StandardKey("Print")
        )
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("&View")

        help_menu = self.menuBar().addMenu("&Help")
        self.sources_action = self._action("&Sources\u2026", self.show_sources)
        self.about_action = self._action("&About ShoeAdvisor", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.sources_action)
        help_menu.addAction(self.about_action)

    # ------------------------------------------------------------------ state
    def _update_title(self, path: str = "") -> None:
        profile = self.controller.profile
        parts = [profile.name] if profile else []
        if path:
            from pathlib import Path

            parts.append(Path(path).name)
        self.setWindowTitle(" \u2014 ".join([*parts, "ShoeAdvisor"]))

    def _remember_profile(self, profile: RunnerProfile | None) -> None:
        path = str(self._files.path or "") if self._files else ""
        self._update_title(path)
        if self.settings is not None and profile is not None:
            self.settings.setValue("session/profile", json.dumps(profile.to_json_dict()))
            self.settings.setValue("session/file", path)

    def _restore_state(self, defer_advice: bool) -> None:
        if self.settings is None:
            return
        geometry = read_bytes(self.settings, "window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not read_bool(self.settings, "session/started"):
            return  # first run: the welcome page
        self.show_pages()
        stored = read_str(self.settings, "session/profile")
        try:
            data = json.loads(stored) if stored else None
        except ValueError:
            data = None
        self._restored_tab = read_int(self.settings, "window/tab", 0)
        if not isinstance(data, dict):
            self.tabs.setCurrentIndex(self._restored_tab)
            return
        if defer_advice:
            # Paint the window first and build the form just after (finish_startup):
            # the form and Qt's enum namespace cost ~45 ms that the first paint need not wait for.
            self._pending_profile = data
            self.stack.setCurrentWidget(self.opening)
            return
        self._restore_profile(data)

    def _restore_profile(self, data: dict[str, object]) -> None:
        from . import form_logic

        self.form.set_values(form_logic.values_from_profile(data), emit=True)
        if self.settings is not None:
            path = read_str(self.settings, "session/file")
            if path:
                from pathlib import Path

                self.files.set_path(Path(path))
        self.tabs.setCurrentIndex(min(self._restored_tab, self.tabs.count() - 1))

    def _restore_splitters(self) -> None:
        if self.settings is None:
            return
        for key, splitter in self._splitters().items():
            state = read_bytes(self.settings, f"splitters/{key}")
            if not state.isEmpty():
                splitter.restoreState(state)

    def _splitters(self):  # type: ignore[no-untyped-def]
        page = self._advice_page
        if page is None or not page.has_views():
            return {}
        return {
            "advice": page.splitter,
            "advice_right": page.right_splitter,
            "features": page.features.splitter,
            "risks": page.risks.splitter,
        }

    def save_state(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("session/started", not self.showing_welcome())
        for key, splitter in self._splitters().items():
            self.settings.setValue(f"splitters/{key}", splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.session is not None:
            self.session.store.close()  # let another copy of the app write now
        super().closeEvent(event)
