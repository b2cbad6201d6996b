"""Take a piece in for service: whose, which piece, the work, its condition, the promise."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from boutique.services.clients import client_purchases, parse_price
from boutique.services.clients.listing import client_ids, client_summaries
from boutique.services.errors import ValidationError
from boutique.services.service_desk import KIND_LABELS, TicketData, open_ticket
from boutique.ui.dialog_parts import add_error_and_buttons

PROMISE_DAYS = 7
MATCHES = 50


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TicketDialog(QDialog):
    def __init__(self, parent=None, client_id: int | None = None, today: dt.date | None = None,
                 purchase_id: int | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.ticket = None
        self.setWindowTitle("Take in for service")
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find the client: name, email or phone")
        self.client = QComboBox(self)
        self.client.setObjectName("ticket_client")
        if client_id is None:
            form.addRow("Find", self.search)
        else:
            self.search.hide()  # the client is known: nothing to find
        form.addRow("Client", self.client)
        self.purchase = QComboBox(self)
        self.piece = QLineEdit(self)
        self.piece.setPlaceholderText("The piece, described (when not bought here)")
        self.kind = QComboBox(self)
        for key, text in KIND_LABELS.items():
            self.kind.addItem(text, key)
        self.work = QPlainTextEdit(self)
        self.work.setPlaceholderText("The work asked for")
        self.work.setFixedHeight(60)
        self.condition = QPlainTextEdit(self)
        self.condition.setPlaceholderText("Condition at intake: scratches, loose stones, worn prongs…")
        self.condition.setFixedHeight(70)
        photo_row = QHBoxLayout()
        self.photo = QLineEdit(self)
        self.photo.setPlaceholderText("A photo taken at intake (optional)")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._choose_photo)
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(browse)
        self.estimate = QLineEdit(self)
        self.estimate.setPlaceholderText("0.00")
        self.deposit = QLineEdit(self)
        self.deposit.setPlaceholderText("0.00")
        self.promised = QDateEdit(self)
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("ddd d MMM yyyy")
        self.promised.setDate(_qdate(self.today + dt.timedelta(days=PROMISE_DAYS)))
        form.addRow("Piece", self.purchase)
        form.addRow("", self.piece)
        form.addRow("Service", self.kind)
        form.addRow("Work", self.work)
        form.addRow("Condition", self.condition)
        form.addRow("Photo", photo_row)
        form.addRow("Estimate", self.estimate)
        form.addRow("Deposit", self.deposit)
        form.addRow("Promised for", self.promised)
        layout.addLayout(form)
        self.error = add_error_and_buttons(self, layout)
        self.search.textChanged.connect(self._find_clients)
        self.client.currentIndexChanged.connect(self._load_purchases)
        if client_id is not None:
            [summary] = client_summaries([client_id])
            self.client.addItem(f"{summary['first_name']} {summary['last_name']}".strip(),
                                client_id)
        else:
            self._find_clients("")
        if purchase_id is not None:
            self.purchase.setCurrentIndex(max(0, self.purchase.findData(purchase_id)))

    def _find_clients(self, text: str) -> None:
        ids = client_ids(text.strip())[:MATCHES]
        self.client.clear()
        for summary in client_summaries(ids):
            self.client.addItem(f"{summary['last_name']}, {summary['first_name']}".strip(", "),
                                summary["id"])

    def _load_purchases(self, *_args) -> None:
        self.purchase.clear()
        self.purchase.addItem("Described below", None)
        client_id = self.client.currentData()
        if client_id is None:
            return
        for purchase in client_purchases(client_id):
            self.purchase.addItem(f"{purchase.summary()} · {purchase.purchase_date:%d %b %Y}",
                                  purchase.id)

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Photo at intake", "",
                                              "Images (*.jpg *.jpeg *.png *.heic)")
        if path:
            self.photo.setText(path)

    def _cents(self, field: QLineEdit, name: str) -> int:
        try:
            return parse_price(field.text())
        except ValueError as exc:
            raise ValidationError({name: str(exc)}) from None

    def accept(self) -> None:
        try:
            if self.client.currentData() is None:
                raise ValidationError({"client": "choose the client"})
            self.ticket = open_ticket(TicketData(
                client_id=self.client.currentData(), kind=self.kind.currentData(),
                received_on=self.today, promised_on=self.promised.date().toPython(),
                purchase_id=self.purchase.currentData(), piece=self.piece.text(),
                work=self.work.toPlainText(), condition=self.condition.toPlainText(),
                photo_path=self.photo.text().strip(),
                estimate_cents=self._cents(self.estimate, "estimate_cents"),
                deposit_cents=self._cents(self.deposit, "deposit_cents")))
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def take_in_for_service(window, purchase_id: int) -> None:
    """The purchase action: a ticket for this piece, then the Service tab is current."""
    from boutique.services.clients import get_purchase
    from boutique.ui.signals import bus

    purchase = get_purchase(purchase_id)
    if TicketDialog(window, client_id=purchase.client_id, purchase_id=purchase_id).exec():
        bus().followups_changed.emit()
