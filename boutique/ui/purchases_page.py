"""A client's purchases in the profile: list, add, edit, delete, and feature actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services import settings
from boutique.services.clients.purchases import client_purchases, delete_purchase, get_purchase
from boutique.services.errors import ValidationError
from boutique.services.text import money
from boutique.ui.profile_pages import purchase_actions
from boutique.ui.record_table import RecordTable, RecordTableModel
from boutique.ui.signals import bus

HEADERS = ("Date", "What", "Gift", "Total")


class PurchasesModel(RecordTableModel):
    headers = HEADERS

    def __init__(self, client_id: int, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self._rows: list[tuple[int, str, str, str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        currency = settings.get("store.currency_symbol")
        self._rows = []
        for purchase in client_purchases(self.client_id):
            gift = ""
            if purchase.is_gift:
                gift = f"for {purchase.gift_recipient}"
                if purchase.gift_relation:
                    gift += f" ({purchase.gift_relation})"
                if purchase.gift_occasion:
                    gift += f", {purchase.gift_occasion}"
                if purchase.gift_given_on:
                    gift += f", given {purchase.gift_given_on:%d %b %Y}"
            what = purchase.summary() + ("  · custom" if purchase.is_custom else "")
            if purchase.refunded_cents:
                what += f"  · {money(purchase.refunded_cents, currency)} returned"
            self._rows.append((purchase.id, purchase.purchase_date.strftime("%d %b %Y"), what,
                               gift, money(purchase.total_cents, currency)))
        self.endResetModel()

    def purchase_id_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def record_count(self) -> int:
        return len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PurchasesPage(QWidget):
    def __init__(self, client_id: int, window, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self.window_ = window
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add purchase…", self)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete…", self)
        self.actions_button = QPushButton("Print or return…", self)
        for button in (self.add_button, self.edit_button, self.delete_button, self.actions_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = PurchasesModel(client_id, self)
        self.view = RecordTable(self, name="purchase_table")
        self.view.setModel(self.model)
        self.view.set_column_widths({0: 110, 2: 260, 3: 110}, stretch=(1,))
        self.view.on_open(self.edit_selected)
        self.view.on_key(Qt.Key.Key_Delete, self.delete_selected)
        layout.addWidget(self.view)
        self.add_button.clicked.connect(self.add_purchase)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.actions_button.clicked.connect(self._show_actions)
        self.actions_button.setVisible(bool(purchase_actions()))
        self.view.select_row(0)

    def selected_purchase_id(self) -> int | None:
        return self.model.purchase_id_at(self.view.current_row())

    def add_purchase(self) -> None:
        from boutique.ui.purchase_dialog import PurchaseDialog

        if PurchaseDialog(self, client_id=self.client_id).exec():
            self._changed()

    def edit_selected(self) -> None:
        from boutique.ui.purchase_dialog import PurchaseDialog

        purchase_id = self.selected_purchase_id()
        if purchase_id is not None and PurchaseDialog(
                self, client_id=self.client_id, purchase_id=purchase_id).exec():
            self._changed()

    def delete_selected(self) -> None:
        purchase_id = self.selected_purchase_id()
        if purchase_id is None:
            return
        purchase = get_purchase(purchase_id)
        answer = QMessageBox.question(
            self, "Delete purchase",
            f"Delete the purchase of {purchase.purchase_date:%d %b %Y} ({purchase.summary()})?\n"
            "Its open follow-ups are removed too.")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                delete_purchase(purchase_id)
            except ValidationError as exc:
                QMessageBox.information(self, "Purchase kept", str(exc))
                return
            self._changed()

    def _show_actions(self) -> None:
        purchase_id = self.selected_purchase_id()
        if purchase_id is None:
            return
        menu = QMenu(self)
        for label, action in purchase_actions():
            menu.addAction(label, lambda act=action: act(self.window_, purchase_id))
        menu.exec(self.actions_button.mapToGlobal(self.actions_button.rect().bottomLeft()))

    def _changed(self) -> None:
        self.model.refresh()
        bus().purchases_changed.emit(self.client_id)
        bus().clients_changed.emit()

    def refresh(self) -> None:
        self.model.refresh()
