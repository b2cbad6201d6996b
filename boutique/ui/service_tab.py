"""The Service tab: open tickets by status and promised day, with keys to move one on,
and returns this month and this year by reason (a small chart and its figures)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.printing.service_slips import intake_ticket_pdf
from boutique.services.errors import ValidationError
from boutique.services.returns import month_and_year
from boutique.services.service_desk import (
    STATUS_LABELS,
    TICKET_STATUSES,
    intake_ticket,
    is_overdue,
    move_ticket,
    ticket_number,
    tickets,
)
from boutique.services.stationery.letterhead import load_letterhead
from boutique.ui.record_table import RecordTable, RecordTableModel
from boutique.ui.return_charts import ReasonBarChart, ReasonTotalsModel
from boutique.ui.signals import bus
from boutique.ui.style import WARNING

# The usual next step of each status (Ctrl+Right); sending out asks for the workshop.
NEXT_STATUS = {"received": "in_work", "sent_out": "in_work", "in_work": "ready",
               "ready": "picked_up"}
OPEN = "open"


class TicketsModel(RecordTableModel):
    headers = ("Ticket", "Promised", "Status", "Client", "Service", "Piece", "")

    def __init__(self, day: dt.date, parent=None):
        super().__init__(parent)
        self.day = day
        self.status_filter: str | None = OPEN
        self._rows: list = []

    def refresh(self) -> None:
        self.beginResetModel()
        status = None if self.status_filter in (OPEN, "") else self.status_filter
        self._rows = tickets(status, open_only=self.status_filter == OPEN)
        self.endResetModel()

    def ticket_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_count(self) -> int:
        return len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        ticket = self.ticket_at(index.row()) if index.isValid() else None
        if ticket is None:
            return None
        late = is_overdue(ticket, self.day)
        if role == Qt.ItemDataRole.DisplayRole:
            client = ticket.client
            return (ticket_number(ticket.id), f"{ticket.promised_on:%a %d %b}",
                    STATUS_LABELS[ticket.status]
                    + (f" ({ticket.workshop})" if ticket.status == "sent_out" else ""),
                    f"{client.first_name} {client.last_name}".strip(),
                    ticket.kind.replace("_", " ").capitalize(), ticket.piece,
                    "overdue" if late else "")[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and late and index.column() in (1, 6):
            return QColor(WARNING)
        return None


class ServiceTab(QWidget):
    def __init__(self, window, today: dt.date | None = None):
        super().__init__(window)
        self.main_window = window
        self.day = today or dt.date.today()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel("Service desk", self)
        title.setProperty("role", "heading")
        top.addWidget(title)
        top.addSpacing(16)
        self.status = QComboBox(self)
        self.status.setObjectName("ticket_status_filter")
        self.status.addItem("Open tickets", OPEN)
        self.status.addItem("All tickets", "")
        for key in TICKET_STATUSES:
            self.status.addItem(STATUS_LABELS[key], key)
        top.addWidget(self.status)
        self.overdue = QLabel(self)
        self.overdue.setObjectName("tickets_overdue")
        self.overdue.setProperty("role", "error")
        top.addSpacing(12)
        top.addWidget(self.overdue)
        top.addStretch(1)
        self.new_button = QPushButton("Take in…", self)
        self.move_button = QPushButton("Move on", self)
        self.move_button.setToolTip("To the next status (Ctrl+Right)")
        self.send_button = QPushButton("Send out…", self)
        self.print_button = QPushButton("Print ticket…", self)
        for button in (self.new_button, self.move_button, self.send_button, self.print_button):
            top.addWidget(button)
        layout.addLayout(top)
        hint = QLabel("Ctrl+Right moves the selected ticket on: received → in work → ready "
                      "(a pickup call is planned) → picked up. Ctrl+Shift+S sends it out.", self)
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = TicketsModel(self.day, self)
        self.view = RecordTable(self, name="ticket_table")
        self.view.setModel(self.model)
        self.view.set_column_widths({0: 80, 1: 100, 2: 200, 3: 190, 4: 130, 6: 70},
                                    stretch=(5,))
        control = Qt.KeyboardModifier.ControlModifier
        self.view.on_key(QKeyCombination(control, Qt.Key.Key_Right), self.move_selected_on)
        self.view.on_key(QKeyCombination(control | Qt.KeyboardModifier.ShiftModifier,
                                         Qt.Key.Key_S), self.send_selected_out)
        self.view.on_open(self.print_selected)
        layout.addWidget(self.view, 3)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)

        returns_box = QGroupBox("Returns by reason", self)
        returns_layout = QHBoxLayout(returns_box)
        self.chart = ReasonBarChart(returns_box)
        self.reasons = ReasonTotalsModel(self)
        self.reason_view = RecordTable(returns_box, name="returns_by_reason")
        self.reason_view.setModel(self.reasons)
        self.reason_view.set_column_widths({0: 140, 1: 100, 2: 100, 3: 100, 4: 100})
        returns_layout.addWidget(self.chart, 1)
        returns_layout.addWidget(self.reason_view, 1)
        layout.addWidget(returns_box, 2)

        self.status.currentIndexChanged.connect(self._filter_changed)
        self.new_button.clicked.connect(self.take_in)
        self.move_button.clicked.connect(self.move_selected_on)
        self.send_button.clicked.connect(self.send_selected_out)
        self.print_button.clicked.connect(self.print_selected)
        # Bound methods: Qt drops the connection when the tab goes.
        bus().purchases_changed.connect(self._data_changed)
        bus().clients_changed.connect(self._data_changed)
        bus().followups_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, *_args) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        late = sum(1 for row in range(self.model.record_count())
                   if is_overdue(self.model.ticket_at(row), self.day))
        self.overdue.setText(f"{late} past the promised day" if late else "")
        month, year = month_and_year(self.day)
        self.chart.set_totals(month, year)
        self.reasons.set_totals(month, year)
        self.view.select_row(max(0, self.view.current_row()))

    def _filter_changed(self, *_args) -> None:
        self.model.status_filter = self.status.currentData()
        self.refresh()

    def selected_ticket(self):
        return self.model.ticket_at(self.view.current_row())

    def _move(self, status: str, workshop: str = "") -> None:
        ticket = self.selected_ticket()
        if ticket is None:
            return
        row = self.view.current_row()
        try:
            move_ticket(ticket.id, status, self.day, workshop)
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.refresh()
        self.view.select_row(min(row, self.model.record_count() - 1))
        if status in ("ready", "picked_up"):
            bus().followups_changed.emit()

    def move_selected_on(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None and ticket.status in NEXT_STATUS:
            self._move(NEXT_STATUS[ticket.status])

    def send_selected_out(self) -> None:
        if self.selected_ticket() is None:
            return
        workshop, ok = QInputDialog.getText(self, "Send out", "To which workshop?")
        if ok:
            self._move("sent_out", workshop)

    def take_in(self) -> None:
        from boutique.ui.ticket_dialog import TicketDialog

        if TicketDialog(self, today=self.day).exec():
            self.refresh()

    def print_selected(self) -> None:
        from boutique.ui.print_preview import show_pdf_preview

        ticket = self.selected_ticket()
        if ticket is not None:
            pdf = intake_ticket_pdf(intake_ticket(ticket.id), load_letterhead())
            show_pdf_preview(self, pdf, f"Service ticket {ticket_number(ticket.id)}")
