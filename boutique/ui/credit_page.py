"""A client's returns and store credit in the profile: the balance, the ledger, the returns."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from boutique.services import settings
from boutique.services.returns import REASON_LABELS, balance, client_returns, ledger
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
        self.balance = QLabel(self)
        self.balance.setObjectName("credit_balance")
        self.balance.setProperty("role", "figure")
        layout.addWidget(self.balance)
        layout.addWidget(QLabel("Store credit", self))
        self.ledger = LedgerModel(self)
        ledger_view = RecordTable(self, name="credit_ledger")
        ledger_view.setModel(self.ledger)
        ledger_view.set_column_widths({0: 100, 2: 100, 3: 100, 4: 100}, stretch=(1,))
        layout.addWidget(ledger_view, 1)
        layout.addWidget(QLabel("Returns and exchanges", self))
        self.returns = ReturnsModel(self)
        returns_view = RecordTable(self, name="client_returns")
        returns_view.setModel(self.returns)
        returns_view.set_column_widths({0: 100, 2: 140, 3: 110, 4: 100}, stretch=(1,))
        layout.addWidget(returns_view, 1)
        self.refresh()

    def refresh(self) -> None:
        symbol = settings.get("store.currency_symbol")
        self.balance.setText(f"Store credit: {money(balance(self.client_id, self.today), symbol)}")
        self.ledger.set_rows([
            (f"{line.entry_date:%d %b %Y}", line.note or line.kind.capitalize(),
             money(line.amount_cents, symbol),
             f"{line.expires_on:%d %b %Y}" if line.expires_on else "",
             money(line.balance_cents, symbol)) for line in ledger(self.client_id)])
        self.returns.set_rows([
            (r["return_date"], r["item"], REASON_LABELS[r["reason"]],
             {"refund": "Refund", "credit": "Store credit", "exchange": "Exchange"}[
                 r["resolution"]], money(r["settled_cents"], symbol))
            for r in client_returns(self.client_id)])
