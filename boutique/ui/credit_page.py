"""A client's returns and store credit in the profile: the balance, the ledger, the returns."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from boutique.printing.service_slips import return_slip_pdf
from boutique.services import settings
from boutique.services.clients import client_purchases, parse_price
from boutique.services.errors import ValidationError
from boutique.services.returns import (
    REASON_LABELS,
    balance,
    client_returns,
    ledger,
    return_slip,
    use_credit,
)
from boutique.services.stationery.letterhead import load_letterhead
from boutique.services.text import money
from boutique.ui.record_table import RecordTable, RecordTableModel


class _RowsModel(RecordTableModel):
    """Rows of text, the money columns set right."""

    right_columns: tuple[int, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LedgerModel(_RowsModel):
    headers = ("Date", "Entry", "Amount", "Expires", "Balance")
    right_columns = (2, 4)


class ReturnsModel(_RowsModel):
    headers = ("Date", "Piece", "Reason", "Settled as", "Amount")
    right_columns = (4,)


class CreditPage(QWidget):
    def __init__(self, client_id: int, window=None, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.client_id = client_id
        self.today = today or dt.date.today()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.balance = QLabel(self)
        self.balance.setObjectName("credit_balance")
        self.balance.setProperty("role", "figure")
        top.addWidget(self.balance)
        top.addStretch(1)
        self.use_button = QPushButton("Use credit on a purchase…", self)
        self.slip_button = QPushButton("Print return slip…", self)
        top.addWidget(self.use_button)
        top.addWidget(self.slip_button)
        layout.addLayout(top)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        layout.addWidget(QLabel("Store credit", self))
        self.ledger = LedgerModel(self)
        ledger_view = RecordTable(self, name="credit_ledger")
        ledger_view.setModel(self.ledger)
        ledger_view.set_column_widths({0: 100, 2: 100, 3: 100, 4: 100}, stretch=(1,))
        layout.addWidget(ledger_view, 1)
        layout.addWidget(QLabel("Returns and exchanges", self))
        self.returns = ReturnsModel(self)
        self.returns_view = RecordTable(self, name="client_returns")
        self.returns_view.setModel(self.returns)
        self.returns_view.set_column_widths({0: 100, 2: 140, 3: 110, 4: 100}, stretch=(1,))
        self.returns_view.on_open(self.print_slip)
        layout.addWidget(self.returns_view, 1)
        self.use_button.clicked.connect(self.ask_to_use_credit)
        self.slip_button.clicked.connect(self.print_slip)
        self.refresh()

    def spend(self, purchase_id: int, amount_text: str) -> bool:
        """Credit as a tender on one purchase; a refusal is shown, not raised."""
        try:
            cents = parse_price(amount_text)
            use_credit(self.client_id, cents, self.today, purchase_id)
        except (ValueError, ValidationError) as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.refresh()
        return True

    def ask_to_use_credit(self) -> None:
        purchases = client_purchases(self.client_id)
        if not purchases:
            self.error.setText("No purchase to pay toward yet.")
            return
        labels = [f"{p.purchase_date:%d %b %Y} · {p.summary()} · {money(p.total_cents)}"
                  for p in purchases]
        chosen, ok = QInputDialog.getItem(self, "Use store credit", "Toward", labels, 0, False)
        if not ok:
            return
        amount, ok = QInputDialog.getText(self, "Use store credit", "Amount")
        if ok:
            self.spend(purchases[labels.index(chosen)].id, amount)

    def print_slip(self) -> None:
        from boutique.ui.print_preview import show_pdf_preview

        row = self.returns_view.current_row()
        if 0 <= row < len(self.return_ids):
            pdf = return_slip_pdf(return_slip(self.return_ids[row]), load_letterhead())
            show_pdf_preview(self, pdf, "Return slip")

    def refresh(self) -> None:
        symbol = settings.get("store.currency_symbol")
        self.balance.setText(f"Store credit: {money(balance(self.client_id, self.today), symbol)}")
        self.ledger.set_rows([
            (f"{line.entry_date:%d %b %Y}", line.note or line.kind.capitalize(),
             money(line.amount_cents, symbol),
             f"{line.expires_on:%d %b %Y}" if line.expires_on else "",
             money(line.balance_cents, symbol)) for line in ledger(self.client_id)])
        returns = client_returns(self.client_id)
        self.return_ids = [r["id"] for r in returns]
        self.returns.set_rows([
            (f"{dt.date.fromisoformat(r['return_date']):%d %b %Y}", r["item"],
             REASON_LABELS[r["reason"]],
             {"refund": "Refund", "credit": "Store credit", "exchange": "Exchange"}[
                 r["resolution"]], money(r["settled_cents"], symbol))
            for r in returns])
        self.returns_view.select_row(0)
