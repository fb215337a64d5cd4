"""The main window: menus, the welcome page, the saved profiles and the tabbed pages.

Layout and wiring only: every menu item is an action given the window's context, and
what the window shows (welcome or pages, title, saved state) is drawn from the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..actions import app_actions, profile_actions, run_actions
from ..actions.context import run
from ..session import Change

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QDockWidget

    from ..actions.context import ActionContext
    from ..settings import WindowSettings
    from ..widgets.import_status import ImportStatus
    from ..widgets.status_notice import StatusNotice
    from ..widgets.written_notice import WrittenNotice
    from .advice_page import AdvicePage
    from .compare_view import CompareView
    from .knee_view import KneeView
    from .profiles_panel import ProfilesPanel, ReadOnlyBanner
    from .runs_page import RunsPage
    from .welcome import WelcomePage


class StandardKey(NamedTuple):
    """A platform shortcut by QKeySequence.StandardKey name, resolved when installed."""

    name: str


#: The size a first start opens at, when the screen has room for it.
PREFERRED_SIZE = (1440, 900)
#: The profiles list's width on a first start.
DOCK_WIDTH = 200


def default_size() -> tuple[int, int]:
    """PREFERRED_SIZE, shrunk to 90% of the available screen when that is smaller."""
    screen = QGuiApplication.primaryScreen()
    width, height = PREFERRED_SIZE
    if screen is None:
        return width, height
    area = screen.availableGeometry()
    if area.width() < 200 or area.height() < 200:  # offscreen platforms report tiny screens
        return width, height
    return min(width, int(area.width() * 0.9)), min(height, int(area.height() * 0.9))


class MainWindow(QMainWindow):
    """Menus, a welcome page, the profiles list and a tab per page (Advice, Shoes, Knee, Runs).

    Run files, folders and export zips dropped on the window are imported.

    Built before the first paint with only the welcome page (or an "opening" line), or,
    when the session has a kept view of the last start (`RunnerSession.show_kept`), whole:
    the profiles list and the pages drawn from it. `finish_startup()` then opens the
    session for real and builds what is still missing.
    """

    def __init__(self, context: ActionContext, settings: WindowSettings) -> None:
        super().__init__()
        self.setWindowTitle("ShoeAdvisor")
        self.context = context
        context.parent = self
        context.settings = settings
        self.session = context.session
        self.settings = settings
        self.written_notice: WrittenNotice | None = None
        self._first_focus: QWidget | None = None  # given focus once the window shows

        # The welcome page and the "Opening…" line are built when first shown: a start
        # that paints its restored profile at once shows neither.
        self._welcome: WelcomePage | None = None
        self._opening: QLabel | None = None
        self._notice: StatusNotice | None = None
        self.import_status: ImportStatus | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        self.advice_page: AdvicePage | None = None
        self._holders: dict[str, QWidget] = {}
        self.profiles_panel: ProfilesPanel | None = None
        self.profiles_dock: QDockWidget | None = None
        self.read_only_banner: ReadOnlyBanner | None = None
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Saved state")
        self._shortcuts: list[tuple[QAction, StandardKey | str]] = []
        self._build_menus()

        self.setAcceptDrops(True)
        self.session.changed.connect(self._redraw)
        self._palette_pending = False
        scheme_changed = getattr(QGuiApplication.styleHints(), "colorSchemeChanged", None)
        if scheme_changed is not None:  # the desktop's light/dark switch (Qt 6.5+)
            scheme_changed.connect(self._palette_changed)
        self.resize(*default_size())
        geometry = settings.read_bytes("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if settings.read_bool("window/pages"):
            # The docks as the runner left them (restored before the first show, so the
            # saved widths hold), and the restored profile if the session kept its view.
            self._build_frame()
            if not self.session.show_kept():  # shown, it has drawn the pages already
                self.stack.setCurrentWidget(self.opening)
        else:
            self.stack.setCurrentWidget(self.welcome)

    @property
    def welcome(self) -> WelcomePage:
        """The first-run page (built the first time it is shown)."""
        if self._welcome is None:
            from .welcome import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.newProfileRequested.connect(self.new_profile)
            self._welcome.exampleRequested.connect(self.try_example)
            self.stack.addWidget(self._welcome)
        return self._welcome

    @property
    def opening(self) -> QLabel:
        """Shown between the first paint and the restored profile (when none was kept)."""
        if self._opening is None:
            self._opening = QLabel("<p align='center'>Opening your profile\u2026</p>")
            self.stack.addWidget(self._opening)
        return self._opening

    @property
    def notice(self) -> StatusNotice:
        """The status bar's notices (built when the first is told)."""
        if self._notice is None:
            from ..widgets.status_notice import StatusNotice

            self._notice = StatusNotice()
            at = 0 if self.import_status is None else 1
            self.statusBar().insertWidget(at, self._notice, 1)
        return self._notice

    # ------------------------------------------------------------------ start-up
    def finish_startup(self) -> None:
        """After the first paint: the profiles list, the session's profile, then shortcuts."""
        from PySide6.QtCore import QTimer

        if self.profiles_panel is None:
            self._build_frame()
        self.session.start()
        if self.settings.problem:
            self.notice.tell(f"The window starts with its default layout: {self.settings.problem}.")
        self._tell_notices()
        # After the paint that shows the profile (its update is already queued): nobody
        # types a shortcut within the first frames, and the key enums cost ~12 ms.
        QTimer.singleShot(0, self.install_shortcuts)

    def _build_frame(self) -> None:
        """The profiles dock, the read-only banner and the saved state in the status bar."""
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import QDockWidget, QVBoxLayout

        from .profiles_panel import ProfilesPanel, ReadOnlyBanner

        panel = ProfilesPanel(self.context)
        dock = QDockWidget("My profiles", self)
        dock.setObjectName("profiles_dock")
        dock.setWidget(panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        self.profiles_panel, self.profiles_dock = panel, dock

        banner = ReadOnlyBanner(self.session)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(banner)
        column.addWidget(self.takeCentralWidget())
        self.setCentralWidget(central)
        self.read_only_banner = banner
        from ..widgets.import_status import ImportStatus

        self.import_status = ImportStatus(self.session)  # hidden until runs are imported
        self.statusBar().addWidget(self.import_status)
        self.statusBar().addPermanentWidget(self.saved_label)

        state = self.settings.read_bytes("window/state")
        if state.isEmpty() or not self.restoreState(state):
            # Docks take their width once the window is laid out: ask after this event.
            # A small window gives its pages the room: the list no wider than a sixth of it.
            QTimer.singleShot(
                0,
                lambda: self.resizeDocks(
                    [dock], [min(DOCK_WIDTH, self.width() // 6)], Qt.Orientation.Horizontal
                ),
            )

    def _build_pages(self) -> None:
        """Advice, with its splitters as the runner left them; Shoes and Knee when first shown."""
        if self.advice_page is not None:
            return
        from .advice_page import AdvicePage

        self.advice_page = AdvicePage(self.session)
        self.tabs.addTab(self.advice_page, "&Advice")
        for name, title in (("shoes", "&Shoes"), ("knee", "&Knee"), ("runs", "&Runs")):
            # An empty holder until the tab is first chosen: the runner waits for the
            # Advice page only, not for pages they have not opened yet.
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[name] = holder
            self.tabs.addTab(holder, title)
        for key, splitter in self.advice_page.splitters().items():
            self.settings.restore_splitter(key, splitter)
        self.tabs.currentChanged.connect(self._fill_tab)
        tab = self.settings.read_int("window/tab", 0)
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else 0)
        if self.profiles_panel is not None:
            # The keyboard starts on the open profile in the list (arrows change runner,
            # F2 renames), whether the pages came before the first paint or after it.
            self._first_focus = self.profiles_panel.list_view
            self._first_focus.setFocus()

    def _fill_tab(self, index: int) -> None:
        for name, holder in self._holders.items():
            if self.tabs.widget(index) is holder:
                self._page(name)

    def _page(self, name: str) -> QWidget:
        """The Shoes, Knee or Runs page in its tab, built the first time it is asked for."""
        self._build_pages()
        holder = self._holders[name]
        layout = holder.layout()
        if layout.count() == 0:
            page: QWidget
            if name == "shoes":
                from .compare_view import CompareView

                page = CompareView(self.context)
            elif name == "knee":
                from .knee_view import KneeView

                page = KneeView(self.session)
            else:
                from .runs_page import RunsPage

                page = RunsPage(self.context)
            layout.addWidget(page)
        return layout.itemAt(0).widget()

    @property
    def compare_page(self) -> CompareView:
        """The Shoes page (built on first use)."""
        return self._page("shoes")  # type: ignore[return-value]

    @property
    def knee_page(self) -> KneeView:
        """The Knee page (built on first use)."""
        return self._page("knee")  # type: ignore[return-value]

    @property
    def runs_page(self) -> RunsPage:
        """The Runs page (built on first use)."""
        return self._page("runs")  # type: ignore[return-value]

    def show_runs_page(self) -> RunsPage:
        self._build_pages()
        self.stack.setCurrentWidget(self.tabs)
        page = self.runs_page
        self.tabs.setCurrentWidget(self._holders["runs"])
        return page

    # ------------------------------------------------------------------ drawing
    def _redraw(self, change: Change) -> None:
        session = self.session
        if change & Change.SAVE_STATE:
            self.saved_label.setText(session.save_state.text)
        if change & (Change.CURRENT | Change.LOCK | Change.IMPORT | Change.SAVE_STATE):
            self._draw_import_actions()
        state = session.import_state
        if change & Change.IMPORT and not state.running and state.summary:
            broken = f" — broken: {len(state.broken)}, see the Runs page" if state.broken else ""
            self.statusBar().showMessage(f"Runs imported: {state.summary}{broken}", 20_000)
        if not (session.started or session.showing_kept):
            return
        self._tell_notices()
        if session.is_open:
            self._build_pages()
            if self.stack.currentWidget() is not self.tabs:
                self.stack.setCurrentWidget(self.tabs)
        else:
            self.stack.setCurrentWidget(self.welcome)
        if change & (Change.PROFILE | Change.DRAFT | Change.CURRENT):
            name = session.shown_name
            parts = [name] if name is not None else []
            self.setWindowTitle(" \u2014 ".join([*parts, "ShoeAdvisor"]))

    def _tell_notices(self) -> None:
        """What the store says about the files it read, once (the session passes it on)."""
        log = self.session.run_log_notice if self.profiles_panel is not None else None
        if log:
            self.notice.tell(f"Your runs: {log}.")

    # ------------------------------------------------------------------ theme
    def changeEvent(self, event: QEvent) -> None:
        """A new palette (a light or dark desktop theme): text drawn in colours of its own
        is redrawn everywhere at once, not at its next redraw (platform/theme.py)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._palette_changed()

    def _palette_changed(self, *_args: object) -> None:
        if not self._palette_pending:  # once per switch, after every widget has its palette
            from PySide6.QtCore import QTimer

            self._palette_pending = True
            QTimer.singleShot(0, self._follow_palette)

    def _follow_palette(self) -> None:
        from ..platform.theme import redraw_in_new_palette

        self._palette_pending = False
        redraw_in_new_palette()

    # ------------------------------------------------------------------ public API
    @property
    def form(self):  # type: ignore[no-untyped-def]  # ProfileForm
        self._build_pages()
        assert self.advice_page is not None
        return self.advice_page.form

    def showing_welcome(self) -> bool:
        return self._welcome is not None and self.stack.currentWidget() is self._welcome

    def add_page(self, title: str, widget: QWidget) -> int:
        """Add a page as a tab after the others; returns its index."""
        self._build_pages()
        return self.tabs.addTab(widget, title)

    def new_profile(self) -> None:
        if run(profile_actions.NewProfile, self.context):
            self._show_advice_page()
            self.form.name_edit.setFocus()

    def try_example(self) -> None:
        if run(profile_actions.TryExample, self.context):
            self._show_advice_page()

    def save_now(self) -> bool:
        """Ctrl+S: write now; with fields still missing, point at every one of them."""
        saved = bool(run(profile_actions.SaveNow, self.context))
        if not saved and self.session.problems and self.advice_page is not None:
            self.advice_page.form.show_all_errors()
        return saved

    def show_written(self, path: Path, what: str) -> None:
        """Say in the status bar where a file was written, with a button to open its folder."""
        from ..widgets.written_notice import WrittenNotice

        if self.written_notice is None:
            self.written_notice = WrittenNotice(self)
            self.statusBar().addWidget(self.written_notice, 1)
        self.written_notice.show_file(path, what)

    def show_sources(self):  # type: ignore[no-untyped-def]  # SourcesDialog
        return run(app_actions.ShowSources, self.context)

    # ------------------------------------------------------------------ importing runs
    def import_runs(self, paths: list[Path]) -> bool:
        """Import run files, folders or exports (what a drop does); the Runs page shows it."""
        if not run(run_actions.ImportRunPaths, self.context, paths):
            return False
        self.show_runs_page()
        return True

    def _import_command(self, command: type[run_actions.Command]) -> None:
        if run(command, self.context):
            self.show_runs_page()

    def _draw_import_actions(self) -> None:
        session = self.session
        ready = session.started or session.showing_kept
        blocked = session.import_blocked() if ready else "Opening…"
        for action in (self.import_runs_action, self.import_folder_action):
            action.setEnabled(not blocked)
            tip = blocked or "FIT, GPX or TCX files (also .gz), a folder, or a Strava/Garmin zip"
            action.setToolTip(tip)
            action.setStatusTip(tip)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        from pathlib import Path

        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [p for p in paths if run_actions.importable(p)]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_runs(paths)

    def _show_advice_page(self) -> None:
        self._build_pages()
        self.stack.setCurrentWidget(self.tabs)
        assert self.advice_page is not None
        self.tabs.setCurrentWidget(self.advice_page)

    # ------------------------------------------------------------------ menus
    def _action(self, text: str, slot, shortcut: StandardKey | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        return action

    def _command(self, command, shortcut: StandardKey | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        return self._action(command.text, lambda: run(command, self.context), shortcut)

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
        self.new_action = self._action(
            profile_actions.NewProfile.text, self.new_profile, StandardKey("New")
        )
        self.open_action = self._command(profile_actions.OpenOrImport, StandardKey("Open"))
        self.save_action = self._action(
            profile_actions.SaveNow.text, self.save_now, StandardKey("Save")
        )
        self.export_profile_action = self._command(
            profile_actions.ExportProfile, StandardKey("SaveAs")
        )
        self.export_action = self._command(app_actions.ExportReport, StandardKey("Print"))
        self.import_runs_action = self._action(
            run_actions.ImportRunFiles.text,
            lambda: self._import_command(run_actions.ImportRunFiles),
            "Ctrl+I",
        )
        self.import_folder_action = self._action(
            run_actions.ImportRunFolder.text,
            lambda: self._import_command(run_actions.ImportRunFolder),
        )
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.save_action, self.export_profile_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_runs_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.setToolTipsVisible(True)  # a disabled import says why
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._draw_import_actions()

        self.view_menu = self.menuBar().addMenu("&View")

        help_menu = self.menuBar().addMenu("&Help")
        self.sources_action = self._command(app_actions.ShowSources)
        self.about_action = self._command(app_actions.ShowAbout)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.sources_action)
        help_menu.addAction(self.about_action)

    # ------------------------------------------------------------------ closing
    def save_state(self) -> None:
        """Window state only: never anything of the profile."""
        settings = self.settings
        settings.set("window/geometry", self.saveGeometry())
        settings.set("window/state", self.saveState())
        settings.set("window/pages", not self.showing_welcome())
        if self.advice_page is not None:
            settings.set("window/tab", self.tabs.currentIndex())
            for key, splitter in self.advice_page.splitters().items():
                settings.save_splitter(key, splitter)
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        widget, self._first_focus = self._first_focus, None
        if widget is not None:  # set before the window showed, when it could not take it
            widget.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        session = self.session
        if session.import_state.running and not self.context.dialogs.confirm(
            self,
            "Stop the import?",
            "Runs are being imported. Close ShoeAdvisor and stop? The runs imported so far "
            "are kept; import the same files again later to add the rest.",
        ):
            event.ignore()
            return
        if not profile_actions.may_leave(self.context):
            event.ignore()
            return
        unsaved = session.started and not session.read_only and not session.save_now()
        failed = unsaved and session.save_state.kind == "failed"
        if failed and not self.context.dialogs.confirm(
            self,
            "Close without saving?",
            f"Your latest changes are not saved ({session.save_state.text}). "
            "Close ShoeAdvisor anyway and lose them?",
        ):
            event.ignore()
            return
        self.save_state()
        session.close()  # let another copy of the app write now
        super().closeEvent(event)
