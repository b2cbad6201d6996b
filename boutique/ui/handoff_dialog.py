"""The guided handoff: from whom, to whom, which clients (largest spend first, all ticked),
for good or until a day; it says what it will create before anything is written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from boutique.services.associates import associates, clients_of, hand_off, plan_handoff
from boutique.services.errors import NotFound, ValidationError
from boutique.ui.record_table import RecordTable, RecordTableModel


class CandidateModel(RecordTableModel):
    headers = ("Move", "Client", "Spent", "Tier", "")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.ticked: set[int] = set()

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.ticked = {r.client_id for r in self.rows}
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return (Qt.CheckState.Checked if row.client_id in self.ticked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", row.client_name, f"${row.spend_cents / 100:,.2f}", row.tier,
                    "asked not to be contacted" if row.do_not_contact else "")[index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        client_id = self.rows[index.row()].client_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(client_id)
        else:
            self.ticked.discard(client_id)
        self.dataChanged.emit(index, index)
        return True

    def chosen(self) -> list[int]:
        return [r.client_id for r in self.rows if r.client_id in self.ticked]


class HandoffDialog(QDialog):
    def __init__(self, parent=None, source: str = "", day: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Hand over clients")
        self.resize(640, 560)
        self.day = day or dt.date.today()
        self.result_plan = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        names = [a.name for a in associates()]
        self.source = QComboBox(self)
        self.source.setObjectName("handoff_from")
        self.source.addItems(names)
        if source in names:
            self.source.setCurrentText(source)
        self.target = QComboBox(self)
        self.target.setObjectName("handoff_to")
        self.target.addItems([a.name for a in associates(include_left=False)])
        form.addRow("From", self.source)
        form.addRow("To", self.target)
        until_row = QHBoxLayout()
        self.temporary = QCheckBox("Temporary, until", self)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("ddd dd MMM yyyy")
        self.until.setDate(QDate(self.day.year, self.day.month, self.day.day).addMonths(3))
        self.until.setEnabled(False)
        self.temporary.toggled.connect(self.until.setEnabled)
        self.temporary.toggled.connect(self._preview)
        self.until.dateChanged.connect(self._preview)
        until_row.addWidget(self.temporary)
        until_row.addWidget(self.until)
        until_row.addStretch(1)
        form.addRow("For", until_row)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText("Why, kept in each client's history (optional)")
        form.addRow("Reason", self.reason)
        layout.addLayout(form)
        self.model = CandidateModel(self)
        self.table = RecordTable(self, "handoff_clients")
        self.table.setModel(self.model)
        self.table.set_column_widths({0: 50, 2: 110, 3: 70}, stretch=(1,))
        layout.addWidget(self.table, 1)
        self.summary = QLabel("", self)
        self.summary.setObjectName("handoff_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Hand over")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.source.currentTextChanged.connect(self._load)
        self.target.currentTextChanged.connect(self._preview)
        self.model.dataChanged.connect(self._preview)
        self._load()

    def _until(self) -> dt.date | None:
        return self.until.date().toPython() if self.temporary.isChecked() else None

    def _load(self) -> None:
        try:
            self.model.set_rows(clients_of(self.source.currentText()))
        except NotFound:
            self.model.set_rows([])
        self._preview()

    def _preview(self, *_args) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        chosen = self.model.chosen()
        if not chosen:
            self.summary.setText("Tick the clients to hand over.")
            ok.setEnabled(False)
            return
        try:
            plan = plan_handoff(self.source.currentText(), self.target.currentText(), self.day,
                                chosen, self._until())
        except (ValidationError, NotFound) as exc:
            self.summary.setText(str(exc))
            ok.setEnabled(False)
            return
        calls = sum(1 for m in plan.moves if m.introduction == "call")
        notes = sum(1 for m in plan.moves if m.introduction == "note")
        letters = sum(1 for m in plan.moves if m.letter_due)
        text = (f"{len(plan.moves)} clients move to {plan.to_name}: {letters} letters from "
                f"the owner, then {calls} introduction calls and {notes} introduction notes.")
        if plan.until:
            text += f" They come back on {plan.until:%d %b %Y}, with a welcome-back note."
        self.summary.setText(text)
        ok.setEnabled(True)

    def accept(self) -> None:
        try:
            self.result_plan = hand_off(self.source.currentText(), self.target.currentText(),
                                        self.day, self.model.chosen(), self._until(),
                                        self.reason.text())
        except (ValidationError, NotFound) as exc:
            self.summary.setText(str(exc))
            return
        super().accept()
