"""Return or exchange one item of a purchase: the policy check in plain words, then the
offer in the trade's order: resize or exchange first, store credit, then a refund."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from boutique.services import settings
from boutique.services.clients import ItemData, PurchaseData, get_purchase, parse_price
from boutique.services.errors import ValidationError
from boutique.services.returns import (
    REASON_LABELS,
    ReturnData,
    policy_check,
    purchase_items,
    record_return,
    returned_item_ids,
)
from boutique.services.service_desk import TicketData, open_ticket, ticket_number
from boutique.services.text import money
from boutique.ui.dialog_parts import add_error_and_buttons

OFFERS = (("exchange", "Resize or exchange for another piece"),
          ("credit", "Store credit"),
          ("refund", "Refund"))
RESIZE_DAYS = 7  # a sizing is promised a week out unless changed on the ticket


class ReturnDialog(QDialog):
    def __init__(self, parent, purchase_id: int, today: dt.date | None = None):
        super().__init__(parent)
        self.purchase = get_purchase(purchase_id)
        self.today = today or dt.date.today()
        self.currency = settings.get("store.currency_symbol")
        self.created = None  # the ItemReturn, or the sizing ticket, once saved
        self.setWindowTitle("Return or exchange")
        self.resize(620, 640)
        layout = QVBoxLayout(self)
        client = self.purchase.client
        heading = QLabel(f"{client.first_name} {client.last_name}".strip()
                         + f"  ·  bought {self.purchase.purchase_date:%d %b %Y}"
                         + (f", a gift for {self.purchase.gift_recipient}"
                            if self.purchase.is_gift else ""), self)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.item = QComboBox(self)
        returned = returned_item_ids(purchase_id)
        for number, item in enumerate(purchase_items(purchase_id), start=1):
            if item.id not in returned:
                self.item.addItem(f"{item.description}  ·  {money(item.price_cents, self.currency)}",
                                  number)
        self.reason = QComboBox(self)
        for key, text in REASON_LABELS.items():
            self.reason.addItem(text, key)
        self.reason_text = QLineEdit(self)
        self.reason_text.setPlaceholderText("The reason in words (needed for Other)")
        self.condition = QLineEdit(self)
        self.condition.setPlaceholderText("As it came back: unworn, scratched, box missing…")
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setDate(QDate(self.today.year, self.today.month, self.today.day))
        form.addRow("Item", self.item)
        form.addRow("Reason", self.reason)
        form.addRow("", self.reason_text)
        form.addRow("Condition", self.condition)
        form.addRow("Day of the return", self.date)
        layout.addLayout(form)

        policy_box = QGroupBox("The policy says", self)
        policy_layout = QVBoxLayout(policy_box)
        self.policy = QLabel("", self)
        self.policy.setObjectName("policy_check")
        self.policy.setWordWrap(True)
        policy_layout.addWidget(self.policy)
        self.override = QLineEdit(self)
        self.override.setObjectName("override_reason")
        self.override.setPlaceholderText("Outside the policy: why it is accepted (recorded)")
        policy_layout.addWidget(self.override)
        layout.addWidget(policy_box)

        offer_box = QGroupBox("What we offer", self)
        offer_layout = QVBoxLayout(offer_box)
        self.resize_button = QPushButton("Resize instead: open a sizing ticket", self)
        self.resize_button.setObjectName("resize_instead")
        offer_layout.addWidget(self.resize_button)
        self.offers = QButtonGroup(self)
        self.offer_buttons: dict[str, QRadioButton] = {}
        for key, text in OFFERS:
            button = QRadioButton(text, self)
            button.setObjectName(f"offer_{key}")
            self.offers.addButton(button)
            self.offer_buttons[key] = button
            offer_layout.addWidget(button)
            if key == "exchange":
                self.new_piece = QLineEdit(self)
                self.new_piece.setPlaceholderText("The new piece")
                self.new_price = QLineEdit(self)
                self.new_price.setPlaceholderText("Its price, e.g. 950.00")
                exchange_form = QFormLayout()
                exchange_form.addRow("New piece", self.new_piece)
                exchange_form.addRow("Price", self.new_price)
                offer_layout.addLayout(exchange_form)
        self.offer_buttons["exchange"].setChecked(True)
        layout.addWidget(offer_box)
        layout.addStretch(1)

        self.error = add_error_and_buttons(self, layout)
        for signal in (self.item.currentIndexChanged, self.date.dateChanged,
                       self.offers.buttonToggled):
            signal.connect(self._show_policy)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.resize_button.clicked.connect(self.resize_instead)
        self._reason_changed()
        self._show_policy()

    def resolution(self) -> str:
        return next(k for k, b in self.offer_buttons.items() if b.isChecked())

    def return_day(self) -> dt.date:
        return self.date.date().toPython()

    def _reason_changed(self, *_args) -> None:
        reason = self.reason.currentData()
        self.reason_text.setEnabled(reason == "other")
        self.resize_button.setVisible(reason == "wrong_size")

    def _show_policy(self, *_args) -> None:
        number = self.item.currentData()
        if number is None:
            self.policy.setText("Every item of this purchase has been returned.")
            return
        try:
            verdict = policy_check(self.purchase.id, number, self.return_day(),
                                   self.resolution())
        except ValidationError as exc:
            self.policy.setText(str(exc))
            return
        words = list(verdict.lines)
        back = money(verdict.settled_cents, self.currency)
        words.append({"refund": f"Refund: {back}", "credit": f"Store credit: {back}",
                      "exchange": f"Toward the new piece: {back}"}[self.resolution()])
        if not verdict.allowed:
            words.append("Outside the policy: an override needs its reason below.")
        self.policy.setText("\n".join(words))
        self.override.setVisible(not verdict.allowed)

    def _exchange(self) -> PurchaseData | None:
        if self.resolution() != "exchange":
            return None
        try:
            cents = parse_price(self.new_price.text())
        except ValueError as exc:
            raise ValidationError({"new_price": str(exc)}) from None
        piece = self.new_piece.text().strip()
        if not piece:
            raise ValidationError({"new_piece": "name the new piece of the exchange"})
        return PurchaseData(purchase_date=self.return_day(),
                            items=[ItemData(description=piece, price_cents=cents)])

    def accept(self) -> None:
        number = self.item.currentData()
        if number is None:
            self.reject()
            return
        try:
            self.created = record_return(ReturnData(
                purchase_id=self.purchase.id, item_number=number,
                reason=self.reason.currentData(), resolution=self.resolution(),
                return_date=self.return_day(), reason_text=self.reason_text.text(),
                condition=self.condition.text(), override_reason=self.override.text(),
                exchange=self._exchange()))
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    def resize_instead(self) -> None:
        """The piece stays hers: a sizing ticket instead of a return."""
        day = self.return_day()
        try:
            self.created = open_ticket(TicketData(
                client_id=self.purchase.client_id, kind="sizing", received_on=day,
                promised_on=day + dt.timedelta(days=RESIZE_DAYS), purchase_id=self.purchase.id,
                piece=self.item.currentText().split("  ·  ")[0], work="Resize",
                condition=self.condition.text()))
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText(f"Sizing ticket {ticket_number(self.created.id)} opened.")
        super().accept()


def return_or_exchange(window, purchase_id: int) -> None:
    """The purchase action: the dialog, then every view that shows spend or follow-ups."""
    from boutique.ui.signals import bus

    dialog = ReturnDialog(window, purchase_id)
    if dialog.exec():
        client_id = dialog.purchase.client_id
        bus().purchases_changed.emit(client_id)
        bus().clients_changed.emit()
        bus().followups_changed.emit()
