"""The Clients tab: the whole book in a lazy table, search as you type, keyboard first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services.clients.book import get_client
from boutique.ui.client_table_model import (
    ASSOCIATE,
    EMAIL,
    LAST_PURCHASE,
    NAME,
    PHONE,
    SPEND,
    TIER,
    ClientTableModel,
)
from boutique.ui.record_table import RecordTable
from boutique.ui.signals import bus
from boutique.ui.undo_commands import TrashClientCommand

# Typing is fast and the query is cheap; a short pause avoids querying on every keystroke.
SEARCH_DELAY_MS = 120


class ClientsTab(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("client_search")
        self.search.setPlaceholderText("Search clients by name, email or phone   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(380)
        bar.addWidget(self.search, 2)
        self.whose = QComboBox(self)
        self.whose.setObjectName("client_associate_filter")
        self.whose.setToolTip("Only the clients one associate looks after")
        self.fill_associates()
        self.whose.currentIndexChanged.connect(
            lambda _i: self.model.set_associate(self.whose.currentData()))
        self.whose.currentIndexChanged.connect(lambda _i: self._update_count())
        bar.addWidget(self.whose)
        self.count = QLabel("", self)
        self.count.setProperty("role", "muted")
        bar.addWidget(self.count)
        bar.addStretch(1)
        self.new_button = QPushButton("New client", self)
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton("Open", self)
        self.open_button.setToolTip("Enter")
        self.delete_button = QPushButton("Move to Trash", self)
        self.delete_button.setToolTip("Delete (undo with Ctrl+Z)")
        for button in (self.new_button, self.open_button, self.delete_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = ClientTableModel(self)
        self.view = RecordTable(self, name="client_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        self.view.set_column_widths({NAME: 300, PHONE: 150, EMAIL: 300, LAST_PURCHASE: 120,
                                     SPEND: 130, TIER: 100, ASSOCIATE: 150},
                                    stretch=(NAME, EMAIL))
        layout.addWidget(self.view)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        self.new_button.clicked.connect(self.new_client)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.trash_selected)
        self.view.on_open(self.open_selected)
        self.view.on_key(Qt.Key.Key_Delete, self.trash_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, activated=self._focus_table,
                  context=Qt.ShortcutContext.WidgetShortcut)
        bus().clients_changed.connect(self.reload)
        self._update_count()
        self._select_row(0)

    def fill_associates(self) -> None:
        from boutique.services.associates import associates

        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem("All associates", None)
        for associate in associates():
            self.whose.addItem(associate.name + ("" if associate.active else " (left)"),
                               associate.id)
        self.whose.addItem("Nobody yet", 0)
        self.whose.blockSignals(False)

    # -- search ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())
        self._update_count()
        self._select_row(0)

    def _search_enter(self) -> None:
        """Enter in the search box: search now, and open the client if only one matches."""
        self.apply_search()
        if self.model.rowCount() == 1:
            self.open_selected()
        else:
            self._focus_table()

    def _focus_table(self) -> None:
        if self._search_timer.isActive():
            self.apply_search()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.selectionModel().hasSelection():
            self._select_row(0)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        what = "client" if n == 1 else "clients"
        self.count.setText(f"{n:,} {what}" + (" found" if self.model.search_text else ""))

    def _select_row(self, row: int) -> None:
        self.view.select_row(row, NAME)

    def reload(self) -> None:
        """After an edit anywhere: re-run the query, keep the selected client if still listed."""
        selected = self.selected_client_id()
        self.model.refresh()
        self._update_count()
        row = self.model.row_of(selected) if selected is not None else -1
        self._select_row(row if row >= 0 else 0)

    # -- actions -----------------------------------------------------------------------
    def selected_client_id(self) -> int | None:
        return self.model.client_id_at(self.view.current_row())

    def new_client(self) -> None:
        from boutique.ui.client_profile import ClientProfileDialog

        dialog = ClientProfileDialog(self.main_window, client_id=None)
        dialog.exec()
        dialog.deleteLater()
        if dialog.client_id is not None:
            self.reload()
            row = self.model.row_of(dialog.client_id)
            if row >= 0:
                self._select_row(row)

    def open_selected(self) -> None:
        client_id = self.selected_client_id()
        if client_id is not None:
            self.main_window.open_client(client_id)

    def trash_selected(self) -> None:
        client_id = self.selected_client_id()
        if client_id is None:
            return
        client = get_client(client_id)
        answer = QMessageBox.question(
            self, "Move to Trash",
            f"Move {client.full_name} to the Trash?\n\nTheir purchases and notes are kept; "
            "Edit ▸ Undo (Ctrl+Z) or File ▸ Trash brings them back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.view.current_row()
        self.main_window.undo_stack.push(TrashClientCommand(client_id, client.full_name))
        self._select_row(min(row, self.model.rowCount() - 1))
        self.main_window.statusBar().showMessage(
            f"{client.full_name} moved to the Trash. Ctrl+Z to undo.", 8000)
