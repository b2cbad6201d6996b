"""The main window: tabs, menus, the undo stack, and opening a client from anywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar, QWidget

from boutique.paths import APP_NAME

# Each tab is (title, factory(window) -> QWidget). Features add theirs in tab order.
TabFactory = Callable[["MainWindow"], QWidget]


def _today(window):
    from boutique.ui.today_tab import TodayTab

    return TodayTab(window, today=window.today, fill_later=window.fill_today_later)


def _calendar(window):
    from boutique.ui.calendar_tab import CalendarTab

    return CalendarTab(window)


def _clients(window):
    from boutique.ui.clients_tab import ClientsTab

    return ClientsTab(window)


def _notes(window):
    from boutique.ui.notes_tab import NotesTab

    return NotesTab(window)


def _service(window):
    from boutique.ui.service_tab import ServiceTab

    return ServiceTab(window)


def _tab_factories() -> list[tuple[str, TabFactory]]:
    # Each tab's module (and what it imports: printing, search) is loaded when the tab is
    # first shown, so the window opens with only what Today needs.
    return [
        ("Today", _today),
        ("Calendar", _calendar),
        ("Clients", _clients),
        ("Notes", _notes),
        ("Service", _service),
    ]


class MainWindow(QMainWindow):
    """`fill_today_later`: the window paints first, Today's lists fill on the next turn of
    the event loop (the app's start); otherwise Today is filled when the window is made.
    `today`: a fixed day for the Today tab (timing start-up on a benchmark store).
    `before_first_fill`: called when Today first fills (it hands over the day's agenda
    worked out ahead)."""

    def __init__(self, db_path: str, demo: bool = False, fill_today_later: bool = False,
                 today=None, before_first_fill=None):
        super().__init__()
        self.db_path = db_path
        self.fill_today_later = fill_today_later
        self.before_first_fill = before_first_fill
        self.today = today  # a fixed day for Today (None: the real today)
        self.undo_stack = QUndoStack(self)
        title = APP_NAME + (" — demo store" if demo else "")
        self.setWindowTitle(title)
        # Features put their quick widgets here (global search, quick note capture).
        self.toolbar = QToolBar("Main", self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # The tabs made so far, by name; the others wait behind an empty page.
        self.tab_widgets: dict[str, QWidget] = {}
        self._factories = dict(_tab_factories())
        for index, name in enumerate(self._factories):
            if index == 0:
                self.tab_widgets[name] = self._factories[name](self)
                self.tabs.addTab(self.tab_widgets[name], name)
            else:
                self.tabs.addTab(QWidget(self.tabs), name)
        self.tabs.currentChanged.connect(self._make_tab_at)
        self._build_menus()
        from boutique.ui import global_search, quick_capture  # the toolbar's quick widgets
        global_search.install(self)
        quick_capture.install(self)
        status = QLabel(f"Store: {db_path}")
        status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(status)
        self._restore_geometry()
        from boutique.ui.backup_watch import BackupWatch

        self.backup_watch = BackupWatch(self)
        self.prepare_watch = None  # (prepare_agenda_after_first_fill)

    def start_daily_backup(self) -> None:
        self.backup_watch.start_daily()

    def prepare_agenda_after_first_fill(self) -> None:
        """Once Today has first filled, the agenda's prepared rows are brought up to date
        beside the window (ui.prepare_watch)."""
        from pathlib import Path

        from boutique.ui.prepare_watch import PrepareWatch

        self.prepare_watch = PrepareWatch(self, Path(self.db_path))
        today = self.tab("Today")

        def first_fill() -> None:
            today.filled.disconnect(first_fill)
            self.prepare_watch.start_soon()

        today.filled.connect(first_fill)

    def show_backups(self) -> None:
        from boutique.ui.backups_dialog import BackupsDialog

        BackupsDialog(self).exec()

    # -- menus -------------------------------------------------------------------------
    def _add_action(self, menu, label: str, slot, shortcut=None) -> QAction:
        action = QAction(label, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.file_menu = file_menu
        # New client works from every tab: it goes to the Clients tab and opens the form.
        self.action_new_client = self._add_action(
            file_menu, "&New client…", self.new_client, QKeySequence.StandardKey.New)
        file_menu.addSeparator()
        self.action_print = self._add_action(
            file_menu, "&Print…", self.print_current, QKeySequence.StandardKey.Print)
        self.action_settings = self._add_action(
            file_menu, "&Settings…", self.show_settings, QKeySequence("Ctrl+,"))
        self.action_backups = self._add_action(file_menu, "&Backups…", self.show_backups)
        self.action_trash = self._add_action(file_menu, "&Trash…", self.show_trash)
        file_menu.addSeparator()
        self.action_import = self._add_action(file_menu, "&Import clients…", self.import_file)
        self.action_erase = self._add_action(
            file_menu, "&Erase selected client for good…", self.erase_selected)
        file_menu.addSeparator()
        self._add_action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.edit_menu = edit_menu
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        # One Find for the whole window: a tab with its own search box (Clients) takes it,
        # elsewhere it goes to the global search in the toolbar, if there is one.
        self.action_find = QAction("&Find…", self)
        self.action_find.setShortcut(QKeySequence.StandardKey.Find)
        self.action_find.triggered.connect(self.focus_search)
        edit_menu.addAction(self.action_find)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Boutique", self)
        about.triggered.connect(
            lambda: QMessageBox.about(self, "About Boutique",
                                      "Boutique: the client book and follow-up desk.")
        )
        help_menu.addAction(about)

    # -- navigation --------------------------------------------------------------------
    def tab(self, name: str) -> QWidget:
        """The tab called `name`, made now if it was never shown."""
        widget = self.tab_widgets.get(name)
        if widget is None:
            index = list(self._factories).index(name)
            widget = self._factories[name](self)
            self.tab_widgets[name] = widget
            was_current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            placeholder.deleteLater()
            self.tabs.insertTab(index, widget, name)
            self.tabs.setCurrentIndex(was_current)
            self.tabs.blockSignals(False)
        return widget

    def _make_tab_at(self, index: int) -> None:
        name = self.tabs.tabText(index)
        if name in self._factories and name not in self.tab_widgets:
            self.tabs.setCurrentWidget(self.tab(name))

    def show_tab(self, name: str) -> QWidget:
        widget = self.tab(name)
        self.tabs.setCurrentWidget(widget)
        return widget

    def open_client(self, client_id: int, page: str | None = None) -> None:
        """Open a client's profile from any tab (search results, Today, Notes)."""
        from boutique.ui.client_profile import ClientProfileDialog

        dialog = ClientProfileDialog(self, client_id=client_id)
        if page:
            dialog.show_page(page)
        dialog.exec()
        dialog.deleteLater()  # its pages stop listening for changes with it

    def new_client(self) -> None:
        self.show_tab("Clients").new_client()

    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "focus_search"):
            current.focus_search()
        elif getattr(self, "global_search", None) is not None:
            self.global_search.setFocus()
            self.global_search.selectAll()

    def print_current(self) -> None:
        """Ctrl+P: the current tab prints what it shows (Today prints the day's pack)."""
        current = self.tabs.currentWidget()
        if hasattr(current, "print_current"):
            current.print_current()
        else:
            self.statusBar().showMessage("Nothing to print on this tab.", 4000)

    def show_settings(self) -> None:
        from boutique.ui.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def show_trash(self) -> None:
        from boutique.ui.trash_dialog import TrashDialog

        TrashDialog(self).exec()

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from boutique.ui.import_dialog import ImportDialog
        from boutique.ui.signals import bus

        path, _ = QFileDialog.getOpenFileName(
            self, "Import clients", "", "Client files (*.csv *.txt *.vcf);;All files (*)")
        if not path:
            return
        try:
            dialog = ImportDialog(path, self)
        except Exception as exc:  # an unreadable file: one line, nothing written
            QMessageBox.warning(self, "Import", str(exc))
            return
        if dialog.exec():
            bus().clients_changed.emit()

    def erase_selected(self) -> None:
        from boutique.ui.erase_dialog import EraseDialog
        from boutique.ui.signals import bus

        tab = self.show_tab("Clients")
        client_id = tab.selected_client_id()
        if client_id is None:
            QMessageBox.information(self, "Erase", "Select a client in the Clients tab first.")
            return
        if EraseDialog(client_id, self).exec():
            bus().clients_changed.emit()

    # -- geometry ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        screen = self.screen()
        if screen is not None:  # never larger than the screen it opens on
            available = screen.availableGeometry()
            self.resize(min(self.width(), available.width()),
                        min(self.height(), available.height()))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        for widget in self.tab_widgets.values():
            shutdown = getattr(widget, "shutdown", None)
            if shutdown:
                shutdown()
        if self.prepare_watch is not None:
            self.prepare_watch.stop()
        self.backup_watch.on_close()
        super().closeEvent(event)
