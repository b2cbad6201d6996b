"""Add or edit a purchase: several items, the gift details, the custom/engraved flag."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from boutique.services import settings
from boutique.services.clients.purchases import (
    ItemData,
    PurchaseData,
    get_purchase,
    parse_price,
    purchase_data,
    record_purchase,
    update_purchase,
)
from boutique.services.errors import ValidationError
from boutique.services.returns import balance, purchase_paid_with_credit
from boutique.services.text import money
from boutique.ui.dialog_parts import add_error_and_buttons
from boutique.ui.gift_box import GiftBox
from boutique.ui.item_wording_column import (
    NumberDelegate,
    follow_description,
    number_cell,
    number_of,
    wording_cell,
    wording_of,
)

ITEM_COLUMNS = ("Description", "Category", "Metal", "Stone", "SKU", "Price", "In a sentence",
                "It / them")
PRICE, WORDING, NUMBER = 5, 6, 7
CATEGORIES = ["", "ring", "necklace", "bracelet", "earrings", "watch", "cufflinks", "brooch",
              "other"]


class PurchaseDialog(QDialog):
    def __init__(self, parent, client_id: int, purchase_id: int | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.client_id = client_id
        self.purchase_id = purchase_id
        self.setWindowTitle("New purchase" if purchase_id is None else "Edit purchase")
        self.resize(1040, 560)
        self.currency = settings.get("store.currency_symbol")
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        today = today or dt.date.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.associate = QLineEdit(self)
        top.addRow("Date", self.date)
        top.addRow("Associate", self.associate)
        layout.addLayout(top)

        self.items = QTableWidget(0, len(ITEM_COLUMNS), self)
        self.items.setHorizontalHeaderLabels(ITEM_COLUMNS)
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.verticalHeader().hide()
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setItemDelegateForColumn(NUMBER, NumberDelegate(self.items))
        self.items.horizontalHeader().resizeSection(WORDING, 170)
        self.items.horizontalHeader().resizeSection(NUMBER, 80)
        self.items.itemChanged.connect(self._item_changed)
        item_buttons = QHBoxLayout()
        add_item = QPushButton("Add item", self)
        remove_item = QPushButton("Remove item", self)
        add_item.clicked.connect(lambda: self._add_item_row(ItemData()))
        remove_item.clicked.connect(self._remove_item_row)
        item_buttons.addWidget(add_item)
        item_buttons.addWidget(remove_item)
        item_buttons.addStretch(1)
        self.total = QLabel("", self)
        self.total.setProperty("role", "figure")
        item_buttons.addWidget(self.total)
        items_box = QGroupBox("Items", self)
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(self.items)
        items_layout.addLayout(item_buttons)
        layout.addWidget(items_box, 1)

        self.gift = GiftBox(client_id, today, self)
        # (the gift's fields, as the dialog's own: its callers and tests reach them here)
        self.recipient, self.relation = self.gift.recipient, self.gift.relation
        self.occasion = self.gift.occasion
        layout.addWidget(self.gift)
        self.custom = QCheckBox("Custom or engraved piece (final sale)", self)
        layout.addWidget(self.custom)
        self.remarks = QLineEdit(self)
        self.remarks.setPlaceholderText("Remarks (optional)")
        layout.addWidget(self.remarks)
        # Store credit as a tender, offered on a new purchase when the client has some.
        self.credit = QLineEdit(self)
        self.credit.setObjectName("credit_used")
        available = balance(client_id, today) if purchase_id is None else 0
        self.credit.setPlaceholderText(
            f"Paid with store credit (up to {money(available, self.currency)})")
        self.credit.setVisible(available > 0)
        layout.addWidget(self.credit)
        self.error = add_error_and_buttons(self, layout)
        if purchase_id is not None:
            self._load(purchase_data(get_purchase(purchase_id)))
        else:
            self._add_item_row(ItemData())
        self._update_total()

    def _load(self, data: PurchaseData) -> None:
        self.date.setDate(QDate(data.purchase_date.year, data.purchase_date.month,
                                data.purchase_date.day))
        self.associate.setText(data.associate)
        for item in data.items:
            self._add_item_row(item)
        self.gift.set_values(data)
        self.custom.setChecked(data.is_custom)
        self.remarks.setText(data.remarks)

    def _add_item_row(self, item: ItemData) -> None:
        row = self.items.rowCount()
        self.items.blockSignals(True)
        self.items.insertRow(row)
        price = f"{item.price_cents / 100:.2f}" if item.price_cents else ""
        for column, text in enumerate((item.description, item.category, item.metal, item.stone,
                                       item.sku, price)):
            cell = QTableWidgetItem(text)
            if column == PRICE:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.setItem(row, column, cell)
        self.items.setItem(row, WORDING, wording_cell(item.description, item.wording))
        self.items.setItem(row, NUMBER, number_cell(item.wording_number))
        self.items.blockSignals(False)
        self.items.setCurrentCell(row, 0)

    def _remove_item_row(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)
            self._update_total()

    def _cell(self, row: int, column: int) -> str:
        cell = self.items.item(row, column)
        return cell.text().strip() if cell else ""

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() == 0:
            follow_description(self.items, cell.row(), 0, WORDING)
        self._update_total()

    def _update_total(self, *_args) -> None:
        total = 0
        for row in range(self.items.rowCount()):
            try:
                total += parse_price(self._cell(row, PRICE))
            except ValueError:
                self.total.setText("Total: —")
                return
        self.total.setText(f"Total: {money(total, self.currency)}")

    def collect(self) -> PurchaseData:
        """The form as PurchaseData; a bad price raises ValidationError naming the row."""
        items, errors = [], {}
        for row in range(self.items.rowCount()):
            texts = [self._cell(row, c) for c in range(PRICE + 1)]
            if not any(texts):
                continue  # a blank row left over from "Add item" (its wording follows it)
            try:
                price = parse_price(texts[PRICE])
            except ValueError as exc:
                errors[f"items[{row + 1}].price"] = f"item {row + 1}: {exc}"
                price = 0
            items.append(ItemData(*texts[:PRICE], price_cents=price,
                                  wording=wording_of(self.items, row, texts[0], WORDING),
                                  wording_number=number_of(self.items, row, NUMBER)))
        if errors:
            raise ValidationError(errors)
        qdate = self.date.date()
        return PurchaseData(
            purchase_date=dt.date(qdate.year(), qdate.month(), qdate.day()), items=items,
            associate=self.associate.text().strip(), **self.gift.values(),
            is_custom=self.custom.isChecked(), remarks=self.remarks.text().strip())

    def accept(self) -> None:
        try:
            data = self.collect()
            if self.purchase_id is None and self.credit.text().strip():
                try:
                    credit = parse_price(self.credit.text())
                except ValueError as exc:
                    raise ValidationError({"credit_cents": f"store credit: {exc}"}) from None
                self.purchase_id = purchase_paid_with_credit(self.client_id, data, credit).id
            elif self.purchase_id is None:
                self.purchase_id = record_purchase(self.client_id, data).id
            else:
                update_purchase(self.purchase_id, data)
        except ValidationError as exc:
            self.error.setText("Not saved: " + "; ".join(exc.errors.values()))
            return
        except Exception as exc:  # the store refused the write: say so, keep the input
            QMessageBox.warning(self, "Not saved", f"The purchase could not be saved:\n{exc}")
            return
        super().accept()
